package org.partybuilding.member.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.problem.DomainRuleViolation;
import org.partybuilding.platform.problem.InvalidInputException;

/** Rule 8 at its boundaries: the day before is refused with the day it will be allowed, the day itself is allowed. */
class DevelopmentRulesTest {

    static final DevelopmentSettings SETTINGS = new DevelopmentSettings(18, 12, 12, 6, 12, new BigDecimal("24"), 1, 6,
            LocalDate.of(2026, 1, 1));
    private final DevelopmentRules rules = new DevelopmentRules(SETTINGS);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final BigDecimal ENOUGH = new BigDecimal("24");

    private static final StageDates ACTIVIST = new StageDates(LocalDate.of(2023, 1, 10), LocalDate.of(2024, 2, 29), null, null, null);
    private static final StageDates TARGET = ACTIVIST.with(Stage.DEVELOPMENT_TARGET, LocalDate.of(2025, 3, 1));
    private static final StageDates PROBATIONARY = TARGET.with(Stage.PROBATIONARY, LocalDate.of(2025, 7, 1));

    private static String rule(Runnable action) {
        try {
            action.run();
        } catch (DomainRuleViolation e) {
            return e.rule() + " " + e.properties().get("facts");
        }
        return "allowed";
    }

    @Test
    void aDevelopmentTargetAfterAYearAsActivist() {
        assertThat(rule(() -> rules.advance(Stage.ACTIVIST, ACTIVIST, Stage.DEVELOPMENT_TARGET, LocalDate.of(2025, 2, 27), TODAY,
                true, ENOUGH, null))).startsWith(DevelopmentRules.ACTIVIST_PERIOD).contains("allowedFrom=2025-02-28");
        assertThat(rules.advance(Stage.ACTIVIST, ACTIVIST, Stage.DEVELOPMENT_TARGET, LocalDate.of(2025, 2, 28), TODAY, true, ENOUGH,
                null).targetOn()).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void admissionNeedsAPartyOrganizationAnd24TrainingHours() {
        assertThat(rule(() -> rules.advance(Stage.DEVELOPMENT_TARGET, TARGET, Stage.PROBATIONARY, LocalDate.of(2025, 7, 1), TODAY,
                false, ENOUGH, null))).startsWith(DevelopmentRules.PARTY_ORGANIZATION_TO_ADMIT);
        assertThat(rule(() -> rules.advance(Stage.DEVELOPMENT_TARGET, TARGET, Stage.PROBATIONARY, LocalDate.of(2025, 7, 1), TODAY,
                true, new BigDecimal("23.5"), null))).startsWith(DevelopmentRules.TARGET_TRAINING).contains("hoursRecorded=23.5");
        assertThat(rules.advance(Stage.DEVELOPMENT_TARGET, TARGET, Stage.PROBATIONARY, LocalDate.of(2025, 7, 1), TODAY, true,
                new BigDecimal("24.0"), null).admittedOn()).isEqualTo(LocalDate.of(2025, 7, 1));
    }

    @Test
    void confirmationAfterAYearOfProbationOrItsExtension() {
        assertThat(rule(() -> rules.advance(Stage.PROBATIONARY, PROBATIONARY, Stage.FORMAL, LocalDate.of(2026, 6, 30), TODAY, true,
                ENOUGH, null))).startsWith(DevelopmentRules.PROBATION_PERIOD).contains("allowedFrom=2026-07-01");
        assertThat(rules.advance(Stage.PROBATIONARY, PROBATIONARY, Stage.FORMAL, LocalDate.of(2026, 7, 1), TODAY, true, ENOUGH, null)
                .confirmedOn()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(rule(() -> rules.advance(Stage.PROBATIONARY, PROBATIONARY, Stage.FORMAL, LocalDate.of(2026, 10, 31), TODAY, true,
                ENOUGH, 4))).contains("allowedFrom=2026-11-01");
        assertThat(rules.advance(Stage.PROBATIONARY, PROBATIONARY, Stage.FORMAL, LocalDate.of(2026, 11, 1), TODAY, true, ENOUGH, 4)
                .confirmedOn()).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void probationIsExtendedOnceBySixToTwelveMonths() {
        assertThatThrownBy(() -> rules.requireExtension(Stage.PROBATIONARY, null, 5)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> rules.requireExtension(Stage.PROBATIONARY, null, 13)).isInstanceOf(InvalidInputException.class);
        rules.requireExtension(Stage.PROBATIONARY, null, 6);
        rules.requireExtension(Stage.PROBATIONARY, null, 12);
        assertThat(rule(() -> rules.requireExtension(Stage.PROBATIONARY, 6, 6))).startsWith(DevelopmentRules.ONE_EXTENSION);
        assertThat(rule(() -> rules.requireExtension(Stage.FORMAL, null, 6))).startsWith(DevelopmentRules.STAGE_ORDER);
    }

    @Test
    void stagesAreNotSkippedDatesAreNotInTheFutureNorBeforeThePreviousStage() {
        assertThat(rule(() -> rules.advance(Stage.ACTIVIST, ACTIVIST, Stage.PROBATIONARY, LocalDate.of(2025, 7, 1), TODAY, true,
                ENOUGH, null))).startsWith(DevelopmentRules.STAGE_ORDER);
        assertThat(rule(() -> rules.advance(Stage.DEVELOPMENT_TARGET, TARGET, Stage.ACTIVIST, LocalDate.of(2025, 7, 1), TODAY, true,
                ENOUGH, null))).startsWith(DevelopmentRules.STAGE_ORDER);
        assertThatThrownBy(() -> rules.advance(Stage.APPLICANT, ACTIVIST, Stage.ACTIVIST, TODAY.plusDays(1), TODAY, true, ENOUGH,
                null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("on");
        assertThatThrownBy(() -> rules.advance(Stage.APPLICANT, ACTIVIST, Stage.ACTIVIST, LocalDate.of(2023, 1, 9), TODAY, true,
                ENOUGH, null)).isInstanceOf(InvalidInputException.class);
        assertThat(rules.advance(Stage.APPLICANT, ACTIVIST, Stage.ACTIVIST, LocalDate.of(2023, 1, 10), TODAY, true, ENOUGH, null)
                .activistOn()).isEqualTo(LocalDate.of(2023, 1, 10));
        assertThat(rules.advance(Stage.APPLICANT, ACTIVIST, Stage.ACTIVIST, TODAY, TODAY, true, ENOUGH, null).activistOn())
                .isEqualTo(TODAY);
    }

    @Test
    void applicantsAreEighteenOnTheDayOfApplication() {
        assertThat(rule(() -> rules.requireAgeAtApplication(LocalDate.of(2008, 2, 29), LocalDate.of(2026, 2, 27))))
                .startsWith(DevelopmentRules.MINIMUM_AGE).contains("allowedFrom=2026-02-28");
        rules.requireAgeAtApplication(LocalDate.of(2008, 2, 29), LocalDate.of(2026, 2, 28));
    }

    // --- the one gate for members who arrive at a later stage (registration, import) and for corrected dates -----

    private static final BigDecimal NONE = BigDecimal.ZERO;

    private static StageDates formal(String applied, String activist, String target, String admitted, String confirmed) {
        return new StageDates(LocalDate.parse(applied), LocalDate.parse(activist), LocalDate.parse(target), LocalDate.parse(admitted),
                LocalDate.parse(confirmed));
    }

    @Test
    void aHistoryIsCheckedStageByStageAsItsTransitionsWouldHaveBeen() {
        StageDates good = formal("2020-01-10", "2020-03-01", "2021-03-01", "2021-07-01", "2022-07-01");
        rules.requireHistory(Stage.FORMAL, good, NONE, null);

        StageDates shortActivist = formal("2020-01-10", "2020-03-01", "2021-02-28", "2021-07-01", "2022-07-01");
        assertThat(rule(() -> rules.requireHistory(Stage.FORMAL, shortActivist, NONE, null)))
                .startsWith(DevelopmentRules.ACTIVIST_PERIOD).contains("field=targetOn").contains("allowedFrom=2021-03-01");
        assertThat(rule(() -> rules.requireHistory(Stage.DEVELOPMENT_TARGET, new StageDates(LocalDate.of(2020, 1, 10),
                LocalDate.of(2020, 3, 1), LocalDate.of(2021, 2, 28), null, null), NONE, null))).startsWith(DevelopmentRules.ACTIVIST_PERIOD);

        StageDates shortProbation = formal("2020-01-10", "2020-03-01", "2021-03-01", "2021-07-01", "2022-06-30");
        assertThat(rule(() -> rules.requireHistory(Stage.FORMAL, shortProbation, NONE, null)))
                .startsWith(DevelopmentRules.PROBATION_PERIOD).contains("field=confirmedOn").contains("allowedFrom=2022-07-01");
        // with the extension the member had, probation is longer
        assertThat(rule(() -> rules.requireHistory(Stage.FORMAL, good, NONE, 6))).startsWith(DevelopmentRules.PROBATION_PERIOD)
                .contains("allowedFrom=2023-01-01");
    }

    @Test
    void anAdmissionFromTheTrainingRecordsStartOnNeedsTheHoursAsATransitionDoes() {
        StageDates before = new StageDates(LocalDate.of(2024, 1, 10), LocalDate.of(2024, 2, 1), LocalDate.of(2025, 2, 1),
                LocalDate.of(2025, 12, 31), null);
        rules.requireHistory(Stage.PROBATIONARY, before, NONE, null);
        StageDates onStart = before.with(Stage.PROBATIONARY, LocalDate.of(2026, 1, 1));
        assertThat(rule(() -> rules.requireHistory(Stage.PROBATIONARY, onStart, NONE, null))).startsWith(DevelopmentRules.TARGET_TRAINING)
                .contains("field=admittedOn").contains("hoursRecorded=0").contains("trainingRecordsStart=2026-01-01");
        assertThat(rule(() -> rules.requireHistory(Stage.FORMAL, onStart.with(Stage.FORMAL, LocalDate.of(2027, 1, 1)), NONE,
                null))).startsWith(DevelopmentRules.TARGET_TRAINING);
        rules.requireHistory(Stage.PROBATIONARY, onStart, ENOUGH, null);
        // no party organization is asked of a history: the member may have been admitted elsewhere
        rules.requireHistory(Stage.PROBATIONARY, before, NONE, null);
    }
}
