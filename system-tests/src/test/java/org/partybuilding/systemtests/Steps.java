package org.partybuilding.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.partybuilding.local.demo.IdentityCodes;

/**
 * The steps a test class takes through the gateway to set up its own district: organizations, people, party
 * organizations, stage transitions. Each class has its own credit-code series and birth dates (so its ID numbers),
 * apart from the other classes' and the demo district's (born 1955 and later).
 */
final class Steps {

    static final Duration EVENTUAL = Duration.ofSeconds(60);

    private final String gateway;
    private final String bearer;
    private final String creditSeries;
    private final LocalDate firstBirth;
    private final String namePrefix;
    private final AtomicInteger next = new AtomicInteger(1);

    /**
     * @param creditSeries two letters of the class's credit codes, e.g. {@code JR}
     * @param firstBirth   the birth date of the class's first person (the next ones a day later each)
     */
    Steps(String gateway, String bearer, String creditSeries, LocalDate firstBirth, String namePrefix) {
        this.gateway = gateway;
        this.bearer = bearer;
        this.creditSeries = creditSeries;
        this.firstBirth = firstBirth;
        this.namePrefix = namePrefix;
    }

    String api(String path) {
        return gateway + path;
    }

    /** Registers an active social group of the street; answers its id. */
    String register(String name, String street, String industry) {
        Http.Response response = Http.postJson(api("/api/registry/organizations"), bearer, organization(name, street, industry));
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    /** The registration of an active social group of the street, with the class's next credit code. */
    Map<String, Object> organization(String name, String street, String industry) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("creditCode", IdentityCodes.creditCode(creditSeries, next.getAndIncrement(), '1'));
        body.put("type", "SOCIAL_GROUP");
        body.put("registrationLevel", "DISTRICT");
        body.put("registeredOn", "2024-05-20");
        body.put("supervisoryUnit", "越秀区民政局");
        body.put("industry", industry);
        body.put("street", street);
        body.put("address", "越秀区测试路1号");
        body.put("legalRepresentative", Map.of("name", "周敏", "partyMember", true));
        body.put("employees", 12);
        body.put("fullTimeStaff", 6);
        body.put("operatingStatus", "NORMAL");
        return body;
    }

    /** {@code count} formal members employed at the organization, once member-service knows it from the registry's event. */
    List<String> formalMembers(String organization, int count) {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            ids.add(person(organization, "FORMAL", Map.of("appliedOn", "1990-03-01", "activistOn", "1990-09-01",
                    "targetOn", "1991-10-01", "admittedOn", "1992-04-01", "confirmedOn", "1993-04-01")));
        }
        return ids;
    }

    /** A person at {@code stage} with those stage dates, employed at the organization. */
    String person(String organization, String stage, Map<String, String> dates) {
        int serial = next.getAndIncrement();
        LocalDate birth = firstBirth.plusDays(serial);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", namePrefix + serial);
        body.put("gender", "MALE");
        body.put("birthDate", birth.toString());
        body.put("idNumber", IdentityCodes.idNumber(birth, 101));
        body.put("phone", "13900" + String.format("%06d", serial));
        body.put("education", "BACHELOR");
        body.put("organizationId", organization);
        body.put("stage", stage);
        body.putAll(dates);
        body.put("monthlyIncome", "5600.00");
        body.put("incomeCategory", "EMPLOYED");
        Http.Response[] created = new Http.Response[1];
        await().atMost(EVENTUAL).untilAsserted(() -> {
            created[0] = Http.postJson(api("/api/members"), bearer, body);
            assertThat(created[0].status()).as(created[0].raw().body()).isEqualTo(201);
        });
        return created[0].json().get("id").asString();
    }

    void transition(String member, String to, LocalDate on) {
        Http.Response response = Http.postJson(api("/api/members/" + member + "/stage-transitions"), bearer,
                Map.of("to", to, "on", on.toString()));
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        assertThat(response.json().get("stage").asString()).isEqualTo(to);
    }

    /** Establishes a {@code SINGLE} branch over the organization; answers the party organization as created. */
    Http.Response establishSingle(String organization, String name, String street, LocalDate establishedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", "BRANCH");
        body.put("formation", "SINGLE");
        body.put("organizationIds", List.of(organization));
        body.put("street", street);
        body.put("superior", "中共广州市越秀区社会组织委员会");
        body.put("establishedOn", establishedOn.toString());
        Http.Response response = Http.postJson(api("/api/branches"), bearer, body);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        return response;
    }
}
