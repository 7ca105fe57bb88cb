package org.partybuilding.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.ClassUtils;

/** The gateway has no broker (its only database holds the portal's sessions): no Kafka client, no load balancer. */
class ClasspathTest {

    @Test
    void noKafkaNoLoadBalancer() {
        assertThat(ClassUtils.isPresent("org.apache.kafka.clients.producer.KafkaProducer", null)).isFalse();
        assertThat(ClassUtils.isPresent("org.springframework.kafka.core.KafkaTemplate", null)).isFalse();
        assertThat(ClassUtils.isPresent("org.springframework.cloud.loadbalancer.core.ReactorLoadBalancer", null)).isFalse();
    }
}
