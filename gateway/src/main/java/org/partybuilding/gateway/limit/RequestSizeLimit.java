package org.partybuilding.gateway.limit;

import java.util.Optional;
import java.util.Set;

import org.partybuilding.gateway.GatewaySettings;
import org.partybuilding.platform.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over {@code platform.gateway.max-request-size} with 413 problem+json, before
 * anything reaches a service. Spring Cloud Gateway's RequestSize filter only reads Content-Length and
 * answers without a body; a chunked upload carries no length, so here it is read up to the limit
 * first and only then passed on, with its length. That holds at most one limit's worth of memory per
 * chunked upload in flight; bodies with a Content-Length (all browser uploads) stream straight through.
 */
@Component
public class RequestSizeLimit implements WebFilter, Ordered {

    /** After Spring Security's chain (-100): a caller without a valid token gets 401 and its body is never read. */
    static final int ORDER = -50;

    private static final Set<HttpMethod> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final long maxBytes;
    private final String limit;

    public RequestSizeLimit(GatewaySettings settings) {
        this.maxBytes = settings.maxRequestSize().toBytes();
        this.limit = maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MB"
                : maxBytes % 1024 == 0 ? maxBytes / 1024 + " KB" : maxBytes + " bytes";
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long length = request.getHeaders().getContentLength();
        if (length > maxBytes) {
            return tooLarge(exchange);
        }
        if (length >= 0 || !mayHaveBody(request)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), (int) Math.min(maxBytes, Integer.MAX_VALUE))
                .map(RequestSizeLimit::copyAndRelease)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorResume(DataBufferLimitException.class, e -> tooLarge(exchange).then(Mono.empty()))
                .flatMap(body -> chain.filter(exchange.mutate().request(withBody(request, body.orElse(new byte[0]))).build()));
    }

    /** Without Content-Length, HTTP/1.1 has a body only when chunked; other protocols may stream one on a write. */
    private static boolean mayHaveBody(ServerHttpRequest request) {
        return request.getHeaders().getFirst(HttpHeaders.TRANSFER_ENCODING) != null || BODY_METHODS.contains(request.getMethod());
    }

    /** A plain heap copy: nothing pooled to release if the request goes nowhere (no route, refused). */
    private static byte[] copyAndRelease(DataBuffer joined) {
        try {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(joined);
        }
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body) {
        ServerHttpRequest sized = request.mutate().headers(headers -> {
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            headers.setContentLength(body.length);
        }).build();
        return new ServerHttpRequestDecorator(sized) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body));
            }
        };
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return ProblemResponses.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content Too Large",
                "The request body is larger than the " + limit + " the gateway accepts");
    }
}
