package org.partybuilding.local.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.partybuilding.local.demo.DemoDistrict.Instructor;
import org.partybuilding.local.demo.DemoDistrict.Member;
import org.partybuilding.local.demo.DemoDistrict.Organization;
import org.partybuilding.local.demo.DemoDistrict.PartyOrganization;

/**
 * Loads a {@link DemoDistrict} into a running platform only through the gateway's public API, with a real
 * token of the local realm ({@code committee-admin} on {@code platform-cli}), so that every event flows as in
 * real use: organizations and the member roster as CSV imports, mobile members one by one, then (once
 * branch-service counts the members) the party organizations and instructors, then a year of organizational
 * life, a district training course and three months of dues. It then reads the coverage back and compares it
 * with the {@link ExpectedFigures}, and points the demo {@code branch-secretary} login at the first party
 * organization. Funding figures are compared only when funding-service answers them (issue 7).
 */
public final class DemoDistrictLoader {

    /**
     * What was loaded and how the services' figures compared with the expected ones.
     *
     * @param organizationIds      the district's organizations' ids by credit code
     * @param partyOrganizationIds the district's party organizations' ids by name
     */
    public record Report(ExpectedFigures expected, Map<String, String> organizationIds, Map<String, String> partyOrganizationIds,
            List<String> mismatches, List<String> notChecked, Duration took) {

        public boolean matches() {
            return mismatches.isEmpty();
        }

        public String summary() {
            StringBuilder out = new StringBuilder(expected.headline());
            out.append(String.format("%n  loaded through the gateway in %.1f s; ", took.toMillis() / 1000.0));
            out.append(mismatches.isEmpty() ? "the services report these figures"
                    : "MISMATCHES: " + String.join("; ", mismatches));
            if (!notChecked.isEmpty()) {
                out.append(String.format("%n  not checked: %s", String.join("; ", notChecked)));
            }
            return out.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IMPORT_ROWS = 20_000;
    private static final Duration EVENTUAL = Duration.ofSeconds(180);
    private static final String ORGANIZATION_HEADER = "name,creditCode,type,registrationLevel,registeredOn,supervisoryUnit,"
            + "industry,street,address,legalRepresentative.name,legalRepresentative.partyMember,employees,fullTimeStaff,"
            + "operatingStatus";
    private static final String MEMBER_HEADER = "name,gender,idNumber,phone,education,organizationCreditCode,stage,appliedOn,"
            + "activistOn,targetOn,admittedOn,confirmedOn,monthlyIncome,incomeCategory";

    private final String gateway;
    private final String keycloak;
    private final Consumer<String> log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final boolean activity;
    private String token;
    private long tokenAt;

    /**
     * @param activity also record meetings, training and dues (the demo); off for a benchmark's large district,
     *                 which needs only the registry, the members and the party organizations
     */
    public DemoDistrictLoader(String gatewayUrl, String keycloakUrl, boolean activity, Consumer<String> log) {
        this.gateway = Objects.requireNonNull(gatewayUrl);
        this.keycloak = Objects.requireNonNull(keycloakUrl);
        this.activity = activity;
        this.log = Objects.requireNonNull(log);
    }

    public Report load(DemoDistrict district, LocalDate today) {
        long began = System.nanoTime();
        ExpectedFigures expected = ExpectedFigures.of(district, today);
        List<String> mismatches = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        // what the platform holds already (nothing on a first start; a test's organizations in a shared one)
        Map<String, Object> baseline = coverageFigures(coverage());

        Map<String, String> organizationIds = importOrganizations(district.organizations());
        List<String> ids = district.organizations().stream().map(o -> organizationIds.get(o.creditCode())).toList();
        importMembers(district);
        registerMobileMembers(district, ids);

        awaitFigure("branch-service to count the members of " + expected.withMembers() + " organizations", () -> {
            JsonNode coverage = coverage();
            return coverage.path("withMembers").asInt() == expected.withMembers() + (Integer) baseline.get("withMembers")
                    && coverage.path("activeOrganizations").asInt() == expected.organizations() + (Integer) baseline.get("activeOrganizations");
        });
        Map<String, String> partyOrganizationIds = new LinkedHashMap<>();
        for (PartyOrganization p : district.partyOrganizations()) {
            partyOrganizationIds.put(p.name(), establish(p, ids));
        }
        for (Instructor in : district.instructors()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", in.name());
            body.put("phone", in.phone());
            body.put("organizationIds", in.organizations().stream().map(ids::get).toList());
            body.put("assignedOn", in.assignedOn().toString());
            expectStatus(post("/api/branches/instructors", body), 201, "instructor");
        }
        log.accept(String.format("demo district: %d party organizations established, %d instructors assigned",
                partyOrganizationIds.size(), district.instructors().size()));

        compareCoverage(expected, baseline, mismatches);
        if (activity) {
            // listing members per party organization is cheap at the demo's size, not at a benchmark's 100,000
            Map<Integer, List<String>> membersOf = awaitAssignments(district, partyOrganizationIds);
            recordOrganizationalLife(district, partyOrganizationIds, membersOf);
            recordTraining(membersOf);
            payDues(district, mismatches);
        }
        if (!district.partyOrganizations().isEmpty()) {
            pointBranchSecretaryAt(partyOrganizationIds.get(district.partyOrganizations().get(0).name()), notChecked);
        }
        compareFunding(expected, mismatches, notChecked);
        return new Report(expected, organizationIds, partyOrganizationIds, mismatches, notChecked,
                Duration.ofNanos(System.nanoTime() - began));
    }

    // --- registry and members -----------------------------------------------------------------------------------

    private Map<String, String> importOrganizations(List<Organization> organizations) {
        for (int from = 0; from < organizations.size(); from += IMPORT_ROWS) {
            StringBuilder csv = new StringBuilder(ORGANIZATION_HEADER).append('\n');
            for (Organization o : organizations.subList(from, Math.min(organizations.size(), from + IMPORT_ROWS))) {
                csv.append(String.join(",", o.name(), o.creditCode(), o.type(), "DISTRICT", o.registeredOn().toString(),
                        o.supervisoryUnit() == null ? "" : o.supervisoryUnit(), o.industry(), o.street(), o.address(),
                        o.legalRepresentative(), Boolean.toString(o.legalRepresentativePartyMember()),
                        Integer.toString(o.employees()), Integer.toString(o.fullTimeStaff()), o.operatingStatus())).append('\n');
            }
            JsonNode answer = upload("/api/registry/organizations/import", csv.toString());
            if (!answer.path("rejected").isEmpty()) {
                throw new IllegalStateException("registry rejected demo organizations: " + answer.path("rejected"));
            }
        }
        Map<String, String> ids = new HashMap<>();
        for (int page = 0; ; page++) { // the platform may hold other organizations too
            JsonNode items = get("/api/registry/organizations?size=200&page=" + page).path("items");
            if (items.isEmpty()) {
                break;
            }
            items.forEach(item -> ids.put(item.path("creditCode").asText(), item.path("id").asText()));
        }
        Map<String, String> district = new LinkedHashMap<>(); // the district's own, in its order
        for (Organization o : organizations) {
            if (!ids.containsKey(o.creditCode())) {
                throw new IllegalStateException("organization " + o.creditCode() + " not listed after its import");
            }
            district.put(o.creditCode(), ids.get(o.creditCode()));
        }
        log.accept("demo district: " + organizations.size() + " organizations imported");
        return district;
    }

    /** The roster (all but the mobile members) as CSV imports; rows of employers member-service has not heard of yet are sent again. */
    private void importMembers(DemoDistrict district) {
        List<Member> pending = district.members().stream().filter(m -> m.mobile() == null).toList();
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        int created = 0;
        while (!pending.isEmpty()) {
            List<Member> again = new ArrayList<>();
            JsonNode lastRejected = null;
            for (int from = 0; from < pending.size(); from += IMPORT_ROWS) {
                List<Member> chunk = pending.subList(from, Math.min(pending.size(), from + IMPORT_ROWS));
                StringBuilder csv = new StringBuilder(MEMBER_HEADER).append('\n');
                for (Member m : chunk) {
                    csv.append(String.join(",", m.name(), m.gender(), m.idNumber(), m.phone(), m.education(),
                            district.organizations().get(m.organization()).creditCode(), m.stage(), date(m.appliedOn()),
                            date(m.activistOn()), date(m.targetOn()), date(m.admittedOn()), date(m.confirmedOn()),
                            m.monthlyIncome().toPlainString(), m.incomeCategory())).append('\n');
                }
                JsonNode answer = upload("/api/members/import", csv.toString());
                created += answer.path("created").asInt();
                for (JsonNode rejected : answer.path("rejected")) {
                    boolean registered = false;
                    for (JsonNode error : rejected.path("errors")) {
                        registered |= error.path("field").asText().equals("idNumber")
                                && error.path("message").asText().contains("registered already");
                    }
                    if (!registered) { // header = row 1
                        again.add(chunk.get(rejected.path("row").asInt() - 2));
                        lastRejected = rejected;
                    }
                }
            }
            if (!again.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(again.size() + " demo members still rejected, e.g. " + lastRejected);
                }
                log.accept("demo district: " + again.size() + " members wait for member-service to learn of their employers");
                sleep(2000);
            }
            pending = again;
        }
        log.accept("demo district: " + created + " members imported");
    }

    private void registerMobileMembers(DemoDistrict district, List<String> organizationIds) {
        for (Member m : district.members()) {
            if (m.mobile() == null) {
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", m.name());
            body.put("gender", m.gender());
            body.put("idNumber", m.idNumber());
            body.put("phone", m.phone());
            body.put("education", m.education());
            body.put("organizationId", organizationIds.get(m.organization()));
            body.put("stage", m.stage());
            body.put("appliedOn", date(m.appliedOn()));
            body.put("activistOn", date(m.activistOn()));
            body.put("targetOn", date(m.targetOn()));
            body.put("admittedOn", date(m.admittedOn()));
            body.put("confirmedOn", date(m.confirmedOn()));
            body.put("monthlyIncome", m.monthlyIncome().toPlainString());
            body.put("incomeCategory", m.incomeCategory());
            body.put("mobile", Map.of("originalPartyOrganization", m.mobile().originalPartyOrganization(),
                    "certificateNo", m.mobile().certificateNo(), "workingSince", m.mobile().workingSince().toString(),
                    "holdsPostInOriginal", m.mobile().holdsPostInOriginal()));
            retrying("mobile member", () -> post("/api/members", body), 201);
        }
    }

    // --- party organizations ------------------------------------------------------------------------------------

    private String establish(PartyOrganization p, List<String> organizationIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", p.name());
        body.put("type", p.type());
        body.put("formation", p.formation());
        body.put("organizationIds", p.organizations().stream().map(organizationIds::get).toList());
        body.put("street", p.street());
        if (p.industry() != null) {
            body.put("industry", p.industry());
        }
        body.put("superior", p.superior());
        body.put("establishedOn", p.establishedOn().toString());
        if (p.type().equals("GENERAL_BRANCH")) {
            body.put("approvedBySuperior", true);
        }
        return retrying("party organization " + p.name(), () -> post("/api/branches", body), 201).path("id").asText();
    }

    /** The expected figures on top of the baseline (counts add up; the rates are those of the sums). */
    private void compareCoverage(ExpectedFigures expected, Map<String, Object> baseline, List<String> mismatches) {
        Map<String, Object> want = new LinkedHashMap<>();
        java.util.function.ToIntFunction<String> base = key -> (Integer) baseline.get(key);
        want.put("activeOrganizations", expected.organizations() + base.applyAsInt("activeOrganizations"));
        want.put("withMembers", expected.withMembers() + base.applyAsInt("withMembers"));
        want.put("coveredBySingle", expected.coveredBySingle() + base.applyAsInt("coveredBySingle"));
        want.put("coveredByJoint", expected.coveredByJoint() + base.applyAsInt("coveredByJoint"));
        want.put("coveredByAffiliated", base.applyAsInt("coveredByAffiliated"));
        want.put("instructorOnly", expected.instructorOnly() + base.applyAsInt("instructorOnly"));
        want.put("uncovered", expected.uncovered() + base.applyAsInt("uncovered"));
        int covered = (Integer) want.get("coveredBySingle") + (Integer) want.get("coveredByJoint") + (Integer) want.get("coveredByAffiliated");
        want.put("organizationCoverageRate", rate(covered, (Integer) want.get("withMembers")));
        want.put("workCoverageRate", rate(covered + (Integer) want.get("instructorOnly"), (Integer) want.get("activeOrganizations")));
        expected.gaps().forEach((reason, count) -> want.put("gaps." + reason, count + base.applyAsInt("gaps." + reason)));
        List<String> differences = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            differences.clear();
            Map<String, Object> got = coverageFigures(coverage());
            want.forEach((key, value) -> {
                Object actual = got.get(key);
                boolean same = value instanceof BigDecimal b ? actual instanceof BigDecimal a && a.compareTo(b) == 0
                        : Objects.equals(value, actual);
                if (!same) {
                    differences.add("coverage " + key + " expected " + value + ", reported " + actual);
                }
            });
            if (!differences.isEmpty()) {
                sleep(1000);
            }
        } while (!differences.isEmpty() && System.nanoTime() < deadline);
        mismatches.addAll(differences);
    }

    private static BigDecimal rate(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, java.math.RoundingMode.HALF_UP);
    }

    /** The figures of a coverage answer by name, gaps counted per reason ({@code gaps.REASON}). */
    public static Map<String, Object> coverageFigures(JsonNode coverage) {
        Map<String, Object> got = new LinkedHashMap<>();
        for (String key : List.of("activeOrganizations", "withMembers", "coveredBySingle", "coveredByJoint", "coveredByAffiliated",
                "instructorOnly", "uncovered")) {
            got.put(key, coverage.path(key).asInt());
        }
        for (String key : List.of("organizationCoverageRate", "workCoverageRate")) {
            got.put(key, coverage.path(key).isNull() ? null : new BigDecimal(coverage.path(key).asText()));
        }
        ExpectedFigures.GAP_REASONS.forEach(reason -> got.put("gaps." + reason, 0));
        coverage.path("gaps").forEach(gap -> got.merge("gaps." + gap.path("reason").asText(), 1, (a, b) -> (Integer) a + (Integer) b));
        return got;
    }

    /** Waits until member-service has put every member of the covered organizations into its party organization. */
    private Map<Integer, List<String>> awaitAssignments(DemoDistrict district, Map<String, String> partyOrganizationIds) {
        Map<Integer, List<String>> partyMembersOf = new LinkedHashMap<>();
        for (PartyOrganization p : district.partyOrganizations()) {
            long want = district.members().stream().filter(m -> p.organizations().contains(m.organization())).count();
            String id = partyOrganizationIds.get(p.name());
            List<String> partyMembers = new ArrayList<>();
            awaitFigure(want + " members in " + p.name(), () -> {
                partyMembers.clear();
                List<JsonNode> listed = listAll("/api/members?status=ACTIVE&partyOrganizationId=" + id);
                listed.stream().filter(m -> List.of("FORMAL", "PROBATIONARY").contains(m.path("stage").asText()))
                        .forEach(m -> partyMembers.add(m.path("id").asText()));
                return listed.size() == want;
            });
            partyMembersOf.put(p.index(), List.copyOf(partyMembers));
        }
        log.accept("demo district: members assigned to their party organizations");
        return partyMembersOf;
    }

    // --- organizational life, training, dues ----------------------------------------------------------------------

    /** 2026 up to October: a themed party day each month, a general meeting and a party lesson each quarter. */
    private void recordOrganizationalLife(DemoDistrict district, Map<String, String> partyOrganizationIds,
            Map<Integer, List<String>> membersOf) {
        int recorded = 0;
        for (PartyOrganization p : district.partyOrganizations()) {
            List<String> attendees = membersOf.get(p.index());
            if (attendees.isEmpty()) {
                continue;
            }
            String id = partyOrganizationIds.get(p.name());
            for (int month = 1; month <= DemoDistrict.DATA_AS_OF.getMonthValue(); month++) {
                recorded += activity(id, "THEMED_PARTY_DAY", LocalDate.of(2026, month, 10), "主题党日：学习贯彻党的创新理论", attendees, null);
                if (month % 3 == 0 || month == DemoDistrict.DATA_AS_OF.getMonthValue()) {
                    recorded += activity(id, "GENERAL_MEETING", LocalDate.of(2026, month, 20), "党员大会：季度工作部署", attendees, null);
                    recorded += activity(id, "PARTY_LESSON", LocalDate.of(2026, month, 25), "党课：社会组织党建工作", attendees,
                            attendees.get(0));
                }
            }
        }
        log.accept("demo district: " + recorded + " meetings recorded");
    }

    private int activity(String partyOrganizationId, String kind, LocalDate heldOn, String topic, List<String> attendees,
            String lecturer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partyOrganizationId", partyOrganizationId);
        body.put("kind", kind);
        body.put("heldOn", heldOn.toString());
        body.put("topic", topic);
        if (lecturer != null) {
            body.put("lecturerMemberId", lecturer);
        }
        body.put("attendeeIds", attendees.subList(0, Math.min(500, attendees.size())));
        retrying(kind + " of " + partyOrganizationId, () -> post("/api/training/activities", body), 201);
        return 1;
    }

    private void recordTraining(Map<Integer, List<String>> membersOf) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("title", "2026年度社会组织党员集中培训");
        session.put("kind", "PARTY_MEMBER_TRAINING");
        session.put("organizer", "中共广州市越秀区社会组织委员会");
        session.put("startsOn", "2026-06-15");
        session.put("endsOn", "2026-06-16");
        session.put("hours", "8");
        session.put("location", "越秀区党群服务中心");
        String id = retrying("training course", () -> post("/api/training/sessions", session), 201).path("id").asText();
        List<String> all = membersOf.values().stream().flatMap(List::stream).toList();
        for (int from = 0; from < all.size(); from += 1000) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 1000));
            retrying("training attendance", () -> post("/api/training/sessions/" + id + "/attendance", Map.of("memberIds", chunk)), 200);
        }
        log.accept("demo district: " + all.size() + " members attended the district training course");
    }

    private void payDues(DemoDistrict district, List<String> mismatches) {
        Map<String, String> idOf = new HashMap<>();
        listAll("/api/members?status=ACTIVE").forEach(m -> idOf.put(m.path("idNumber").asText(), m.path("id").asText()));
        List<Member> payers = ExpectedFigures.duesPayers(district);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Member m : payers) {
                String id = idOf.get(m.idNumber());
                for (YearMonth month : ExpectedFigures.DUES_MONTHS) {
                    results.add(pool.submit(() -> {
                        String amount = ExpectedFigures.monthlyDues(m).toPlainString();
                        Response response = post("/api/members/" + id + "/dues-payments", Map.of("month", month.toString(), "amount", amount));
                        if (response.status() == 201 || response.status() == 200 || response.status() == 409) {
                            return null;
                        }
                        return "dues of member " + m.index() + " for " + month + " (" + amount + "): " + response.status() + " " + response.body();
                    }));
                }
            }
            List<String> refused = new ArrayList<>();
            for (Future<String> result : results) {
                String error = result.get();
                if (error != null) {
                    refused.add(error);
                }
            }
            if (!refused.isEmpty()) {
                mismatches.add(refused.size() + " dues payments refused, e.g. " + refused.get(0));
            }
        } catch (Exception e) {
            throw new IllegalStateException("paying dues: " + e, e);
        } finally {
            pool.shutdown();
        }
        log.accept("demo district: " + payers.size() * ExpectedFigures.DUES_MONTHS.size() + " dues payments");
    }

    // --- funding (issue 7) --------------------------------------------------------------------------------------

    /**
     * Start-up grants, this year's allocation and dues returned, once funding-service books them: until then its
     * endpoints answer 404 and the figures are listed as not checked. The allocation counts members as they stood on its
     * snapshot date (rule 15), and the demo's members were placed in their party organizations today, when the loader
     * established them: so it allocates the current fiscal year on the day it does (the district's day, read now: a load
     * that runs past midnight allocates on the new day, after every placement).
     */
    private void compareFunding(ExpectedFigures expected, List<String> mismatches, List<String> notChecked) {
        LocalDate snapshotDate = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        int year = snapshotDate.getYear();
        Response allocation = post("/api/funding/allocations", Map.of("fiscalYear", year, "snapshotDate", snapshotDate.toString()));
        if (allocation.status() == 404 || allocation.status() == 405) {
            notChecked.add("funding (start-up grants, allocation, dues returned): funding-service does not book them yet");
            return;
        }
        if (allocation.status() >= 300) {
            mismatches.add("allocation run: " + allocation.status() + " " + allocation.body());
            return;
        }
        JsonNode run = json(allocation.body());
        compareMoney("allocation " + year, expected.allocation(), run.path("total").asText(), mismatches);
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO};
        try {
            awaitFigure("funding-service to book every start-up grant and dues return", () -> {
            sums[0] = ledgerTotal("STARTUP_GRANT");
            sums[1] = ledgerTotal("DUES_RETURN");
            return sums[0].compareTo(expected.startupGrants()) >= 0
                    && (!activity || sums[1].compareTo(expected.duesReturned()) >= 0);
            });
        } catch (IllegalStateException e) {
            // compared below: what is missing shows as a mismatch, not as a failed start
        }
        compareMoney("start-up grants", expected.startupGrants(), sums[0].toPlainString(), mismatches);
        if (activity) {
            compareMoney("dues returned", expected.duesReturned(), sums[1].toPlainString(), mismatches);
        }
    }

    /** Every ledger entry of a kind, over all fiscal years (grants fall in the year of establishment). */
    private BigDecimal ledgerTotal(String kind) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode entry : listAll("/api/funding/ledger?kind=" + kind)) {
            total = total.add(new BigDecimal(entry.path("amount").asText("0")));
        }
        return total;
    }

    private static void compareMoney(String what, BigDecimal expected, String reported, List<String> mismatches) {
        if (reported == null || reported.isBlank() || new BigDecimal(reported).compareTo(expected) != 0) {
            mismatches.add(what + " expected " + expected.toPlainString() + ", reported " + reported);
        }
    }

    // --- Keycloak -----------------------------------------------------------------------------------------------

    /** The demo {@code branch-secretary} login's {@code party_org_id} (API.md: set when the demo district loads). */
    private void pointBranchSecretaryAt(String partyOrganizationId, List<String> notChecked) {
        try {
            String admin = tokenFrom(keycloak + "/realms/master/protocol/openid-connect/token",
                    Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
            String users = keycloak + "/admin/realms/party-building/users";
            JsonNode user = json(send(HttpRequest.newBuilder(URI.create(users + "?exact=true&username=branch-secretary"))
                    .header("Authorization", "Bearer " + admin).GET().build()).body()).get(0);
            ObjectNode updated = user.deepCopy();
            ObjectNode attributes = updated.has("attributes") ? (ObjectNode) updated.get("attributes") : updated.putObject("attributes");
            attributes.putArray("party_org_id").add(partyOrganizationId);
            Response put = send(HttpRequest.newBuilder(URI.create(users + "/" + user.path("id").asText()))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(updated.toString())).build());
            if (put.status() != 204) {
                notChecked.add("branch-secretary not pointed at its party organization: " + put.status());
            }
        } catch (RuntimeException e) {
            notChecked.add("branch-secretary not pointed at its party organization: " + e.getMessage());
        }
    }

    private String bearer() {
        if (token == null || System.nanoTime() - tokenAt > Duration.ofSeconds(60).toNanos()) {
            token = tokenFrom(keycloak + "/realms/party-building/protocol/openid-connect/token",
                    Map.of("grant_type", "password", "client_id", "platform-cli", "username", "committee-admin", "password", "demo"));
            tokenAt = System.nanoTime();
        }
        return token;
    }

    private String tokenFrom(String endpoint, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        Response response = send(HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.status() != 200) {
            throw new IllegalStateException("no token from " + endpoint + ": " + response.status() + " " + response.body());
        }
        return json(response.body()).path("access_token").asText();
    }

    // --- HTTP ---------------------------------------------------------------------------------------------------

    private record Response(int status, String body) {
    }

    private synchronized String currentBearer() {
        return bearer();
    }

    private JsonNode coverage() {
        return get("/api/branches/coverage");
    }

    private List<JsonNode> listAll(String path) {
        List<JsonNode> all = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            JsonNode answer = get(path + separator + "size=200&page=" + page);
            answer.path("items").forEach(all::add);
            if (answer.path("items").size() < 200) {
                return all;
            }
        }
    }

    private JsonNode get(String path) {
        Response response = send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + currentBearer()).GET().build());
        expectStatus(response, 200, "GET " + path);
        return json(response.body());
    }

    private Response post(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + currentBearer()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode upload(String path, String csv) {
        String boundary = "demo-" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream body = new ByteArrayOutputStream(csv.length() * 3 + 512);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"demo.csv\"\r\n"
                + "Content-Type: text/csv; charset=UTF-8\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Response response = send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(300))
                .header("Authorization", "Bearer " + currentBearer())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        expectStatus(response, 200, "POST " + path);
        return json(response.body());
    }

    /** Sends until the expected status: another service may not have read the events it needs yet (422, 400, 404). */
    private JsonNode retrying(String what, java.util.function.Supplier<Response> call, int status) {
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        while (true) {
            Response response = call.get();
            if (response.status() == status) {
                return json(response.body());
            }
            if (response.status() >= 500 || response.status() == 401 || response.status() == 403 || System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": " + response.status() + " " + response.body());
            }
            sleep(1000);
        }
    }

    private void awaitFigure(String what, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            sleep(1000);
        }
    }

    private static void expectStatus(Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + ": " + response.status() + " " + response.body());
        }
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
