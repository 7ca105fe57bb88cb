package org.partybuilding.local.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.partybuilding.local.GatewayClient;
import org.partybuilding.local.GatewayClient.Response;
import org.partybuilding.local.demo.DemoDistrict.Instructor;
import org.partybuilding.local.demo.DemoDistrict.Member;
import org.partybuilding.local.demo.DemoDistrict.Organization;
import org.partybuilding.local.demo.DemoDistrict.PartyOrganization;

/**
 * Loads a {@link DemoDistrict} into a running platform only through the gateway's public API, with a real
 * token of the local realm ({@code committee-admin} on {@code platform-cli}), so that every event flows as in
 * real use: organizations and the member roster as CSV imports, mobile members one by one, then (once
 * branch-service counts the members) the party organizations and instructors, then a year of organizational
 * life, a district training course and three months of dues. {@link DemoFigureCheck} then compares what the
 * services report with the {@link ExpectedFigures}, and the loader points the demo {@code branch-secretary} login at
 * the first party organization. It talks to the platform through {@link DemoApi} ({@code GatewayClient}, shared with
 * the benchmarks).
 *
 * <p>Why this file is a little over ~400 lines: the loading steps in their order (imports, mobile members, party
 * organizations and instructors, organizational life, training, dues) read best in one place.
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

    private static final ObjectMapper JSON = DemoApi.JSON;
    private static final int IMPORT_ROWS = 20_000;
    /** The months the demo's members pay dues for (the last three of its data). */
    static final List<YearMonth> DUES_MONTHS = List.of(YearMonth.of(2026, 8), YearMonth.of(2026, 9), YearMonth.of(2026, 10));
    private static final String ORGANIZATION_HEADER = "name,creditCode,type,registrationLevel,registeredOn,supervisoryUnit,"
            + "industry,street,address,legalRepresentative.name,legalRepresentative.partyMember,employees,fullTimeStaff,"
            + "operatingStatus";
    private static final String MEMBER_HEADER = "name,gender,idNumber,phone,education,organizationCreditCode,stage,appliedOn,"
            + "activistOn,targetOn,admittedOn,confirmedOn,monthlyIncome,incomeCategory";

    private final String gateway;
    private final String keycloak;
    private final Consumer<String> log;
    private final boolean activity;
    private final DemoApi api;
    private final DemoFigureCheck figures;

    /**
     * @param activity also record meetings, training and dues (the demo); off for a benchmark's large district,
     *                 which needs only the registry, the members and the party organizations
     */
    public DemoDistrictLoader(String gatewayUrl, String keycloakUrl, boolean activity, Consumer<String> log) {
        this.gateway = Objects.requireNonNull(gatewayUrl);
        this.keycloak = Objects.requireNonNull(keycloakUrl);
        this.api = new DemoApi(new GatewayClient(gatewayUrl, GatewayClient.tokenUri(keycloakUrl), "committee-admin"));
        this.figures = new DemoFigureCheck(api, activity);
        this.activity = activity;
        this.log = Objects.requireNonNull(log);
    }

    public Report load(DemoDistrict district, LocalDate today) {
        long began = System.nanoTime();
        ExpectedFigures expected = ExpectedFigures.of(district, today);
        List<String> mismatches = new ArrayList<>();
        List<String> notChecked = new ArrayList<>(expected.notChecked());
        // what the platform holds already (nothing on a first start; a test's organizations in a shared one)
        Map<String, Object> baseline = DemoFigureCheck.coverageFigures(api.coverage());

        Map<String, String> organizationIds = importOrganizations(district.organizations());
        List<String> ids = district.organizations().stream().map(o -> organizationIds.get(o.creditCode())).toList();
        importMembers(district);
        registerMobileMembers(district, ids);

        api.awaitFigure("branch-service to count the members of " + expected.count("withMembers") + " organizations", () -> {
            JsonNode coverage = api.coverage();
            return coverage.path("withMembers").asInt() == expected.count("withMembers") + (Integer) baseline.get("withMembers")
                    && coverage.path("activeOrganizations").asInt()
                            == expected.count("activeOrganizations") + (Integer) baseline.get("activeOrganizations");
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
            DemoApi.expectStatus(api.post("/api/branches/instructors", body), 201, "instructor");
        }
        log.accept(String.format("demo district: %d party organizations established, %d instructors assigned",
                partyOrganizationIds.size(), district.instructors().size()));

        figures.compareCoverage(expected, baseline, mismatches, notChecked);
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
        figures.compareFunding(expected, mismatches, notChecked);
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
            JsonNode answer = api.upload("/api/registry/organizations/import", csv.toString());
            if (!answer.path("rejected").isEmpty()) {
                throw new IllegalStateException("registry rejected demo organizations: " + answer.path("rejected"));
            }
        }
        Map<String, String> ids = new HashMap<>();
        for (int page = 0; ; page++) { // the platform may hold other organizations too
            JsonNode items = api.get("/api/registry/organizations?size=200&page=" + page).path("items");
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
        long deadline = System.nanoTime() + DemoApi.EVENTUAL.toNanos();
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
                JsonNode answer = api.upload("/api/members/import", csv.toString());
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
                GatewayClient.sleep(2000);
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
            api.retrying("mobile member", () -> api.post("/api/members", body), 201);
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
        return api.retrying("party organization " + p.name(), () -> api.post("/api/branches", body), 201).path("id").asText();
    }

    /** Waits until member-service has put every member of the covered organizations into its party organization. */
    private Map<Integer, List<String>> awaitAssignments(DemoDistrict district, Map<String, String> partyOrganizationIds) {
        Map<Integer, List<String>> partyMembersOf = new LinkedHashMap<>();
        for (PartyOrganization p : district.partyOrganizations()) {
            long want = district.members().stream().filter(m -> p.organizations().contains(m.organization())).count();
            String id = partyOrganizationIds.get(p.name());
            List<String> partyMembers = new ArrayList<>();
            api.awaitFigure(want + " members in " + p.name(), () -> {
                partyMembers.clear();
                List<JsonNode> listed = api.listAll("/api/members?status=ACTIVE&partyOrganizationId=" + id);
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
        api.retrying(kind + " of " + partyOrganizationId, () -> api.post("/api/training/activities", body), 201);
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
        String id = api.retrying("training course", () -> api.post("/api/training/sessions", session), 201).path("id").asText();
        List<String> all = membersOf.values().stream().flatMap(List::stream).toList();
        for (int from = 0; from < all.size(); from += 1000) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 1000));
            api.retrying("training attendance", () -> api.post("/api/training/sessions/" + id + "/attendance", Map.of("memberIds", chunk)), 200);
        }
        log.accept("demo district: " + all.size() + " members attended the district training course");
    }

    /** Who pays dues in the demo: party members (not mobile) of organizations with a party organization. */
    static List<Member> duesPayers(DemoDistrict district) {
        boolean[] covered = new boolean[district.organizations().size()];
        district.partyOrganizations().forEach(p -> p.organizations().forEach(i -> covered[i] = true));
        return district.members().stream().filter(m -> m.countedHere() && covered[m.organization()]).toList();
    }

    private void payDues(DemoDistrict district, List<String> mismatches) {
        Map<String, String> idOf = new HashMap<>();
        api.listAll("/api/members?status=ACTIVE").forEach(m -> idOf.put(m.path("idNumber").asText(), m.path("id").asText()));
        List<Member> payers = duesPayers(district);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Member m : payers) {
                String id = idOf.get(m.idNumber());
                for (YearMonth month : DUES_MONTHS) {
                    results.add(pool.submit(() -> {
                        // rule 11 is member-service's: the loader pays what it says the month's dues are
                        Response dues = api.fetch("/api/members/" + id + "/dues?month=" + month);
                        if (dues.status() != 200) {
                            return "dues of member " + m.index() + " for " + month + ": " + dues.status() + " " + dues.body();
                        }
                        String amount = DemoApi.json(dues.body()).path("amount").asText();
                        Response response = api.post("/api/members/" + id + "/dues-payments", Map.of("month", month.toString(), "amount", amount));
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
        log.accept("demo district: " + payers.size() * DUES_MONTHS.size() + " dues payments");
    }

    // --- Keycloak -----------------------------------------------------------------------------------------------

    /** The demo {@code branch-secretary} login's {@code party_org_id} (API.md: set when the demo district loads). */
    private void pointBranchSecretaryAt(String partyOrganizationId, List<String> notChecked) {
        try {
            String admin = GatewayClient.token(keycloak + "/realms/master/protocol/openid-connect/token",
                    Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
            String users = keycloak + "/admin/realms/party-building/users";
            JsonNode user = DemoApi.json(GatewayClient.send(HttpRequest.newBuilder(URI.create(users + "?exact=true&username=branch-secretary"))
                    .header("Authorization", "Bearer " + admin).GET().build()).body()).get(0);
            ObjectNode updated = user.deepCopy();
            ObjectNode attributes = updated.has("attributes") ? (ObjectNode) updated.get("attributes") : updated.putObject("attributes");
            attributes.putArray("party_org_id").add(partyOrganizationId);
            Response put = GatewayClient.send(HttpRequest.newBuilder(URI.create(users + "/" + user.path("id").asText()))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(updated.toString())).build());
            if (put.status() != 204) {
                notChecked.add("branch-secretary not pointed at its party organization: " + put.status());
            }
        } catch (RuntimeException e) {
            notChecked.add("branch-secretary not pointed at its party organization: " + e.getMessage());
        }
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

}
