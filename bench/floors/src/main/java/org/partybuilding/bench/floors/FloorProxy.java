package org.partybuilding.bench.floors;

import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * Reactor Netty alone, the transport under Spring Cloud Gateway: each GET forwarded with its headers over pooled
 * keep-alive connections, the answer's status, headers and body passed back. No routing, filters or framework.
 */
public final class FloorProxy {

    private FloorProxy() {
    }

    public static void run(int port, String target) {
        HttpClient client = HttpClient.create().baseUrl(target);
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(port)
                .handle((request, response) -> client
                        .headers(headers -> headers.add(request.requestHeaders()))
                        .get().uri(request.uri())
                        .responseSingle((answer, body) -> body.asByteArray().defaultIfEmpty(new byte[0])
                                .flatMap(bytes -> response.status(answer.status()).headers(answer.responseHeaders())
                                        .sendByteArray(reactor.core.publisher.Mono.just(bytes)).then())))
                .bindNow();
        server.onDispose().block();
    }
}
