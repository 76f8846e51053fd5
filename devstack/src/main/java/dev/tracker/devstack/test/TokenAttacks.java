package dev.tracker.devstack.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens that a resource server of the tracker (the gateway or any service) must
 * refuse with {@code 401}, a problem body and {@code WWW-Authenticate: Bearer ...}. Use
 * it against any base URL:
 *
 * <pre class="code">
 * TokenAttacks.assertAllRefused(new TestHttp(baseUrl), "/api/issues",
 *         TokenAttacks.forgeries(realToken, jwkSetUri));
 * </pre>
 *
 * {@link #forgeries} needs nothing but one real token and the realm's public keys:
 * forged, unsigned, re-signed and tampered tokens. {@link #wrongClaims} are correctly
 * signed by a key the server trusts but carry a claim it must refuse (expired, not yet
 * valid, another issuer or audience, ...); they need the server to trust the
 * {@link TokenForge}'s key set
 * ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}).
 */
public final class TokenAttacks {

	private static final Base64.Encoder base64Url = Base64.getUrlEncoder().withoutPadding();

	private TokenAttacks() {
	}

	/**
	 * A way to present a token.
	 *
	 * @param name what it tries
	 * @param authorization the {@code Authorization} header, or null for none
	 */
	public record Attack(String name, String authorization) {

		static Attack bearer(String name, String token) {
			return new Attack(name, "Bearer " + token);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	/**
	 * Tokens forged from a real token of the realm and the realm's public keys.
	 * @param realToken a valid access token of the realm
	 * @param jwkSetUri the realm's key set (to find the public key for the key confusion
	 * attack)
	 */
	public static List<Attack> forgeries(String realToken, String jwkSetUri) {
		try {
			SignedJWT real = SignedJWT.parse(realToken);
			JWTClaimsSet claims = real.getJWTClaimsSet();
			String realKeyId = real.getHeader().getKeyID();
			RSAKey realmKey = realmKey(jwkSetUri, realKeyId);
			TokenForge attacker = TokenForge.withNewKey();
			String[] parts = realToken.split("\\.");
			List<Attack> attacks = new ArrayList<>();
			attacks.add(new Attack("no token", null));
			attacks.add(new Attack("basic credentials instead of a bearer token", "Basic dXNlcjpwYXNzd29yZA=="));
			attacks.add(Attack.bearer("not a JWT", "not-a-token"));
			attacks.add(Attack.bearer("malformed JWT", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln"));
			attacks.add(Attack.bearer("unsigned (alg none)", new PlainJWT(claims).serialize()));
			attacks.add(Attack.bearer("alg none with the real signature",
					base64Url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
							+ "." + parts[1] + "." + parts[2]));
			attacks.add(Attack.bearer("signature stripped", parts[0] + "." + parts[1] + "."));
			attacks.add(Attack.bearer("payload tampered (other subject, ADMIN role)",
					parts[0] + "." + tamperedPayload(parts[1]) + "." + parts[2]));
			attacks.add(Attack.bearer("HS256 signed with the realm's public key (key confusion)",
					hmacSigned(claims, realKeyId, realmKey.toPublicKey().getEncoded())));
			attacks
				.add(Attack.bearer("HS256 signed with the realm's public key as PEM (key confusion)", hmacSigned(claims,
						realKeyId, pem(realmKey.toPublicKey().getEncoded()).getBytes(StandardCharsets.UTF_8))));
			attacks
				.add(Attack.bearer("HS256 signed with the realm's key set as JSON (key confusion)", hmacSigned(claims,
						realKeyId, realmKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8))));
			attacks.add(Attack.bearer("signed by another key under the realm's key id",
					attacker.sign(attacker.header(JWSAlgorithm.RS256).keyID(realKeyId).build(), claims)));
			attacks
				.add(Attack.bearer("signed by another realm's key (key id not in the key set)", attacker.sign(claims)));
			attacks.add(Attack.bearer("jku header pointing at the attacker's key set",
					attacker.sign(attacker.header(JWSAlgorithm.RS256)
						.jwkURL(URI.create("http://127.0.0.1:9/attacker/jwks.json"))
						.build(), claims)));
			attacks.add(Attack.bearer("x5u header pointing at the attacker's certificate",
					attacker.sign(attacker.header(JWSAlgorithm.RS256)
						.x509CertURL(URI.create("http://127.0.0.1:9/attacker/cert.pem"))
						.build(), claims)));
			attacks.add(Attack.bearer("attacker's public key embedded in the jwk header", attacker
				.sign(attacker.header(JWSAlgorithm.RS256).jwk(attacker.key().toPublicJWK()).build(), claims)));
			return attacks;
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException("Could not forge tokens from " + realToken, ex);
		}
	}

	/**
	 * Tokens correctly signed by {@code trusted}, each with one claim a server trusting
	 * it ({@link TokenForge#trustSettings()}) must refuse.
	 */
	public static List<Attack> wrongClaims(TokenForge trusted) {
		return wrongClaims(trusted, TokenForge.ISSUER, TokenForge.AUDIENCE);
	}

	/**
	 * Tokens correctly signed by {@code trusted}, each with one claim the server must
	 * refuse.
	 * @param issuer the issuer the server expects
	 * @param audience the audience the server expects
	 */
	public static List<Attack> wrongClaims(TokenForge trusted, String issuer, String audience) {
		Instant now = Instant.now();
		Date tenMinutesAgo = Date.from(now.minus(Duration.ofMinutes(10)));
		Date inTenMinutes = Date.from(now.plus(Duration.ofMinutes(10)));
		return List.of(
				Attack.bearer("expired ten minutes ago",
						trusted.sign(new JWTClaimsSet.Builder(TokenForge.claims(issuer, audience).build())
							.issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
							.notBeforeTime(Date.from(now.minus(Duration.ofMinutes(20))))
							.expirationTime(tenMinutesAgo)
							.build())),
				Attack.bearer("not valid before ten minutes from now",
						trusted.sign(new JWTClaimsSet.Builder(TokenForge.claims(issuer, audience).build())
							.notBeforeTime(inTenMinutes)
							.expirationTime(Date.from(now.plus(Duration.ofMinutes(20))))
							.build())),
				Attack.bearer("issued by another issuer",
						trusted.sign(TokenForge.claims("http://evil.example/realms/tracker", audience).build())),
				Attack.bearer("issued by no one",
						trusted.sign(new JWTClaimsSet.Builder(TokenForge.claims(issuer, audience).build()).issuer(null)
							.build())),
				Attack.bearer("for another audience", trusted.sign(TokenForge.claims(issuer, "account").build())),
				Attack.bearer("for no audience",
						trusted.sign(new JWTClaimsSet.Builder(TokenForge.claims(issuer, audience).build())
							.audience((String) null)
							.build())),
				Attack.bearer("without an expiry",
						trusted.sign(new JWTClaimsSet.Builder(TokenForge.claims(issuer, audience).build())
							.expirationTime(null)
							.build())),
				Attack.bearer("signed with RS512 (not on the algorithm allow-list)",
						trusted.sign(trusted.header(JWSAlgorithm.RS512).build(),
								TokenForge.claims(issuer, audience).build())),
				Attack.bearer("signed with PS256 (not on the algorithm allow-list)", trusted
					.sign(trusted.header(JWSAlgorithm.PS256).build(), TokenForge.claims(issuer, audience).build())));
	}

	/**
	 * Sends {@code GET path} with each attack and asserts every answer is {@code 401}
	 * with {@code WWW-Authenticate: Bearer ...} and a problem body with a {@code type}.
	 */
	public static void assertAllRefused(TestHttp http, String path, List<Attack> attacks) {
		for (Attack attack : attacks) {
			HttpResponse<String> response = send(http, path, attack);
			assertThat(response.statusCode()).as("%s: %s", attack, response.body()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).as(attack.name())
				.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
			assertThat(response.headers().firstValue("Content-Type")).as(attack.name())
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.body()).as(attack.name()).contains("\"type\"").doesNotContain("Exception");
		}
	}

	/** Sends {@code GET path} with the attack's {@code Authorization} header. */
	public static HttpResponse<String> send(TestHttp http, String path, Attack attack) {
		HttpRequest.Builder request = http.request(path, null).GET();
		if (attack.authorization() != null) {
			request.header("Authorization", attack.authorization());
		}
		return http.send(request.build());
	}

	private static RSAKey realmKey(String jwkSetUri, String keyId) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(jwkSetUri)).timeout(Duration.ofSeconds(10)).build(),
						HttpResponse.BodyHandlers.ofString());
			JWK key = JWKSet.parse(response.body()).getKeyByKeyId(keyId);
			if (!(key instanceof RSAKey rsa)) {
				throw new IllegalStateException("No RSA key " + keyId + " in " + response.body());
			}
			return rsa;
		}
		catch (IOException | ParseException ex) {
			throw new IllegalStateException("Could not read the key set at " + jwkSetUri, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String hmacSigned(JWTClaimsSet claims, String keyId, byte[] secret) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId).build(), claims);
		jwt.sign(new MACSigner(secret));
		return jwt.serialize();
	}

	private static String pem(byte[] der) {
		return "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END PUBLIC KEY-----\n";
	}

	private static String tamperedPayload(String payload) {
		try {
			Map<String, Object> claims = new java.util.LinkedHashMap<>(
					JWTClaimsSet.parse(new Base64URL(payload).decodeToString()).toJSONObject());
			claims.put("sub", "00000000-0000-0000-0000-000000000000");
			claims.put("roles", List.of("ADMIN", "MAINTAINER", "REPORTER"));
			return base64Url.encodeToString(JWTClaimsSet.parse(claims).toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
