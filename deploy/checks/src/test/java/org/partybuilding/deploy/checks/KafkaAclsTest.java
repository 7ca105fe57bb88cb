package org.partybuilding.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partybuilding.events.EventType;
import org.partybuilding.events.Topics;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Kafka's identities and ACLs (deploy/k8s/base/kafka-users.yaml for Strimzi, deploy/kafka/acls.conf for compose)
 * hold exactly what each service's code needs: write its own topic, read what its listeners consume, write (and
 * read, to replay) the dead letters of what it consumes, use consumer groups named after itself — a missing rule
 * would stop the service, an extra one would let it forge another service's events. The topics a service uses are
 * read from its code: the topics of its {@code @KafkaListener}s, and the topics of the event types it names that
 * it does not consume (those it publishes), each of which it must own (the topic's first word is the service's).
 */
class KafkaAclsTest {

    static final List<String> SERVICES = List.of("registry-service", "branch-service", "member-service",
            "training-service", "funding-service");

    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\((?:[^)]*?)topics\\s*=\\s*(\\{[^}]*}|Topics\\.[A-Z_]+)");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("Topics\\.([A-Z_]+)");
    private static final Pattern EVENT_TYPE = Pattern.compile("EventType\\.([A-Z_]+)");

    /** One ACL: {@code topic|group}, name, operation, {@code literal|prefix}. */
    record Rule(String resource, String name, String operation, String pattern) implements Comparable<Rule> {
        @Override
        public int compareTo(Rule o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return resource + ":" + name + (pattern.equals("prefix") ? "*" : "") + ":" + operation;
        }
    }

    /** What the code of each service reads and writes on Kafka. */
    record Usage(Set<String> consumed, Set<String> produced) {
    }

    static Usage usageOf(String service) {
        String code = mainSources(service);
        Map<String, String> topics = topicConstants();
        Set<String> consumed = new TreeSet<>();
        Matcher listener = LISTENER.matcher(code);
        while (listener.find()) {
            Matcher constant = TOPIC_CONSTANT.matcher(listener.group(1));
            while (constant.find()) {
                consumed.add(topics.get(constant.group(1)));
            }
        }
        Set<String> produced = new TreeSet<>();
        Matcher type = EVENT_TYPE.matcher(code);
        while (type.find()) {
            String topic = EventType.valueOf(type.group(1)).topic();
            if (!consumed.contains(topic)) {
                produced.add(topic);
            }
        }
        produced.addAll(owned(service));
        return new Usage(consumed, produced);
    }

    /** The topics a service owns: those whose first word is its name's ({@code member.members.v1} is member-service's). */
    static Set<String> owned(String service) {
        String prefix = service.substring(0, service.indexOf("-service")) + ".";
        return Topics.ALL.stream().filter(t -> t.startsWith(prefix)).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<Rule> needed(String service, Usage usage) {
        Set<Rule> rules = new TreeSet<>();
        for (String topic : usage.produced()) {
            rules.add(new Rule("topic", topic, "Describe", "literal"));
            rules.add(new Rule("topic", topic, "Write", "literal"));
        }
        for (String topic : usage.consumed()) {
            rules.add(new Rule("topic", topic, "Describe", "literal"));
            rules.add(new Rule("topic", topic, "Read", "literal"));
            for (String operation : List.of("Describe", "Read", "Write")) {
                rules.add(new Rule("topic", Topics.deadLetter(topic), operation, "literal"));
            }
        }
        rules.add(new Rule("group", service, "Describe", "prefix"));
        rules.add(new Rule("group", service, "Read", "prefix"));
        return rules;
    }

    /** What is wrong with the rules {@code declared} for {@code service}; empty when they are exactly what it needs. */
    static List<String> problems(String service, Set<Rule> declared) {
        Usage usage = usageOf(service);
        Set<Rule> needed = needed(service, usage);
        List<String> problems = new ArrayList<>();
        needed.stream().filter(r -> !declared.contains(r)).forEach(r -> problems.add(service + " lacks " + r));
        for (Rule rule : declared) {
            if (needed.contains(rule)) {
                continue;
            }
            boolean foreignWrite = rule.resource().equals("topic") && rule.operation().equals("Write")
                    && !owned(service).contains(rule.name());
            problems.add(service + (foreignWrite ? " may write a topic it does not own: " : " has a rule its code does not need: ") + rule);
        }
        return problems;
    }

    // --- the declarations ---------------------------------------------------------------------------------------------

    static Map<String, Set<Rule>> strimziRules() {
        Map<String, Set<Rule>> rules = new TreeMap<>();
        for (JsonNode user : Yamls.documents(Repository.read("deploy/k8s/base/kafka-users.yaml"))) {
            if (!"KafkaUser".equals(user.path("kind").asText())) {
                continue;
            }
            assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
            Set<Rule> declared = new TreeSet<>();
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                for (JsonNode operation : acl.get("operations")) {
                    declared.add(new Rule(acl.at("/resource/type").asText(), acl.at("/resource/name").asText(),
                            operation.asText(), acl.at("/resource/patternType").asText("literal")));
                }
            }
            rules.put(user.at("/metadata/name").asText(), declared);
        }
        return rules;
    }

    static Map<String, Set<Rule>> composeRules() {
        Map<String, Set<Rule>> rules = new TreeMap<>();
        for (String line : Repository.read("deploy/kafka/acls.conf").lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] words = trimmed.split("\\s+");
            String pattern = words.length > 4 ? words[4] : "literal";
            for (String operation : words[3].split(",")) {
                rules.computeIfAbsent(words[0], k -> new TreeSet<>()).add(new Rule(words[1], words[2], operation, pattern));
            }
        }
        return rules;
    }

    // --- the checks ---------------------------------------------------------------------------------------------------

    @Test
    void theCodeOfEveryServicePublishesOnlyTopicsItOwns() {
        for (String service : SERVICES) {
            Usage usage = usageOf(service);
            assertThat(usage.consumed()).as(service + " consumes something").isNotEmpty();
            assertThat(usage.produced()).as("topics " + service + " publishes").isEqualTo(owned(service));
        }
    }

    @Test
    void strimziGivesEachServiceExactlyTheRightsItsCodeNeeds() {
        Map<String, Set<Rule>> declared = strimziRules();
        assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        List<String> problems = new ArrayList<>();
        SERVICES.forEach(s -> problems.addAll(problems(s, declared.get(s))));
        assertThat(problems).isEmpty();
    }

    @Test
    void composeGivesEachServiceExactlyTheRightsItsCodeNeeds() {
        Map<String, Set<Rule>> declared = composeRules();
        assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        List<String> problems = new ArrayList<>();
        SERVICES.forEach(s -> problems.addAll(problems(s, declared.get(s))));
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckRefusesAMissingRuleAndAWriteOnAnotherServicesTopic() {
        Set<Rule> rules = new HashSet<>(strimziRules().get("funding-service"));
        rules.remove(new Rule("topic", "member.members.v1", "Read", "literal"));
        rules.add(new Rule("topic", "branch.party-organizations.v1", "Write", "literal"));
        assertThat(problems("funding-service", rules)).containsExactlyInAnyOrder(
                "funding-service lacks topic:member.members.v1:Read",
                "funding-service may write a topic it does not own: topic:branch.party-organizations.v1:Write");
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry-service", "branch-service", "member-service", "training-service", "funding-service"})
    void everyServiceConnectsWithItsOwnIdentityOverTls(String service) {
        JsonNode compose = Yamls.tree(Repository.read("deploy/compose.yaml"));
        JsonNode environment = compose.at("/services/" + service + "/environment");
        assertThat(environment.path("KAFKA_SECURITY_PROTOCOL").asText()).isEqualTo("SASL_SSL");
        assertThat(environment.path("KAFKA_SASL_JAAS_CONFIG").asText()).contains("username=\"" + service + "\"");
        assertThat(environment.path("PLATFORM_KAFKA_CREATE_TOPICS").asText()).isEqualTo("false");

        JsonNode deployment = Yamls.documents(Repository.read("deploy/k8s/base/services/" + service + ".yaml")).stream()
                .filter(d -> "Deployment".equals(d.path("kind").asText())).findFirst().orElseThrow();
        JsonNode jaas = Stream.of(deployment.at("/spec/template/spec/containers/0/env")).flatMap(env -> {
            List<JsonNode> list = new ArrayList<>();
            env.forEach(list::add);
            return list.stream();
        }).filter(e -> e.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG")).findFirst().orElseThrow();
        assertThat(jaas.at("/valueFrom/secretKeyRef/name").asText()).as("the KafkaUser's secret").isEqualTo(service);
        JsonNode config = Yamls.documents(Repository.read("deploy/k8s/base/platform-config.yaml")).get(0).get("data");
        assertThat(config.path("KAFKA_SECURITY_PROTOCOL").asText()).isEqualTo("SASL_SSL");
        JsonNode kafka = Yamls.documents(Repository.read("deploy/k8s/base/kafka.yaml")).stream()
                .filter(d -> "Kafka".equals(d.path("kind").asText())).findFirst().orElseThrow();
        kafka.at("/spec/kafka/listeners").forEach(listener -> {
            assertThat(listener.path("tls").asBoolean()).as("listener " + listener.path("name").asText() + " is TLS").isTrue();
            assertThat(listener.at("/authentication/type").asText()).isEqualTo("scram-sha-512");
        });
        assertThat(kafka.at("/spec/kafka/authorization/type").asText()).isEqualTo("simple");
    }

    private static Map<String, String> topicConstants() {
        Map<String, String> constants = new TreeMap<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    constants.put(field.getName(), (String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return constants;
    }

    private static String mainSources(String module) {
        try (Stream<Path> files = Files.walk(Repository.root().resolve(module + "/src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().map(Repository::read)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
