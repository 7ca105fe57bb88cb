package org.partybuilding.bench.floors.gateway;

import org.partybuilding.bench.floors.Floors;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;

/** Spring Cloud Gateway as it comes, one route, nothing else: the floor of any gateway built on it. */
@SpringBootApplication(exclude = {MongoAutoConfiguration.class, MongoReactiveAutoConfiguration.class,
        DataMongoAutoConfiguration.class, DataMongoReactiveAutoConfiguration.class})
public class FloorGateway {

    public static void run(int port, String target) {
        Floors.runOnLoopback(FloorGateway.class, port, java.util.Map.of(
                "spring.cloud.gateway.server.webflux.routes[0].id", "registry",
                "spring.cloud.gateway.server.webflux.routes[0].uri", target,
                "spring.cloud.gateway.server.webflux.routes[0].predicates[0]", "Path=/api/registry/**"));
    }
}
