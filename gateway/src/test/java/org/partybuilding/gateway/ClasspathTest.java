package org.partybuilding.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.ClassUtils;

/** The gateway has no broker and no database: neither client may creep onto its classpath. */
class ClasspathTest {

    @Test
    void noKafkaNoMongoNoLoadBalancer() {
        assertThat(ClassUtils.isPresent("org.apache.kafka.clients.producer.KafkaProducer", null)).isFalse();
        assertThat(ClassUtils.isPresent("org.springframework.kafka.core.KafkaTemplate", null)).isFalse();
        assertThat(ClassUtils.isPresent("com.mongodb.reactivestreams.client.MongoClient", null)).isFalse();
        assertThat(ClassUtils.isPresent("org.springframework.cloud.loadbalancer.core.ReactorLoadBalancer", null)).isFalse();
    }
}
