package org.partybuilding.training.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.training.domain.ActivityKind;
import org.partybuilding.training.compliance.ComplianceReport;
import org.partybuilding.training.compliance.ComplianceRules;
import org.partybuilding.training.compliance.TrainingSettings;

class TrainingInboxRulesTest {

    @Test
    void theCurrentPeriodIsTodaysQuarter() {
        assertThat(TrainingInboxRules.currentPeriod(LocalDate.of(2026, 12, 6)).label()).isEqualTo("2026-Q4");
        assertThat(TrainingInboxRules.currentPeriod(LocalDate.of(2026, 1, 1)).label()).isEqualTo("2026-Q1");
    }

    @Test
    void eachOpenSubPeriodIsOneItemDueOnItsLastDayAndMissedOnesAreNot() {
        ComplianceRules.RequirementResult themed = new ComplianceRules.RequirementResult("THEMED_PARTY_DAY",
                ActivityKind.THEMED_PARTY_DAY, TrainingSettings.Frequency.MONTH, 1, 3, 1, 1, 1, Map.of(),
                ComplianceRules.Status.BEHIND, List.of("2026-11"), List.of("2026-12"), null);
        ComplianceRules.RequirementResult general = new ComplianceRules.RequirementResult("GENERAL_MEETING",
                ActivityKind.GENERAL_MEETING, TrainingSettings.Frequency.QUARTER, 1, 1, 0, 0, 0, Map.of(),
                ComplianceRules.Status.COMPLIANT, List.of(), List.of("2026-Q4"), null);
        ComplianceRules.RequirementResult yearly = new ComplianceRules.RequirementResult("THEME_PRACTICE",
                ActivityKind.THEME_PRACTICE, TrainingSettings.Frequency.YEAR, 1, 1, 1, 1, 1, Map.of(),
                ComplianceRules.Status.COMPLIANT, List.of(), List.of(), null);
        ComplianceReport.Row row = new ComplianceReport.Row("p1", "党支部", "JIANSHE", "BRANCH", false, ComplianceRules.Status.BEHIND,
                List.of(themed, general, yearly), List.of("THEMED_PARTY_DAY 2026-11"));

        assertThat(TrainingInboxRules.owed(row)).extracting(i -> i.rule(), i -> i.due()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("RULE_12_THEMED_PARTY_DAY", LocalDate.of(2026, 12, 31)),
                org.assertj.core.groups.Tuple.tuple("RULE_12_GENERAL_MEETING", LocalDate.of(2026, 12, 31)));
        assertThat(TrainingInboxRules.endOf("2026-Q2")).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(TrainingInboxRules.endOf("2026-02")).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(TrainingInboxRules.endOf("2026")).isEqualTo(LocalDate.of(2026, 12, 31));
    }
}
