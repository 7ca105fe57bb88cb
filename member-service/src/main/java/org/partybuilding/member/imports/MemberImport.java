package org.partybuilding.member.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.partybuilding.member.context.KnownOrganization;
import org.partybuilding.member.context.Context;
import org.partybuilding.member.context.KnownPartyOrganization;
import org.partybuilding.member.context.Placement;
import org.partybuilding.member.members.Gender;
import org.partybuilding.member.members.IncomeCategory;
import org.partybuilding.member.members.Member;
import org.partybuilding.member.members.MemberAction;
import org.partybuilding.member.members.MemberAccess;
import org.partybuilding.member.members.MemberRegistry;
import org.partybuilding.member.members.MemberRegistry.Placed;
import org.partybuilding.member.members.PersonalData;
import org.partybuilding.member.members.RegisterMember;
import org.partybuilding.member.members.ResidentId;
import org.partybuilding.member.development.Stage;
import org.partybuilding.platform.audit.Actor;
import org.partybuilding.platform.outbox.BulkInserts;
import org.partybuilding.platform.outbox.BulkLookups;
import org.partybuilding.platform.outbox.OutboxRelay;
import org.partybuilding.platform.problem.DomainRuleViolation;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.spreadsheet.CellValues;
import org.partybuilding.platform.spreadsheet.ColumnMap;
import org.partybuilding.platform.spreadsheet.ImportReport;
import org.partybuilding.platform.spreadsheet.ImportReport.RejectedRow;
import org.partybuilding.platform.spreadsheet.RowCells;
import org.partybuilding.platform.spreadsheet.SheetRows;
import org.partybuilding.platform.timing.Phases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * Bulk registration of members from a roster (CSV or XLSX). Each row is checked alone as a
 * registration (ID number, dates, rule 8's stage gate, employer and party organization known and in
 * the caller's scope, the party organization one of the employer's, rule 7a); an ID number already registered, or
 * repeated in the file, rejects the row. A row naming no party organization is placed in the employer's, if it has
 * one. Good rows are inserted in unordered batches, each member with its {@code MemberRegistered} event and its
 * first audit record.
 */
@Service
public class MemberImport {

    private static final Logger log = LoggerFactory.getLogger(MemberImport.class);
    private static final String DATE = "a date such as 2024-03-01";

    private final MemberRegistry registry;
    private final PersonalData personalData;
    private final Context context;
    private final ReactiveMongoTemplate mongo;
    private final BulkInserts inserts;
    private final OutboxRelay relay;

    public MemberImport(MemberRegistry registry, PersonalData personalData, Context context, ReactiveMongoTemplate mongo,
            BulkInserts inserts, OutboxRelay relay) {
        this.relay = relay;
        this.registry = registry;
        this.personalData = personalData;
        this.context = context;
        this.mongo = mongo;
        this.inserts = inserts;
    }

    private record Row(int number, RegisterMember registration, ResidentId id, Placed placed, LocalDate partyOrganizationSince,
            String idNumberHash, List<FieldError> errors) {

        Row withErrors(List<FieldError> more) {
            return new Row(number, registration, id, placed, partyOrganizationSince, idNumberHash, more);
        }
    }

    /** Imports the rows with the outbox relay held back meanwhile: the events leave right after (see {@link OutboxRelay}). */
    public Mono<ImportReport> importRows(SheetRows sheet, DataScope scope) {
        return relay.holdingBackDuring(Mono.defer(() -> importNow(sheet, scope)));
    }

    private Mono<ImportReport> importNow(SheetRows sheet, DataScope scope) {
        scope.requireAny(Role.DISTRICT_ADMIN, Role.COMMITTEE_ADMIN, Role.STREET_ADMIN);
        ColumnMap<MemberColumn> columns = ColumnMap.of(MemberColumn.class, sheet.headers());
        if (!columns.has(MemberColumn.ORGANIZATION_ID) && !columns.has(MemberColumn.ORGANIZATION_CREDIT_CODE)) {
            return Mono.error(new InvalidInputException("file", "the header row needs 单位统一社会信用代码 (organizationCreditCode) "
                    + "or 单位ID (organizationId)"));
        }
        // Only the employers and party organizations the file names: a district's whole register (tens of thousands
        // of organizations) read and decoded for every file was most of an import's cost.
        Phases phases = Phases.start();
        Set<String> organizationIds = new HashSet<>();
        Set<String> creditCodes = new HashSet<>();
        Set<String> partyOrganizationIds = new HashSet<>();
        for (SheetRows.Row raw : sheet.rows()) {
            RowCells<MemberColumn> cells = columns.cells(raw);
            addIfPresent(organizationIds, cells.text(MemberColumn.ORGANIZATION_ID));
            String creditCode = cells.text(MemberColumn.ORGANIZATION_CREDIT_CODE);
            if (creditCode != null) {
                // as written and as the registry writes codes (capitals): a row matches either
                creditCodes.add(creditCode);
                creditCodes.add(CellValues.normalized(creditCode));
            }
            addIfPresent(partyOrganizationIds, cells.text(MemberColumn.PARTY_ORGANIZATION_ID));
        }
        return Mono.zip(organizations(organizationIds, creditCodes), activePartyOrganizations(partyOrganizationIds))
                .flatMap(found -> context.coveringAny(found.getT1().stream().map(KnownOrganization::id).toList())
                        .map(covering -> reactor.util.function.Tuples.of(found.getT1(), found.getT2(), covering)))
                .flatMap(known -> {
            phases.end("context read");
            Map<String, KnownOrganization> organizations = new HashMap<>();
            Map<String, KnownOrganization> byCreditCode = new HashMap<>();
            Map<String, List<KnownPartyOrganization>> coveringEmployer = new HashMap<>();
            for (KnownPartyOrganization p : known.getT3()) {
                p.organizationIds().forEach(o -> coveringEmployer.computeIfAbsent(o, k -> new ArrayList<>()).add(p));
            }
            known.getT1().forEach(o -> {
                organizations.put(o.id(), o);
                if (o.creditCode() != null) {
                    // a deregistered organization's code may belong to a new one: the active one is meant
                    byCreditCode.merge(CellValues.normalized(o.creditCode()), o, (held, other) -> held.active() ? held : other);
                }
            });
            Map<String, KnownPartyOrganization> partyOrganizations = known.getT2();
            // Each row is checked alone, so on every core (ID checks, keyed hashes); then, in file order, an ID
            // number seen in an earlier row rejects the later one.
            List<Row> rows = sheet.rows().parallelStream()
                    .map(raw -> check(columns.cells(raw), organizations, byCreditCode, partyOrganizations, coveringEmployer, scope))
                    .collect(Collectors.toCollection(ArrayList::new));
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                Integer twin = row.idNumberHash() == null ? null : seen.putIfAbsent(row.idNumberHash(), row.number());
                if (twin != null) {
                    List<FieldError> errors = new ArrayList<>(row.errors());
                    errors.add(new FieldError("idNumber", "appears already in row " + twin));
                    rows.set(i, row.withErrors(errors));
                }
            }
            phases.end("checked");
            return registered(rows.stream().filter(r -> r.errors().isEmpty()).map(Row::idNumberHash).toList())
                    .flatMap(taken -> {
                        phases.end("looked up");
                        return insert(rows, taken, Actor.of(scope)).doOnNext(report -> log.info("Import of {} rows: {} employers and {} party "
                                + "organizations read in {} ms, rows checked in {} ms, ID numbers looked up in {} ms, {} new stored "
                                + "in {} ms", rows.size(), known.getT1().size(), partyOrganizations.size(),
                                phases.millis("context read"), phases.millis("checked"), phases.millis("looked up"), report.created(),
                                phases.end("stored").millis("stored")));
                    });
        });
    }

    private Row check(RowCells<MemberColumn> cells, Map<String, KnownOrganization> organizations,
            Map<String, KnownOrganization> byCreditCode, Map<String, KnownPartyOrganization> partyOrganizations,
            Map<String, List<KnownPartyOrganization>> coveringEmployer, DataScope scope) {
        String organizationId = cells.text(MemberColumn.ORGANIZATION_ID);
        String creditCode = cells.text(MemberColumn.ORGANIZATION_CREDIT_CODE);
        KnownOrganization employer = organizationId != null ? organizations.get(organizationId)
                : creditCode != null ? byCreditCode.get(CellValues.normalized(creditCode)) : null;
        RegisterMember registration = new RegisterMember(
                cells.text(MemberColumn.NAME),
                cells.parse(MemberColumn.GENDER, v -> CellValues.choice(v, Gender.class, Gender::label, Map.of()), "男 or 女"),
                null,
                cells.text(MemberColumn.ID_NUMBER),
                cells.text(MemberColumn.PHONE),
                cells.text(MemberColumn.EDUCATION),
                employer != null ? employer.id() : organizationId != null ? organizationId : creditCode,
                cells.text(MemberColumn.PARTY_ORGANIZATION_ID),
                null,
                cells.parse(MemberColumn.MONTHLY_INCOME, BigDecimal::new, "an amount in yuan"),
                cells.parse(MemberColumn.INCOME_CATEGORY, v -> CellValues.choice(v, IncomeCategory.class, IncomeCategory::label,
                        Map.of()), "在职, 退休, 学生, 失业 or 困难"),
                null,
                cells.parse(MemberColumn.STAGE, v -> CellValues.choice(v, Stage.class, Stage::label, Map.of()),
                        "入党申请人, 入党积极分子, 发展对象, 预备党员 or 正式党员"),
                cells.parse(MemberColumn.APPLIED_ON, CellValues::date, DATE),
                cells.parse(MemberColumn.ACTIVIST_ON, CellValues::date, DATE),
                cells.parse(MemberColumn.TARGET_ON, CellValues::date, DATE),
                cells.parse(MemberColumn.ADMITTED_ON, CellValues::date, DATE),
                cells.parse(MemberColumn.CONFIRMED_ON, CellValues::date, DATE),
                cells.parse(MemberColumn.PARTY_ORGANIZATION_SINCE, CellValues::date, DATE),
                Map.of());
        List<FieldError> errors = new ArrayList<>(cells.errors());
        if (errors.isEmpty()) {
            errors.addAll(registry.problems(registration));
        }
        String hash = null;
        ResidentId id = null;
        Placed placed = null;
        LocalDate since = null;
        if (errors.isEmpty()) {
            id = ResidentId.parse(registration.idNumber(), registry.today()).id().orElseThrow();
            // rule 8 as a registration checks it (the transitions' rules, each refusal named as there)
            try {
                registry.requireStageHistory(registration, id);
            } catch (DomainRuleViolation e) {
                errors.add(refusal(e, "appliedOn"));
            }
            KnownPartyOrganization partyOrganization = null;
            if (employer == null || !employer.active()) {
                errors.add(new FieldError(creditCode != null && organizationId == null ? "organizationCreditCode" : "organizationId",
                        "is not an active organization of the registry"));
            } else if (!scope.mayWrite(employer.street())) {
                errors.add(new FieldError("organizationId", "is outside your data scope"));
            } else if (registration.partyOrganizationId() != null) {
                partyOrganization = partyOrganizations.get(registration.partyOrganizationId());
                if (partyOrganization == null) {
                    errors.add(new FieldError("partyOrganizationId", "is not an active party organization"));
                } else if (!partyOrganization.covers(employer.id())) {
                    try {
                        Placement.requireCovers(partyOrganization, employer.id());
                    } catch (DomainRuleViolation e) {
                        errors.add(refusal(e, "partyOrganizationId"));
                    }
                } else if (!scope.mayWrite(partyOrganization.street())) {
                    errors.add(new FieldError("partyOrganizationId", "is outside your data scope"));
                }
            } else {
                // rule 7a: the party organization of the employer, if it has one
                partyOrganization = Placement.choose(coveringEmployer.getOrDefault(employer.id(), List.of())).orElse(null);
            }
            if (errors.isEmpty()) {
                placed = new Placed(employer.street(), partyOrganization);
                try {
                    since = registry.partyOrganizationSince(registration, placed);
                } catch (InvalidInputException e) {
                    errors.addAll(e.errors());
                }
            }
            hash = personalData.idNumberHash(id.value());
        }
        return new Row(cells.rowNumber(), registration, id, placed, since, hash, errors);
    }

    /** A rule's refusal as a row's error: on the date it concerns, the message naming the rule as the API's 422 does. */
    @SuppressWarnings("unchecked")
    private static FieldError refusal(DomainRuleViolation e, String defaultField) {
        Object facts = e.properties().get("facts");
        Object field = facts instanceof Map<?, ?> map ? ((Map<String, Object>) map).get("field") : null;
        return new FieldError(field == null ? defaultField : field.toString(), e.rule() + ": " + e.getMessage());
    }

    private static void addIfPresent(Set<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }

    /** The organizations with these ids or (normalized) credit codes, as member-service knows them. */
    private Mono<List<KnownOrganization>> organizations(Set<String> ids, Set<String> creditCodes) {
        return BulkLookups.inBatches(ids, batch -> mongo.find(Query.query(Criteria.where("_id").in(batch)), KnownOrganization.class))
                .concatWith(BulkLookups.inBatches(creditCodes,
                        batch -> mongo.find(Query.query(Criteria.where("creditCode").in(batch)), KnownOrganization.class)))
                .collectList();
    }

    /** Those of these party organizations that exist and are active, by id. */
    private Mono<Map<String, KnownPartyOrganization>> activePartyOrganizations(Set<String> ids) {
        return BulkLookups.inBatches(ids, batch -> mongo.find(Query.query(Criteria.where("_id").in(batch)), KnownPartyOrganization.class))
                .filter(KnownPartyOrganization::active)
                .collectMap(KnownPartyOrganization::id);
    }

    /** Which of these ID-number hashes are registered already. */
    private Mono<Set<String>> registered(Collection<String> hashes) {
        return BulkLookups.inBatches(hashes, batch -> {
                    Query query = Query.query(Criteria.where("idNumberHash").in(batch));
                    query.fields().include("idNumberHash");
                    return mongo.find(query, org.bson.Document.class, Member.COLLECTION);
                })
                .map(document -> document.getString("idNumberHash"))
                .collect(HashSet::new, Set::add);
    }

    private Mono<ImportReport> insert(List<Row> rows, Set<String> taken, Actor actor) {
        List<RejectedRow> rejected = new ArrayList<>();
        List<Row> good = new ArrayList<>();
        for (Row row : rows) {
            if (!row.errors().isEmpty()) {
                rejected.add(new RejectedRow(row.number(), row.errors()));
            } else if (taken.contains(row.idNumberHash())) {
                rejected.add(new RejectedRow(row.number(), List.of(new FieldError("idNumber", "is registered already"))));
            } else {
                good.add(row);
            }
        }
        // Sealing the ID number and phone (AES-GCM) is the costly part: every core does its share.
        List<Member> members = good.parallelStream()
                .map(row -> registry.newMember(row.registration(), row.id(), row.idNumberHash(), row.placed(),
                        row.partyOrganizationSince(), actor, MemberAction.IMPORTED)).toList();
        // Each stored batch enters the directory while the next one is being stored.
        return inserts.insert(members, Member.class, Member::id, batch -> batch.forEach(registry::inserted)).map(stored -> {
            int created = 0;
            for (int i = 0; i < stored.size(); i++) {
                if (stored.get(i)) {
                    created++;
                } else {
                    rejected.add(new RejectedRow(good.get(i).number(), List.of(new FieldError("idNumber", "is registered already"))));
                }
            }
            rejected.sort(Comparator.comparingInt(RejectedRow::row));
            return new ImportReport(rows.size(), created, 0, 0, rejected);
        });
    }
}
