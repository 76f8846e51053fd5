package dev.tracker.gateway.docs;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import dev.tracker.gateway.portal.PortalProperties;

/**
 * The {@code ApiDocsLogin} route filter: adds to a service's OpenAPI document the realm's
 * login as the security scheme {@value #SCHEME} (OAuth 2 authorization code; Swagger UI
 * adds PKCE and the portal's client id, see {@code springdoc.swagger-ui.oauth.*}),
 * requires it for every operation that does not say otherwise, and points "Try it out" at
 * the gateway. A scheme the service declares itself is kept.
 */
@Component
public class ApiDocsLoginGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

	/** The name of the security scheme in the documents. */
	public static final String SCHEME = "keycloak";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;

	private final String realmUrl;

	public ApiDocsLoginGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyResponseBody,
			PortalProperties portal) {
		super(Object.class);
		this.modifyResponseBody = modifyResponseBody;
		this.realmUrl = portal.keycloakUrl() + "/realms/" + portal.realm();
	}

	@Override
	public GatewayFilter apply(Object config) {
		return this.modifyResponseBody.apply(new ModifyResponseBodyGatewayFilterFactory.Config()
			.setRewriteFunction(byte[].class, byte[].class, (exchange, body) -> {
				HttpStatusCode status = exchange.getResponse().getStatusCode();
				MediaType type = exchange.getResponse().getHeaders().getContentType();
				if (body == null || status == null || !status.is2xxSuccessful() || type == null
						|| !type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
					return Mono.justOrEmpty(body);
				}
				return Mono.just(withLogin(body));
			}));
	}

	byte[] withLogin(byte[] document) {
		JsonNode tree = json.readTree(document);
		if (!(tree instanceof ObjectNode openApi)) {
			return document;
		}
		ObjectNode schemes = openApi.withObject("/components/securitySchemes");
		if (!schemes.has(SCHEME)) {
			ObjectNode flow = schemes.putObject(SCHEME)
				.put("type", "oauth2")
				.put("description", "Sign in with the tracker realm (authorization code with PKCE)")
				.putObject("flows")
				.putObject("authorizationCode")
				.put("authorizationUrl", this.realmUrl + "/protocol/openid-connect/auth")
				.put("tokenUrl", this.realmUrl + "/protocol/openid-connect/token");
			flow.putObject("scopes").put("openid", "your identity");
		}
		if (!openApi.has("security")) {
			openApi.putArray("security").addObject().putArray(SCHEME);
		}
		openApi.putArray("servers").addObject().put("url", "/").put("description", "the gateway");
		return json.writeValueAsBytes(openApi);
	}

}
