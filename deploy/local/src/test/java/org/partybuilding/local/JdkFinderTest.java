package org.partybuilding.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partybuilding.local.JdkFinder.Jdk;

class JdkFinderTest {

    private static final Jdk JDK17 = new Jdk(Path.of("/usr/lib/jvm/java-17"), 17);
    private static final Jdk JDK21 = new Jdk(Path.of("/usr/lib/jvm/java-21"), 21);
    private static final Jdk JDK25 = new Jdk(Path.of("/usr/lib/jvm/temurin-25"), 25);

    @Test
    void readsTheFeatureVersionFromAReleaseFile() {
        assertThat(JdkFinder.parseRelease("IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n")).contains(25);
        assertThat(JdkFinder.parseRelease("JAVA_VERSION=\"17.0.15\"")).contains(17);
        assertThat(JdkFinder.parseRelease("JAVA_VERSION=\"1.8.0_402\"")).contains(8);
        assertThat(JdkFinder.parseRelease("JAVA_VERSION=\"26-ea\"")).contains(26);
        assertThat(JdkFinder.parseRelease("JAVA_VERSION_DATE=\"2025-10-21\"")).isEmpty();
    }

    @Test
    void anExplicitKeycloakJavaHomeWinsIfNewEnough() {
        assertThat(JdkFinder.choose(Optional.of(JDK21), JDK25, List.of(JDK25), 21)).isEqualTo(JDK21);
        assertThatThrownBy(() -> JdkFinder.choose(Optional.of(JDK17), JDK25, List.of(JDK25), 21))
                .hasMessageContaining("KEYCLOAK_JAVA_HOME").hasMessageContaining("Java 17");
    }

    @Test
    void theRunningJvmIsUsedWhenNewEnoughElseTheNewestInstalledOne() {
        assertThat(JdkFinder.choose(Optional.empty(), JDK21, List.of(JDK25), 21)).isEqualTo(JDK21);
        assertThat(JdkFinder.choose(Optional.empty(), JDK17, List.of(JDK17, JDK25, JDK21), 21)).isEqualTo(JDK25);
    }

    @Test
    void withoutASuitableJdkTheMessageSaysWhatToInstall() {
        assertThatThrownBy(() -> JdkFinder.choose(Optional.empty(), JDK17, List.of(JDK17), 21))
                .isInstanceOf(LocalPlatformException.class)
                .hasMessageContaining("JDK 21 or newer")
                .hasMessageContaining("KEYCLOAK_JAVA_HOME")
                .hasMessageContaining("openjdk-21");
    }
}
