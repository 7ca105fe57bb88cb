package org.partybuilding.training.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.training.domain.ActivityKind;
import org.partybuilding.training.compliance.ComplianceRules.RequirementResult;
import org.partybuilding.training.compliance.ComplianceRules.Result;
import org.partybuilding.training.compliance.ComplianceRules.Status;
import org.partybuilding.training.compliance.TrainingSettings.Condition;
import org.partybuilding.training.compliance.TrainingSettings.Frequency;
import org.partybuilding.training.compliance.TrainingSettings.Requirement;

/** Rule 12 on a hand-computed year (2025) of one party organization with a committee. */
public class ComplianceRulesTest {

    public static TrainingSettings settings() {
        return new TrainingSettings(new BigDecimal("32"), new BigDecimal("56"), new BigDecimal("0.5"), false, List.of(
                new Requirement("GENERAL_MEETING", ActivityKind.GENERAL_MEETING, Frequency.QUARTER, null, null, false),
                new Requirement("COMMITTEE_MEETING", ActivityKind.COMMITTEE_MEETING, Frequency.MONTH, null, Condition.COMMITTEE, false),
                new Requirement("GROUP_MEETING", ActivityKind.GROUP_MEETING, Frequency.MONTH, null, Condition.PARTY_GROUPS, false),
                new Requirement("PARTY_LESSON", ActivityKind.PARTY_LESSON, Frequency.QUARTER, null, null, false),
                new Requirement("SECRETARY_PARTY_LESSON", ActivityKind.PARTY_LESSON, Frequency.YEAR, null, null, true),
                new Requirement("THEMED_PARTY_DAY", ActivityKind.THEMED_PARTY_DAY, Frequency.MONTH, null, null, false),
                new Requirement("ORGANIZATIONAL_LIFE_MEETING", ActivityKind.ORGANIZATIONAL_LIFE_MEETING, Frequency.YEAR, null, null, false),
                new Requirement("DEMOCRATIC_APPRAISAL", ActivityKind.DEMOCRATIC_APPRAISAL, Frequency.YEAR, null, null, false),
                new Requirement("THEME_PRACTICE", ActivityKind.THEME_PRACTICE, Frequency.YEAR, null, null, false)), Map.of());
    }

    private final ComplianceRules rules = new ComplianceRules(settings());
    private final Map<String, Integer> held = new HashMap<>();
    private final Map<String, Integer> withoutQuorum = new HashMap<>();
    private final LocalDate afterTheYear = LocalDate.of(2026, 3, 1);

    private void hold(ActivityKind kind, boolean bySecretary, int month) {
        held.merge(kind + "/" + month, 1, Integer::sum);
        if (bySecretary) {
            held.merge("SECRETARY/" + month, 1, Integer::sum);
        }
    }

    private int held(ActivityKind kind, boolean bySecretary, YearMonth m) {
        return m.getYear() != 2025 ? 0 : held.getOrDefault((bySecretary ? "SECRETARY" : kind.name()) + "/" + m.getMonthValue(), 0);
    }

    /** The year of the test: Q2 without a general meeting, August without a themed party day, no theme practice. */
    private void theYear() {
        for (int month : new int[] {3, 8, 11, 12}) {
            hold(ActivityKind.GENERAL_MEETING, false, month);
        }
        for (int month = 1; month <= 12; month++) {
            hold(ActivityKind.COMMITTEE_MEETING, false, month);
            if (month != 8) {
                hold(ActivityKind.THEMED_PARTY_DAY, false, month);
            }
        }
        hold(ActivityKind.GROUP_MEETING, false, 4);
        hold(ActivityKind.GROUP_MEETING, false, 5);
        hold(ActivityKind.PARTY_LESSON, true, 2);
        hold(ActivityKind.PARTY_LESSON, false, 5);
        hold(ActivityKind.PARTY_LESSON, false, 9);
        hold(ActivityKind.PARTY_LESSON, false, 12);
        hold(ActivityKind.ORGANIZATIONAL_LIFE_MEETING, false, 1);
        hold(ActivityKind.DEMOCRATIC_APPRAISAL, false, 1);
    }

    private static final ComplianceRules.Organization WITH_COMMITTEE = new ComplianceRules.Organization("po-1", "第一党支部",
            "JIANSHE", "BRANCH", true, LocalDate.of(2024, 7, 1), null);

    private Result evaluate(ComplianceRules.Organization o, Period period, LocalDate today) {
        return rules.evaluate(o, period, new ComplianceRules.HeldCounts() {
            @Override
            public int held(ActivityKind kind, boolean bySecretary, YearMonth month) {
                return ComplianceRulesTest.this.held(kind, bySecretary, month);
            }

            @Override
            public int withoutQuorum(ActivityKind kind, boolean bySecretary, YearMonth month) {
                return bySecretary || month.getYear() != 2025 ? 0
                        : ComplianceRulesTest.this.withoutQuorum.getOrDefault(kind + "/" + month.getMonthValue(), 0);
            }
        }, today);
    }

    private static RequirementResult requirement(Result r, String name) {
        return r.requirements().stream().filter(q -> q.requirement().equals(name)).findFirst().orElseThrow();
    }

    private static void expect(Result r, String name, int required, int met, int held, Status status, List<String> missing) {
        RequirementResult q = requirement(r, name);
        assertThat(List.of(q.required(), q.met(), q.held())).as(name).containsExactly(required, met, held);
        assertThat(q.status()).as(name).isEqualTo(status);
        assertThat(q.missing()).as(name).isEqualTo(missing);
    }

    @Test
    void theWholeYear() {
        theYear();
        Result r = evaluate(WITH_COMMITTEE, new Period(2025, null), afterTheYear);
        expect(r, "GENERAL_MEETING", 4, 3, 4, Status.BEHIND, List.of("2025-Q2"));
        expect(r, "COMMITTEE_MEETING", 12, 12, 12, Status.COMPLIANT, List.of());
        expect(r, "GROUP_MEETING", 0, 0, 2, Status.NOT_REQUIRED, List.of());
        expect(r, "PARTY_LESSON", 4, 4, 4, Status.COMPLIANT, List.of());
        expect(r, "SECRETARY_PARTY_LESSON", 1, 1, 1, Status.COMPLIANT, List.of());
        expect(r, "THEMED_PARTY_DAY", 12, 11, 11, Status.BEHIND, List.of("2025-08"));
        expect(r, "ORGANIZATIONAL_LIFE_MEETING", 1, 1, 1, Status.COMPLIANT, List.of());
        expect(r, "DEMOCRATIC_APPRAISAL", 1, 1, 1, Status.COMPLIANT, List.of());
        expect(r, "THEME_PRACTICE", 1, 0, 0, Status.BEHIND, List.of("2025"));
        assertThat(r.status()).isEqualTo(Status.BEHIND);
        assertThat(r.missing()).containsExactly("GENERAL_MEETING 2025-Q2", "THEMED_PARTY_DAY 2025-08", "THEME_PRACTICE 2025");
    }

    @Test
    void theSecondQuarterIsBehindAndOwesNoYearlyActivity() {
        theYear();
        Result r = evaluate(WITH_COMMITTEE, new Period(2025, 2), afterTheYear);
        expect(r, "GENERAL_MEETING", 1, 0, 0, Status.BEHIND, List.of("2025-Q2"));
        expect(r, "COMMITTEE_MEETING", 3, 3, 3, Status.COMPLIANT, List.of());
        expect(r, "PARTY_LESSON", 1, 1, 1, Status.COMPLIANT, List.of());
        expect(r, "THEMED_PARTY_DAY", 3, 3, 3, Status.COMPLIANT, List.of());
        expect(r, "SECRETARY_PARTY_LESSON", 0, 0, 0, Status.COMPLIANT, List.of());
        expect(r, "THEME_PRACTICE", 0, 0, 0, Status.COMPLIANT, List.of());
        assertThat(r.missing()).containsExactly("GENERAL_MEETING 2025-Q2");
    }

    @Test
    void theFourthQuarterOwesTheYearlyActivitiesOfTheWholeYear() {
        theYear();
        Result r = evaluate(WITH_COMMITTEE, new Period(2025, 4), afterTheYear);
        expect(r, "GENERAL_MEETING", 1, 1, 2, Status.COMPLIANT, List.of());
        expect(r, "THEMED_PARTY_DAY", 3, 3, 3, Status.COMPLIANT, List.of());
        expect(r, "SECRETARY_PARTY_LESSON", 1, 1, 1, Status.COMPLIANT, List.of());
        expect(r, "THEME_PRACTICE", 1, 0, 0, Status.BEHIND, List.of("2025"));
        assertThat(r.missing()).containsExactly("THEME_PRACTICE 2025");
    }

    @Test
    void periodsStillRunningAreOpenNotMissing() {
        theYear();
        Result r = evaluate(WITH_COMMITTEE, new Period(2025, null), LocalDate.of(2025, 8, 15));
        RequirementResult themed = requirement(r, "THEMED_PARTY_DAY");
        assertThat(themed.missing()).isEmpty();
        assertThat(themed.open()).containsExactly("2025-08");
        RequirementResult practice = requirement(r, "THEME_PRACTICE");
        assertThat(practice.missing()).isEmpty();
        assertThat(practice.open()).containsExactly("2025");
        assertThat(r.missing()).containsExactly("GENERAL_MEETING 2025-Q2");
    }

    @Test
    void aNewPartyOrganizationOwesFromItsEstablishmentOnItsFirstPeriodCountingWhatItHeldSinceAndNoCommitteeMeetings() {
        ComplianceRules.Organization fresh = new ComplianceRules.Organization("po-2", "新党支部", "JIANSHE", "BRANCH", false,
                LocalDate.of(2025, 5, 20), null);
        // established on 20 May: its first quarter (Q2) counts the two general meetings it held since
        hold(ActivityKind.GENERAL_MEETING, false, 6);
        hold(ActivityKind.GENERAL_MEETING, false, 6);
        Result r = evaluate(fresh, new Period(2025, null), afterTheYear);
        expect(r, "GENERAL_MEETING", 3, 1, 2, Status.BEHIND, List.of("2025-Q3", "2025-Q4"));
        Result q2 = evaluate(fresh, new Period(2025, 2), afterTheYear);
        expect(q2, "GENERAL_MEETING", 1, 1, 2, Status.COMPLIANT, List.of());
        expect(r, "COMMITTEE_MEETING", 0, 0, 0, Status.NOT_REQUIRED, List.of());
        assertThat(requirement(r, "COMMITTEE_MEETING").note()).isEqualTo("no committee elected");
        // May (its first month) to December
        assertThat(requirement(r, "THEMED_PARTY_DAY").required()).isEqualTo(8);
        expect(r, "THEME_PRACTICE", 1, 0, 0, Status.BEHIND, List.of("2025"));
        assertThat(rules.reported(fresh, new Period(2025, 1))).isFalse();
        assertThat(rules.reported(fresh, new Period(2025, 2))).isTrue();
        assertThat(evaluate(fresh, new Period(2025, 1), afterTheYear).requirements()).allSatisfy(q -> assertThat(q.required()).isZero());
    }

    @Test
    void aGeneralMeetingWithoutQuorumIsShownAsHeldButDoesNotCount() {
        hold(ActivityKind.GENERAL_MEETING, false, 2);
        withoutQuorum.merge(ActivityKind.GENERAL_MEETING + "/2", 1, Integer::sum);
        Result q1 = evaluate(WITH_COMMITTEE, new Period(2025, 1), afterTheYear);
        RequirementResult general = requirement(q1, "GENERAL_MEETING");
        assertThat(List.of(general.required(), general.met(), general.held(), general.counted())).containsExactly(1, 0, 1, 0);
        assertThat(general.notCounted()).containsExactly(Map.entry("NO_QUORUM", 1));
        assertThat(general.status()).isEqualTo(Status.BEHIND);
        assertThat(q1.missing()).contains("GENERAL_MEETING 2025-Q1");

        // a second one with its quorum meets the quarter
        hold(ActivityKind.GENERAL_MEETING, false, 3);
        RequirementResult met = requirement(evaluate(WITH_COMMITTEE, new Period(2025, 1), afterTheYear), "GENERAL_MEETING");
        assertThat(List.of(met.required(), met.met(), met.held(), met.counted())).containsExactly(1, 1, 2, 1);
        assertThat(met.status()).isEqualTo(Status.COMPLIANT);
    }

    @Test
    void aDissolvedPartyOrganizationOwesNothingAfterItsDissolution() {
        ComplianceRules.Organization gone = new ComplianceRules.Organization("po-3", "已撤销党支部", "JIANSHE", "BRANCH", false,
                LocalDate.of(2020, 1, 1), LocalDate.of(2025, 4, 10));
        Result r = evaluate(gone, new Period(2025, null), afterTheYear);
        expect(r, "GENERAL_MEETING", 1, 0, 0, Status.BEHIND, List.of("2025-Q1"));
        assertThat(requirement(r, "THEMED_PARTY_DAY").required()).isEqualTo(3);
        assertThat(rules.reported(gone, new Period(2025, 3))).isFalse();
    }
}
