package org.partybuilding.platform.deadletters;

import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import reactor.core.publisher.Mono;

/**
 * {@code /actuator/deadletters} on the management port, for an operator (runbook: deploy/monitoring/README.md).
 * {@code GET}: how many dead letters of this service wait for a replay and how many are parked, and the newest of them
 * with their reasons. {@code POST} (district-admin token): replay every parked record; {@code POST /{id}}: that one.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    private final DeadLetters deadLetters;

    public DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    public Mono<DeadLetters.Listing> list() {
        return deadLetters.list();
    }

    @WriteOperation
    public Mono<Map<String, Long>> replayParked() {
        return deadLetters.replayParked(null).map(n -> Map.of("replaying", n));
    }

    @WriteOperation
    public Mono<Map<String, Long>> replayOne(@Selector String id) {
        return deadLetters.replayParked(id).map(n -> Map.of("replaying", n));
    }
}
