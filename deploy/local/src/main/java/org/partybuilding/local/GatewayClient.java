package org.partybuilding.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The small HTTP client of the local platform's own tools (the demo district loader, the benchmarks): HTTP/1.1 on
 * loopback, a demo user's access token from the local realm (password {@code demo}, client {@code platform-cli}),
 * renewed every minute, and JSON, CSV uploads and plain requests through the gateway. Answers are status and body;
 * each caller reads the body with the JSON library it already uses.
 */
public final class GatewayClient {

    /** An answer: its status and body. */
    public record Response(int status, String body) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_LIFE = Duration.ofSeconds(60);

    private final String gateway;
    private final String tokenUri;
    private final String user;
    private String token;
    private long tokenAt;

    /**
     * @param gatewayUrl e.g. {@code http://localhost:8080}
     * @param tokenUri   the local realm's token endpoint ({@link LocalPlatform#tokenUri()})
     * @param user       the demo user whose token goes with every request
     */
    public GatewayClient(String gatewayUrl, String tokenUri, String user) {
        this.gateway = Objects.requireNonNull(gatewayUrl);
        this.tokenUri = Objects.requireNonNull(tokenUri);
        this.user = Objects.requireNonNull(user);
    }

    /** The local realm's token endpoint under {@code keycloakUrl}. */
    public static String tokenUri(String keycloakUrl) {
        return keycloakUrl + "/realms/party-building/protocol/openid-connect/token";
    }

    /** The user's current bearer token, fetched again once a minute old. */
    public synchronized String bearer() {
        if (token == null || System.nanoTime() - tokenAt > TOKEN_LIFE.toNanos()) {
            token = token(tokenUri, user);
            tokenAt = System.nanoTime();
        }
        return token;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + bearer()).GET().build());
    }

    public Response postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + bearer()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A CSV file as the multipart form field {@code file}, as the import endpoints take it. */
    public Response upload(String path, String csv) {
        String boundary = "upload-" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream body = new ByteArrayOutputStream(csv.length() * 3 + 512);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload.csv\"\r\n"
                + "Content-Type: text/csv; charset=UTF-8\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(300))
                .header("Authorization", "Bearer " + bearer())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** A demo user's access token from {@code tokenUri} (password grant, password {@code demo}). */
    public static String token(String tokenUri, String user) {
        return token(tokenUri, Map.of("grant_type", "password", "client_id", "platform-cli", "username", user,
                "password", "demo"));
    }

    /** The access token {@code tokenUri} answers the {@code form} with. */
    public static String token(String tokenUri, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        Response response = send(HttpRequest.newBuilder(URI.create(tokenUri)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.status() != 200) {
            throw new IllegalStateException("no token from " + tokenUri + ": " + response.status() + " " + response.body());
        }
        try {
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** Sends {@code request} on the shared HTTP/1.1 client. */
    public static Response send(HttpRequest request) {
        HttpResponse<String> response = exchange(request);
        return new Response(response.statusCode(), response.body());
    }

    /** As {@link #send}, with the whole {@link HttpResponse} (headers too). */
    public static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
