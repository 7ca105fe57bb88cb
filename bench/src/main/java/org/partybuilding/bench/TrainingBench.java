package org.partybuilding.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.partybuilding.events.AggregateSnapshot;
import org.partybuilding.events.CloudEventAttributes;
import org.partybuilding.events.CloudEventHeaders;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.EventType;
import org.partybuilding.events.MemberSnapshot;
import org.partybuilding.events.PartyOrganizationSnapshot;
import org.partybuilding.local.GatewayClient;
import org.partybuilding.local.LocalPlatform;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * training-service's compliance report (rule 12) at district scale: 2,500 party organizations (500
 * with {@code --quick}) with 8 formal members each, and one year of organizational life, 40
 * activities per party organization (100,000), then {@code GET /api/training/compliance} for that
 * year through the gateway, one request at a time. Target: under 1 s.
 * <p>
 * Party organizations and members are announced on Kafka as branch-service and member-service
 * would announce them (building 2,500 real party organizations would need 7,500 registered
 * organizations and 20,000 members through their own rules first, which other measures cover); the
 * activities go through training-service's API, so its ledger is fed the way it is in production.
 * Every fifth party organization skips the second quarter's general meeting, so the report has
 * organizations behind.
 */
final class TrainingBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] STREETS = {"HONGQIAO", "BEIJING", "LIURONG", "LIUHUA", "GUANGTA", "RENMIN", "DONGSHAN",
            "NONGLIN", "MEIHUACUN", "HUANGHUAGANG", "HUALE", "JIANSHE", "DATANG", "ZHUGUANG", "DADONG", "BAIYUN", "DENGFENG",
            "KUANGQUAN"};
    private static final int MEMBERS_PER_ORGANIZATION = 8;
    private static final int IN_FLIGHT = 8;

    private final LocalPlatform platform;
    private final Supplier<String> tokens;
    private final boolean quick;
    private final Map<String, String> report;
    private final long started = System.nanoTime();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicReference<String> token = new AtomicReference<>();
    private volatile long tokenAt;

    TrainingBench(LocalPlatform platform, Supplier<String> tokens, boolean quick, Map<String, String> report) {
        this.platform = platform;
        this.tokens = tokens;
        this.quick = quick;
        this.report = report;
    }

    void run() {
        int organizations = quick ? 500 : 2_500;
        int year = LocalDate.now().getYear() - 1;
        announce(organizations);
        int activities = record(organizations, year);

        String gateway = platform.gatewayUrl() + "/api/training/compliance?year=" + year;
        String direct = platform.serviceUrl("training-service") + "/api/training/compliance?year=" + year;
        JsonNode answer = JSON.readTree(get(gateway));
        JsonNode total = answer.get("total");
        progress("compliance: " + total.get("partyOrganizations").asInt() + " party organizations, " + total.get("behind").asInt()
                + " behind");
        if (total.get("partyOrganizations").asInt() < organizations) {
            throw new IllegalStateException("The report has " + total.get("partyOrganizations") + " party organizations, not "
                    + organizations);
        }
        get(gateway); // warm-up
        double[] busy = millis(gateway);
        String scale = String.format(Locale.ROOT, "%,d party organizations, %,d activities", organizations, activities);
        report.put("training compliance via gateway, " + scale + ", while the activities' events are being published: "
                + "median / max of 5 (ms)", String.format(Locale.ROOT, "%.1f / %.1f", busy[0], busy[1]));
        drainOutbox();
        double[] quiet = millis(gateway);
        double[] quarter = millis(gateway + "&quarter=2");
        double[] alone = millis(direct);
        report.put("training compliance via gateway, events published: median / max of 5 (ms); response KB",
                String.format(Locale.ROOT, "%.1f / %.1f; %d", quiet[0], quiet[1], get(gateway).length() / 1024));
        report.put("training compliance of one quarter via gateway: median / max of 5 (ms)",
                String.format(Locale.ROOT, "%.1f / %.1f", quarter[0], quarter[1]));
        report.put("training compliance directly: median / max of 5 (ms)", String.format(Locale.ROOT, "%.1f / %.1f", alone[0], alone[1]));
        report.put("training target: compliance < 1 s through the gateway", (quiet[1] < 1000 ? "met" : "MISSED")
                + String.format(Locale.ROOT, " (max %.1f ms; while publishing max %.1f ms)", quiet[1], busy[1]));
    }

    /** Party organizations (every other one with a committee) and their members, as branch- and member-service announce them. */
    private void announce(int organizations) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int p = 0; p < organizations; p++) {
                String id = partyOrganization(p);
                String street = STREETS[p % STREETS.length];
                List<String> members = members(p);
                List<PartyOrganizationSnapshot.CommitteeSeat> committee = p % 2 == 0
                        ? List.of(new PartyOrganizationSnapshot.CommitteeSeat(members.get(0), "SECRETARY"),
                                new PartyOrganizationSnapshot.CommitteeSeat(members.get(1), "MEMBER"),
                                new PartyOrganizationSnapshot.CommitteeSeat(members.get(2), "MEMBER"))
                        : List.of();
                send(producer, EventType.PARTY_ORGANIZATION_ESTABLISHED, new PartyOrganizationSnapshot(id, 1, "基准党支部" + p,
                        "BRANCH", "SINGLE", List.of(), street, "OTHER", "越秀区社会组织党委", LocalDate.of(2020, 1, 1), "ACTIVE", null,
                        members.get(0), committee));
                for (String m : members) {
                    send(producer, EventType.MEMBER_REGISTERED, new MemberSnapshot(m, 1, "基准党员", "MALE", "bench-org-" + p, id, street, "FORMAL",
                            "ACTIVE", false, false, LocalDate.of(2010, 7, 1), LocalDate.of(2011, 7, 1)));
                }
            }
            producer.flush();
        }
        int expected = organizations * MEMBERS_PER_ORGANIZATION;
        // bounded, but not tighter than the platform's slowest start: every service consumes these 22,500 events
        long deadline = System.nanoTime() + Duration.ofSeconds(900).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode stats = JSON.readTree(get(platform.serviceUrl("training-service") + "/api/training/statistics?limit=0"));
            int known = stats.get("total").get("partyMembers").asInt();
            if (known >= expected) {
                progress("training-service knows " + known + " party members");
                return;
            }
            progress("training-service knows " + known + " of " + expected + " party members");
            GatewayClient.sleep(2000);
        }
        throw new IllegalStateException("training-service did not learn of the members within 900 s");
    }

    private static void send(KafkaProducer<String, byte[]> producer, EventType type, AggregateSnapshot snapshot) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), snapshot.id(), EventCodec.encode(snapshot));
        CloudEventHeaders.write(new CloudEventAttributes(java.util.UUID.randomUUID().toString(), type.ceType(),
                URI.create("/bench"), java.time.Instant.now(), snapshot.id()), record.headers());
        producer.send(record);
    }

    private static String partyOrganization(int p) {
        return "bench-po-" + p;
    }

    private static List<String> members(int p) {
        List<String> members = new ArrayList<>();
        for (int m = 0; m < MEMBERS_PER_ORGANIZATION; m++) {
            members.add("bench-po-" + p + "-m" + m);
        }
        return members;
    }

    /** 40 activities per party organization over the year, straight to training-service, {@value #IN_FLIGHT} at a time. */
    private int record(int organizations, int year) {
        String url = platform.serviceUrl("training-service") + "/api/training/activities";
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicInteger done = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long start = System.nanoTime();
        int count = 0;
        for (int p = 0; p < organizations && failure.get() == null; p++) {
            for (Map<String, Object> body : year(p, year)) {
                slots.acquireUninterruptibly();
                count++;
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
                pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).whenComplete((r, e) -> {
                    slots.release();
                    if (e != null || r.statusCode() != 201) {
                        failure.compareAndSet(null, e != null ? e.toString() : r.statusCode() + " " + r.body());
                    } else if (done.incrementAndGet() % 10_000 == 0) {
                        progress(done.get() + " activities recorded");
                    }
                }));
            }
            pending.removeIf(CompletableFuture::isDone);
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        if (failure.get() != null) {
            throw new IllegalStateException("Recording an activity failed: " + failure.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        report.put(String.format(Locale.ROOT, "training: %,d activities recorded directly, %d at a time: s / activities per s", count,
                IN_FLIGHT), String.format(Locale.ROOT, "%.1f / %.1f", seconds, count / seconds));
        return count;
    }

    /** One party organization's year: rule 12 kept, except the second quarter's general meeting for every fifth one. */
    private static List<Map<String, Object>> year(int p, int year) {
        String id = partyOrganization(p);
        List<String> members = members(p);
        List<String> attendees = members.subList(0, 6);
        List<Map<String, Object>> all = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            if (!(q == 2 && p % 5 == 0)) {
                all.add(activity(id, "GENERAL_MEETING", LocalDate.of(year, q * 3 - 1, 10), attendees, null));
            }
            all.add(activity(id, "PARTY_LESSON", LocalDate.of(year, q * 3 - 2, 20), attendees, q == 1 ? members.get(0) : null));
        }
        for (int m = 1; m <= 12; m++) {
            all.add(activity(id, "THEMED_PARTY_DAY", LocalDate.of(year, m, 1), attendees, null));
            all.add(activity(id, p % 2 == 0 ? "COMMITTEE_MEETING" : "GROUP_MEETING", LocalDate.of(year, m, 5),
                    p % 2 == 0 ? members.subList(0, 3) : attendees, null));
        }
        all.add(activity(id, "ORGANIZATIONAL_LIFE_MEETING", LocalDate.of(year, 12, 15), attendees, null));
        all.add(activity(id, "DEMOCRATIC_APPRAISAL", LocalDate.of(year, 12, 16), attendees, null));
        all.add(activity(id, "THEME_PRACTICE", LocalDate.of(year, 7, 1), attendees, null));
        for (int extra = 0; all.size() < 40; extra++) {
            all.add(activity(id, "GROUP_MEETING", LocalDate.of(year, 1 + extra * 2, 25), attendees, null));
        }
        return all;
    }

    private static Map<String, Object> activity(String partyOrganizationId, String kind, LocalDate heldOn, List<String> attendees,
            String lecturer) {
        Map<String, Object> body = new HashMap<>();
        body.put("partyOrganizationId", partyOrganizationId);
        body.put("kind", kind);
        body.put("heldOn", heldOn.toString());
        body.put("topic", "学习贯彻党的创新理论");
        body.put("attendeeIds", attendees);
        if (lecturer != null) {
            body.put("lecturerMemberId", lecturer);
        }
        return body;
    }

    /** Waits (at most 300 s) until training-service's outbox has published every activity's event. */
    private void drainOutbox() {
        try (MongoClient mongo = MongoClients.create(platform.mongoUri())) {
            var activities = mongo.getDatabase("training").getCollection("activities");
            long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
            while (System.nanoTime() < deadline) {
                long waiting = activities.countDocuments(Filters.exists("outbox.0"));
                if (waiting == 0) {
                    progress("every ActivityRecorded is published");
                    return;
                }
                progress(waiting + " ActivityRecorded events still in the outbox");
                GatewayClient.sleep(5000);
            }
            progress("outbox not drained within 300 s; measuring anyway");
        }
    }

    private double[] millis(String url) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            get(url);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(null);
        return new double[] {millis.get(2), millis.get(4)};
    }

    private String get(String url) {
        HttpResponse<String> response = GatewayClient.exchange(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token()).header("Accept", "application/json").GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** A district-admin token, fetched again every minute: recording 100,000 activities outlasts one. */
    private String token() {
        if (token.get() == null || System.nanoTime() - tokenAt > Duration.ofSeconds(60).toNanos()) {
            synchronized (this) {
                if (token.get() == null || System.nanoTime() - tokenAt > Duration.ofSeconds(60).toNanos()) {
                    token.set(tokens.get());
                    tokenAt = System.nanoTime();
                }
            }
        }
        return token.get();
    }

    private void progress(String message) {
        System.out.printf(Locale.ROOT, "[bench training %6.1f s] %s%n", (System.nanoTime() - started) / 1e9, message);
    }
}
