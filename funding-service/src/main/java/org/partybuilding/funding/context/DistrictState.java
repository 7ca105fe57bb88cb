package org.partybuilding.funding.context;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The read models (members, party organizations, organizations, the streets' coverage outlooks) held in memory as well as in MongoDB, so
 * an allocation run or a forecast over 100,000 members counts in memory instead of reading 100,000
 * documents (the emulator reads about 100k documents a second). Loaded from MongoDB before the Kafka
 * listeners start (bean initialization), then kept by the projections after each write: a member's view is the
 * union of the versions received (so a replayed or reordered event changes nothing and each member is counted once,
 * wherever it moved), and beside it its {@link DatedMembership}, derived once per change, which an allocation asks
 * "where did this member count on the snapshot date".
 *
 * <p>One instance per service; a second instance would only see its own partitions' events here (its
 * MongoDB read models stay whole) — see README.
 */
@Component
public class DistrictState implements InitializingBean {

    private static final Duration LOAD_LIMIT = Duration.ofMinutes(5);

    /** A member's view and its dated membership, derived from the same facts. */
    private record Member(MemberView view, DatedMembership membership) {

        static Member of(MemberView view) {
            return new Member(view, DatedMembership.of(view));
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final Map<String, PartyOrganizationView> partyOrganizations = new ConcurrentHashMap<>();
    private final Map<String, OrganizationView> organizations = new ConcurrentHashMap<>();
    private final Map<String, CoverageOutlookView> outlooks = new ConcurrentHashMap<>();

    public DistrictState(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        reload();
    }

    /** Reads the read models again from MongoDB (start-up, and tests that simulate a restart). */
    public void reload() {
        load(MemberView.class, MemberView.COLLECTION, members, MemberView::id, Member::of);
        load(PartyOrganizationView.class, PartyOrganizationView.COLLECTION, partyOrganizations, PartyOrganizationView::id,
                Function.identity());
        load(OrganizationView.class, OrganizationView.COLLECTION, organizations, OrganizationView::id, Function.identity());
        load(CoverageOutlookView.class, CoverageOutlookView.COLLECTION, outlooks, CoverageOutlookView::id, Function.identity());
    }

    private <T, V> void load(Class<T> type, String collection, Map<String, V> into, Function<T, String> id, Function<T, V> kept) {
        var loaded = mongo.findAll(type, collection).collectList().block(LOAD_LIMIT);
        into.clear();
        loaded.forEach(view -> into.put(id.apply(view), kept.apply(view)));
    }

    /** The member as held, if known. */
    public Optional<MemberView> member(String id) {
        return Optional.ofNullable(members.get(id)).map(Member::view);
    }

    /** Adds what {@code member} tells to what is held of it (every version once; the newest state). */
    public void apply(MemberView member) {
        members.compute(member.id(), (id, held) -> held == null ? Member.of(member)
                : held.view().learnsFrom(member) ? Member.of(held.view().with(member)) : held);
    }

    public void apply(PartyOrganizationView partyOrganization) {
        partyOrganizations.merge(partyOrganization.id(), partyOrganization,
                (old, next) -> next.version() > old.version() ? next : old);
    }

    public void apply(OrganizationView organization) {
        organizations.merge(organization.id(), organization, (old, next) -> next.version() > old.version() ? next : old);
    }

    public void apply(CoverageOutlookView outlook) {
        outlooks.merge(outlook.id(), outlook, (old, next) -> next.version() > old.version() ? next : old);
    }

    public Collection<MemberView> members() {
        return members.values().stream().map(Member::view).toList();
    }

    /** Every member's dated membership: where it counted on a day (rule 15). */
    public Collection<DatedMembership> memberships() {
        return members.values().stream().map(Member::membership).toList();
    }

    public Collection<PartyOrganizationView> partyOrganizations() {
        return partyOrganizations.values();
    }

    public Collection<OrganizationView> organizations() {
        return organizations.values();
    }

    /** The streets' coverage outlooks as branch-service last announced them. */
    public Collection<CoverageOutlookView> outlooks() {
        return outlooks.values();
    }

    public Optional<PartyOrganizationView> partyOrganization(String id) {
        return Optional.ofNullable(id == null ? null : partyOrganizations.get(id));
    }
}
