package org.partybuilding.member.development;

import java.time.LocalDate;

/** The date each stage was reached: applied 申请, activist 积极分子, target 发展对象, admitted 预备党员, confirmed 转正. */
public record StageDates(LocalDate appliedOn, LocalDate activistOn, LocalDate targetOn, LocalDate admittedOn,
        LocalDate confirmedOn) {

    public LocalDate of(Stage stage) {
        return switch (stage) {
            case APPLICANT -> appliedOn;
            case ACTIVIST -> activistOn;
            case DEVELOPMENT_TARGET -> targetOn;
            case PROBATIONARY -> admittedOn;
            case FORMAL -> confirmedOn;
        };
    }

    public StageDates with(Stage stage, LocalDate date) {
        return new StageDates(stage == Stage.APPLICANT ? date : appliedOn, stage == Stage.ACTIVIST ? date : activistOn,
                stage == Stage.DEVELOPMENT_TARGET ? date : targetOn, stage == Stage.PROBATIONARY ? date : admittedOn,
                stage == Stage.FORMAL ? date : confirmedOn);
    }
}
