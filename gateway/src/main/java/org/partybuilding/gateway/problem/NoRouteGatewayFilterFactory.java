package org.partybuilding.gateway.problem;

import org.partybuilding.platform.problem.ProblemResponses;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * {@code NoRoute}, the filter of the last route: a path under /api/** that no service owns is 404
 * problem+json saying so. (Left to the dispatcher, it would fall through to the static-resource
 * handler, whose "No static resource ... for request 'http://host/...'" is neither true nor useful.)
 */
@Component
public class NoRouteGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    public NoRouteGatewayFilterFactory() {
        super(Object.class);
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> ProblemResponses.write(exchange, HttpStatus.NOT_FOUND, "not-found", "Not Found",
                "No service serves this path");
    }
}
