package org.partybuilding.branch.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.partybuilding.branch.BranchApiTestBase;
import org.partybuilding.branch.member.MemberCount;
import org.partybuilding.branch.organization.OrganizationView;
import org.partybuilding.platform.security.Role;

/**
 * Not a test of behaviour: prints how long coverage and the joint plan take over 10,000 organizations with member
 * counts for 100,000 members, on the in-process MongoDB-protocol server, cold (after a change) and warm. Off unless
 * {@code -Dbranch.scale-check=true}; it asserts nothing about time (the bench measures the platform).
 */
@EnabledIfSystemProperty(named = "branch.scale-check", matches = "true")
class CoverageScaleCheck extends BranchApiTestBase {

    private static final String[] STREETS = {"HONGQIAO", "BEIJING", "LIURONG", "LIUHUA", "GUANGTA", "RENMIN", "DONGSHAN",
        "NONGLIN", "MEIHUACUN", "HUANGHUAGANG", "HUALE", "JIANSHE", "DATANG", "ZHUGUANG", "DADONG", "BAIYUN", "DENGFENG", "KUANGQUAN"};
    private static final String[] INDUSTRIES = {"EDUCATION", "HEALTH", "CULTURE", "SPORTS", "SCIENCE_TECHNOLOGY", "SOCIAL_SERVICE"};

    @Test
    void timesCoverageAndTheJointPlanAtTenThousandOrganizations() {
        List<OrganizationView> organizations = new ArrayList<>();
        List<Document> counts = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            organizations.add(new OrganizationView("scale-" + i, 1, "规模测试社会组织" + i, i % 3 == 0 ? "FOUNDATION" : "SOCIAL_GROUP",
                    STREETS[i % STREETS.length], INDUSTRIES[i % INDUSTRIES.length], i % 4 == 0 ? null : "越秀区民政局", "ACTIVE", 10, 5,
                    LocalDate.of(2020, 1, 1)));
            int formal = switch (i % 10) {
                case 0, 1, 2 -> 0;
                case 3 -> 1;
                case 4 -> 2;
                default -> 20;
            };
            if (formal > 0) {
                counts.add(new Document("_id", "scale-" + i).append("formal", formal).append("probationary", 3));
            }
        }
        mongo.insert(organizations, OrganizationView.COLLECTION).blockLast();
        mongo.insert(counts, MemberCount.ORGANIZATIONS).blockLast();
        for (int round = 0; round < 3; round++) {
            events.publish(org.partybuilding.events.EventType.ORGANIZATION_REGISTERED,
                    organization("scale-change-" + round, 1, "JIANSHE", "EDUCATION", "SOCIAL_GROUP", null, "ACTIVE"));
            register("scale-change-" + round, "JIANSHE");
            time("coverage, first after a change", "/api/branches/coverage");
            time("coverage, warm", "/api/branches/coverage");
            time("coverage, warm", "/api/branches/coverage");
            time("coverage of a street, warm", "/api/branches/coverage?street=JIANSHE");
            time("joint plan, warm", "/api/branches/coverage/joint-plan");
            time("standardization, warm", "/api/branches/standardization");
        }
    }

    private void time(String what, String path) {
        long start = System.nanoTime();
        byte[] body = web.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build()
                .get().uri(path).header("Authorization", bearer(Role.AUDITOR)).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        System.out.printf("SCALE %-32s %7.1f ms  %,d bytes%n", what, (System.nanoTime() - start) / 1e6, body.length);
    }
}
