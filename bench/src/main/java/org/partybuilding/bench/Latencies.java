package org.partybuilding.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.partybuilding.local.GatewayClient;

/** One GET at a time, timed: the p50 / p95 / max of a report or list as a user waits for it. */
final class Latencies {

    private Latencies() {
    }

    /** p50, p95, max (ms) of {@code requests} GETs one at a time, after 3 unrecorded warm-ups; a non-200 answer fails. */
    static double[] of(String url, String token, String accept, int requests) {
        for (int i = 0; i < 3; i++) {
            get(url, token, accept);
        }
        List<Double> millis = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            get(url, token, accept);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(null);
        return new double[] {millis.get(requests / 2), millis.get((int) Math.ceil(requests * 0.95) - 1), millis.get(requests - 1)};
    }

    static String format(double[] latency) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", latency[0], latency[1], latency[2]);
    }

    static HttpResponse<String> get(String url, String token, String accept) {
        HttpResponse<String> response = GatewayClient.exchange(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).header("Accept", accept)
                .GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }
}
