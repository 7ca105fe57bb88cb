package org.partybuilding.platform.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the realm's token endpoint in tests: an RSA key whose JWKS is served on loopback,
 * and an issuer name. Services under test are configured with exactly these, as they are with
 * Keycloak's in real use, so the whole validation path (signature, issuer, audience, expiry) runs.
 */
public final class TestTokenIssuer {

    public static final String AUDIENCE = "party-building-api";

    private static TestTokenIssuer instance;

    private final RSAKey key;
    private final String issuer;
    private final String jwkSetUri;

    private TestTokenIssuer() {
        // Without nodelay the JDK server answers small responses only after ~40 ms (Nagle + delayed ACK).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            int port = server.getAddress().getPort();
            issuer = "http://127.0.0.1:" + port + "/realms/party-building";
            jwkSetUri = "http://127.0.0.1:" + port + "/jwks";
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-token-issuer-shutdown"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static synchronized TestTokenIssuer get() {
        if (instance == null) {
            instance = new TestTokenIssuer();
        }
        return instance;
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return jwkSetUri;
    }

    RSAKey key() {
        return key;
    }
}
