package org.partybuilding.funding.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.partybuilding.events.DuesPaymentSnapshot;
import org.partybuilding.events.EventFormatException;
import org.partybuilding.events.PartyOrganizationSnapshot;
import org.partybuilding.funding.context.DistrictState;
import org.partybuilding.funding.context.PartyOrganizationView;
import org.partybuilding.funding.money.Money;
import org.partybuilding.funding.policy.FundingPolicies;
import org.partybuilding.platform.audit.Actor;
import org.partybuilding.platform.problem.NotFoundException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * What books entries besides the allocation run: the start-up grant (rule 14) and the dues return (rule 16)
 * from events, each exactly once by its natural key, and adjustments (rule 17) by the district admin.
 */
@Service
public class Bookings {

    private final Ledger ledger;
    private final FundingPolicies policies;
    private final DistrictState state;
    private final Clock clock;

    public Bookings(Ledger ledger, FundingPolicies policies, DistrictState state, Clock clock) {
        this.ledger = ledger;
        this.policies = policies;
        this.state = state;
        this.clock = clock;
    }

    /** Who books grants and returns in the audit trail: the other services' events, applied here. */
    private static final Actor ESTABLISHMENT = Actor.system("branch.party-organizations");
    private static final Actor DUES = Actor.system("member.members");

    /**
     * Rule 14: the start-up grant of the policy of the year it was established in, booked under
     * {@code STARTUP:<id>} — a second delivery of the establishment collides and books nothing. A party organization
     * recorded as pre-existing (established in a closed fiscal year, as branch-service decided by the platform's fiscal
     * calendar and says in the event) gets none: nothing is booked into a closed year; the district admin may book
     * one by adjustment.
     */
    public Mono<Boolean> startupGrant(PartyOrganizationSnapshot partyOrganization, String eventId) {
        if (partyOrganization.preExisting()) {
            return Mono.just(false);
        }
        LocalDate establishedOn = partyOrganization.establishedOn() != null ? partyOrganization.establishedOn()
                : LocalDate.now(clock);
        int year = establishedOn.getYear();
        return policies.find(year)
                .onErrorMap(e -> new EventFormatException("No funding policy for the establishment year " + year, e))
                .flatMap(policy -> ledger.book(LedgerEntry.book(LedgerEntry.startupId(partyOrganization.id()),
                        EntryKind.STARTUP_GRANT, partyOrganization.id(), partyOrganization.street(), year,
                        policy.startupYuan(), "start-up grant " + Money.format(policy.startupYuan()) + " (policy " + year
                                + "), established " + establishedOn,
                        null, "event:" + eventId, null, clock.instant(), null), ESTABLISHMENT));
    }

    /**
     * Rule 16: the payment in full to the member's party organization, under {@code DUES:<payment id>}, in the
     * fiscal year it was paid. Dues of a member outside any party organization have nowhere to return to and are
     * skipped; an amount that is not exact yuan is a malformed event (dead letters), never rounded.
     */
    public Mono<Boolean> duesReturn(DuesPaymentSnapshot payment, String eventId) {
        return Mono.defer(() -> {
            if (payment.partyOrganizationId() == null) {
                return Mono.just(false);
            }
            String amountText = payment.amount();
            Money.problem(amountText).ifPresent(problem -> {
                throw new EventFormatException("Dues payment " + payment.id() + ": amount " + problem);
            });
            BigDecimal amount = Money.parse(amountText);
            LocalDate paidOn = payment.paidOn() != null ? payment.paidOn() : LocalDate.now(clock);
            Mono<Optional<String>> street = payment.street() != null ? Mono.just(Optional.of(payment.street()))
                    : state.partyOrganization(payment.partyOrganizationId()).map(p -> p.map(PartyOrganizationView::street));
            return street.flatMap(inStreet -> ledger.book(LedgerEntry.book(LedgerEntry.duesId(payment.id()), EntryKind.DUES_RETURN,
                    payment.partyOrganizationId(), inStreet.orElse(null), paidOn.getYear(), amount,
                    "dues " + payment.month() + " paid " + paidOn + ", returned in full", null, "event:" + eventId, null,
                    clock.instant(), null), DUES));
        });
    }

    /** Rule 17: a correction, district-admin only; the party organization must be known here. */
    public Mono<LedgerEntry> adjustment(AdjustmentRequest request, DataScope scope) {
        return Mono.defer(() -> {
            scope.requireAny(Role.DISTRICT_ADMIN);
            AdjustmentRules.Checked checked = AdjustmentRules.check(request);
            return state.partyOrganization(checked.partyOrganizationId()).flatMap(known -> {
                PartyOrganizationView partyOrganization = known
                        .orElseThrow(() -> new NotFoundException("party organization", checked.partyOrganizationId()));
                LedgerEntry entry = LedgerEntry.book("ADJUSTMENT:" + UUID.randomUUID(), EntryKind.ADJUSTMENT,
                        partyOrganization.id(), partyOrganization.street(), checked.fiscalYear(), checked.amount(),
                        "adjustment by " + scope.username(), null, "adjustment", checked.reason(), clock.instant(), scope.username());
                return ledger.book(entry, Actor.of(scope)).thenReturn(entry);
            });
        });
    }
}
