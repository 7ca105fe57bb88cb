package org.partybuilding.funding.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How many joint party organizations the joint plan proposes in a street (rule 2, as branch-service plans them). */
class ForecastRulesTest {

    private static final ForecastRules.Thresholds DOMAIN = new ForecastRules.Thresholds(3, 3, 5);

    private static long proposals(Map<String, List<Integer>> byIndustry) {
        return ForecastRules.proposals(byIndustry, DOMAIN);
    }

    @Test
    void eachIndustryThatCanFormsItsOwnGroupsOfAtMostFive() {
        assertThat(proposals(Map.of("EDU", List.of(1, 1, 1)))).isEqualTo(1);
        assertThat(proposals(Map.of("EDU", List.of(1, 1, 1, 1, 1, 1)))).isEqualTo(2);
        assertThat(proposals(Map.of("EDU", List.of(1, 1, 1), "SPORT", List.of(2, 1, 1)))).isEqualTo(2);
        assertThat(proposals(Map.of("EDU", List.of(2, 1)))).isEqualTo(1);
    }

    @Test
    void leftoversGroupAcrossIndustriesOrJoinAProposalWithRoom() {
        Map<String, List<Integer>> mixed = new LinkedHashMap<>();
        mixed.put("EDU", List.of(1));
        mixed.put("SPORT", List.of(1));
        mixed.put("ART", List.of(1));
        assertThat(proposals(mixed)).isEqualTo(1);
        Map<String, List<Integer>> joins = new LinkedHashMap<>();
        joins.put("EDU", List.of(1, 1, 1));
        joins.put("SPORT", List.of(2));
        assertThat(proposals(joins)).isEqualTo(1);
        Map<String, List<Integer>> full = new LinkedHashMap<>();
        full.put("EDU", List.of(1, 1, 1, 1, 1));
        full.put("SPORT", List.of(2));
        assertThat(proposals(full)).isEqualTo(2);
    }

    @Test
    void aStreetThatCannotFormAGroupProposesNothing() {
        assertThat(proposals(Map.of("EDU", List.of(2)))).isZero();
        assertThat(proposals(Map.of("EDU", List.of(1, 1)))).isZero();
        assertThat(proposals(Map.of())).isZero();
    }
}
