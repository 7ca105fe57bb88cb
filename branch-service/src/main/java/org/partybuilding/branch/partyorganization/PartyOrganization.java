package org.partybuilding.branch.partyorganization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.partybuilding.branch.domain.Formation;
import org.partybuilding.branch.domain.PartyOrganizationType;
import org.partybuilding.events.EventType;
import org.partybuilding.events.PartyOrganizationSnapshot;
import org.partybuilding.platform.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A party organization (党组织), the aggregate branch-service owns: one document in {@value #COLLECTION} with its
 * events waiting in {@code outbox} until the relay has published them.
 *
 * @param organizationIds         the registry organizations it covers
 * @param approvedBySuperior      a general branch below the size of rule 4, approved by the superior
 * @param secretaryMemberId       the secretary (书记), a member id
 * @param deputySecretaryMemberId the deputy secretary (副书记), if any
 * @param committee               the elected committee's seats; empty where there is none (rule 5)
 * @param electedOn               the last election; the term runs from it, or from establishment before the first
 * @param electionPostponedMonths an approved postponement of the next election (rule 5)
 * @param termEndsOn              computed from the above
 * @param preExisting             recorded with an establishment date in a closed fiscal year (rule 14): a party
 *                                organization the district already had, no automatic start-up grant
 */
@Document(PartyOrganization.COLLECTION)
public record PartyOrganization(
        @Id String id,
        long version,
        String name,
        PartyOrganizationType type,
        Formation formation,
        List<String> organizationIds,
        String street,
        String industry,
        String superior,
        LocalDate establishedOn,
        boolean approvedBySuperior,
        PartyOrganizationStatus status,
        LocalDate dissolvedOn,
        String dissolutionReason,
        String secretaryMemberId,
        String deputySecretaryMemberId,
        List<CommitteeSeat> committee,
        LocalDate electedOn,
        int electionPostponedMonths,
        LocalDate termEndsOn,
        SixHaves sixHaves,
        Rating rating,
        Instant createdAt,
        Instant updatedAt,
        List<OutboxEvent> outbox,
        boolean preExisting) {

    public static final String COLLECTION = "party_organizations";

    public PartyOrganization {
        organizationIds = organizationIds == null ? List.of() : List.copyOf(organizationIds);
        committee = committee == null ? List.of() : List.copyOf(committee);
        sixHaves = sixHaves == null ? SixHaves.NONE : sixHaves;
        rating = rating == null ? Rating.UNRATED : rating;
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /** A seat of the committee. */
    public record CommitteeSeat(String memberId, SeatRole role) {
    }

    public boolean active() {
        return status == PartyOrganizationStatus.ACTIVE;
    }

    /** The state the events carry: no names of people, only member ids. */
    public PartyOrganizationSnapshot snapshot() {
        return new PartyOrganizationSnapshot(id, version, name, type.name(), formation.name(), organizationIds, street, industry,
                superior, establishedOn, status.name(), dissolvedOn, secretaryMemberId,
                committee.stream().map(s -> new PartyOrganizationSnapshot.CommitteeSeat(s.memberId(), s.role().name())).toList(),
                preExisting);
    }

    /** The next version with {@code event} of it in the outbox (the write appends it to what is still waiting). */
    PartyOrganization next(EventType event, Instant at, java.util.function.UnaryOperator<Builder> change) {
        Builder b = change.apply(new Builder(this));
        PartyOrganization next = new PartyOrganization(id, version + 1, b.name, type, formation, b.organizationIds, street,
                industry, superior, establishedOn, approvedBySuperior, b.status, b.dissolvedOn, b.dissolutionReason,
                b.secretary, b.deputy, b.committee, b.electedOn, b.postponedMonths, b.termEndsOn, b.sixHaves, b.rating,
                createdAt, at, List.of(), preExisting);
        return next.withOutbox(event);
    }

    PartyOrganization withOutbox(EventType event) {
        return new PartyOrganization(id, version, name, type, formation, organizationIds, street, industry, superior,
                establishedOn, approvedBySuperior, status, dissolvedOn, dissolutionReason, secretaryMemberId,
                deputySecretaryMemberId, committee, electedOn, electionPostponedMonths, termEndsOn, sixHaves, rating,
                createdAt, updatedAt, List.of(OutboxEvent.of(event, snapshot())), preExisting);
    }

    /** The changeable part of a party organization. */
    static final class Builder {
        String name;
        List<String> organizationIds;
        PartyOrganizationStatus status;
        LocalDate dissolvedOn;
        String dissolutionReason;
        String secretary;
        String deputy;
        List<CommitteeSeat> committee;
        LocalDate electedOn;
        int postponedMonths;
        LocalDate termEndsOn;
        SixHaves sixHaves;
        Rating rating;

        Builder(PartyOrganization p) {
            name = p.name;
            organizationIds = p.organizationIds;
            status = p.status;
            dissolvedOn = p.dissolvedOn;
            dissolutionReason = p.dissolutionReason;
            secretary = p.secretaryMemberId;
            deputy = p.deputySecretaryMemberId;
            committee = p.committee;
            electedOn = p.electedOn;
            postponedMonths = p.electionPostponedMonths;
            termEndsOn = p.termEndsOn;
            sixHaves = p.sixHaves;
            rating = p.rating;
        }

        Builder details(String name, String secretary, String deputy, List<CommitteeSeat> committee, LocalDate electedOn,
                int postponedMonths, LocalDate termEndsOn, SixHaves sixHaves, Rating rating) {
            this.name = name;
            this.secretary = secretary;
            this.deputy = deputy;
            this.committee = committee;
            this.electedOn = electedOn;
            this.postponedMonths = postponedMonths;
            this.termEndsOn = termEndsOn;
            this.sixHaves = sixHaves;
            this.rating = rating;
            return this;
        }

        Builder organizations(List<String> ids) {
            this.organizationIds = ids;
            return this;
        }

        Builder dissolved(LocalDate on, String reason) {
            this.status = PartyOrganizationStatus.DISSOLVED;
            this.dissolvedOn = on;
            this.dissolutionReason = reason;
            return this;
        }
    }
}
