package org.partybuilding.member.imports;

import java.math.BigDecimal;
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
import org.partybuilding.member.context.KnownPartyOrganization;
import org.partybuilding.member.members.Gender;
import org.partybuilding.member.members.IncomeCategory;
import org.partybuilding.member.members.Member;
import org.partybuilding.member.members.MemberAccess;
import org.partybuilding.member.members.MemberRegistry;
import org.partybuilding.member.members.PersonalData;
import org.partybuilding.member.members.RegisterMember;
import org.partybuilding.member.members.ResidentId;
import org.partybuilding.member.members.Stage;
import org.partybuilding.member.stages.DevelopmentRules;
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
 * registration (ID number, dates, age at application, employer and party organization known and in
 * the caller's scope); an ID number already registered, or repeated in the file, rejects the row.
 * Good rows are inserted in unordered batches, each member with its {@code MemberRegistered} event.
 */
@Service
public class MemberImport {

    private static final Logger log = LoggerFactory.getLogger(MemberImport.class);

    private final MemberRegistry registry;
    private final PersonalData personalData;
    private final DevelopmentRules rules;
    private final ReactiveMongoTemplate mongo;
    private final BulkInserts inserts;
    private final OutboxRelay relay;

    public MemberImport(MemberRegistry registry, PersonalData personalData, DevelopmentRules rules, ReactiveMongoTemplate mongo,
            BulkInserts inserts, OutboxRelay relay) {
        this.relay = relay;
        this.registry = registry;
        this.personalData = personalData;
        this.rules = rules;
        this.mongo = mongo;
        this.inserts = inserts;
    }

    private record Row(int number, RegisterMember registration, ResidentId id, String street, String idNumberHash,
            List<FieldError> errors) {
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
        return Mono.zip(organizations(organizationIds, creditCodes), activePartyOrganizations(partyOrganizationIds)).flatMap(context -> {
            phases.end("context read");
            Map<String, KnownOrganization> organizations = new HashMap<>();
            Map<String, KnownOrganization> byCreditCode = new HashMap<>();
            context.getT1().forEach(o -> {
                organizations.put(o.id(), o);
                if (o.creditCode() != null) {
                    // a deregistered organization's code may belong to a new one: the active one is meant
                    byCreditCode.merge(CellValues.normalized(o.creditCode()), o, (held, other) -> held.active() ? held : other);
                }
            });
            Set<String> partyOrganizations = context.getT2();
            // Each row is checked alone, so on every core (ID checks, keyed hashes); then, in file order, an ID
            // number seen in an earlier row rejects the later one.
            List<Row> rows = sheet.rows().parallelStream()
                    .map(raw -> check(columns.cells(raw), organizations, byCreditCode, partyOrganizations, scope))
                    .collect(Collectors.toCollection(ArrayList::new));
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                Integer twin = row.idNumberHash() == null ? null : seen.putIfAbsent(row.idNumberHash(), row.number());
                if (twin != null) {
                    List<FieldError> errors = new ArrayList<>(row.errors());
                    errors.add(new FieldError("idNumber", "appears already in row " + twin));
                    rows.set(i, new Row(row.number(), row.registration(), row.id(), row.street(), row.idNumberHash(), errors));
                }
            }
            phases.end("checked");
            return registered(rows.stream().filter(r -> r.errors().isEmpty()).map(Row::idNumberHash).toList())
                    .flatMap(taken -> {
                        phases.end("looked up");
                        return insert(rows, taken).doOnNext(report -> log.info("Import of {} rows: {} employers and {} party "
                                + "organizations read in {} ms, rows checked in {} ms, ID numbers looked up in {} ms, {} new stored "
                                + "in {} ms", rows.size(), context.getT1().size(), partyOrganizations.size(),
                                phases.millis("context read"), phases.millis("checked"), phases.millis("looked up"), report.created(),
                                phases.end("stored").millis("stored")));
                    });
        });
    }

    private Row check(RowCells<MemberColumn> cells, Map<String, KnownOrganization> organizations,
            Map<String, KnownOrganization> byCreditCode, Set<String> partyOrganizations, DataScope scope) {
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
                cells.parse(MemberColumn.APPLIED_ON, CellValues::date, "a date such as 2024-03-01"),
                cells.parse(MemberColumn.ACTIVIST_ON, CellValues::date, "a date such as 2024-03-01"),
                cells.parse(MemberColumn.TARGET_ON, CellValues::date, "a date such as 2024-03-01"),
                cells.parse(MemberColumn.ADMITTED_ON, CellValues::date, "a date such as 2024-03-01"),
                cells.parse(MemberColumn.CONFIRMED_ON, CellValues::date, "a date such as 2024-03-01"));
        List<FieldError> errors = new ArrayList<>(cells.errors());
        if (errors.isEmpty()) {
            errors.addAll(registry.problems(registration));
        }
        String hash = null;
        ResidentId id = null;
        if (errors.isEmpty()) {
            id = ResidentId.parse(registration.idNumber(), registry.today()).id().orElseThrow();
            try {
                rules.requireAgeAtApplication(id.birthDate(), registration.appliedOn());
            } catch (DomainRuleViolation e) {
                errors.add(new FieldError("appliedOn", e.getMessage()));
            }
            if (employer == null || !employer.active()) {
                errors.add(new FieldError(creditCode != null && organizationId == null ? "organizationCreditCode" : "organizationId",
                        "is not an active organization of the registry"));
            } else if (!scope.mayWrite(employer.street())) {
                errors.add(new FieldError("organizationId", "is outside your data scope"));
            }
            if (registration.partyOrganizationId() != null && !partyOrganizations.contains(registration.partyOrganizationId())) {
                errors.add(new FieldError("partyOrganizationId", "is not an active party organization"));
            }
            hash = personalData.idNumberHash(id.value());
        }
        return new Row(cells.rowNumber(), registration, id, employer == null ? null : employer.street(), hash, errors);
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

    /** Which of these party organizations exist and are active. */
    private Mono<Set<String>> activePartyOrganizations(Set<String> ids) {
        return BulkLookups.inBatches(ids, batch -> mongo.find(Query.query(Criteria.where("_id").in(batch)), KnownPartyOrganization.class))
                .filter(KnownPartyOrganization::active)
                .map(KnownPartyOrganization::id).collect(HashSet::new, Set::add);
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

    private Mono<ImportReport> insert(List<Row> rows, Set<String> taken) {
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
                .map(row -> registry.newMember(row.registration(), row.id(), row.idNumberHash(), row.street())).toList();
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
