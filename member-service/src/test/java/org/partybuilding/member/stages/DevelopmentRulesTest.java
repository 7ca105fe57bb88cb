package org.partybuilding.member.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.partybuilding.member.members.Stage;
import org.partybuilding.member.members.StageDates;
import org.partybuilding.platform.problem.DomainRuleViolation;
import org.partybuilding.platform.problem.InvalidInputException;

/** Rule 8 at its boundaries: the day before is refused with the day it will be allowed, the day itself is allowed. */
class DevelopmentRulesTest {

    static final DevelopmentSettings SETTINGS = new DevelopmentSettings(18, 12, 12, 6, 12, new BigDecimal("24"), 1, 6);
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
}
