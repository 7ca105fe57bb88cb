package org.partybuilding.deploy.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository as the checks see it: the runnable modules, what each reads from the environment. */
final class Repository {

    /** The modules that become container images: those of the root pom that set jib.skip=false (profile images). */
    static final List<String> IMAGE_MODULES = imageModules();

    private static List<String> imageModules() {
        List<String> modules = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(read("pom.xml"));
        while (m.find()) {
            String module = m.group(1);
            if (read(module + "/pom.xml").contains("<jib.skip>false</jib.skip>")) {
                modules.add(module);
            }
        }
        return List.copyOf(modules);
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    private Repository() {
    }

    static Path root() {
        return Path.of(System.getProperty("repository.root", "../..")).toAbsolutePath().normalize();
    }

    static String version() {
        String version = System.getProperty("project.version");
        if (version == null) {
            throw new IllegalStateException("run through Maven: project.version is not set");
        }
        return version;
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String relative) {
        return read(root().resolve(relative));
    }

    /**
     * Every environment variable {@code module} reads: each {@code ${VAR}} placeholder in its application.yml
     * and in platform-starter's platform-defaults.yml, and PLATFORM_PRIVACY_KEY when its code seals personal
     * data (platform.privacy.key by relaxed binding, no default). The gateway has neither MongoDB nor Kafka, so
     * their settings in the shared defaults are inert there.
     */
    static Set<String> environmentReadBy(String module) {
        Set<String> names = new TreeSet<>();
        collect(read(module + "/src/main/resources/application.yml"), names);
        collect(read("platform/platform-starter/src/main/resources/platform-defaults.yml"), names);
        String pom = read(module + "/pom.xml");
        if (!pom.contains("spring-boot-starter-data-mongodb")) {
            names.remove("MONGODB_URI");
        }
        if (!pom.contains("spring-boot-starter-kafka")) {
            names.removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("PLATFORM_KAFKA_"));
        }
        if (sourcesMention(module, "PersonalDataCipher")) {
            names.add("PLATFORM_PRIVACY_KEY");
        }
        return names;
    }

    private static void collect(String text, Set<String> names) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
    }

    private static boolean sourcesMention(String module, String word) {
        try (Stream<Path> files = Files.walk(root().resolve(module + "/src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).anyMatch(p -> read(p).contains(word));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An image this build makes ({@code [registry/]party-building/<module>:<version>}). */
    static boolean fromThisBuild(String image) {
        int colon = image.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        String name = image.substring(0, colon);
        String tag = image.substring(colon + 1);
        return tag.equals(version()) && IMAGE_MODULES.stream().anyMatch(m -> name.equals("party-building/" + m)
                || name.endsWith("/party-building/" + m));
    }

    private static final Pattern PINNED = Pattern.compile(
            "[a-z0-9.-]+(?::[0-9]+)?(/[a-z0-9._-]+)*(:v?[0-9]+\\.[0-9]+(\\.[0-9]+)*([-.][A-Za-z0-9.]+)?)?(@sha256:[0-9a-f]{64})?");

    /** An upstream image pinned to a release tag (x.y or x.y.z) or a digest: never latest, never a bare name. */
    static boolean pinnedUpstream(String image) {
        return PINNED.matcher(image).matches() && (image.contains("@sha256:") || image.matches(".*:v?[0-9]+\\.[0-9]+.*"));
    }
}
