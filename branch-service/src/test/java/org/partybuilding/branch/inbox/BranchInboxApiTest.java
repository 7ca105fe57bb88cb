package org.partybuilding.branch.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.branch.BranchApiTestBase;
import org.partybuilding.branch.organization.OrganizationView;
import org.partybuilding.events.EventType;
import org.partybuilding.events.OrganizationSnapshot;
import org.partybuilding.platform.inbox.Inbox;
import org.partybuilding.platform.inbox.InboxItem;
import org.partybuilding.platform.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * {@code GET /api/branches/inbox} per kind (street MEIHUACUN): an item appears when due, goes when done, and is never shown
 * outside the caller's scope (another street's admin, another party organization's secretary).
 */
class BranchInboxApiTest extends BranchApiTestBase {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private List<InboxItem> inbox(String bearer, String subjectId) {
        Inbox inbox = get("/api/branches/inbox", bearer).expectStatus().isOk().expectBody(Inbox.class).returnResult().getResponseBody();
        assertThat(inbox.counts()).containsKeys("TERM_EXPIRED", "COMMITTEE_NOT_ELECTED", "SECRETARY_MISSING",
                "NEW_ORGANIZATION_WITHOUT_COVERAGE", "JOINT_PLAN_UNTOUCHED");
        return inbox.items().stream().filter(i -> i.subjectId().equals(subjectId)).toList();
    }

    private List<String> kinds(String bearer, String subjectId) {
        return inbox(bearer, subjectId).stream().map(InboxItem::kind).toList();
    }

    @Test
    void aTermEndingSoonAndAMissingSecretaryAreDueForTheStreetAndTheOwnSecretaryOnlyUntilElected() {
        register("ib-term", "MEIHUACUN");
        List<String> members = members("ib-term", "MEIHUACUN", 3, 0);
        Map<String, Object> body = establishment("党支部ib-term", "BRANCH", "SINGLE", "MEIHUACUN", "ib-term");
        body.put("establishedOn", TODAY.minusYears(3).plusDays(30).toString());
        String id = established(body);
        members.forEach(m -> events.publish(EventType.MEMBER_UPDATED, member(m, 2, "ib-term", "MEIHUACUN", "FORMAL", "ACTIVE", id)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(memberCounts.ofPartyOrganization(id).block().formal()).isEqualTo(3));

        List<InboxItem> items = inbox(bearer(Role.COMMITTEE_ADMIN), id);
        // oldest first: the secretary has been missing since the establishment, the term ends in 30 days
        assertThat(items).extracting(InboxItem::kind).containsExactly("SECRETARY_MISSING", "TERM_EXPIRED");
        assertThat(items.get(0).since()).isEqualTo(TODAY.minusYears(3).plusDays(30));
        assertThat(items.get(1).due()).isEqualTo(TODAY.plusDays(30));
        assertThat(items.get(1).route()).isEqualTo("/branches/" + id);
        assertThat(items.get(1).subjectName()).isEqualTo("党支部ib-term");
        assertThat(kinds(streetAdmin("MEIHUACUN"), id)).containsExactly("SECRETARY_MISSING", "TERM_EXPIRED");
        assertThat(kinds(secretaryOf(id), id)).containsExactly("SECRETARY_MISSING", "TERM_EXPIRED");
        assertThat(kinds(streetAdmin("NONGLIN"), id)).isEmpty();
        assertThat(kinds(secretaryOf("someone-else"), id)).isEmpty();
        get("/api/branches/inbox", bearer(Role.FINANCE)).expectStatus().isForbidden();

        web.patch().uri("/api/branches/" + id).header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("secretary", "ib-term-m0", "electedOn", TODAY.toString())).exchange().expectStatus().isOk();
        assertThat(kinds(bearer(Role.COMMITTEE_ADMIN), id)).isEmpty();
        assertThat(kinds(secretaryOf(id), id)).isEmpty();
    }

    @Test
    void aNewOrganizationWithoutCoverageIsDueAWeekAfterRegistrationUntilAnInstructorCovers() {
        publishRegistered("ib-new", TODAY.minusDays(10));
        publishRegistered("ib-newer", TODAY.minusDays(2));

        List<InboxItem> items = inbox(streetAdmin("MEIHUACUN"), "ib-new");
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("NEW_ORGANIZATION_WITHOUT_COVERAGE");
            assertThat(i.since()).isEqualTo(TODAY.minusDays(3));
            assertThat(i.route()).isEqualTo("/branches/instructors?organizationId=ib-new");
            assertThat(i.rule()).isEqualTo(BranchInboxRules.RULE_7);
        });
        assertThat(kinds(bearer(Role.DISTRICT_ADMIN), "ib-newer")).as("not due before a week").isEmpty();
        assertThat(kinds(streetAdmin("NONGLIN"), "ib-new")).isEmpty();

        assignInstructor(bearer(Role.DISTRICT_ADMIN), "ib-new").expectStatus().isCreated();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kinds(bearer(Role.AUDITOR), "ib-new")).isEmpty());
    }

    @Test
    void aJointPlanProposalUntouchedForThirtyDaysIsDueUntilAJointPartyOrganizationCoversIt() {
        register("ib-j1", "MEIHUACUN", "ACCOUNTING");
        register("ib-j2", "MEIHUACUN", "ACCOUNTING");
        members("ib-j1", "MEIHUACUN", 2, 0);
        members("ib-j2", "MEIHUACUN", 1, 0);
        String subject = "joint-plan:MEIHUACUN:ACCOUNTING";
        assertThat(inbox(bearer(Role.DISTRICT_ADMIN), subject)).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("JOINT_PLAN_UNTOUCHED");
            assertThat(i.route()).isEqualTo("/branches/joint-plan?street=MEIHUACUN");
        });
        assertThat(kinds(streetAdmin("NONGLIN"), subject)).isEmpty();

        established(establishment("联合党支部ib-j", "BRANCH", "JOINT", "MEIHUACUN", "ib-j1", "ib-j2"));
        assertThat(kinds(bearer(Role.DISTRICT_ADMIN), subject)).isEmpty();
    }

    private void publishRegistered(String id, LocalDate registeredOn) {
        events.publish(EventType.ORGANIZATION_REGISTERED, new OrganizationSnapshot(id, 1, "社会组织" + id, "51440104MJ" + id,
                "SOCIAL_GROUP", "DISTRICT", registeredOn, "越秀区民政局", "EDUCATION", "MEIHUACUN", "越秀区某路1号",
                new OrganizationSnapshot.LegalRepresentative("张伟", false), 12, 6, "NORMAL", "ACTIVE", null, null));
        await().atMost(PATIENCE).until(() -> mongo.findById(id, OrganizationView.class, OrganizationView.COLLECTION).block() != null);
    }
}
