package org.partybuilding.local.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.partybuilding.local.GatewayClient;
import org.partybuilding.local.GatewayClient.Response;

/**
 * Compares what the services report once the demo district is loaded with the {@link ExpectedFigures}: the coverage
 * figures and gaps (on top of what the platform held before), and the funding figures (allocation, start-up grants,
 * dues returned). Differences become the load report's mismatches.
 */
final class DemoFigureCheck {

    private final DemoApi api;
    private final boolean activity;

    DemoFigureCheck(DemoApi api, boolean activity) {
        this.api = api;
        this.activity = activity;
    }

    /**
     * The expected coverage on top of the baseline: counts add up. The fixed rates are the district's alone: compared
     * only when the platform held no organization before (a first start), else listed as not checked.
     */
    void compareCoverage(ExpectedFigures expected, Map<String, Object> baseline, List<String> mismatches, List<String> notChecked) {
        Map<String, Object> want = new LinkedHashMap<>();
        boolean emptyBefore = (Integer) baseline.get("activeOrganizations") == 0;
        expected.coverage().forEach((key, value) -> {
            if (value instanceof Integer count) {
                want.put(key, count + (Integer) baseline.get(key));
            } else if (emptyBefore) {
                want.put(key, value);
            }
        });
        if (!emptyBefore && expected.coverage().values().stream().anyMatch(BigDecimal.class::isInstance)) {
            notChecked.add("coverage rates: the platform held " + baseline.get("activeOrganizations")
                    + " organizations before the district, and the fixed rates are the district's alone");
        }
        List<String> differences = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            differences.clear();
            Map<String, Object> got = coverageFigures(api.coverage());
            want.forEach((key, value) -> {
                Object actual = got.get(key);
                boolean same = value instanceof BigDecimal b ? actual instanceof BigDecimal a && a.compareTo(b) == 0
                        : Objects.equals(value, actual);
                if (!same) {
                    differences.add("coverage " + key + " expected " + value + ", reported " + actual);
                }
            });
            if (!differences.isEmpty()) {
                GatewayClient.sleep(1000);
            }
        } while (!differences.isEmpty() && System.nanoTime() < deadline);
        mismatches.addAll(differences);
    }

    /** The figures of a coverage answer by name, gaps counted per reason ({@code gaps.REASON}). */
    public static Map<String, Object> coverageFigures(JsonNode coverage) {
        Map<String, Object> got = new LinkedHashMap<>();
        for (String key : List.of("activeOrganizations", "withMembers", "coveredBySingle", "coveredByJoint", "coveredByAffiliated",
                "instructorOnly", "uncovered")) {
            got.put(key, coverage.path(key).asInt());
        }
        for (String key : List.of("organizationCoverageRate", "workCoverageRate")) {
            got.put(key, coverage.path(key).isNull() ? null : new BigDecimal(coverage.path(key).asText()));
        }
        ExpectedFigures.GAP_REASONS.forEach(reason -> got.put("gaps." + reason, 0));
        coverage.path("gaps").forEach(gap -> got.merge("gaps." + gap.path("reason").asText(), 1, (a, b) -> (Integer) a + (Integer) b));
        return got;
    }

    /**
     * Start-up grants, this year's allocation and dues returned, once funding-service books them: until then its
     * endpoints answer 404 and the figures are listed as not checked. The allocation counts members as they stood on its
     * snapshot date (rule 15), and the demo's members were placed in their party organizations today, when the loader
     * established them: so it allocates the current fiscal year on the day it does (the district's day, read now: a load
     * that runs past midnight allocates on the new day, after every placement).
     */
    void compareFunding(ExpectedFigures expected, List<String> mismatches, List<String> notChecked) {
        if (expected.allocation() == null) {
            return; // the reason is among the expected figures' notChecked
        }
        LocalDate snapshotDate = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        int year = snapshotDate.getYear();
        Response allocation = api.post("/api/funding/allocations", Map.of("fiscalYear", year, "snapshotDate", snapshotDate.toString()));
        if (allocation.status() == 404 || allocation.status() == 405) {
            notChecked.add("funding (start-up grants, allocation, dues returned): funding-service does not book them yet");
            return;
        }
        if (allocation.status() >= 300) {
            mismatches.add("allocation run: " + allocation.status() + " " + allocation.body());
            return;
        }
        JsonNode run = DemoApi.json(allocation.body());
        compareMoney("allocation " + year, expected.allocation(), run.path("total").asText(), mismatches);
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO};
        try {
            api.awaitFigure("funding-service to book every start-up grant and dues return", () -> {
            sums[0] = ledgerTotal("STARTUP_GRANT");
            sums[1] = ledgerTotal("DUES_RETURN");
            return sums[0].compareTo(expected.startupGrants()) >= 0
                    && (!activity || sums[1].compareTo(expected.duesReturned()) >= 0);
            });
        } catch (IllegalStateException e) {
            // compared below: what is missing shows as a mismatch, not as a failed start
        }
        compareMoney("start-up grants", expected.startupGrants(), sums[0].toPlainString(), mismatches);
        if (activity) {
            compareMoney("dues returned", expected.duesReturned(), sums[1].toPlainString(), mismatches);
        }
    }

    /** Every ledger entry of a kind, over all fiscal years (grants fall in the year of establishment). */
    private BigDecimal ledgerTotal(String kind) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode entry : api.listAll("/api/funding/ledger?kind=" + kind)) {
            total = total.add(new BigDecimal(entry.path("amount").asText("0")));
        }
        return total;
    }

    private static void compareMoney(String what, BigDecimal expected, String reported, List<String> mismatches) {
        if (reported == null || reported.isBlank() || new BigDecimal(reported).compareTo(expected) != 0) {
            mismatches.add(what + " expected " + expected.toPlainString() + ", reported " + reported);
        }
    }
}
