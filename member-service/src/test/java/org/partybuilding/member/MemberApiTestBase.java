package org.partybuilding.member;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.TestEventPublisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every member-service API test has: the service on a random port, its database, the broker,
 * and a publisher for the events of other services (organizations, party organizations, training).
 */
@PlatformTest
public abstract class MemberApiTestBase {

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected ReactiveMongoTemplate mongo;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    protected TestEventPublisher events;

    @BeforeEach
    void openPublisher() {
        events = new TestEventPublisher(broker);
    }

    @AfterEach
    void closePublisher() {
        events.close();
    }
}
