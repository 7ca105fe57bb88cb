package org.partybuilding.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPlatformMainTest {

    @TempDir
    Path repo;

    private LocalSettings parse(String... args) {
        return LocalPlatformMain.parse(List.of(args), LocalSettings.builder().repoRoot(repo));
    }

    @Test
    void defaultsStartEverythingOnTheStandardPortsWithDataUnderTheRepository() {
        LocalSettings options = parse();
        assertThat(options.reset()).isFalse();
        assertThat(options.portOffset()).isZero();
        assertThat(options.modules()).containsExactlyElementsOf(LocalPlatform.MODULES);
        assertThat(options.dataDir()).isEqualTo(repo.resolve("data").toAbsolutePath().normalize());
        assertThat(options.parallelServices()).isEqualTo(2);
    }

    @Test
    void readsEveryFlagInBothSpellings() {
        LocalSettings options = parse("--reset", "--data-dir", "/tmp/x", "--port-offset=100", "--parallel", "3", "--replicas", "2");
        assertThat(options.reset()).isTrue();
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(options.portOffset()).isEqualTo(100);
        assertThat(options.parallelServices()).isEqualTo(3);
        assertThat(options.replicas()).isEqualTo(2);
        assertThat(parse("--replicas=3").replicas()).isEqualTo(3);
        assertThat(parse().replicas()).isEqualTo(1);
        assertThat(parse("--data-dir=/tmp/y").dataDir()).isEqualTo(Path.of("/tmp/y"));
    }

    @Test
    void prometheusStartsOnlyWithItsFlag() {
        assertThat(parse().prometheus()).isFalse();
        assertThat(parse("--prometheus").prometheus()).isTrue();
    }

    @Test
    void theJvmProfileIsFastStartUnlessThroughputIsAskedFor() {
        assertThat(parse().jvmProfile).isEqualTo(JvmProfile.FAST_START);
        assertThat(parse("--jvm-profile", "throughput").jvmProfile).isEqualTo(JvmProfile.THROUGHPUT);
        assertThat(parse("--jvm-profile=fast-start").jvmProfile).isEqualTo(JvmProfile.FAST_START);
        assertThatThrownBy(() -> parse("--jvm-profile", "c2")).hasMessageContaining("fast-start or throughput");
    }

    @Test
    void noServicesStartsOnlyInfrastructureAndServicesPicksModules() {
        assertThat(parse("--no-services").modules()).isEmpty();
        assertThat(parse("--services", "registry-service, gateway").modules())
                .containsExactly("registry-service", "gateway");
    }

    @Test
    void theDemoDistrictLoadsByDefaultAndScalesOrStaysOffByFlag() {
        LocalPlatformMain.DemoSettings demo = new LocalPlatformMain.DemoSettings();
        LocalPlatformMain.parse(List.of(), LocalSettings.builder().repoRoot(repo), demo);
        assertThat(demo.load).isTrue();
        assertThat(demo.organizations).isEqualTo(270);
        assertThat(demo.members).isEqualTo(432);

        LocalPlatformMain.DemoSettings scaled = new LocalPlatformMain.DemoSettings();
        LocalPlatformMain.parse(List.of("--organizations", "10000", "--members=100000", "--seed", "7"),
                LocalSettings.builder().repoRoot(repo), scaled);
        assertThat(scaled.organizations).isEqualTo(10_000);
        assertThat(scaled.members).isEqualTo(100_000);
        assertThat(scaled.seed).isEqualTo(7);

        LocalPlatformMain.DemoSettings off = new LocalPlatformMain.DemoSettings();
        LocalPlatformMain.parse(List.of("--no-demo"), LocalSettings.builder().repoRoot(repo), off);
        assertThat(off.load).isFalse();
        assertThatThrownBy(() -> parse("--members", "many")).hasMessageContaining("--members needs a number");
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> parse("--frobnicate")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown flag --frobnicate");
        assertThatThrownBy(() -> parse("--data-dir")).hasMessageContaining("--data-dir needs a value");
        assertThatThrownBy(() -> parse("--port-offset", "--reset")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> parse("--port-offset", "ten")).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> parse("--port-offset", "-1")).hasMessageContaining("between 0 and " + Ports.MAX_OFFSET);
        assertThatThrownBy(() -> parse("--services", "payroll-service")).hasMessageContaining("unknown module payroll-service");
        assertThatThrownBy(() -> parse("--parallel", "0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> parse("--replicas", "4")).hasMessageContaining("between 1 and 3");
        assertThatThrownBy(() -> parse("--replicas", "0")).hasMessageContaining("between 1 and 3");
        assertThatThrownBy(() -> parse("--help")).isInstanceOf(LocalPlatformMain.HelpRequested.class);
    }
}
