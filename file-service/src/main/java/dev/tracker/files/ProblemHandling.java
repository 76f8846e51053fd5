package dev.tracker.files;

import java.net.URI;
import java.util.TreeSet;

import dev.tracker.files.file.FileTypeNotAllowedException;
import dev.tracker.files.file.FilesProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors as {@code application/problem+json} (RFC 9457) with a stable {@code type}: an
 * upload over the limit is {@code 413}, a malformed one {@code 400}, one of a type that
 * is not allowed {@code 415}, and a file store that fails {@code 503}.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandling.class);

	private final FilesProperties files;

	ProblemHandling(FilesProperties files) {
		this.files = files;
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// Tomcat does not tell Spring the limit (the exception says -1): name it here
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The file is larger than the limit of " + this.files.maxSize().toBytes() + " bytes");
		problem.setType(URI.create("https://tracker.dev/problems/file-too-large"));
		problem.setTitle("File too large");
		problem.setProperty("maxSize", this.files.maxSize().toBytes());
		return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
	}

	/**
	 * A multipart body the container could not parse, e.g. a file name with a NUL
	 * character, which Tomcat refuses outright.
	 */
	@ExceptionHandler(MultipartException.class)
	ProblemDetail malformedUpload(MultipartException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The multipart body could not be read: "
						+ ((ex.getRootCause() != null) ? ex.getRootCause().getMessage() : ex.getMessage()));
		problem.setType(URI.create("https://tracker.dev/problems/malformed-upload"));
		problem.setTitle("Malformed upload");
		return problem;
	}

	@ExceptionHandler(FileTypeNotAllowedException.class)
	ProblemDetail typeNotAllowed(FileTypeNotAllowedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ex.getMessage());
		problem.setType(URI.create("https://tracker.dev/problems/file-type-not-allowed"));
		problem.setTitle("File type not allowed");
		problem.setProperty("contentType", ex.contentType());
		problem.setProperty("allowedTypes", new TreeSet<>(ex.allowedTypes()));
		return problem;
	}

	@ExceptionHandler(SdkException.class)
	ProblemDetail storageFailed(SdkException ex) {
		logger.error("The file store failed", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The file store did not answer as expected; try again later");
		problem.setType(URI.create("https://tracker.dev/problems/file-store-unavailable"));
		problem.setTitle("File store unavailable");
		return problem;
	}

}
