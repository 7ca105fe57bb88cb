package org.partybuilding.branch.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.partybuilding.branch.instructor.Instructors;
import org.partybuilding.branch.member.MemberCounts;
import org.partybuilding.branch.organization.Organizations;
import org.partybuilding.branch.partyorganization.PartyOrganizations;
import org.partybuilding.platform.district.District;
import org.springframework.beans.factory.annotation.Autowired;
import org.partybuilding.branch.BranchApiTestBase;
import org.partybuilding.events.EventType;
import org.partybuilding.platform.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Coverage of a small district worked out by hand (street RENMIN): party organizations of this service, members
 * from member events, an instructor, a deregistration.
 */
class CoverageFiguresApiTest extends BranchApiTestBase {

    @Autowired
    DistrictFacts facts;
    @Autowired
    CoverageService coverage;
    @Autowired
    CoverageChanges changes;
    @Autowired
    Organizations organizations;
    @Autowired
    MemberCounts counts;
    @Autowired
    PartyOrganizations partyOrganizations;
    @Autowired
    Instructors instructors;
    @Autowired
    Clock clock;
    @Autowired
    District district;

    private CoverageReport report(String query) {
        return get("/api/branches/coverage" + query, bearer(Role.AUDITOR)).expectStatus().isOk().expectBody(CoverageReport.class)
                .returnResult().getResponseBody();
    }

    @Test
    void aHandComputedStreet() {
        // r-a: 4 formal, its own SINGLE                → covered by single
        // r-b: 3 formal, no party organization          → uncovered, SHOULD_FORM_SINGLE
        // r-c: 1 formal, r-d: 2 formal, one JOINT       → covered by joint (2)
        // r-e: 1 probationary only                      → uncovered, NEEDS_JOINT
        // r-f: 2 formal, AFFILIATED (term ended)        → covered by affiliated; the party organization TERM_EXPIRED
        // r-g: no members, an instructor                → instructor only
        // r-h: no members (PRIVATE_NON_ENTERPRISE)      → uncovered, NEEDS_INSTRUCTOR
        // r-i: 3 formal, own SINGLE, then deregistered  → not active; DEREGISTERED_WITH_ACTIVE_PARTY_ORGANIZATION, 3 to transfer
        for (String id : List.of("r-a", "r-b", "r-c", "r-d", "r-e", "r-f", "r-g", "r-i")) {
            register(id, "RENMIN");
        }
        register("r-h", "RENMIN", "HEALTH", "PRIVATE_NON_ENTERPRISE");
        members("r-a", "RENMIN", 4, 0);
        members("r-b", "RENMIN", 3, 0);
        members("r-c", "RENMIN", 1, 0);
        members("r-d", "RENMIN", 2, 0);
        members("r-e", "RENMIN", 0, 1);
        members("r-f", "RENMIN", 2, 0);
        members("r-i", "RENMIN", 3, 0);
        String single = established(establishment("人民甲党支部", "BRANCH", "SINGLE", "RENMIN", "r-a"));
        String joint = established(establishment("人民联合党支部", "BRANCH", "JOINT", "RENMIN", "r-c", "r-d"));
        Map<String, Object> affiliated = establishment("人民挂靠党支部", "BRANCH", "AFFILIATED", "RENMIN", "r-f");
        affiliated.put("establishedOn", "2023-01-10");
        String affiliatedId = established(affiliated);
        String deregisteredSingle = established(establishment("人民乙党支部", "BRANCH", "SINGLE", "RENMIN", "r-i"));
        assignInstructor(bearer(Role.DISTRICT_ADMIN), "r-g").expectStatus().isCreated();
        deregister("r-i", "RENMIN");

        CoverageReport report = report("?street=RENMIN");
        assertThat(report.activeOrganizations()).isEqualTo(8);
        assertThat(report.withMembers()).isEqualTo(6);
        assertThat(report.coveredBySingle()).isEqualTo(1);
        assertThat(report.coveredByJoint()).isEqualTo(2);
        assertThat(report.coveredByAffiliated()).isEqualTo(1);
        assertThat(report.instructorOnly()).isEqualTo(1);
        assertThat(report.uncovered()).isEqualTo(3);
        assertThat(report.organizationCoverageRate()).isEqualByComparingTo(new BigDecimal("0.6667")); // 4 of 6 with members
        assertThat(report.workCoverageRate()).isEqualByComparingTo(new BigDecimal("0.6250"));         // 5 of 8
        assertThat(report.byStreet()).singleElement().satisfies(street -> {
            assertThat(street.street()).isEqualTo("RENMIN");
            assertThat(street.activeOrganizations()).isEqualTo(8);
            assertThat(street.uncovered()).isEqualTo(3);
        });
        assertThat(report.byType()).extracting(CoverageReport.TypeCoverage::type)
                .containsExactly("SOCIAL_GROUP", "PRIVATE_NON_ENTERPRISE", "FOUNDATION");
        assertThat(report.byType().get(0)).satisfies(socialGroups -> {
            assertThat(socialGroups.activeOrganizations()).isEqualTo(7);
            assertThat(socialGroups.uncovered()).isEqualTo(2);
            assertThat(socialGroups.workCoverageRate()).isEqualByComparingTo(new BigDecimal("0.7143")); // 5 of 7
            assertThat(socialGroups.organizationCoverageRate()).isEqualByComparingTo(new BigDecimal("0.6667"));
        });
        assertThat(report.byType().get(1)).satisfies(privateNonEnterprise -> {
            assertThat(privateNonEnterprise.activeOrganizations()).isEqualTo(1);
            assertThat(privateNonEnterprise.organizationCoverageRate()).isNull();
            assertThat(privateNonEnterprise.workCoverageRate()).isEqualByComparingTo(BigDecimal.ZERO);
        });
        assertThat(report.byType().get(2).activeOrganizations()).isZero();
        assertThat(report.bySupervisoryUnit()).singleElement().satisfies(unit -> {
            assertThat(unit.supervisoryUnit()).isEqualTo("越秀区民政局");
            assertThat(unit.activeOrganizations()).isEqualTo(8);
        });
        // ...and none of the four active party organizations has a secretary yet (rule 5), in pinyin order of their names
        assertThat(report.gaps()).extracting(g -> g.reason() + ":" + (g.organizationId() != null ? g.organizationId() : g.partyOrganizationId()))
                .containsExactly("SHOULD_FORM_SINGLE:r-b", "NEEDS_JOINT:r-e", "NEEDS_INSTRUCTOR:r-h",
                        "DEREGISTERED_WITH_ACTIVE_PARTY_ORGANIZATION:r-i", "TERM_EXPIRED:" + affiliatedId,
                        "SECRETARY_MISSING:" + affiliatedId, "SECRETARY_MISSING:" + single, "SECRETARY_MISSING:" + joint,
                        "SECRETARY_MISSING:" + deregisteredSingle);
        Gap deregistered = report.gaps().get(3);
        assertThat(deregistered.partyOrganizationId()).isEqualTo(deregisteredSingle);
        assertThat(deregistered.membersToTransfer()).isEqualTo(3);
        assertThat(report.gaps().get(0).partyOrganizationId()).isNull();

        // Filtered by type: only that organization, and only party organizations covering it.
        CoverageReport pne = report("?street=RENMIN&type=PRIVATE_NON_ENTERPRISE");
        assertThat(pne.activeOrganizations()).isEqualTo(1);
        assertThat(pne.gaps()).extracting(Gap::organizationId).containsExactly("r-h");

        // A member of r-d leaves: the joint organization is below 3 formal members (rules 2, 6), at once.
        events.publish(EventType.MEMBER_LEFT, member("r-d-m0", 2, "r-d", "RENMIN", "FORMAL", "LEFT", null));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(report("?street=RENMIN").gaps())
                .anySatisfy(g -> {
                    assertThat(g.reason()).isEqualTo(GapReason.JOINT_BELOW_THREE);
                    assertThat(g.partyOrganizationId()).isEqualTo(joint);
                }));
        assertThat(single).isNotNull();

        // What the service kept by patching in each change is what a fresh read of everything gives.
        DistrictFacts fresh = new DistrictFacts(changes, organizations, counts, partyOrganizations, instructors, clock);
        CoverageFilter renmin = CoverageFilter.of("RENMIN", null, null, district);
        assertThat(coverage.report(facts.current().block(), renmin)).isEqualTo(coverage.report(fresh.current().block(), renmin));
    }

    @Test
    void exportsTheFiguresAndTheGapsAsCsvAndXlsx() throws Exception {
        register("r-x", "RENMIN");
        // Both parts in one file: a CSV section, an XLSX sheet each.
        byte[] csv = web.get().uri("/api/branches/coverage?street=RENMIN").header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR))
                .accept(MediaType.valueOf("text/csv")).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.valueOf("text/csv"))
                .expectBody().returnResult().getResponseBody();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFcoverage\r\ndimension,key,name,activeOrganizations");
        assertThat(text).contains("STREET,RENMIN,人民,").contains("TYPE,SOCIAL_GROUP,");
        assertThat(text).contains("\r\n\r\ngaps\r\nstreet,reason,organizationId").contains("RENMIN,NEEDS_INSTRUCTOR,r-x");
        String figures = new String(web.get().uri("/api/branches/coverage?street=RENMIN&part=figures")
                .header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)).accept(MediaType.valueOf("text/csv")).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(figures).startsWith("\uFEFFdimension,key,name,activeOrganizations").doesNotContain("NEEDS_INSTRUCTOR");
        String gaps = new String(web.get().uri("/api/branches/coverage?street=RENMIN&part=gaps")
                .header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)).accept(MediaType.valueOf("text/csv")).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(gaps).startsWith("\uFEFFstreet,reason,organizationId").contains("RENMIN,NEEDS_INSTRUCTOR,r-x");
        web.get().uri("/api/branches/coverage?part=everything").header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR))
                .accept(MediaType.valueOf("text/csv")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("part");
        byte[] xlsx = web.get().uri("/api/branches/coverage?street=RENMIN").header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR))
                .accept(MediaType.valueOf("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            List<org.dhatim.fastexcel.reader.Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(org.dhatim.fastexcel.reader.Sheet::getName).containsExactly("coverage", "gaps");
            try (var rows = sheets.get(1).openStream()) {
                assertThat(rows.map(row -> row.getCellText(2)).toList()).contains("organizationId", "r-x");
            }
        }
        web.get().uri("/api/branches/coverage").header(HttpHeaders.AUTHORIZATION, bearer(Role.FINANCE))
                .accept(MediaType.valueOf("text/csv")).exchange().expectStatus().isForbidden();
    }
}
