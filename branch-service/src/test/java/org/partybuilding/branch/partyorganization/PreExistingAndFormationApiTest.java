package org.partybuilding.branch.partyorganization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.partybuilding.branch.BranchApiTestBase;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.PartyOrganizationSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.TopicRecords;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Rule 14 on the party organization (street BAIYUN): one recorded with an establishment date in a closed fiscal year
 * (by default every year before the current one) is pre-existing, and says so in its read and its event; and rules 2
 * and 3: a {@code JOINT} or {@code AFFILIATED} party organization covers only organizations with members.
 */
class PreExistingAndFormationApiTest extends BranchApiTestBase {

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private PartyOrganizationSnapshot publishedEstablishment(String id) {
        List<ConsumerRecord<String, byte[]>> published = TopicRecords.await(broker, Topics.BRANCH_PARTY_ORGANIZATIONS, id, 1);
        return EventCodec.decode(published.get(0).value(), PartyOrganizationSnapshot.class);
    }

    @Test
    void anEstablishmentInAClosedFiscalYearIsRecordedAsPreExistingOnThePartyOrganizationAndInItsEvent() {
        register("px-old", "BAIYUN");
        members("px-old", "BAIYUN", 3, 0);
        Map<String, Object> backDated = establishment("白云旧党支部", "BRANCH", "SINGLE", "BAIYUN", "px-old");
        backDated.put("establishedOn", "2023-12-20");
        String old = established(backDated);
        get("/api/branches/" + old, bearer(Role.AUDITOR)).expectStatus().isOk().expectBody()
                .jsonPath("$.preExisting").isEqualTo(true).jsonPath("$.establishedOn").isEqualTo("2023-12-20");
        assertThat(publishedEstablishment(old).preExisting()).isTrue();

        // Established this year: a new party organization (funding books its start-up grant).
        register("px-new", "BAIYUN");
        members("px-new", "BAIYUN", 3, 0);
        Map<String, Object> thisYear = establishment("白云新党支部", "BRANCH", "SINGLE", "BAIYUN", "px-new");
        thisYear.put("establishedOn", today().withDayOfYear(1).toString());
        String fresh = established(thisYear);
        get("/api/branches/" + fresh, bearer(Role.AUDITOR)).expectStatus().isOk().expectBody().jsonPath("$.preExisting").isEqualTo(false);
        assertThat(publishedEstablishment(fresh).preExisting()).isFalse();

        // The last day of the previous year: closed (no "previous year open until" is configured).
        register("px-eve", "BAIYUN");
        members("px-eve", "BAIYUN", 3, 0);
        Map<String, Object> eve = establishment("白云除夕党支部", "BRANCH", "SINGLE", "BAIYUN", "px-eve");
        eve.put("establishedOn", today().withDayOfYear(1).minusDays(1).toString());
        assertThat(publishedEstablishment(established(eve)).preExisting()).isTrue();
    }

    @Test
    void rules2And3AnAffiliatedOrJointPartyOrganizationOverAnOrganizationWithoutMembersIsRefusedAndStoresNothing() {
        register("px-empty", "BAIYUN");
        register("px-one", "BAIYUN");
        register("px-two", "BAIYUN");
        members("px-one", "BAIYUN", 1, 0);
        members("px-two", "BAIYUN", 2, 0);

        establish(establishment("白云挂靠党支部", "BRANCH", "AFFILIATED", "BAIYUN", "px-empty"), bearer(Role.DISTRICT_ADMIN))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.rule").isEqualTo(FormationRules.RULE_2_ORGANIZATION_WITHOUT_MEMBERS)
                .jsonPath("$.facts.organizationId").isEqualTo("px-empty")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("rule 3").contains("instructor"));
        establish(establishment("白云联合党支部", "BRANCH", "JOINT", "BAIYUN", "px-one", "px-two", "px-empty"),
                bearer(Role.DISTRICT_ADMIN))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo(FormationRules.RULE_2_ORGANIZATION_WITHOUT_MEMBERS);
        assertThat(partyOrganizationsCovering("px-empty")).isZero();
        assertThat(partyOrganizationsCovering("px-one")).isZero();

        // With members it is established; the organization without members cannot be taken in afterwards either.
        String joint = established(establishment("白云联合党支部", "BRANCH", "JOINT", "BAIYUN", "px-one", "px-two"));
        web.post().uri("/api/branches/" + joint + "/organizations").header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("organizationId", "px-empty")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo(FormationRules.RULE_2_ORGANIZATION_WITHOUT_MEMBERS);
        assertThat(partyOrganizationsCovering("px-empty")).isZero();
        // What it gets is an instructor (rule 3).
        assignInstructor(bearer(Role.DISTRICT_ADMIN), "px-empty").expectStatus().isCreated();
    }
}
