package org.partybuilding.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How the local platform runs: where (repository, data directory, caches), which ports (an offset), which modules,
 * which MongoDB, how the JVMs are tuned, and what runs after the first start. Build with {@link #builder()};
 * {@link LocalPlatform} only reads it.
 */
public final class LocalSettings {
    final Path repoRoot;
    final Path dataDir;
    final boolean reset;
    final int portOffset;
    final List<String> modules;
    final int parallelServices;
    final int replicas;
    final Path keycloakCacheDir;
    final String mongoUri;
    final boolean inMemoryStore;
    final JvmProfile jvmProfile;
    final boolean prometheus;
    final LocalPlatform.FirstStartHook firstStartHook;
    final Consumer<String> log;

    private LocalSettings(Builder b) {
        this.repoRoot = b.repoRoot != null ? b.repoRoot : LocalPlatform.findRepoRoot(Path.of(""));
        this.dataDir = (b.dataDir != null ? b.dataDir : repoRoot.resolve("data")).toAbsolutePath().normalize();
        this.reset = b.reset;
        this.portOffset = b.portOffset;
        this.modules = List.copyOf(b.modules);
        this.parallelServices = b.parallelServices;
        this.replicas = b.replicas;
        this.keycloakCacheDir = b.keycloakCacheDir != null ? b.keycloakCacheDir : LocalPlatform.defaultCacheDir();
        this.mongoUri = b.mongoUri;
        this.inMemoryStore = b.inMemoryStore;
        this.jvmProfile = b.jvmProfile;
        this.prometheus = b.prometheus;
        this.firstStartHook = b.firstStartHook;
        this.log = b.log;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Path repoRoot() {
        return repoRoot;
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean reset() {
        return reset;
    }

    public int portOffset() {
        return portOffset;
    }

    public List<String> modules() {
        return modules;
    }

    public int parallelServices() {
        return parallelServices;
    }

    /** How many instances of each service and of the gateway ({@code --replicas}, 1–3). */
    public int replicas() {
        return replicas;
    }

    public Path keycloakCacheDir() {
        return keycloakCacheDir;
    }

    /** Whether Prometheus starts too ({@code --prometheus}). */
    public boolean prometheus() {
        return prometheus;
    }

    /** The external MongoDB, or null for the built-in wire-protocol server. */
    public String mongoUri() {
        return mongoUri;
    }

    public static final class Builder {
        private Path repoRoot;
        private Path dataDir;
        private boolean reset;
        private int portOffset;
        private List<String> modules = LocalPlatform.MODULES;
        private int parallelServices = 2;
        private int replicas = 1;
        private Path keycloakCacheDir;
        private String mongoUri = blankToNull(System.getenv("MONGODB_URI"));
        private boolean inMemoryStore;
        private JvmProfile jvmProfile = JvmProfile.FAST_START;
        private boolean prometheus;
        private LocalPlatform.FirstStartHook firstStartHook;
        private Consumer<String> log = line -> System.out.println("[local-platform] " + line);

        private Builder() {
        }

        /** The repository checkout (holds deploy/ and the modules); default: found above the working dir. */
        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = repoRoot;
            return this;
        }

        /** Where everything the platform writes goes; default {@code <repoRoot>/data}. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Wipe the data dir first (realm changes only take effect on a fresh Keycloak database). */
        public Builder reset(boolean reset) {
            this.reset = reset;
            return this;
        }

        /** Added to every port (8080 → 8080 + offset, 9092 → 9092 + offset, ...). */
        public Builder portOffset(int portOffset) {
            new Ports(portOffset);
            this.portOffset = portOffset;
            return this;
        }

        /** Which of {@link LocalPlatform#MODULES} to start; default all. */
        public Builder modules(List<String> modules) {
            for (String module : modules) {
                if (!LocalPlatform.MODULES.contains(module)) {
                    throw new IllegalArgumentException("unknown module " + module + "; known: " + LocalPlatform.MODULES);
                }
            }
            this.modules = List.copyOf(modules);
            return this;
        }

        /** Infrastructure only: MongoDB, Kafka, Keycloak. */
        public Builder noServices() {
            return modules(List.of());
        }

        /** How many services start at once (the gateway always starts after them); default 2. */
        public Builder parallelServices(int parallelServices) {
            if (parallelServices < 1) {
                throw new IllegalArgumentException("parallel services must be at least 1");
            }
            this.parallelServices = parallelServices;
            return this;
        }

        /**
         * How many instances of each service and of the gateway (1 to {@link Ports#MAX_REPLICAS}); default 1. Each on its
         * own ports ({@link Ports#http(String, int)}), a service's instances in one consumer group, every gateway routing
         * to every instance.
         */
        public Builder replicas(int replicas) {
            if (replicas < 1 || replicas > Ports.MAX_REPLICAS) {
                throw new IllegalArgumentException("replicas must be between 1 and " + Ports.MAX_REPLICAS + ": " + replicas);
            }
            this.replicas = replicas;
            return this;
        }

        /** Where Keycloak is unpacked and built once; default ~/.cache/party-building. */
        public Builder keycloakCacheDir(Path keycloakCacheDir) {
            this.keycloakCacheDir = keycloakCacheDir;
            return this;
        }

        /** Keep the built-in MongoDB store in memory only (benchmarks): faster, and gone when the launcher stops. */
        public Builder inMemoryStore(boolean inMemoryStore) {
            this.inMemoryStore = inMemoryStore;
            return this;
        }

        /** How the services, the gateway and Kafka are tuned; default {@link JvmProfile#FAST_START}. */
        public Builder jvmProfile(JvmProfile jvmProfile) {
            this.jvmProfile = Objects.requireNonNull(jvmProfile);
            return this;
        }

        /** Also start Prometheus (the Debian package's binary) with deploy/prometheus's rules, scraping this platform. */
        public Builder prometheus(boolean prometheus) {
            this.prometheus = prometheus;
            return this;
        }

        /** Use this MongoDB instead of the built-in server; default {@code $MONGODB_URI}. */
        public Builder mongoUri(String mongoUri) {
            this.mongoUri = blankToNull(mongoUri);
            return this;
        }

        /** Runs once after the first start of a data dir with every module healthy (the demo district loader). */
        public Builder firstStartHook(LocalPlatform.FirstStartHook firstStartHook) {
            this.firstStartHook = firstStartHook;
            return this;
        }

        /** Progress lines; default stdout. */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log);
            return this;
        }

        public LocalSettings build() {
            return new LocalSettings(this);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
