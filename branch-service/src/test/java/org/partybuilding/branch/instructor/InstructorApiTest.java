package org.partybuilding.branch.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.partybuilding.branch.BranchApiTestBase;
import org.partybuilding.branch.partyorganization.FormationRules;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.EventType;
import org.partybuilding.events.InstructorSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.TopicRecords;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** {@code POST/GET /api/branches/instructors}: rule 3, personal data, scope. */
class InstructorApiTest extends BranchApiTestBase {

    private long assignmentsOf(String organizationId) {
        return mongo.count(Query.query(Criteria.where("organizationIds").is(organizationId)), Instructor.class).block();
    }

    @Test
    void anInstructorForOrganizationsWithoutMembersWithItsEventAndNoPhoneInIt() {
        register("i-empty-1", "GUANGTA");
        register("i-empty-2", "GUANGTA");
        String id = assignInstructor(streetAdmin("GUANGTA"), "i-empty-1", "i-empty-2").expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).startsWith("/api/branches/instructors/"))
                .expectBody()
                .jsonPath("$.phone").isEqualTo("13812345678")
                .jsonPath("$.streets[0]").isEqualTo("GUANGTA")
                .jsonPath("$.organizationIds.length()").isEqualTo(2)
                .returnResult().getResponseBody() == null ? null : null;
        List<ConsumerRecord<String, byte[]>> published = TopicRecords.await(broker, Topics.BRANCH_PARTY_ORGANIZATIONS,
                r -> new String(r.headers().lastHeader("ce_type").value()).equals(EventType.INSTRUCTOR_ASSIGNED.ceType())
                        && new String(r.value()).contains("i-empty-1"), 1);
        InstructorSnapshot snapshot = EventCodec.decode(published.get(0).value(), InstructorSnapshot.class);
        assertThat(snapshot.organizationIds()).containsExactly("i-empty-1", "i-empty-2");
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(new String(published.get(0).value())).doesNotContain("13812345678").doesNotContain("5678");
        assertThat(id).isNull();

        get("/api/branches/instructors?organizationId=i-empty-1", bearer(Role.AUDITOR)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].phone").isEqualTo("138****5678");
        get("/api/branches/instructors?organizationId=i-empty-1", bearer(Role.COMMITTEE_ADMIN)).expectBody()
                .jsonPath("$.items[0].phone").isEqualTo("13812345678");
        get("/api/branches/instructors", streetAdmin("GUANGTA")).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].phone").isEqualTo("13812345678");
        get("/api/branches/instructors?street=GUANGTA", streetAdmin("JIANSHE")).expectStatus().isForbidden();
        get("/api/branches/instructors", bearer(Role.FINANCE)).expectStatus().isForbidden();
        get("/api/branches/instructors", secretaryOf("po")).expectStatus().isForbidden();
    }

    @Test
    void rule3AnOrganizationWithMembersGetsNoInstructorAndNothingIsStored() {
        register("i-members", "GUANGTA");
        register("i-none", "GUANGTA");
        members("i-members", "GUANGTA", 0, 1);
        assignInstructor(bearer(Role.DISTRICT_ADMIN), "i-none", "i-members").expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo(FormationRules.RULE_3_INSTRUCTOR)
                .jsonPath("$.facts.probationaryMembers").isEqualTo(1);
        assertThat(assignmentsOf("i-none")).isZero();
    }

    @Test
    void badInputAndScope() {
        register("i-scope", "GUANGTA");
        web.post().uri("/api/branches/instructors").header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "", "phone", "12", "organizationIds", List.of())).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors.length()").isEqualTo(3);
        assignInstructor(bearer(Role.DISTRICT_ADMIN), "i-unknown").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("organizationIds[0]");
        assignInstructor(streetAdmin("JIANSHE"), "i-scope").expectStatus().isForbidden();
        assignInstructor(bearer(Role.AUDITOR), "i-scope").expectStatus().isForbidden();
        assignInstructor(bearer(Role.FINANCE), "i-scope").expectStatus().isForbidden();
        assertThat(assignmentsOf("i-scope")).isZero();
    }
}
