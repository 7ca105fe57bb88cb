package org.partybuilding.local;

import java.util.List;

/**
 * How the platform's own JVMs (services, gateway, Kafka) are tuned. A laptop's local run wants a quick
 * start and little memory; a benchmark wants the services as they run in production, with the full
 * JIT (C2) and room for a bulk import's working set.
 */
public enum JvmProfile {

    /** C1 only, small serial-GC heaps: starts fast and leaves the second core to the others ({@code ./run.sh}). */
    FAST_START(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
            List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")),

    /** Full tiered compilation and larger heaps, as a production container runs them (benchmarks). */
    THROUGHPUT(List.of("-Xms256m", "-Xmx1g", "-XX:+UseSerialGC"),
            List.of("-Xms256m", "-Xmx1g", "-XX:+UseSerialGC"));

    private final List<String> service;
    private final List<String> kafka;

    JvmProfile(List<String> service, List<String> kafka) {
        this.service = service;
        this.kafka = kafka;
    }

    /** By its flag's name: {@code fast-start} or {@code throughput}. */
    static JvmProfile named(String name) {
        for (JvmProfile profile : values()) {
            if (profile.name().replace('_', '-').equalsIgnoreCase(name)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("--jvm-profile is fast-start or throughput, not " + name);
    }

    /** The options of a service's or the gateway's JVM (the benchmark starts its reference processes with them too). */
    public List<String> serviceOptions() {
        return service;
    }

    List<String> kafkaOptions() {
        return kafka;
    }
}
