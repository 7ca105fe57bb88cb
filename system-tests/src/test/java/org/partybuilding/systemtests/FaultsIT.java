package org.partybuilding.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.partybuilding.events.CloudEventAttributes;
import org.partybuilding.events.CloudEventHeaders;
import org.partybuilding.events.EventType;
import org.partybuilding.events.Topics;
import org.partybuilding.local.demo.IdentityCodes;

import tools.jackson.databind.JsonNode;

/**
 * The fault suite (issue 21), on the shared local platform, last: writes through a hung broker (SIGSTOP) and a
 * killed and restarted one (SIGKILL); a consumer (branch-service) killed mid-stream and restarted; re-published and
 * stale events; a poison record; a paused database. Each scenario writes organizations (in a street of its own) and
 * formal members (at an organization of its own) through the gateway while the fault lasts, then asserts: no 5xx
 * but 503 (problem+json, with Retry-After); readiness as DESIGN.md says (the gateway and the services stay ready
 * through a Kafka outage and another service's crash); every accepted write arrives exactly once in branch-service's
 * read model (the street's organizations) and the registry's five-clears ledger (the organization's members), nothing
 * lost, nothing applied twice (branch-service's applied-events counter grows by exactly the writes). The figures
 * (accepted / arrived / duplicated / lost, convergence time, a consumer's resume time after a kill) are printed and
 * written to {@code target/fault-suite.txt}.
 */
@Order(Integer.MAX_VALUE) // last: the faults should meet no other class's work
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final Duration CONVERGENCE_LIMIT = Duration.ofSeconds(120);
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final List<String> MODULES_WITH_DATABASE = List.of("registry-service", "branch-service", "member-service",
            "training-service", "funding-service");

    private static PlatformUnderTest platform;
    private static String admin;
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();

    @BeforeAll
    static void startPlatform() {
        platform = PlatformUnderTest.shared();
        admin = new Tokens(platform.keycloakUrl()).user("district-admin");
    }

    @AfterAll
    static void report() throws Exception {
        StringBuilder out = new StringBuilder("Fault suite (issue 21)\n");
        FIGURES.forEach((scenario, figures) -> out.append(String.format("  %-34s %s%n", scenario, figures)));
        System.out.println(out);
        Files.writeString(Path.of("target", "fault-suite.txt"), out.toString(), StandardCharsets.UTF_8);
    }

    // ---- the scenarios ------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void writesThroughAHungBrokerArriveExactlyOnceAndNothingLeavesTheLoadBalancer() {
        Scenario scenario = Scenario.prepare("hung broker (SIGSTOP 12 s)", "DADONG");
        platform.pauseKafka();
        Instant healed;
        try {
            scenario.write(10, Duration.ofSeconds(8));
            // Kafka is a detail: every service and the gateway stay ready, the services say DEGRADED with 200
            assertEverythingReady();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(health("registry-service").json()
                    .get("components").get("kafka").get("status").asString()).isEqualTo("DEGRADED"));
            sleepUntil(scenario.began.plusSeconds(12));
        } finally {
            platform.resumeKafka();
            healed = Instant.now();
        }
        scenario.awaitExactlyOnce(healed, true);
    }

    @Test
    @Order(2)
    void writesThroughAKilledAndRestartedBrokerArriveExactlyOnce() {
        Scenario scenario = Scenario.prepare("killed broker (SIGKILL, 10 s)", "DENGFENG");
        platform.killKafka();
        Instant healed;
        try {
            scenario.write(10, Duration.ofSeconds(7));
            assertEverythingReady();
            sleepUntil(scenario.began.plusSeconds(10));
        } finally {
            platform.startKafka();
            healed = Instant.now();
        }
        scenario.awaitExactlyOnce(healed, true);
    }

    @Test
    @Order(3)
    void aConsumerKilledMidStreamResumesInSecondsAndMissesNothing() {
        Scenario scenario = Scenario.prepare("consumer killed (branch-service)", "KUANGQUAN");
        scenario.write(4, Duration.ofSeconds(2));
        Instant killed = Instant.now();
        platform.killModule("branch-service");
        Instant ready;
        Instant restarting;
        try {
            scenario.write(8, Duration.ofSeconds(4));
            // only branch-service's paths fail, as 503 problem+json with Retry-After; everything else is ready
            Http.Response coverage = Http.get(api("/api/branches/coverage?street=KUANGQUAN"), admin);
            assertThat(coverage.status()).isEqualTo(503);
            assertThat(coverage.header("Content-Type")).startsWith("application/problem+json");
            assertThat(coverage.header("Retry-After")).isNotBlank();
            assertThat(Http.get(api("/api/registry/organizations?size=1"), admin).status()).isEqualTo(200);
            assertThat(Http.get(platform.managementUrl("gateway") + "/actuator/health/readiness", null).status()).isEqualTo(200);
        } finally {
            restarting = Instant.now();
            platform.startModule("branch-service");
            ready = Instant.now();
        }
        // its counters restarted with it: exactly-once is read from its read model (and no double count there)
        Duration resumed = scenario.awaitFirstArrivalAfter(ready);
        scenario.awaitExactlyOnce(ready, false);
        FIGURES.merge(scenario.name, String.format("; JVM start to ready %.1f s, consuming again %.1f s after ready"
                + " (kill to ready %.1f s)", seconds(Duration.between(restarting, ready)), seconds(resumed),
                seconds(Duration.between(killed, ready))), String::concat);
    }

    @Test
    @Order(4)
    void republishedAndStaleEventsChangeNothing() throws Exception {
        Scenario scenario = Scenario.prepare("re-published and stale events", "HUALE");
        scenario.write(5, Duration.ZERO);
        scenario.awaitExactlyOnce(Instant.now(), true);
        // the registry's own records of these organizations, byte-identical, sent again; one updated organization's
        // first version is now stale
        String updated = scenario.organizations.get(0);
        double beforeUpdate = branchEvents("organizations", "applied");
        Http.Response patched = Http.patchJson(api("/api/registry/organizations/" + updated), admin,
                Map.of("employees", 20), Map.of("If-Match", "\"1\""));
        assertThat(patched.status()).as(patched.raw().body()).isEqualTo(200);
        double appliedBefore = beforeUpdate + 1; // the update itself
        await().atMost(Duration.ofSeconds(30)).until(() -> branchEvents("organizations", "applied") == appliedBefore);
        double staleBefore = branchEvents("organizations", "stale");
        int republished = republish(Topics.REGISTRY_ORGANIZATIONS, Set.copyOf(scenario.organizations));
        assertThat(republished).isGreaterThanOrEqualTo(5);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(branchEvents("organizations", "stale") - staleBefore).isEqualTo(republished));
        assertThat(branchEvents("organizations", "applied")).isEqualTo(appliedBefore);
        assertThat(scenario.branchActive()).isEqualTo(scenario.branchActiveBefore + 5);
        FIGURES.put(scenario.name, String.format("re-published %d (1 stale version): applied 0, stale %d, duplicated 0",
                republished, republished));
    }

    @Test
    @Order(5)
    void aPoisonRecordIsDeadLetteredWithItsReasonCountedParkedAndBooksNothing() throws Exception {
        String id = "fault-poison-" + UUID.randomUUID();
        Map<String, Double> before = new HashMap<>();
        List<String> consumers = List.of("registry-service", "member-service", "training-service", "funding-service");
        for (String module : consumers) {
            before.put(module, deadLetters(module, Topics.BRANCH_PARTY_ORGANIZATIONS));
        }
        try (KafkaProducer<String, byte[]> producer = producer()) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.BRANCH_PARTY_ORGANIZATIONS, id,
                    ("{\"id\":\"" + id + "\",\"version\":1}").getBytes(StandardCharsets.UTF_8));
            CloudEventHeaders.write(new CloudEventAttributes(UUID.randomUUID().toString(),
                    EventType.PARTY_ORGANIZATION_ESTABLISHED.ceType(), java.net.URI.create("/fault-suite"), Instant.now(), id),
                    record.headers());
            producer.send(record).get(10, TimeUnit.SECONDS);
        }
        // every consumer of the topic dead-letters it at once, counts it, and parks it for an operator with its reason
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String module : consumers) {
                assertThat(deadLetters(module, Topics.BRANCH_PARTY_ORGANIZATIONS)).as(module).isGreaterThan(before.get(module));
                Http.Response listed = Http.get(platform.managementUrl(module) + "/actuator/deadletters", null);
                assertThat(listed.raw().body()).as(module).contains(id, "PARKED", "breaks the event contract", "street is required");
            }
        });
        // funding booked no start-up grant for a party organization no service knows
        Http.Response ledger = Http.get(api("/api/funding/ledger?partyOrganizationId=" + id), admin);
        assertThat(ledger.status()).isEqualTo(200);
        assertThat(ledger.json().get("total").asLong()).isZero();
        FIGURES.put("poison record", "dead-lettered and parked by 4 of 4 consumers, booked nothing");
    }

    @Test
    @Order(6)
    void aPausedDatabaseAnswers503WithRetryAfterAndLosesNothingAccepted() {
        Scenario scenario = Scenario.prepare("paused database (12 s)", "HUANGHUAGANG");
        platform.pauseMongo();
        Instant healed;
        try {
            scenario.write(2, Duration.ZERO); // each waits for the service's database timeout (a few seconds), then 503
            assertThat(Http.get(platform.managementUrl("gateway") + "/actuator/health/readiness", null).status()).isEqualTo(200);
            sleepUntil(scenario.began.plusSeconds(12));
        } finally {
            platform.resumeMongo();
            healed = Instant.now();
        }
        assertThat(scenario.unavailable).as("some writes met the paused database").isPositive();
        // and right after it, while the consumers' retries catch up
        scenario.write(4, Duration.ofSeconds(2));
        scenario.awaitExactlyOnce(healed, true);
    }

    /**
     * After every fault, funding's ledger still reconciles with the facts: each party organization established this
     * year has exactly its one start-up grant (none doubled by a redelivery, none booked for the poison record), and
     * the reconciliation answers to the fen.
     */
    @Test
    @Order(7)
    void afterTheFaultsTheLedgerReconcilesWithTheFacts() {
        int year = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        Http.Response reconciliation = Http.get(api("/api/funding/reconciliation?fiscalYear=" + year), admin);
        assertThat(reconciliation.status()).as(reconciliation.raw().body()).isEqualTo(200);
        JsonNode body = reconciliation.json();
        assertThat(body.get("startupGrants").get("difference").asString()).as(reconciliation.raw().body()).isEqualTo("0.00");
        for (JsonNode row : body.get("differences")) {
            assertThat(row.get("kind").asString()).as(reconciliation.raw().body()).isNotEqualTo("STARTUP_GRANT");
            assertThat(row.get("partyOrganizationId").asString()).doesNotStartWith("fault-poison-");
        }
        FIGURES.put("reconciliation " + year, String.format("start-up grants expected %s, booked %s; working funds expected %s,"
                        + " booked %s; %d differences listed", body.get("startupGrants").get("expected").asString(),
                body.get("startupGrants").get("booked").asString(), body.get("workingFunds").get("expected").asString(),
                body.get("workingFunds").get("booked").asString(), body.get("differences").size()));
    }

    // ---- one scenario's writes and what became of them ----------------------------------------------------------

    private static final class Scenario {

        final String name;
        final String street;
        final String anchor;
        final List<String> organizations = new ArrayList<>();
        final List<String> members = new ArrayList<>();
        final int registryBefore;
        final int branchActiveBefore;
        final long ledgerMembersBefore;
        final long membersBefore;
        final double appliedOrganizationsBefore;
        final double appliedMembersBefore;
        int unavailable;
        Instant began;

        private Scenario(String name, String street) {
            this.name = name;
            this.street = street;
            // the organization the scenario's members join, known everywhere before the fault: member-service takes a
            // first member only once it knows the organization from the registry's event, the ledger counts it
            this.anchor = registerOrganization(street, "故障演练锚点组织");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> postMember(anchor).status() == 201);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ledgerMembers(anchor)).isEqualTo(1));
            awaitQuiet();
            this.registryBefore = registryTotal(street);
            this.branchActiveBefore = branchActive();
            this.ledgerMembersBefore = ledgerMembers(anchor);
            this.membersBefore = memberTotal(anchor);
            this.appliedOrganizationsBefore = branchEvents("organizations", "applied");
            this.appliedMembersBefore = branchEvents("members", "applied");
            this.began = Instant.now();
        }

        static Scenario prepare(String name, String street) {
            return new Scenario(name, street);
        }

        /** {@code count} organizations and as many formal members, spread over {@code over}; 201 or 503, nothing else. */
        void write(int count, Duration over) {
            long pause = count <= 1 ? 0 : over.toMillis() / count;
            for (int i = 0; i < count; i++) {
                Http.Response organization = postOrganization(street, "故障演练组织" + SERIAL.incrementAndGet());
                if (accepted(organization)) {
                    organizations.add(organization.json().get("id").asString());
                }
                Http.Response member = postMember(anchor);
                if (accepted(member)) {
                    members.add(member.json().get("id").asString());
                }
                sleep(pause);
            }
        }

        private boolean accepted(Http.Response response) {
            if (response.status() == 201) {
                return true;
            }
            assertThat(response.status()).as(name + ": only 201 or 503: " + response.raw().body()).isEqualTo(503);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.header("Retry-After")).as("503 says when to retry").isNotBlank();
            unavailable++;
            return false;
        }

        int branchActive() {
            Http.Response coverage = Http.get(api("/api/branches/coverage?street=" + street), admin);
            assertThat(coverage.status()).as(coverage.raw().body()).isEqualTo(200);
            return coverage.json().get("activeOrganizations").asInt();
        }

        /** Waits until every accepted write arrived; fails naming what was lost; records the figures. */
        void awaitExactlyOnce(Instant healed, boolean countersSurvived) {
            // what the registry and member-service hold is the truth: a write that timed out at the client (503) may
            // still have been stored when the database came back, and then it must arrive too
            int stored = registryTotal(street) - registryBefore;
            long storedMembers = memberTotal(anchor) - membersBefore;
            assertThat(stored).as("organizations stored").isGreaterThanOrEqualTo(organizations.size());
            Instant converged;
            try {
                await().atMost(CONVERGENCE_LIMIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    assertThat(branchActive() - branchActiveBefore).as(name + ": organizations in branch-service").isEqualTo(stored);
                    assertThat(ledgerMembers(anchor) - ledgerMembersBefore).as(name + ": members in the registry's ledger")
                            .isEqualTo(storedMembers);
                });
                converged = Instant.now();
            } finally {
                int arrivedOrganizations = branchActive() - branchActiveBefore;
                long arrivedMembers = ledgerMembers(anchor) - ledgerMembersBefore;
                long accepted = organizations.size() + members.size();
                long arrived = arrivedOrganizations + arrivedMembers;
                String duplicated = "n/a (counters restarted)";
                if (countersSurvived) {
                    awaitQuiet();
                    double applied = branchEvents("organizations", "applied") - appliedOrganizationsBefore
                            + branchEvents("members", "applied") - appliedMembersBefore;
                    duplicated = String.valueOf((long) applied - arrived);
                }
                FIGURES.put(name, String.format("accepted %d (+%d stored after a 503), 503s %d, arrived %d, duplicated %s, lost %d",
                        accepted, stored + storedMembers - accepted, unavailable, arrived, duplicated,
                        Math.max(0, stored + storedMembers - arrived)));
            }
            FIGURES.merge(name, String.format(", converged %.1f s after the fault ended", seconds(Duration.between(healed, converged))),
                    String::concat);
            if (countersSurvived) {
                // applied once each: the branch's applied-events counters grew by exactly what arrived
                double applied = branchEvents("organizations", "applied") - appliedOrganizationsBefore
                        + branchEvents("members", "applied") - appliedMembersBefore;
                assertThat(applied).as(name + ": applied exactly once").isEqualTo((double) (stored + storedMembers));
            }
        }

        /** How long after {@code from} the first of the scenario's writes was seen in branch-service. */
        Duration awaitFirstArrivalAfter(Instant from) {
            int before = branchActiveBefore;
            await().atMost(CONVERGENCE_LIMIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> branchActive() - before > 4);
            return Duration.between(from, Instant.now());
        }
    }

    // ---- the platform's answers ---------------------------------------------------------------------------------

    private static void assertEverythingReady() {
        for (String module : MODULES_WITH_DATABASE) {
            Http.Response readiness = Http.get(platform.managementUrl(module) + "/actuator/health/readiness", null);
            assertThat(readiness.status()).as(module + " readiness: " + readiness.raw().body()).isEqualTo(200);
        }
        assertThat(Http.get(platform.managementUrl("gateway") + "/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    private static Http.Response health(String module) {
        return Http.get(platform.managementUrl(module) + "/actuator/health", null);
    }

    private static String registerOrganization(String street, String name) {
        Http.Response response = postOrganization(street, name);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static Http.Response postOrganization(String street, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("creditCode", IdentityCodes.creditCode("FT", SERIAL.incrementAndGet(), '1'));
        body.put("type", "SOCIAL_GROUP");
        body.put("registrationLevel", "DISTRICT");
        body.put("registeredOn", "2024-05-20");
        body.put("supervisoryUnit", "越秀区民政局");
        body.put("industry", "CHARITY");
        body.put("street", street);
        body.put("address", "越秀区演练路1号");
        body.put("legalRepresentative", Map.of("name", "林强", "partyMember", false));
        body.put("employees", 8);
        body.put("fullTimeStaff", 3);
        body.put("operatingStatus", "NORMAL");
        return Http.postJson(api("/api/registry/organizations"), admin, body);
    }

    /** A formal member at the organization; a first attempt may find member-service not yet knowing the organization. */
    private static Http.Response postMember(String organization) {
        int serial = SERIAL.incrementAndGet();
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(serial);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "演练党员" + serial);
        body.put("gender", "MALE");
        body.put("birthDate", birth.toString());
        body.put("idNumber", IdentityCodes.idNumber(birth, 103));
        body.put("phone", "13700" + String.format("%06d", serial));
        body.put("education", "BACHELOR");
        body.put("organizationId", organization);
        body.put("stage", "FORMAL");
        body.put("appliedOn", "1990-03-01");
        body.put("activistOn", "1990-09-01");
        body.put("targetOn", "1991-10-01");
        body.put("admittedOn", "1992-04-01");
        body.put("confirmedOn", "1993-04-01");
        body.put("monthlyIncome", "5600.00");
        body.put("incomeCategory", "EMPLOYED");
        return Http.postJson(api("/api/members"), admin, body);
    }

    private static int registryTotal(String street) {
        return Http.get(api("/api/registry/organizations?size=1&street=" + street), admin).json().get("total").asInt();
    }

    private static long memberTotal(String organization) {
        return Http.get(api("/api/members?size=1&organizationId=" + organization), admin).json().get("total").asLong();
    }

    /** Formal members of the organization in the registry's five-clears ledger (fed by member events). */
    private static long ledgerMembers(String organization) {
        Http.Response ledger = Http.get(api("/api/registry/ledger?size=200&q=" + "故障演练锚点组织"), admin);
        assertThat(ledger.status()).as(ledger.raw().body()).isEqualTo(200);
        for (JsonNode row : ledger.json().get("items")) {
            if (organization.equals(row.get("organizationId").asString())) {
                return row.get("members").get("formal").asLong();
            }
        }
        throw new AssertionError("organization " + organization + " not in the ledger");
    }

    /** branch-service's events applied to a read-model collection, by outcome (its Prometheus endpoint). */
    private static double branchEvents(String collection, String outcome) {
        return metric("branch-service", "platform_events_applied_total{", "collection=\"" + collection + "\"",
                "outcome=\"" + outcome + "\"");
    }

    private static double deadLetters(String module, String topic) {
        return metric(module, "platform_kafka_dead_letters_total{", "topic=\"" + topic + "\"", "reason=\"invalid-event\"");
    }

    private static double metric(String module, String prefix, String... labels) {
        Http.Response metrics = Http.get(platform.managementUrl(module) + "/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        double sum = 0;
        for (String line : metrics.raw().body().split("\n")) {
            if (line.startsWith(prefix) && java.util.Arrays.stream(labels).allMatch(line::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Until branch-service's applied counters stand still for two seconds (nothing in flight). */
    private static void awaitQuiet() {
        double[] last = {-1};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            double now = branchEvents("organizations", "applied") + branchEvents("members", "applied")
                    + branchEvents("organizations", "stale") + branchEvents("members", "stale");
            boolean still = now == last[0];
            last[0] = now;
            return still;
        });
    }

    /** Sends the topic's records of these keys again, byte for byte, headers included; returns how many. */
    private static int republish(String topic, Set<String> keys) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-suite-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (keys.contains(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (ConsumerRecord<String, byte[]> record : found) {
                producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers())).get(10, TimeUnit.SECONDS);
            }
        }
        return found.size();
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static String api(String path) {
        return platform.gatewayUrl() + path;
    }

    private static void sleepUntil(Instant instant) {
        sleep(Duration.between(Instant.now(), instant).toMillis());
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
