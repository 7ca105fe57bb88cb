package org.partybuilding.member.dues;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partybuilding.events.EventType;
import org.partybuilding.member.members.Member;
import org.partybuilding.member.members.MemberAccess;
import org.partybuilding.member.members.MemberRegistry;
import org.partybuilding.platform.outbox.OutboxEvent;
import org.partybuilding.platform.outbox.OutboxRelay;
import org.partybuilding.platform.problem.ConflictException;
import org.partybuilding.platform.problem.DomainRuleViolation;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** Dues by rule 11: what a member owes for a month, recording a payment once per month, and arrears. */
@Service
public class MemberDues {

    private final MemberRegistry members;
    private final DuesRules rules;
    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final PaidMonths paidMonths;
    private final Clock clock;

    public MemberDues(MemberRegistry members, DuesRules rules, ReactiveMongoTemplate mongo, OutboxRelay relay, PaidMonths paidMonths,
            Clock clock) {
        this.members = members;
        this.rules = rules;
        this.mongo = mongo;
        this.relay = relay;
        this.paidMonths = paidMonths;
        this.clock = clock;
    }

    public Mono<DuesView> dues(String memberId, String month, DataScope scope) {
        YearMonth asked = month(month);
        return members.find(memberId, scope).flatMap(member -> {
            firstMonth(member, asked);
            return payments(member.id()).map(paid -> view(member, asked, paid));
        });
    }

    public Mono<DuesView> pay(String memberId, DuesPaymentRequest request, DataScope scope) {
        YearMonth month = month(request.month());
        LocalDate today = LocalDate.now(clock);
        LocalDate paidOn = request.paidOn() == null ? today : request.paidOn();
        if (month.isAfter(YearMonth.from(today))) {
            return Mono.error(new InvalidInputException("month", "must not be a future month"));
        }
        if (paidOn.isAfter(today)) {
            return Mono.error(new InvalidInputException("paidOn", "must not be in the future"));
        }
        return members.find(memberId, scope).flatMap(member -> {
            MemberAccess.requireDuesRecorder(scope, member);
            if (!member.active()) {
                return Mono.error(new ConflictException("Member " + memberId + " is " + member.status()));
            }
            firstMonth(member, month);
            DuesRules.Due due = rules.due(member.incomeCategory(), member.monthlyIncome());
            if (request.amount().compareTo(due.amount()) < 0) {
                return Mono.error(new DomainRuleViolation(DuesRules.AMOUNT, "The dues for " + month + " are " + due.amount()
                        + " yuan; " + request.amount().setScale(2, RoundingMode.HALF_UP) + " is less",
                        Map.of("due", due.amount().toPlainString())));
            }
            String id = DuesPayment.id(member.id(), month.toString());
            DuesPayment payment = new DuesPayment(id, 1, member.id(), member.partyOrganizationId(), member.street(),
                    month.toString(), request.amount().setScale(2, RoundingMode.HALF_UP), due.amount(), paidOn, scope.username(),
                    clock.instant(), List.of());
            DuesPayment withEvent = new DuesPayment(id, 1, payment.memberId(), payment.partyOrganizationId(), payment.street(),
                    payment.month(), payment.amount(), payment.due(), paidOn, payment.recordedBy(), payment.createdAt(),
                    List.of(OutboxEvent.of(EventType.DUES_PAID, payment.snapshot(), member.id())));
            // the payment first, then the counter every instance's copy of the months paid is brought up to; a payment
            // stored by an attempt that stopped before counting it is counted by the next attempt (its 409)
            return mongo.insert(withEvent)
                    .onErrorResume(DuplicateKeyException.class, e -> paidMonths.counted(List.of(id))
                            .then(Mono.error(new ConflictException("Dues for " + month + " are already recorded for member "
                                    + memberId))))
                    .doOnSuccess(saved -> relay.wakeUp())
                    .flatMap(saved -> paidMonths.counted(List.of(id)).thenReturn(saved))
                    .then(payments(member.id()))
                    .map(paid -> view(member, month, paid));
        });
    }

    /** Months paid by the member, with their payments. */
    Mono<Map<YearMonth, DuesPayment>> payments(String memberId) {
        return mongo.find(Query.query(Criteria.where("memberId").is(memberId)), DuesPayment.class)
                .collectMap(p -> YearMonth.parse(p.month()));
    }

    /** The month's dues, and the consecutive unpaid months owed (from the later of admission and arrival, rule 11). */
    private DuesView view(Member member, YearMonth month, Map<YearMonth, DuesPayment> paid) {
        DuesRules.Due due = rules.due(member.incomeCategory(), member.monthlyIncome());
        YearMonth owedFrom = rules.owedFrom(member.stageDates().admittedOn(), member.onPlatformSince());
        int unpaid = rules.unpaidMonths(owedFrom, YearMonth.now(clock), Set.copyOf(paid.keySet()));
        DuesPayment payment = paid.get(month);
        return new DuesView(member.id(), month.toString(), due.base().toPlainString(),
                due.rate() == null ? null : due.rate().stripTrailingZeros().toPlainString(), due.amount().toPlainString(),
                payment == null ? null : new DuesView.Payment(payment.amount().toPlainString(), payment.paidOn(), payment.recordedBy()),
                unpaid, rules.inArrears(unpaid));
    }

    /** The first month dues can be recorded for: the month the member became a party member (probationary). */
    private YearMonth firstMonth(Member member, YearMonth asked) {
        if (!member.stage().partyMember()) {
            throw new DomainRuleViolation(DuesRules.PARTY_MEMBERS_ONLY, "Dues are paid by party members (formal and probationary); "
                    + "this member is " + member.stage(), Map.of("stage", member.stage().name()));
        }
        YearMonth first = YearMonth.from(member.stageDates().admittedOn());
        if (asked.isBefore(first)) {
            throw new InvalidInputException("month", "is before the member became a party member (" + first + ")");
        }
        return first;
    }

    private static YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            throw new InvalidInputException("month", "is required, e.g. 2026-11");
        }
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "must be a month such as 2026-11");
        }
    }
}
