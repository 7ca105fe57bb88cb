package org.partybuilding.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a JDK new enough for Keycloak (26 needs Java 21+), while the platform itself runs on 17:
 * {@code KEYCLOAK_JAVA_HOME} if set, else the running JVM if new enough, else the newest suitable JDK in
 * {@code $JAVA_HOME} or the usual install directories.
 */
final class JdkFinder {

    static final int KEYCLOAK_MIN_FEATURE = 21;

    record Jdk(Path home, int feature) {
        Path java() {
            return home.resolve("bin").resolve("java");
        }
    }

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?([^\"\\s]+)\"?");

    private JdkFinder() {
    }

    static Jdk forKeycloak() {
        Optional<Jdk> override = Optional.ofNullable(System.getenv("KEYCLOAK_JAVA_HOME"))
                .filter(s -> !s.isBlank())
                .map(s -> probe(Path.of(s)).orElseThrow(() -> new LocalPlatformException("keycloak",
                        "KEYCLOAK_JAVA_HOME=" + s + " is not a JDK (no bin/java or release file)")));
        Jdk current = new Jdk(Path.of(System.getProperty("java.home")), Runtime.version().feature());
        List<Path> homes = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(homes::add);
        for (String root : List.of("/usr/lib/jvm", "/usr/java", "/opt/java", "/Library/Java/JavaVirtualMachines")) {
            homes.addAll(children(Path.of(root)));
        }
        List<Jdk> found = new ArrayList<>();
        for (Path home : homes) {
            probe(home).or(() -> probe(home.resolve("Contents/Home"))).ifPresent(found::add);
        }
        return choose(override, current, found, KEYCLOAK_MIN_FEATURE);
    }

    /** The choice itself, kept free of the file system for tests. */
    static Jdk choose(Optional<Jdk> override, Jdk current, List<Jdk> found, int minFeature) {
        if (override.isPresent()) {
            Jdk jdk = override.get();
            if (jdk.feature() < minFeature) {
                throw new LocalPlatformException("keycloak", "KEYCLOAK_JAVA_HOME=" + jdk.home() + " is Java "
                        + jdk.feature() + ", but Keycloak needs Java " + minFeature + " or newer");
            }
            return jdk;
        }
        if (current.feature() >= minFeature) {
            return current;
        }
        return found.stream()
                .filter(jdk -> jdk.feature() >= minFeature)
                .max(Comparator.comparingInt(Jdk::feature))
                .orElseThrow(() -> new LocalPlatformException("keycloak", "Keycloak needs a JDK " + minFeature
                        + " or newer; this JVM is Java " + current.feature() + " and none was found in $JAVA_HOME or"
                        + " /usr/lib/jvm" + (found.isEmpty() ? "" : " (found: " + describe(found) + ")")
                        + ". Install one (e.g. 'apt-get install openjdk-21-jdk-headless' or a Temurin 21/25 JDK)"
                        + " or point KEYCLOAK_JAVA_HOME at it."));
    }

    static Optional<Jdk> probe(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return Optional.empty();
        }
        try {
            return parseRelease(Files.readString(release)).map(feature -> new Jdk(home, feature));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The feature version from a JDK's {@code release} file: JAVA_VERSION="25.0.1" → 25, "1.8.0_402" → 8. */
    static Optional<Integer> parseRelease(String releaseFile) {
        Matcher m = JAVA_VERSION.matcher(releaseFile);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(featureOf(m.group(1)));
    }

    static int featureOf(String javaVersion) {
        String v = javaVersion.startsWith("1.") ? javaVersion.substring(2) : javaVersion;
        Matcher digits = Pattern.compile("^\\d+").matcher(v);
        if (!digits.find()) {
            throw new IllegalArgumentException("not a Java version: " + javaVersion);
        }
        return Integer.parseInt(digits.group());
    }

    private static String describe(List<Jdk> jdks) {
        return String.join(", ", jdks.stream().map(j -> j.home() + " = " + j.feature()).toList());
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var list = Files.list(dir)) {
            return list.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
