package org.partybuilding.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void serverPropertiesDescribeASingleKraftNodeOnLoopback() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(KafkaBroker.serverProperties(Path.of("/data/kafka/logs"), 9092, 9093)));

        assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(p.getProperty("node.id")).isEqualTo("1");
        assertThat(p.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:9093");
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(p.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092");
        assertThat(p.getProperty("controller.listener.names")).isEqualTo("CONTROLLER");
        assertThat(p.getProperty("log.dirs")).isEqualTo("/data/kafka/logs");
        assertThat(p.getProperty("num.partitions")).isEqualTo("3");
        assertThat(p.getProperty("auto.create.topics.enable")).isEqualTo("true");
        assertThat(p.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(p.getProperty("min.insync.replicas")).isEqualTo("1");
    }

    @Test
    void portsFollowTheOffset() {
        Ports ports = new Ports(100);
        String properties = KafkaBroker.serverProperties(Path.of("logs"), ports.kafka(), ports.kafkaController());
        assertThat(properties).contains("listeners=PLAINTEXT://127.0.0.1:9192,CONTROLLER://127.0.0.1:9193");
        assertThat(ports.gateway()).isEqualTo(8180);
        assertThat(ports.keycloak()).isEqualTo(8280);
        assertThat(ports.management("funding-service")).isEqualTo(9185);
        assertThat(ports.mongo()).isEqualTo(27117);
    }

    @Test
    void theBrokerClasspathWrittenByTheBuildExistsAndHoldsKafkaAndALoggingBinding() {
        String classpath = KafkaBroker.classpath();
        assertThat(classpath).contains("kafka_2.13-").contains("slf4j-simple-");
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            assertThat(Files.exists(Path.of(entry))).as(entry).isTrue();
        }
    }
}
