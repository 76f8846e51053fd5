package dev.tracker.issues.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * {@code 401} for a request without a valid token: Spring Security's
 * {@code WWW-Authenticate: Bearer ...} challenge (RFC 6750, with the reason a token was
 * refused) plus a problem body of a stable type, like every other error of the API. The
 * body says no more than the header; why a token failed stays in the log.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	static final String TYPE = "https://tracker.dev/problems/unauthorized";

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	private final JsonMapper json;

	ProblemAuthenticationEntryPoint(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		this.bearer.commence(request, response, ex);
		boolean tokenGiven = request.getHeader("Authorization") != null;
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", TYPE);
		problem.put("title", "Authentication required");
		problem.put("status", HttpServletResponse.SC_UNAUTHORIZED);
		problem.put("detail",
				tokenGiven
						? "The bearer token is malformed, not signed by the realm's keys, expired, "
								+ "or not meant for this API; sign in again."
						: "This needs a bearer token; sign in first.");
		problem.put("instance", request.getRequestURI());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
