package org.partybuilding.member.transfers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.partybuilding.events.EventType;
import org.partybuilding.member.context.Context;
import org.partybuilding.member.members.Member;
import org.partybuilding.member.members.MemberAction;
import org.partybuilding.member.members.MemberAccess;
import org.partybuilding.member.members.MemberChange;
import org.partybuilding.member.members.MemberRegistry;
import org.partybuilding.member.members.MemberStatus;
import org.partybuilding.member.members.Transfer;
import org.partybuilding.member.members.Transfer.TransferKind;
import org.partybuilding.member.members.Transfer.TransferState;
import org.partybuilding.platform.audit.Actor;
import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.problem.ConflictException;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.problem.NotFoundException;
import org.partybuilding.platform.security.DataScope;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Relationship transfers (组织关系转接, rule 10). A transfer lives in its member's document, so
 * completing one changes the transfer and moves the member in one version-guarded write, with its
 * {@code MemberTransferred} event: a member is never in two party organizations, nor in none, halfway.
 */
@Service
public class RelationshipTransfers {

    private final MemberRegistry members;
    private final Context context;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public RelationshipTransfers(MemberRegistry members, Context context, ReactiveMongoTemplate mongo, Clock clock) {
        this.members = members;
        this.context = context;
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<TransferView> request(String memberId, TransferRequest request, DataScope scope) {
        return members.findToWrite(memberId, scope).flatMap(current -> {
            if (!current.active()) {
                return Mono.error(new ConflictException("Member " + memberId + " is " + current.status()));
            }
            if (current.transfers().stream().anyMatch(Transfer::open)) {
                return Mono.error(new ConflictException("Member " + memberId + " already has a transfer in progress"));
            }
            return target(current, request).flatMap(to -> {
                Transfer transfer = new Transfer(UUID.randomUUID().toString(), request.kind(), current.partyOrganizationId(),
                        to.orElse(null),
                        blankToNull(request.destination()), blankToNull(request.from()), TransferState.REQUESTED,
                        LocalDate.now(clock), null, null, clock.instant());
                Member next = current.change().transfer(transfer).at(clock.instant());
                return members.write(current, next, EventType.MEMBER_UPDATED, Actor.of(scope), MemberAction.TRANSFER_REQUESTED, null)
                        .map(saved -> TransferView.of(saved, transfer));
            });
        });
    }

    /** Where the transfer goes, checked by kind. */
    private Mono<Optional<String>> target(Member current, TransferRequest request) {
        return switch (request.kind()) {
            case OUT -> {
                if (current.partyOrganizationId() == null) {
                    yield Mono.error(new InvalidInputException("kind", "the member has no party organization to transfer out of"));
                }
                if (isBlank(request.toPartyOrganizationId())) {
                    yield Mono.error(new InvalidInputException("toPartyOrganizationId", "is required for a transfer OUT"));
                }
                if (request.toPartyOrganizationId().equals(current.partyOrganizationId())) {
                    yield Mono.error(new InvalidInputException("toPartyOrganizationId", "is the member's own party organization"));
                }
                yield activePartyOrganization(request.toPartyOrganizationId());
            }
            case OUT_OF_DISTRICT -> isBlank(request.destination())
                    ? Mono.error(new InvalidInputException("destination", "is required for a transfer OUT_OF_DISTRICT"))
                    : Mono.just(Optional.empty());
            case IN -> {
                if (isBlank(request.from())) {
                    yield Mono.error(new InvalidInputException("from", "is required for a transfer IN"));
                }
                if (isBlank(request.toPartyOrganizationId())) {
                    yield Mono.error(new InvalidInputException("toPartyOrganizationId", "is required for a transfer IN"));
                }
                yield activePartyOrganization(request.toPartyOrganizationId());
            }
        };
    }

    private Mono<Optional<String>> activePartyOrganization(String id) {
        return context.partyOrganization(id).filter(p -> p.active()).map(p -> Optional.of(p.id()))
                .switchIfEmpty(Mono.error(() -> new InvalidInputException("toPartyOrganizationId", "is not an active party organization")));
    }

    public Mono<TransferView> complete(String transferId, TransferOutcome outcome, DataScope scope) {
        return finish(transferId, outcome, TransferState.COMPLETED, scope);
    }

    public Mono<TransferView> reject(String transferId, TransferOutcome outcome, DataScope scope) {
        if (outcome == null || isBlank(outcome.reason())) {
            return Mono.error(new InvalidInputException("reason", "is required to reject a transfer"));
        }
        return finish(transferId, outcome, TransferState.REJECTED, scope);
    }

    public Mono<TransferView> cancel(String transferId, TransferOutcome outcome, DataScope scope) {
        return finish(transferId, outcome, TransferState.CANCELLED, scope);
    }

    private Mono<TransferView> finish(String transferId, TransferOutcome outcome, TransferState state, DataScope scope) {
        LocalDate on = outcome == null || outcome.on() == null ? LocalDate.now(clock) : outcome.on();
        String reason = outcome == null ? null : blankToNull(outcome.reason());
        return byTransfer(transferId, scope).flatMap(current -> {
            MemberAccess.requireWrite(scope, current.street());
            Transfer transfer = current.transfers().stream().filter(t -> t.id().equals(transferId)).findFirst().orElseThrow();
            if (!transfer.open()) {
                return Mono.error(new ConflictException("Transfer " + transferId + " is already " + transfer.state()));
            }
            if (on.isAfter(LocalDate.now(clock))) {
                return Mono.error(new InvalidInputException("on", "must not be in the future"));
            }
            if (on.isBefore(transfer.requestedOn())) {
                return Mono.error(new InvalidInputException("on", "must not be before the request on " + transfer.requestedOn()));
            }
            Transfer finished = transfer.finished(state, on, reason, clock.instant());
            MemberChange change = current.change().transfer(finished);
            EventType event = EventType.MEMBER_UPDATED;
            MemberAction action = state == TransferState.REJECTED ? MemberAction.TRANSFER_REJECTED : MemberAction.TRANSFER_CANCELLED;
            if (state == TransferState.COMPLETED) {
                event = EventType.MEMBER_TRANSFERRED;
                action = MemberAction.TRANSFER_COMPLETED;
                if (transfer.kind() == TransferKind.OUT_OF_DISTRICT) {
                    change.status(MemberStatus.TRANSFERRED_OUT, on).transferRequired(false);
                } else {
                    // In the receiving party organization from the day of completion (rule 15 counts from then).
                    change.partyOrganization(transfer.toPartyOrganizationId(), on).transferRequired(false);
                    if (transfer.kind() == TransferKind.IN) {
                        // The relationship is here now: no longer a mobile member, and under the platform (dues owed here) from today.
                        change.mobile(null).onPlatformSince(on);
                    }
                }
            }
            return members.write(current, change.at(clock.instant()), event, Actor.of(scope), action, reason)
                    .map(saved -> TransferView.of(saved, finished));
        });
    }

    private Mono<Member> byTransfer(String transferId, DataScope scope) {
        Query query = Query.query(Criteria.where("transfers.id").is(transferId));
        query.fields().exclude(AuditRecord.HISTORY_FIELD);
        return mongo.findOne(query, Member.class)
                .filter(m -> MemberAccess.mayRead(scope, m))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Transfer", transferId)));
    }

    /** Transfers in the caller's scope, newest first; {@code partyOrganizationId} matches either end. */
    public Flux<TransferView> list(TransferState state, String partyOrganizationId, DataScope scope) {
        Criteria criteria = MemberAccess.scoped(scope, null, null).and("transfers.0").exists(true);
        Query query = Query.query(criteria);
        query.fields().exclude(AuditRecord.HISTORY_FIELD);
        return mongo.find(query, Member.class)
                .flatMapIterable(m -> m.transfers().stream()
                        .filter(t -> state == null || t.state() == state)
                        .filter(t -> partyOrganizationId == null || partyOrganizationId.equals(t.fromPartyOrganizationId())
                                || partyOrganizationId.equals(t.toPartyOrganizationId()))
                        .map(t -> TransferView.of(m, t)).toList())
                .sort(Comparator.comparing((TransferView v) -> v.transfer().updatedAt()).reversed());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.trim();
    }
}
