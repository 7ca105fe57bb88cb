package org.partybuilding.branch.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partybuilding.branch.RegistryEvents.organization;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partybuilding.branch.RegistryEvents;
import org.partybuilding.events.EventType;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code GET /api/branches/coverage} over organizations that arrive as registry events. Each test works in streets
 * of its own, so the tests of this context do not see each other's organizations.
 */
@PlatformTest
class CoverageApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    WebTestClient web;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    RegistryEvents registry;

    @BeforeEach
    void registry() {
        registry = new RegistryEvents(kafka);
    }

    private static String bearer(Role role) {
        return TestTokens.bearer(TestTokens.forRole(role));
    }

    private static String streetAdmin(String street) {
        return TestTokens.bearer(TestTokens.builder().role(Role.STREET_ADMIN).street(street).username("admin-" + street).build());
    }

    private WebTestClient.ResponseSpec coverage(String query, String bearer) {
        return web.get().uri("/api/branches/coverage" + query).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
    }

    private CoverageReport report(String query, String bearer) {
        return coverage(query, bearer).expectStatus().isOk().expectBody(CoverageReport.class).returnResult().getResponseBody();
    }

    private void awaitActive(String street, int active) {
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(report("?street=" + street, bearer(Role.AUDITOR)).activeOrganizations()).isEqualTo(active));
    }

    @Test
    void aRegisteredOrganizationShowsAtOnceAsActiveWithoutMembersAndNeedingAnInstructor() {
        registry.publish(EventType.ORGANIZATION_REGISTERED, organization("o-new", "LIUHUA").named("越秀区书法家协会").snapshot());
        awaitActive("LIUHUA", 1);

        byte[] body = coverage("?street=LIUHUA", bearer(Role.COMMITTEE_ADMIN)).expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.activeOrganizations").isEqualTo(1)
                .jsonPath("$.withMembers").isEqualTo(0)
                .jsonPath("$.coveredBySingle").isEqualTo(0)
                .jsonPath("$.coveredByJoint").isEqualTo(0)
                .jsonPath("$.coveredByAffiliated").isEqualTo(0)
                .jsonPath("$.instructorOnly").isEqualTo(0)
                .jsonPath("$.uncovered").isEqualTo(1)
                .jsonPath("$.workCoverageRate").isEqualTo(0.0)
                .jsonPath("$.byStreet.length()").isEqualTo(1)
                .jsonPath("$.byStreet[0].street").isEqualTo("LIUHUA")
                .jsonPath("$.byStreet[0].streetName").isEqualTo("流花")
                .jsonPath("$.byStreet[0].uncovered").isEqualTo(1)
                .jsonPath("$.gaps.length()").isEqualTo(1)
                .jsonPath("$.gaps[0].organizationId").isEqualTo("o-new")
                .jsonPath("$.gaps[0].organizationName").isEqualTo("越秀区书法家协会")
                .jsonPath("$.gaps[0].street").isEqualTo("LIUHUA")
                .jsonPath("$.gaps[0].reason").isEqualTo("NEEDS_INSTRUCTOR")
                .returnResult().getResponseBody();
        // No organization has members: there is no organization coverage rate rather than a rate of 0.
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"organizationCoverageRate\":null", "\"partyOrganizationId\":null");
    }

    @Test
    void aDeregisteredOrganizationIsNoLongerActiveNorAGap() {
        var organization = organization("o-dereg", "DATANG");
        registry.publish(EventType.ORGANIZATION_REGISTERED, organization.snapshot());
        awaitActive("DATANG", 1);

        registry.publish(EventType.ORGANIZATION_DEREGISTERED, organization.version(2).deregistered().snapshot());
        awaitActive("DATANG", 0);
        CoverageReport report = report("?street=DATANG", bearer(Role.DISTRICT_ADMIN));
        assertThat(report.gaps()).isEmpty();
        assertThat(report.byStreet()).singleElement().satisfies(street -> {
            assertThat(street.activeOrganizations()).isZero();
            assertThat(street.workCoverageRate()).isNull();
        });
    }

    @Test
    void withoutAFilterEveryStreetOfTheDistrictHasALineInItsConfiguredOrder() {
        CoverageReport report = report("", bearer(Role.AUDITOR));
        assertThat(report.byStreet()).hasSize(18);
        assertThat(report.byStreet().get(0).street()).isEqualTo("HONGQIAO");
        assertThat(report.byStreet().get(17).street()).isEqualTo("KUANGQUAN");
        assertThat(report.activeOrganizations())
                .isEqualTo(report.byStreet().stream().mapToInt(CoverageReport.StreetCoverage::activeOrganizations).sum());
    }

    @Test
    void filtersByStreetTypeAndSupervisoryUnit() {
        registry.publish(EventType.ORGANIZATION_REGISTERED,
                organization("o-foundation", "NONGLIN").type("FOUNDATION").supervisedBy("越秀区教育局").snapshot());
        registry.publish(EventType.ORGANIZATION_REGISTERED,
                organization("o-group", "NONGLIN").type("SOCIAL_GROUP").supervisedBy("越秀区民政局").snapshot());
        registry.publish(EventType.ORGANIZATION_REGISTERED,
                organization("o-elsewhere", "HUALE").type("FOUNDATION").supervisedBy("越秀区教育局").snapshot());
        awaitActive("NONGLIN", 2);
        awaitActive("HUALE", 1);

        assertThat(report("?street=NONGLIN&type=FOUNDATION", bearer(Role.AUDITOR)).gaps())
                .extracting(Gap::organizationId).containsExactly("o-foundation");
        assertThat(report("?street=NONGLIN&supervisoryUnit=越秀区民政局", bearer(Role.AUDITOR)).gaps())
                .extracting(Gap::organizationId).containsExactly("o-group");
        assertThat(report("?supervisoryUnit=越秀区教育局&type=FOUNDATION", bearer(Role.AUDITOR)).gaps())
                .extracting(Gap::organizationId).containsExactlyInAnyOrder("o-foundation", "o-elsewhere");
        assertThat(report("?street=NONGLIN&type=PRIVATE_NON_ENTERPRISE", bearer(Role.AUDITOR)).activeOrganizations()).isZero();
        // A blank value is no filter.
        assertThat(report("?street=NONGLIN&type=&supervisoryUnit=", bearer(Role.AUDITOR)).activeOrganizations()).isEqualTo(2);
    }

    @Test
    void aStreetAdminSeesItsOwnStreetOnly() {
        registry.publish(EventType.ORGANIZATION_REGISTERED, organization("o-mine", "KUANGQUAN").snapshot());
        registry.publish(EventType.ORGANIZATION_REGISTERED, organization("o-theirs", "DENGFENG").snapshot());
        awaitActive("KUANGQUAN", 1);
        awaitActive("DENGFENG", 1);

        CoverageReport mine = report("", streetAdmin("KUANGQUAN"));
        assertThat(mine.byStreet()).extracting(CoverageReport.StreetCoverage::street).containsExactly("KUANGQUAN");
        assertThat(mine.gaps()).extracting(Gap::organizationId).containsExactly("o-mine");
        assertThat(mine.activeOrganizations()).isEqualTo(1);
        assertThat(report("?street=KUANGQUAN&type=SOCIAL_GROUP", streetAdmin("KUANGQUAN")).activeOrganizations()).isEqualTo(1);

        coverage("?street=DENGFENG", streetAdmin("KUANGQUAN")).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        String withoutStreet = TestTokens.bearer(TestTokens.builder().role(Role.STREET_ADMIN).build());
        coverage("", withoutStreet).expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void withoutATokenIs401() {
        web.get().uri("/api/branches/coverage").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void financeAndBranchSecretariesAre403() {
        coverage("", bearer(Role.FINANCE)).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        String secretary = TestTokens.bearer(TestTokens.builder().role(Role.BRANCH_SECRETARY).partyOrganization("po-1").build());
        coverage("?street=JIANSHE", secretary).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownStreetOrTypeIs400NamingTheField() {
        coverage("?street=ATLANTIS&type=CLUB", bearer(Role.AUDITOR)).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("street")
                .jsonPath("$.errors[1].field").isEqualTo("type");
        coverage("?type=club", streetAdmin("JIANSHE")).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("type")
                .jsonPath("$.errors[0].message").isEqualTo("'club' is not one of [SOCIAL_GROUP, PRIVATE_NON_ENTERPRISE, FOUNDATION]");
    }
}
