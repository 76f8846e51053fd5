package dev.tracker.gateway.requestsize;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body the gateway forwards ({@code tracker.gateway.request-size.*}).
 *
 * @param max the limit of every route not named in {@code routes}
 * @param routes the limits of single routes, by route id (e.g. the file uploads)
 */
@ConfigurationProperties("tracker.gateway.request-size")
public record RequestSizeProperties(@DefaultValue("1MB") DataSize max, @DefaultValue Map<String, DataSize> routes) {

	/** The limit of a route. */
	public DataSize maxFor(String routeId) {
		return this.routes.getOrDefault(routeId, this.max);
	}

}
