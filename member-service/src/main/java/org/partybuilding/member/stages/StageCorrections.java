package org.partybuilding.member.stages;

import java.util.Arrays;
import java.util.List;

import org.partybuilding.events.EventType;
import org.partybuilding.member.development.DevelopmentRules;
import org.partybuilding.member.members.Member;
import org.partybuilding.member.members.MemberAction;
import org.partybuilding.member.members.MemberRegistry;
import org.partybuilding.member.development.Stage;
import org.partybuilding.member.development.StageDates;
import org.partybuilding.platform.audit.Actor;
import org.partybuilding.platform.problem.ConflictException;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * Corrections of wrongly recorded stage dates (rule 8: stage dates change only through transitions or a recorded
 * correction). The corrected dates pass the same checks as a registration at that stage — present, in order, not
 * in the future, 18 at application, the intervals and the training gate ({@link DevelopmentRules#requireHistory}) —
 * and the correction is one version-guarded write with its audit record (who, when, why, before and after).
 */
@Service
public class StageCorrections {

    private final MemberRegistry members;
    private final DevelopmentRules rules;
    private final StageTransitions transitions;

    public StageCorrections(MemberRegistry members, DevelopmentRules rules, StageTransitions transitions) {
        this.members = members;
        this.rules = rules;
        this.transitions = transitions;
    }

    public Mono<Member> correct(String id, StageCorrection correction, DataScope scope) {
        Stage stage = stageOf(correction.field());
        Actor actor = Actor.of(scope);
        return members.findToWrite(id, scope).flatMap(current -> {
            if (!current.active()) {
                return Mono.error(new ConflictException("Member " + id + " is " + current.status() + " and can no longer be changed"));
            }
            if (stage.ordinal() > current.stage().ordinal()) {
                return Mono.error(new InvalidInputException("field", "the member (" + current.stage() + ") has not reached " + stage
                        + ": a stage is reached by POST /api/members/{id}/stage-transitions"));
            }
            if (correction.value().equals(current.stageDates().of(stage))) {
                return Mono.error(new InvalidInputException("value", "is the date recorded already"));
            }
            StageDates dates = current.stageDates().with(stage, correction.value());
            List<FieldError> errors = rules.checkDates(current.stage(), dates, members.today());
            if (!errors.isEmpty()) {
                return Mono.error(new InvalidInputException(errors));
            }
            if (stage == Stage.APPLICANT) {
                rules.requireAgeAtApplication(current.birthDate(), dates.appliedOn());
            }
            return transitions.targetTrainingHours(current.id()).flatMap(hours -> {
                rules.requireHistory(current.stage(), dates, hours, current.probationExtendedMonths());
                Member next = current.change().stageDates(dates).at(members.now());
                return members.write(current, next, EventType.MEMBER_UPDATED, actor, MemberAction.CORRECTED,
                        correction.reason().trim());
            });
        });
    }

    private static Stage stageOf(String field) {
        return Arrays.stream(Stage.values()).filter(s -> DevelopmentRules.field(s).equals(field)).findFirst()
                .orElseThrow(() -> new InvalidInputException("field", "must be one of appliedOn, activistOn, targetOn, admittedOn, "
                        + "confirmedOn" + ("stage".equals(field) ? "; the stage changes only through POST /api/members/{id}/stage-transitions"
                                : "")));
    }
}
