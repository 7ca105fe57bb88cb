package org.partybuilding.local.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.partybuilding.local.GatewayClient;
import org.partybuilding.local.GatewayClient.Response;

/**
 * The platform's API as the demo loader and its figure check read it: {@link GatewayClient} (committee-admin) with
 * JSON answers, every page of a list, and waiting for what other services learn from events.
 */
final class DemoApi {

    static final ObjectMapper JSON = new ObjectMapper();
    /** How long a figure or a step that depends on other services' events may take to show. */
    static final Duration EVENTUAL = Duration.ofSeconds(180);

    private final GatewayClient client;

    DemoApi(GatewayClient client) {
        this.client = client;
    }

    JsonNode coverage() {
        return get("/api/branches/coverage");
    }

    List<JsonNode> listAll(String path) {
        List<JsonNode> all = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            JsonNode answer = get(path + separator + "size=200&page=" + page);
            answer.path("items").forEach(all::add);
            if (answer.path("items").size() < 200) {
                return all;
            }
        }
    }

    /** A GET whose status the caller judges. */
    Response fetch(String path) {
        return client.get(path);
    }

    JsonNode get(String path) {
        Response response = client.get(path);
        expectStatus(response, 200, "GET " + path);
        return json(response.body());
    }

    Response post(String path, Object body) {
        try {
            return client.postJson(path, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode upload(String path, String csv) {
        Response response = client.upload(path, csv);
        expectStatus(response, 200, "POST " + path);
        return json(response.body());
    }

    /** Sends until the expected status: another service may not have read the events it needs yet (422, 400, 404). */
    JsonNode retrying(String what, java.util.function.Supplier<Response> call, int status) {
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        while (true) {
            Response response = call.get();
            if (response.status() == status) {
                return json(response.body());
            }
            if (response.status() >= 500 || response.status() == 401 || response.status() == 403 || System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": " + response.status() + " " + response.body());
            }
            GatewayClient.sleep(1000);
        }
    }

    void awaitFigure(String what, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            GatewayClient.sleep(1000);
        }
    }

    static void expectStatus(Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + ": " + response.status() + " " + response.body());
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
