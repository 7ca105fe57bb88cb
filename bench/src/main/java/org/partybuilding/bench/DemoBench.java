package org.partybuilding.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import org.partybuilding.local.LocalPlatform;
import org.partybuilding.local.demo.DemoDistrict;
import org.partybuilding.local.demo.DemoDistrictLoader;
import org.partybuilding.local.demo.DistrictGenerator;

/**
 * The demo district generator at benchmark scale (issue 8): {@code --organizations 10000 --members 100000}
 * (2,000 / 20,000 with {@code --quick}) generated from seed 0 and loaded through the gateway as {@code ./run.sh}
 * loads the demo district (imports, party organizations, instructors; no meetings or dues at this scale), then
 * the coverage branch-service reports compared with what the generator built by construction (each organization's
 * situation: covered by a single or joint party organization or an instructor, or which gap it is; rates, the other
 * gaps and funding are fixed only for the default demo district, see {@code ExpectedFigures}). Reports the generation
 * time, the load time, and fails if a figure differs.
 */
final class DemoBench {

    private final LocalPlatform platform;
    private final boolean quick;
    private final Map<String, String> report;

    DemoBench(LocalPlatform platform, boolean quick, Map<String, String> report) {
        this.platform = platform;
        this.quick = quick;
        this.report = report;
    }

    void run() {
        int organizations = quick ? 2_000 : 10_000;
        int members = quick ? 20_000 : 100_000;
        long began = System.nanoTime();
        DemoDistrict district = DistrictGenerator.generate(0, organizations, members);
        double generated = (System.nanoTime() - began) / 1e9;
        DemoDistrictLoader.Report loaded = new DemoDistrictLoader(platform.gatewayUrl(), platform.keycloakUrl(), false,
                line -> System.out.println("[bench demo] " + line)).load(district, LocalDate.now(ZoneId.of("Asia/Shanghai")));
        String size = String.format(Locale.ROOT, "%,d organizations, %,d party members", organizations, members);
        report.put("demo district generator, " + size + ": s", String.format(Locale.ROOT, "%.2f", generated));
        report.put("demo district load through the gateway, " + size + " (imports, "
                + district.partyOrganizations().size() + " party organizations, " + district.instructors().size()
                + " instructors, figures compared): s", String.format(Locale.ROOT, "%.1f", loaded.took().toMillis() / 1000.0));
        if (!loaded.matches()) {
            throw new IllegalStateException("demo district figures differ: " + loaded.mismatches());
        }
    }
}
