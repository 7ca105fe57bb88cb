package org.partybuilding.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.partybuilding.local.GatewayClient;
import org.partybuilding.local.LocalPlatform;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

/**
 * The audit trail's cost per write (issue 24): every write appends its audit record to the aggregate's own document
 * (field {@code history}) in the same single-document write, so a write's cost has two parts — building and storing
 * one record, and rewriting a document that carries every earlier record. Measured on registry-service directly (the
 * service, not the gateway), as committee-admin, on organizations registered by the bench:
 * <ul>
 * <li>a merge PATCH of {@code employees} (If-Match) on organizations with a fresh history (1–2 records), one at a
 * time after a warm-up: p50/p95 per write;</li>
 * <li>the same PATCH on one organization whose history grows to 1,000 records (300 with {@code --quick}): p50 of the
 * first and the last 100 writes, so the growth's cost per write;</li>
 * <li>the document's BSON size with 1 record and with the full history, so bytes per audit record;</li>
 * <li>for scale, a GET of the same organization (no write, no audit): p50/p95/max.</li>
 * </ul>
 * There is no switch that turns the recording off (a write without its record is what the trail forbids), so the
 * record's own cost shows as the growth of latency and size per record, not as an on/off ratio.
 */
final class AuditBench {

    private final LocalPlatform platform;
    private final Supplier<String> register;
    private final String token;
    private final boolean quick;
    private final Map<String, String> report;

    AuditBench(LocalPlatform platform, Supplier<String> register, String token, boolean quick, Map<String, String> report) {
        this.platform = platform;
        this.register = register;
        this.token = token;
        this.quick = quick;
        this.report = report;
    }

    void run() {
        int fresh = quick ? 100 : 200;
        int grown = quick ? 300 : 1_000;
        // warm-up: the PATCH path compiled, the token checked
        String warm = register.get();
        long version = version(warm);
        for (int i = 0; i < 100; i++) {
            version = patch(warm, version, 10 + i % 5)[0];
        }
        List<Double> freshWrites = new ArrayList<>();
        for (int i = 0; i < fresh; i++) {
            String id = register.get();
            long[] result = patch(id, version(id), 11);
            freshWrites.add(result[1] / 1e6);
        }
        String growing = register.get();
        long bytesAtOne = bsonSize(growing);
        version = version(growing);
        List<Double> writes = new ArrayList<>();
        for (int i = 0; i < grown; i++) {
            long[] result = patch(growing, version, 10 + i % 2);
            version = result[0];
            writes.add(result[1] / 1e6);
        }
        long bytesAtFull = bsonSize(growing);
        double[] reads = Latencies.of(platform.serviceUrl("registry-service") + "/api/registry/organizations/" + growing, token,
                "application/json", 100);
        List<Double> first = sorted(writes.subList(0, 100));
        List<Double> last = sorted(writes.subList(writes.size() - 100, writes.size()));
        List<Double> freshSorted = sorted(freshWrites);
        double perRecordBytes = (bytesAtFull - bytesAtOne) / (double) grown;
        report.put("audit: PATCH organization on registry-service, fresh history (" + fresh + " organizations): p50 / p95 (ms)",
                fmt(percentile(freshSorted, 50)) + " / " + fmt(percentile(freshSorted, 95)));
        report.put("audit: PATCH one organization " + grown + " times: p50 of writes 1–100 / of the last 100 (ms)",
                fmt(percentile(first, 50)) + " / " + fmt(percentile(last, 50)) + String.format(Locale.ROOT,
                        " (+%.3f ms per earlier record)", (percentile(last, 50) - percentile(first, 50)) / (grown - 100)));
        report.put("audit: the document with 1 / " + (grown + 1) + " audit records (bytes); per record",
                String.format(Locale.ROOT, "%,d / %,d; %.0f", bytesAtOne, bytesAtFull, perRecordBytes));
        report.put("audit: GET of that organization (" + (grown + 1) + " records kept, none returned), p50 / p95 / max (ms)",
                Latencies.format(reads));
    }

    private HttpRequest.Builder request(String id) {
        return HttpRequest.newBuilder(URI.create(platform.serviceUrl("registry-service") + "/api/registry/organizations/" + id))
                .header("Authorization", "Bearer " + token);
    }

    private long version(String id) {
        HttpResponse<String> response = GatewayClient.exchange(request(id).GET().build());
        require(response, 200);
        return Long.parseLong(response.headers().firstValue("ETag").orElseThrow().replace("\"", "").replace("W/", ""));
    }

    /** The new version and the write's nanoseconds. */
    private long[] patch(String id, long version, int employees) {
        HttpRequest request = request(id).header("Content-Type", "application/merge-patch+json")
                .header("If-Match", "\"" + version + "\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"employees\":" + employees + "}")).build();
        long start = System.nanoTime();
        HttpResponse<String> response = GatewayClient.exchange(request);
        long nanos = System.nanoTime() - start;
        require(response, 200);
        long next = Long.parseLong(response.headers().firstValue("ETag").orElseThrow().replace("\"", "").replace("W/", ""));
        return new long[] {next, nanos};
    }

    private long bsonSize(String id) {
        try (MongoClient mongo = MongoClients.create(platform.mongoUri())) {
            Document document = mongo.getDatabase("registry").getCollection("organizations").find(Filters.eq("_id", id)).first();
            if (document == null) {
                throw new IllegalStateException("organization " + id + " not in the registry's database");
            }
            BsonDocument bson = document.toBsonDocument();
            return new RawBsonDocument(bson, new org.bson.codecs.BsonDocumentCodec()).getByteBuffer().remaining();
        }
    }

    private static void require(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("audit bench: " + response.statusCode() + " " + response.body());
        }
    }

    private static List<Double> sorted(List<Double> values) {
        List<Double> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
