package dev.tracker.devstack.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * An RSA key of a test's own, with the JWK set of its public half served on 127.0.0.1
 * (once {@link #serve() served}), for tokens that are correctly signed by a key the
 * server under test trusts, or by a key it does not know at all.
 */
public final class TokenForge implements AutoCloseable {

	/** The issuer a server trusting a forge expects ({@link #trustSettings()}). */
	public static final String ISSUER = "http://keycloak.test/realms/tracker";

	/** The audience every tracker resource server requires. */
	public static final String AUDIENCE = "tracker-api";

	private final RSAKey key;

	private final AtomicInteger keySetRequests = new AtomicInteger();

	private HttpServer server;

	private TokenForge(RSAKey key) {
		this.key = key;
	}

	/** A new 2048-bit RSA key with a random key id. */
	public static TokenForge withNewKey() {
		try {
			return new TokenForge(new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Serves the public key as a JWK set at {@link #jwkSetUri()}. */
	public TokenForge serve() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] keySet = new JWKSet(this.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		this.server.createContext("/jwks", (exchange) -> {
			this.keySetRequests.incrementAndGet();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, keySet.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(keySet);
			}
		});
		this.server.start();
		return this;
	}

	/** Where the public key is served. */
	public String jwkSetUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/jwks";
	}

	/** How often the key set was fetched. */
	public int keySetRequests() {
		return this.keySetRequests.get();
	}

	/** The key (both halves). */
	public RSAKey key() {
		return this.key;
	}

	/** The claims of a token that would pass a server trusting the forge. */
	public static JWTClaimsSet.Builder claims() {
		return claims(ISSUER, AUDIENCE);
	}

	/**
	 * The claims of a token that would pass: issued now, valid for 5 minutes, for the
	 * audience, with a {@code sub} and the {@code roles} the tracker's tokens carry.
	 */
	public static JWTClaimsSet.Builder claims(String issuer, String audience) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(issuer)
			.audience(audience)
			.subject(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.jwtID(UUID.randomUUID().toString())
			.claim("roles", List.of("REPORTER"))
			.claim("email", "forged@example.com");
	}

	/**
	 * The settings (environment variables of docs/conventions.md) that make a tracker
	 * resource server trust this forge's served key set, with {@link #ISSUER} as the
	 * issuer, instead of the realm's.
	 */
	public Map<String, String> trustSettings() {
		return Map.of("TRACKER_ISSUER_URI", ISSUER, "TRACKER_JWK_SET_URI", jwkSetUri());
	}

	/** The claims signed with RS256 by this key, its key id in the header. */
	public String sign(JWTClaimsSet claims) {
		return sign(header(JWSAlgorithm.RS256).build(), claims);
	}

	/** The claims signed by this key under a header of the test's own. */
	public String sign(JWSHeader header, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(header, claims);
			jwt.sign(new RSASSASigner(this.key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A header for this key: the algorithm, {@code typ: JWT} and the key id. */
	public JWSHeader.Builder header(JWSAlgorithm algorithm) {
		return new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(this.key.getKeyID());
	}

	@Override
	public void close() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

}
