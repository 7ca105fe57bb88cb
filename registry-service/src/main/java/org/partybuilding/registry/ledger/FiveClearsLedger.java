package org.partybuilding.registry.ledger;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.partybuilding.registry.organization.Organization;
import org.partybuilding.registry.organization.OrganizationFilter;
import org.partybuilding.registry.organization.OrganizationRegistry;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The five-clears ledger: the registry's own organizations (with the caller's street scope and the
 * list's filters) joined, at read time, with the party organizations and members the ledger keeps
 * from branch and member events. Reading at query time means a replay of the events rebuilds it.
 */
@Service
public class FiveClearsLedger {

    private static final int BATCH = 1000;
    /** Where several party organizations cover one organization, its own comes first. */
    private static final List<String> FORMATION_ORDER = List.of("SINGLE", "JOINT", "AFFILIATED");

    private final OrganizationRegistry registry;
    private final ReactiveMongoTemplate mongo;

    public FiveClearsLedger(OrganizationRegistry registry, ReactiveMongoTemplate mongo) {
        this.registry = registry;
        this.mongo = mongo;
    }

    public Mono<PageResponse<LedgerEntry>> page(OrganizationFilter filter, PageQuery page, DataScope scope) {
        return registry.list(filter, page, scope).flatMap(organizations -> entries(organizations.items())
                .map(entries -> new PageResponse<>(entries, organizations.page(), organizations.size(), organizations.total())));
    }

    /** Every line, for an export. */
    public Flux<LedgerEntry> all(OrganizationFilter filter, DataScope scope) {
        return registry.all(filter, scope).buffer(BATCH).concatMap(batch -> entries(batch).flatMapIterable(entries -> entries));
    }

    private Mono<List<LedgerEntry>> entries(List<Organization> organizations) {
        List<String> ids = organizations.stream().map(Organization::id).toList();
        Mono<Map<String, LedgerPartyOrganization>> coverage = mongo.find(Query.query(Criteria.where("organizationIds").in(ids)
                        .and("status").is("ACTIVE")), LedgerPartyOrganization.class)
                .collectList().map(partyOrganizations -> covering(partyOrganizations, ids));
        Mono<Map<String, long[]>> members = mongo.find(Query.query(Criteria.where("organizationId").in(ids)
                        .and("status").is("ACTIVE").and("stage").in("FORMAL", "PROBATIONARY")), LedgerMember.class)
                .collect(HashMap::new, (counts, member) -> counts.computeIfAbsent(member.organizationId(), id -> new long[2])
                        ["FORMAL".equals(member.stage()) ? 0 : 1]++);
        return Mono.zip(coverage, members).map(joined -> organizations.stream()
                .map(o -> entry(o, joined.getT1().get(o.id()), joined.getT2().get(o.id()))).toList());
    }

    private static Map<String, LedgerPartyOrganization> covering(List<LedgerPartyOrganization> partyOrganizations, List<String> ids) {
        Map<String, LedgerPartyOrganization> byOrganization = new HashMap<>();
        partyOrganizations.stream()
                .sorted(Comparator.comparingInt((LedgerPartyOrganization p) -> rank(p.formation())).reversed())
                .forEach(p -> p.organizationIds().forEach(id -> byOrganization.put(id, p)));
        byOrganization.keySet().retainAll(ids);
        return byOrganization;
    }

    private static int rank(String formation) {
        int index = FORMATION_ORDER.indexOf(formation);
        return index < 0 ? FORMATION_ORDER.size() : index;
    }

    private static LedgerEntry entry(Organization o, LedgerPartyOrganization p, long[] members) {
        return new LedgerEntry(o.id(), o.name(), o.creditCode(), o.type(), o.street(), o.industry(), o.status(),
                o.operatingStatus(), o.employees(), o.fullTimeStaff(),
                p == null ? null : new LedgerEntry.PartyOrganization(p.id(), p.name(), p.formation(), p.type()),
                members == null ? new LedgerEntry.Members(0, 0) : new LedgerEntry.Members(members[0], members[1]),
                o.legalRepresentative().partyMember());
    }
}
