package org.partybuilding.member.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.partybuilding.member.development.Stage;
import org.partybuilding.member.reports.ArrearsEntry;
import org.partybuilding.member.reports.PipelineReport;

class MemberInboxRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private final MemberInboxRules rules = new MemberInboxRules(new MemberInboxSettings(30));

    private static PipelineReport.Entry entry(LocalDate eligibleFrom, boolean now) {
        return new PipelineReport.Entry("m1", "李华", "p1", "JIANSHE", eligibleFrom.minusYears(1), eligibleFrom, now, null);
    }

    @Test
    void probationEndingWithinThirtyDaysOrEndedIsDueOnItsEnd() {
        assertThat(rules.probationer(entry(TODAY.plusDays(30), false), TODAY)).hasValueSatisfying(i -> {
            assertThat(i.kind()).isEqualTo("PROBATION_ENDING");
            assertThat(i.due()).isEqualTo(TODAY.plusDays(30));
            assertThat(i.route()).isEqualTo("/members/m1");
        });
        assertThat(rules.probationer(entry(TODAY.minusDays(3), true), TODAY)).isPresent();
        assertThat(rules.probationer(entry(TODAY.plusDays(31), false), TODAY)).isEmpty();
    }

    @Test
    void onlyActivistsEligibleNowAreDue() {
        assertThat(rules.activist(entry(TODAY, true))).hasValueSatisfying(i -> assertThat(i.since()).isEqualTo(TODAY));
        assertThat(rules.activist(entry(TODAY.plusDays(1), false))).isEmpty();
    }

    @Test
    void arrearsAreDueSinceTheFirstUnpaidMonth() {
        ArrearsEntry e = new ArrearsEntry("m2", "王芳", "o1", "JIANSHE", "p1", Stage.FORMAL, YearMonth.of(2026, 1), null,
                YearMonth.of(2026, 4), 8);
        assertThat(rules.arrears(e)).satisfies(i -> {
            assertThat(i.kind()).isEqualTo("DUES_ARREARS");
            assertThat(i.since()).isEqualTo(LocalDate.of(2026, 4, 1));
            assertThat(i.partyOrganizationId()).isEqualTo("p1");
        });
    }
}
