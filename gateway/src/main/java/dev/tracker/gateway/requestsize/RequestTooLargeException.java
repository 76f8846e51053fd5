package dev.tracker.gateway.requestsize;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request body over its route's limit ({@code 413}). Not a failure of the service
 * behind the route: circuit breakers ignore it.
 */
public class RequestTooLargeException extends ResponseStatusException {

	private final long maxSize;

	RequestTooLargeException(long maxSize) {
		super(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than the limit of " + maxSize + " bytes");
		this.maxSize = maxSize;
	}

	/** The limit in bytes. */
	public long maxSize() {
		return this.maxSize;
	}

}
