package org.partybuilding.member.stages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;

import org.partybuilding.events.EventType;
import org.partybuilding.member.context.TrainingAttendance;
import org.partybuilding.member.development.DevelopmentRules;
import org.partybuilding.member.members.Member;
import org.partybuilding.member.members.MemberAction;
import org.partybuilding.member.members.MemberRegistry;
import org.partybuilding.member.members.MemberStatus;
import org.partybuilding.member.development.Stage;
import org.partybuilding.member.development.StageDates;
import org.partybuilding.platform.audit.Actor;
import org.partybuilding.platform.problem.ConflictException;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** Moves members through the development stages by {@link DevelopmentRules}, one version-guarded write each. */
@Service
public class StageTransitions {

    private final MemberRegistry members;
    private final DevelopmentRules rules;
    private final ReactiveMongoTemplate mongo;

    public StageTransitions(MemberRegistry members, DevelopmentRules rules, ReactiveMongoTemplate mongo) {
        this.members = members;
        this.rules = rules;
        this.mongo = mongo;
    }

    public Mono<Member> transition(String id, StageTransition transition, DataScope scope) {
        Actor actor = Actor.of(scope);
        return members.findToWrite(id, scope).flatMap(current -> {
            if (!current.active()) {
                return Mono.error(new ConflictException("Member " + id + " is " + current.status()));
            }
            if (transition.on().isAfter(members.today())) {
                return Mono.error(new InvalidInputException("on", "must not be in the future"));
            }
            return switch (transition.to()) {
                case StageTransition.LEFT -> leave(current, transition, actor);
                case StageTransition.PROBATION_EXTENDED -> extend(current, transition, actor);
                default -> advance(current, stage(transition.to()), transition, actor);
            };
        });
    }

    /** Development-target training hours training-service recorded for the member. */
    public Mono<BigDecimal> targetTrainingHours(String memberId) {
        return mongo.find(Query.query(Criteria.where("memberId").is(memberId).and("kind")
                        .is(TrainingAttendance.DEVELOPMENT_TARGET_TRAINING)), TrainingAttendance.class)
                .map(TrainingAttendance::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private Mono<Member> advance(Member current, Stage to, StageTransition t, Actor actor) {
        return targetTrainingHours(current.id()).flatMap(hours -> {
            StageDates dates = rules.advance(current.stage(), current.stageDates(), to, t.on(), members.today(),
                    current.partyOrganizationId() != null, hours, current.probationExtendedMonths());
            Member next = current.change().stage(to, dates).at(members.now());
            return members.write(current, next, EventType.MEMBER_STAGE_CHANGED, actor, MemberAction.STAGE_CHANGED, null);
        });
    }

    private Mono<Member> extend(Member current, StageTransition t, Actor actor) {
        if (t.extensionMonths() == null) {
            return Mono.error(new InvalidInputException("extensionMonths", "is required to extend probation"));
        }
        rules.requireExtension(current.stage(), current.probationExtendedMonths(), t.extensionMonths());
        Member next = current.change().probationExtendedMonths(t.extensionMonths()).at(members.now());
        return members.write(current, next, EventType.MEMBER_UPDATED, actor, MemberAction.PROBATION_EXTENDED, t.reason());
    }

    private Mono<Member> leave(Member current, StageTransition t, Actor actor) {
        if (t.reason() == null || t.reason().isBlank()) {
            return Mono.error(new InvalidInputException("reason", "is required when a member leaves"));
        }
        LocalDate since = current.stageDates().of(current.stage());
        if (t.on().isBefore(since)) {
            return Mono.error(new InvalidInputException("on", "must not be before the " + current.stage() + " date " + since));
        }
        Member next = current.change().status(MemberStatus.LEFT, t.on()).at(members.now());
        return members.write(current, next, EventType.MEMBER_LEFT, actor, MemberAction.LEFT, t.reason());
    }

    private static Stage stage(String to) {
        try {
            return Stage.valueOf(to);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("to", "must be one of " + Arrays.toString(Stage.values()) + ", "
                    + StageTransition.PROBATION_EXTENDED + " or " + StageTransition.LEFT);
        }
    }
}
