package org.partybuilding.local;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.partybuilding.local.demo.DemoDistrict;
import org.partybuilding.local.demo.DemoDistrictLoader;
import org.partybuilding.local.demo.DistrictGenerator;

/** {@code java -jar deploy/local/target/local-platform.jar [flags]} — what {@code ./run.sh} runs. */
public final class LocalPlatformMain {

    static final String USAGE = String.join("\n",
            "Usage: ./run.sh [flags]   (or java -jar deploy/local/target/local-platform.jar [flags])",
            "Starts MongoDB (wire protocol), Kafka, Keycloak, the five services and the gateway; Ctrl-C stops them.",
            "  --reset              delete the data dir first (needed for realm changes to take effect)",
            "  --data-dir DIR       where data and logs go (default: <repo>/data)",
            "  --port-offset N      add N to every port (8080+N, 9092+N, 8180+N, ...)",
            "  --no-services        start only MongoDB, Kafka and Keycloak",
            "  --services A,B       start only these modules (of " + String.join(", ", LocalPlatform.MODULES) + ")",
            "  --parallel N         services started at once (default 2)",
            "  --replicas N         N instances (1-3) of each service and of the gateway, on ports 20 and 40 above the",
            "                       first (8100-8105, 8120-8125; management 9100-9105, 9120-9125); every gateway routes",
            "                       to every instance. A new N on an existing data dir needs --reset (the portal's",
            "                       redirect URIs are in the realm imported on the first start)",
            "  --jvm-profile P      fast-start (default: C1 only, small heaps) or throughput (full JIT, 1 GB heaps)",
            "  --prometheus         also start Prometheus (Debian package 'prometheus') scraping the platform, port 9090",
            "  --no-demo            don't load the demo district on the first start of a data dir",
            "  --organizations N    demo district size (default 270; with --members scaled for benchmarks)",
            "  --members N          demo district party members (default 432)",
            "  --seed N             demo district seed (default 0): the same seed gives the same district",
            "  -h, --help           this text",
            "  (./run.sh only)      --no-build: skip './mvnw -q -DskipTests install' before starting",
            "Environment: MONGODB_URI (use that MongoDB instead of the built-in server), KEYCLOAK_JAVA_HOME (a JDK 21+",
            "for Keycloak), PARTY_BUILDING_CACHE_DIR (where Keycloak is unpacked, default ~/.cache/party-building),",
            "PROMETHEUS_BIN (the Prometheus binary for --prometheus, default: prometheus on the PATH).");

    private LocalPlatformMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // before anything logs: the launcher's own libraries (MongoDB server, Kafka admin client) only warn
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
        LocalSettings options;
        DemoSettings demo = new DemoSettings();
        AtomicReference<DemoDistrictLoader.Report> loaded = new AtomicReference<>();
        try {
            LocalSettings.Builder builder = LocalSettings.builder();
            parse(Arrays.asList(args), builder, demo);
            if (demo.load) {
                // checked before anything starts: sizes that cannot keep the district's proportions are refused here
                DemoDistrict district = DistrictGenerator.generate(demo.seed, demo.organizations, demo.members);
                builder.firstStartHook(platform -> {
                    System.out.println("[local-platform] first start: loading the demo district through the gateway ...");
                    loaded.set(new DemoDistrictLoader(platform.gatewayUrl(), platform.keycloakUrl(),
                            demo.organizations <= DistrictGenerator.DEFAULT_ORGANIZATIONS * 4,
                            line -> System.out.println("[local-platform] " + line))
                            .load(district, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))));
                });
            }
            options = builder.build();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n\n" + USAGE);
            System.exit(2);
            return;
        } catch (HelpRequested e) {
            System.out.println(USAGE);
            return;
        } catch (LocalPlatformException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        // the in-process MongoDB server's log (and the Kafka admin client's warnings) go to a file, not the console
        System.setProperty("org.slf4j.simpleLogger.logFile", options.dataDir().resolve("logs/launcher.log").toString());
        LocalPlatform platform = new LocalPlatform(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[local-platform] stopping ...");
            platform.close();
            System.out.println("[local-platform] stopped");
        }, "local-platform-shutdown"));
        try {
            platform.start();
        } catch (LocalPlatformException e) {
            System.err.println("\nThe local platform did not start. " + e.getMessage());
            System.exit(1);
        }
        System.out.println(platform.summary());
        if (loaded.get() != null) {
            System.out.println(loaded.get().summary());
        } else if (demo.load && !platform.isFirstStart()) {
            System.out.println("Demo district: loaded on the first start of this data dir (--reset loads it afresh).");
        }
        new CountDownLatch(1).await(); // until Ctrl-C; the shutdown hook stops everything
    }

    /** Flags → options; throws IllegalArgumentException with a message for the user on a bad flag. */
    static LocalSettings parse(List<String> args, LocalSettings.Builder builder) {
        return parse(args, builder, new DemoSettings());
    }

    /** The demo district flags. */
    static final class DemoSettings {
        boolean load = true;
        int organizations = DistrictGenerator.DEFAULT_ORGANIZATIONS;
        int members = DistrictGenerator.DEFAULT_MEMBERS;
        long seed = DistrictGenerator.DEFAULT_SEED;
    }

    static LocalSettings parse(List<String> args, LocalSettings.Builder builder, DemoSettings demo) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (flag) {
                case "-h", "--help" -> throw new HelpRequested();
                case "--reset" -> builder.reset(true);
                case "--no-services" -> builder.noServices();
                case "--data-dir" -> builder.dataDir(Path.of(value(args, i, flag, inline)));
                case "--port-offset" -> builder.portOffset(number(value(args, i, flag, inline), flag));
                case "--parallel" -> builder.parallelServices(number(value(args, i, flag, inline), flag));
                case "--replicas" -> builder.replicas(number(value(args, i, flag, inline), flag));
                case "--no-demo" -> demo.load = false;
                case "--prometheus" -> builder.prometheus(true);
                case "--jvm-profile" -> builder.jvmProfile(JvmProfile.named(value(args, i, flag, inline)));
                case "--organizations" -> demo.organizations = number(value(args, i, flag, inline), flag);
                case "--members" -> demo.members = number(value(args, i, flag, inline), flag);
                case "--seed" -> demo.seed = number(value(args, i, flag, inline), flag);
                case "--services" -> builder.modules(Arrays.stream(value(args, i, flag, inline).split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList());
                default -> throw new IllegalArgumentException("unknown flag " + arg);
            }
            if (inline == null && List.of("--data-dir", "--port-offset", "--parallel", "--replicas", "--services", "--organizations",
                    "--members", "--seed", "--jvm-profile")
                .contains(flag)) {
                i++;
            }
        }
        return builder.build();
    }

    private static String value(List<String> args, int i, String flag, String inline) {
        if (inline != null) {
            return inline;
        }
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args.get(i + 1);
    }

    private static int number(String value, String flag) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, not " + value);
        }
    }

    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
