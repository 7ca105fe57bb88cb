package org.partybuilding.bench.floors.service;

import org.bson.Document;
import org.partybuilding.bench.floors.Floors;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * WebFlux and the reactive MongoDB driver alone: the organization's document read by id from registry-service's
 * database and answered as JSON. No security, mapping, scope, masking or observation: the floor of the service's
 * GET by id on its stack.
 */
@SpringBootApplication
public class FloorService {

    public static void run(int port, String mongoUri) {
        Floors.runOnLoopback(FloorService.class, port, java.util.Map.of(
                "spring.mongodb.uri", mongoUri,
                "spring.mongodb.database", "registry",
                // the same jar holds Spring Cloud Gateway: off here, so that no gateway handler runs first
                "spring.cloud.gateway.server.webflux.enabled", false));
    }

    @Bean
    RouterFunction<ServerResponse> organizationById(ReactiveMongoTemplate mongo) {
        return RouterFunctions.route().GET("/api/registry/organizations/{id}", request ->
                mongo.findById(request.pathVariable("id"), Document.class, "organizations")
                        .flatMap(document -> ServerResponse.ok().bodyValue(document.toJson()))
                        .switchIfEmpty(ServerResponse.notFound().build())).build();
    }
}
