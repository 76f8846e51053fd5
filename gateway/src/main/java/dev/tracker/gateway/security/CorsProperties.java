package dev.tracker.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which browser origins may call the API across origins ({@code tracker.gateway.cors.*}).
 * Only the portal's own: the gateway's address, and the portal's dev server.
 *
 * @param allowedOrigins exact origins ({@code scheme://host[:port]}), no wildcards
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("tracker.gateway.cors")
public record CorsProperties(@DefaultValue( {
		"http://localhost:8080", "http://localhost:5173" }) List<String> allowedOrigins,
		@DefaultValue("1h") Duration maxAge){
}
