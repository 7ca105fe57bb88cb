package org.partybuilding.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.reactivestreams.Publisher;

import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.NettyOutbound;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for one service on loopback: echoes what it received (method, path and query,
 * Authorization, Host, body length) as JSON, serves a fake OpenAPI document at /v3/api-docs and a
 * readiness probe that a test can turn DOWN. Remembers every API request so tests can show that a
 * refused request never reached it.
 */
final class StubService implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Received(String method, String uri, String authorization, String host, String contentLength,
            String transferEncoding, int bodyLength, String traceparent) {
    }

    private final String name;
    private final DisposableServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Its open connections: {@link #close()} ends them too, as a process that dies does. */
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private volatile boolean ready = true;

    private StubService(String name) {
        this.name = name;
        this.server = HttpServer.create().host("127.0.0.1").port(0).channelGroup(connections).handle(this::handle).bindNow();
    }

    static StubService start(String name) {
        return new StubService(name);
    }

    String name() {
        return name;
    }

    String uri() {
        return "http://127.0.0.1:" + server.port();
    }

    String healthUri() {
        return uri() + "/actuator/health/readiness";
    }

    void ready(boolean ready) {
        this.ready = ready;
    }

    /** The API requests received whose path (and query) is exactly {@code uri}. */
    List<Received> received(String uri) {
        return received.stream().filter(r -> r.uri().equals(uri)).toList();
    }

    private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        if (request.uri().equals("/actuator/health/readiness")) {
            return json(response.status(ready ? 200 : 503), Map.of("status", ready ? "UP" : "DOWN"));
        }
        return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap(body -> {
            Received seen = new Received(request.method().name(), request.uri(), request.requestHeaders().get("Authorization"),
                    request.requestHeaders().get("Host"), request.requestHeaders().get("Content-Length"),
                    request.requestHeaders().get("Transfer-Encoding"), body.length, request.requestHeaders().get("traceparent"));
            received.add(seen);
            if (request.uri().equals("/v3/api-docs")) {
                return Mono.from(json(response, Map.of("openapi", "3.1.0", "info", Map.of("title", name, "version", "test"),
                        "paths", Map.of())));
            }
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("service", name);
            echo.put("method", seen.method());
            echo.put("uri", seen.uri());
            echo.put("authorization", seen.authorization());
            echo.put("bodyLength", seen.bodyLength());
            return Mono.from(json(response, echo));
        });
    }

    private static NettyOutbound json(HttpServerResponse response, Object body) {
        return response.header("Content-Type", "application/json").sendByteArray(Mono.just(JSON.writeValueAsBytes(body)));
    }

    @Override
    public void close() {
        connections.close().awaitUninterruptibly();
        server.disposeNow();
    }
}
