package org.partybuilding.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives load from a second process on loopback: wrk (closed loop, throughput) and hey (a fixed
 * request rate, latency percentiles). Every run is bounded by its duration.
 */
final class LoadTools {

    /** What wrk measured: completed requests, requests per second, non-2xx answers. */
    record Throughput(long requests, double requestsPerSecond, long errors) {
    }

    /** What hey measured at a fixed rate: p50 and p99 in milliseconds. */
    record Latency(double p50Millis, double p99Millis, long requests) {
    }

    private LoadTools() {
    }

    static Throughput wrk(String url, String bearer, int connections, int seconds) {
        // One wrk thread: enough for tens of thousands of requests/s, and it leaves the two cores to the platform.
        String out = run(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "5s",
                "-H", "Authorization: Bearer " + bearer, url));
        long requests = Long.parseLong(find(out, "(\\d+) requests in"));
        double rps = Double.parseDouble(find(out, "Requests/sec:\\s+([\\d.]+)"));
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
        long errors = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        return new Throughput(requests, rps, errors);
    }

    /** {@code workers} workers at {@code ratePerWorker} requests per second each, for {@code seconds}. */
    static Latency hey(String url, String bearer, int workers, int ratePerWorker, int seconds) {
        String out = run(List.of("hey", "-z", seconds + "s", "-c", String.valueOf(workers), "-q", String.valueOf(ratePerWorker),
                "-H", "Authorization: Bearer " + bearer, url));
        double p50 = Double.parseDouble(find(out, "50%+ in ([\\d.]+) secs")) * 1000;
        // With few answers (a slow endpoint) hey prints no 99% line ("0% in 0.0000 secs"): the slowest is the p99 then.
        Matcher p99Line = Pattern.compile("99%+ in ([\\d.]+) secs").matcher(out);
        double p99 = Double.parseDouble(p99Line.find() ? p99Line.group(1) : find(out, "Slowest:\\s+([\\d.]+) secs")) * 1000;
        long requests = Long.parseLong(find(out, "\\[200\\]\\s+(\\d+) responses"));
        return new Latency(p50, p99, requests);
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("Cannot find /" + regex + "/ in:\n" + text);
        }
        return m.group(1);
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(command.get(0) + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(command.get(0) + " is needed (bench/run.sh installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
