package org.partybuilding.member.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partybuilding.member.MemberFixtures.body;
import static org.partybuilding.member.MemberFixtures.idNumber;
import static org.partybuilding.member.MemberFixtures.registered;
import static org.partybuilding.member.MemberFixtures.token;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.member.MemberApiTestBase;
import org.partybuilding.member.MemberFixtures;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.spreadsheet.SheetRows;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Masking that masks: an auditor reads everything member-service shows (lists, reads, histories, dues, reports,
 * exports) and tries to rebuild each masked ID number from it. Digits 7–14 of an ID number are the birth date, so a
 * full birth date anywhere beside the masked number rebuilds it; only the birth year is shown to masked callers.
 */
class MaskedPersonalDataApiTest extends MemberApiTestBase {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final String ORGANIZATION = "org-masked";

    private final StringBuilder seen = new StringBuilder();

    private String get(String uri) {
        String body = web.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        seen.append(body).append('\n');
        return body;
    }

    private void export(String uri) {
        byte[] csv = web.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR)).accept(MediaType.parseMediaType("text/csv"))
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        seen.append(new String(csv, StandardCharsets.UTF_8)).append('\n');
        byte[] xlsx = web.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR)).accept(MediaType.parseMediaType(XLSX))
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        SheetRows sheet = Spreadsheets.read("export.xlsx", xlsx, 100_000);
        seen.append(sheet.headers()).append('\n');
        sheet.rows().forEach(row -> seen.append(row.cells()).append('\n'));
    }

    private String registeredWith(Map<String, Object> body, LocalDate birth, boolean male) {
        body.put("idNumber", idNumber(birth, male));
        body.put("gender", male ? "MALE" : "FEMALE");
        return registered(web, body);
    }

    @Test
    void nothingAnAuditorCanReadRebuildsAMaskedIdNumber() {
        MemberFixtures.organization(events, mongo, ORGANIZATION, "HUANGHUAGANG");
        MemberFixtures.partyOrganization(events, mongo, "po-masked", ORGANIZATION);
        Map<String, String> idNumbers = new LinkedHashMap<>();
        LocalDate[] births = {LocalDate.of(1975, 2, 28), LocalDate.of(1983, 11, 9), LocalDate.of(1992, 7, 31), LocalDate.of(1966, 1, 1)};
        for (int i = 0; i < births.length; i++) {
            Map<String, Object> body = body(ORGANIZATION);
            body.putAll(Map.of("name", "掩码" + i, "stage", "FORMAL", "appliedOn", "2015-03-01", "activistOn", "2015-09-01",
                    "targetOn", "2016-10-01", "admittedOn", "2017-04-01", "confirmedOn", "2018-04-01"));
            if (i == 1) {
                body.put("mobile", Map.of("originalPartyOrganization", "湖南省某县党委", "certificateNo", "LD-9", "workingSince",
                        "2024-01-01", "holdsPostInOriginal", false));
            }
            String id = registeredWith(body, births[i], i % 2 == 0);
            idNumbers.put(id, (String) body.get("idNumber"));
        }
        List<String> ids = new ArrayList<>(idNumbers.keySet());
        // changes that reach the history: a new ID number (a typo fixed), a new phone, a correction, a transfer
        String fixed = idNumber(LocalDate.of(1975, 2, 28), true);
        web.patch().uri("/api/members/" + ids.get(0)).header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN))
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("idNumber", fixed, "phone", "13911112222")).exchange().expectStatus().isOk();
        String before = idNumbers.put(ids.get(0), fixed);
        web.post().uri("/api/members/" + ids.get(2) + "/corrections").header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("field", "appliedOn", "value", "2015-02-01", "reason", "更正"))
                .exchange().expectStatus().isOk();
        web.post().uri("/api/members/" + ids.get(3) + "/transfers").header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("kind", "OUT_OF_DISTRICT", "destination", "天河区"))
                .exchange().expectStatus().isCreated();

        // everything the auditor can read of these members
        String month = java.time.YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode list = JSON.readTree(get("/api/members?size=200&organizationId=" + ORGANIZATION));
        for (String id : ids) {
            get("/api/members/" + id);
            get("/api/members/" + id + "/history?size=200");
            get("/api/members/" + id + "/dues?month=" + month);
        }
        get("/api/members/transfers?size=200");
        get("/api/members/reports/pipeline?limit=1000");
        get("/api/members/reports/transfer-due");
        get("/api/members/reports/arrears?size=200");
        export("/api/members?organizationId=" + ORGANIZATION);
        export("/api/members/reports/arrears");
        String everything = seen.toString();

        idNumbers.put("(before the fix)", before);
        for (String idNumber : idNumbers.values()) {
            String birth8 = idNumber.substring(6, 14);
            LocalDate birth = LocalDate.parse(birth8, DateTimeFormatter.BASIC_ISO_DATE);
            assertThat(everything).doesNotContain(idNumber).doesNotContain(birth8).doesNotContain(birth.toString())
                    .doesNotContain(idNumber.substring(0, 14)).doesNotContain(idNumber.substring(4, 18));
        }
        // and the attempt itself: every ID number consistent with what the auditor sees of a member
        for (JsonNode member : list.get("items")) {
            assertThat(member.path("birthDate").isNull() || member.path("birthDate").isMissingNode()).as("birthDate shown to an auditor")
                    .isTrue();
            assertThat(candidates(member)).as("ID numbers consistent with what an auditor sees of " + member.get("name"))
                    .isGreaterThan(1);
        }
    }

    /**
     * How many ID numbers agree with an auditor's view of the member (the masked number, the birth date or year if
     * shown, the gender), even granting that the hidden address digits are the district's own (440104): one would
     * be the number rebuilt.
     */
    private static int candidates(JsonNode member) {
        String masked = member.get("idNumber").asString();
        String head = masked.substring(0, 4);
        String tail = masked.substring(14);
        JsonNode birthDate = member.path("birthDate");
        boolean hidden = birthDate.isNull() || birthDate.isMissingNode();
        int year = member.path("birthYear").asInt(hidden ? 0 : LocalDate.parse(birthDate.asString()).getYear());
        LocalDate from = hidden ? LocalDate.of(year, 1, 1) : LocalDate.parse(birthDate.asString());
        LocalDate to = hidden ? LocalDate.of(year, 12, 31) : from;
        int count = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            String body = head + "04" + d.format(DateTimeFormatter.BASIC_ISO_DATE) + tail.substring(0, 3);
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (body.charAt(i) - '0') * WEIGHTS[i];
            }
            boolean male = (tail.charAt(2) - '0') % 2 == 1;
            if (CHECK.charAt(sum % 11) == tail.charAt(3) && male == "MALE".equals(member.get("gender").asString())) {
                count++;
            }
        }
        return count;
    }
}
