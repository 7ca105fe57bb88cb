package org.partybuilding.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak from its distribution zip on Maven Central: unpacked once into a cache outside the repository
 * (it survives {@code mvn clean} and {@code --reset}), built once for the options below, and started with
 * its H2 database and the realm to import under {@code <dataDir>/keycloak/}.
 */
final class KeycloakServer extends RunsAsChildProcess {

    static final String NAME = "keycloak";
    static final String REALM = "party-building";
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";
    static final String LOCAL_FINANCE_SECRET = "demo-finance-secret";
    /** The gateway's secret as the portal's confidential client (locally only; production sets PORTAL_CLIENT_SECRET). */
    static final String LOCAL_PORTAL_SECRET = "demo-portal-secret";

    /** Build-time options (kc.sh build); changing them rebuilds the cached installation once. */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--health-enabled=true");

    private static final String BUILD_MARKER = ".party-building-build";

    private final Path repoRoot;
    private final Path dir;
    private final Path logs;
    private final Path cacheDir;
    private final Ports ports;
    private final int gateways;

    KeycloakServer(Path repoRoot, Path dir, Path logs, Path cacheDir, Ports ports, int gateways) {
        super(Duration.ofSeconds(30));
        this.repoRoot = repoRoot;
        this.dir = dir;
        this.logs = logs;
        this.cacheDir = cacheDir;
        this.ports = ports;
        this.gateways = gateways;
    }

    /** The browser-facing URL; also the token issuer's host, so it must be {@code localhost}, not 127.0.0.1. */
    String url() {
        return "http://localhost:" + ports.keycloak();
    }

    String issuerUri() {
        return url() + "/realms/" + REALM;
    }

    String jwkSetUri() {
        return issuerUri() + "/protocol/openid-connect/certs";
    }

    void start(Duration timeout) {
        JdkFinder.Jdk jdk = JdkFinder.forKeycloak();
        Path home = install();
        build(home, jdk, timeout);
        Path importDir = dir.resolve("import");
        Path realmFile = importDir.resolve(REALM + "-realm.json");
        RealmOverlay.write(repoRoot.resolve("deploy/keycloak/party-building-realm.json"),
                repoRoot.resolve("deploy/keycloak/party-building-local.json"), realmFile);
        List<Integer> gatewayPorts = new ArrayList<>();
        for (int instance = 0; instance < gateways; instance++) {
            gatewayPorts.add(ports.http(LocalPlatform.GATEWAY, instance));
        }
        movePortalTo(realmFile, gatewayPorts);
        List<String> command = new ArrayList<>(List.of("sh", home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true",
                "--cache=local",
                "--http-host=127.0.0.1",
                "--http-port=" + ports.keycloak(),
                "--hostname=" + url(),
                "--http-management-port=" + ports.keycloakManagement(),
                "--db-url=jdbc:h2:file:" + dir.resolve("h2/keycloakdb").toAbsolutePath() + ";NON_KEYWORDS=VALUE",
                // What --import-realm does, with the directory under the data dir instead of the installation:
                // import every <realm>-realm.json there at start-up, skipping realms that exist already.
                "-Dkeycloak.migration.dir=" + importDir.toAbsolutePath()));
        process = ChildProcess.start(NAME, command, environment(jdk), dir, logs.resolve("keycloak.log"));
        String health = "http://127.0.0.1:" + ports.keycloakManagement() + "/health/ready";
        String realm = issuerUri() + "/.well-known/openid-configuration";
        Readiness.await(process, timeout, () -> Readiness.httpOk(health) && Readiness.httpOk(realm));
    }

    /**
     * With a port offset the portal is not on 8080: its redirect URIs follow the gateway. With several gateways
     * ({@code --replicas}) the portal's client accepts each one's login redirect and post-logout address.
     */
    static String movePortal(String realm, List<Integer> gatewayPorts) {
        String moved = realm.replace("http://localhost:8080", "http://localhost:" + gatewayPorts.get(0));
        if (gatewayPorts.size() == 1) {
            return moved;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode tree = RealmOverlay.JSON.readTree(moved);
            for (com.fasterxml.jackson.databind.JsonNode client : tree.path("clients")) {
                if (!"portal".equals(client.path("clientId").asText())) {
                    continue;
                }
                com.fasterxml.jackson.databind.node.ArrayNode redirects =
                        ((com.fasterxml.jackson.databind.node.ObjectNode) client).putArray("redirectUris");
                List<String> logouts = new ArrayList<>();
                for (int port : gatewayPorts) {
                    redirects.add("http://localhost:" + port + "/login/oauth2/code/keycloak");
                    logouts.add("http://localhost:" + port + "/");
                }
                // Keycloak's separator for this attribute
                ((com.fasterxml.jackson.databind.node.ObjectNode) client.path("attributes"))
                        .put("post.logout.redirect.uris", String.join("##", logouts));
                return RealmOverlay.JSON.writeValueAsString(tree);
            }
        } catch (IOException e) {
            throw new LocalPlatformException(NAME, "cannot read the realm: " + e, e);
        }
        throw new LocalPlatformException(NAME, "the realm has no client portal");
    }

    private static void movePortalTo(Path realmFile, List<Integer> gatewayPorts) {
        if (gatewayPorts.equals(List.of(8080))) {
            return;
        }
        try {
            Files.writeString(realmFile, movePortal(Files.readString(realmFile), gatewayPorts));
        } catch (IOException e) {
            throw new LocalPlatformException(NAME, "cannot rewrite " + realmFile + ": " + e, e);
        }
    }


    private Map<String, String> environment(JdkFinder.Jdk jdk) {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", jdk.home().toString());
        // kc.sh's default heap (-Xms64m -Xmx512m) stays; C1 only starts faster and leaves the second core to others
        env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // substituted into the realm's ${DISTRICT_FINANCE_CLIENT_SECRET} placeholder when it is imported
        env.put("DISTRICT_FINANCE_CLIENT_SECRET", LOCAL_FINANCE_SECRET);
        env.put("PORTAL_CLIENT_SECRET", LOCAL_PORTAL_SECRET);
        return env;
    }

    /** Unpacks the distribution into the cache once; returns the installation directory. */
    Path install() {
        Properties build = buildProperties();
        String version = build.getProperty("keycloak.version");
        Path home = cacheDir.resolve("keycloak-" + version);
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path zip = distributionZip(build);
        Path staging = cacheDir.resolve("keycloak-" + version + ".unpacking-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(staging);
            unzip(zip, staging);
            Files.move(staging.resolve("keycloak-" + version), home, StandardCopyOption.ATOMIC_MOVE);
            LocalPlatform.deleteTree(staging);
        } catch (IOException e) {
            if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
                return home; // another launcher unpacked it at the same time
            }
            throw new LocalPlatformException(NAME, "cannot unpack " + zip + " into " + cacheDir + ": " + e, e);
        }
        return home;
    }

    /** Runs {@code kc.sh build} when the installation was not yet built with {@link #BUILD_OPTIONS}. */
    private void build(Path home, JdkFinder.Jdk jdk, Duration timeout) {
        Path marker = home.resolve(BUILD_MARKER);
        String wanted = String.join(" ", BUILD_OPTIONS);
        try {
            if (Files.exists(marker) && Files.readString(marker).trim().equals(wanted)) {
                return;
            }
            List<String> command = new ArrayList<>(List.of("sh", home.resolve("bin/kc.sh").toString(), "build"));
            command.addAll(BUILD_OPTIONS);
            ChildProcess.run(NAME, command, environment(jdk), home, logs.resolve("keycloak-build.log"), timeout);
            Files.writeString(marker, wanted + "\n");
        } catch (IOException e) {
            throw new LocalPlatformException(NAME, "cannot record the build in " + marker + ": " + e, e);
        }
    }

    private static Path distributionZip(Properties build) {
        String override = System.getenv("KEYCLOAK_DIST_ZIP");
        List<Path> candidates = new ArrayList<>();
        if (override != null && !override.isBlank()) {
            candidates.add(Path.of(override));
        }
        String resolved = build.getProperty("keycloak.dist.zip", "");
        if (!resolved.isBlank() && !resolved.startsWith("@")) {
            candidates.add(Path.of(resolved));
        }
        String version = build.getProperty("keycloak.version");
        candidates.add(Path.of(System.getProperty("user.home"), ".m2/repository/org/keycloak/keycloak-quarkus-dist",
                version, "keycloak-quarkus-dist-" + version + ".zip"));
        return candidates.stream().filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new LocalPlatformException(NAME, "the Keycloak distribution is not in the local Maven"
                        + " repository (looked at " + candidates + "); build deploy/local with Maven first"));
    }

    static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = KeycloakServer.class.getResourceAsStream("local-platform.properties")) {
            if (in == null) {
                throw new LocalPlatformException(NAME, "local-platform.properties missing; rebuild deploy/local");
            }
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new LocalPlatformException(NAME, "cannot read local-platform.properties: " + e, e);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path path = root.resolve(entry.getName()).normalize();
                if (!path.startsWith(root)) {
                    throw new IOException("entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                try (InputStream in = file.getInputStream(entry); OutputStream out = Files.newOutputStream(path)) {
                    in.transferTo(out);
                }
                if (path.toString().endsWith(".sh")) {
                    path.toFile().setExecutable(true);
                }
            }
        }
    }
}
