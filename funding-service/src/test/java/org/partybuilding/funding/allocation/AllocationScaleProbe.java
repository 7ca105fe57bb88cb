package org.partybuilding.funding.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.partybuilding.funding.FundingApiTestBase;
import org.partybuilding.funding.context.MemberChanges;
import org.partybuilding.funding.context.MemberView;
import org.partybuilding.funding.context.PartyOrganizationView;
import org.partybuilding.platform.security.Role;

/**
 * A probe, off by default ({@code -Dfunding.scale=true}): 10,000 party organizations and 100,000 members written
 * straight into the read models, then the allocation run and the report timed in-process and printed. It asserts
 * figures, never time; the benchmark in bench/ measures through the gateway.
 */
@EnabledIfSystemProperty(named = "funding.scale", matches = "true")
class AllocationScaleProbe extends FundingApiTestBase {


    /** {@code -Dfunding.scale.partyOrganizations=2000}: the bench's quick size; 10 members each. */
    private static final int PARTY_ORGANIZATIONS = Integer.getInteger("funding.scale.partyOrganizations", 10_000);

    @Test
    void allocationAndReportAtDistrictScale() {
        web = web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
        List<PartyOrganizationView> partyOrganizations = new ArrayList<>();
        List<MemberView> members = new ArrayList<>();
        for (int p = 0; p < PARTY_ORGANIZATIONS; p++) {
            partyOrganizations.add(new PartyOrganizationView("scale-po-" + p, 1, "党支部" + p, "BRANCH", "SINGLE", List.of(),
                    "JIANSHE", "ACTIVE", LocalDate.of(2000, 1, 1)));
            for (int m = 0; m < 10; m++) {
                // as member-service dates them: a member registered, then placed on the establishment (two events)
                LocalDate since = LocalDate.of(2000, 1, 1);
                members.add(new MemberView("scale-po-" + p + "-m" + m, 2, "org", "scale-po-" + p, "JIANSHE", "FORMAL", "ACTIVE",
                        since, List.of(new org.partybuilding.funding.context.MemberFact(1, null, null, "ACTIVE", since, since),
                                new org.partybuilding.funding.context.MemberFact(2, "scale-po-" + p, since, "ACTIVE", null, since))));
            }
        }
        mongo.insert(partyOrganizations, PartyOrganizationView.COLLECTION).blockLast();
        mongo.insert(members, MemberView.COLLECTION).blockLast();
        // written straight into the read model: counted as the consumer counts its writes (the copy reads them all)
        changes.changed(members.stream().map(m -> new MemberChanges.Change(0, m.id(), m.version())).toList()).block();
        long start = System.nanoTime();
        allocate(2016, "2016-06-30", bearer(Role.DISTRICT_ADMIN)).expectStatus().isCreated();
        System.out.printf("allocation run, cold: %.0f ms%n", (System.nanoTime() - start) / 1e6);
        start = System.nanoTime();
        allocate(2017, "2017-06-30", bearer(Role.DISTRICT_ADMIN)).expectStatus().isCreated().expectBody()
                .jsonPath("$.partyOrganizations").isEqualTo(PARTY_ORGANIZATIONS)
                .jsonPath("$.members").isEqualTo(PARTY_ORGANIZATIONS * 10)
                .jsonPath("$.total").isEqualTo(PARTY_ORGANIZATIONS * 1000 + ".00");
        System.out.printf("allocation run: %.0f ms%n", (System.nanoTime() - start) / 1e6);
        start = System.nanoTime();
        allocate(2017, "2017-06-30", bearer(Role.DISTRICT_ADMIN)).expectStatus().isOk();
        System.out.printf("repeat: %.0f ms%n", (System.nanoTime() - start) / 1e6);
        for (String groupBy : List.of("street", "kind", "partyOrganization")) {
            for (int i = 0; i < 3; i++) {
                get("/api/funding/reports?fiscalYear=2017&groupBy=" + groupBy, bearer(Role.FINANCE)).expectStatus().isOk();
            }
            start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                get("/api/funding/reports?fiscalYear=2017&groupBy=" + groupBy, bearer(Role.FINANCE)).expectStatus().isOk()
                        .expectBody().jsonPath("$.total").isEqualTo(PARTY_ORGANIZATIONS * 1000 + ".00");
            }
            System.out.printf("report by %s: %.1f ms each%n", groupBy, (System.nanoTime() - start) / 1e6 / 20);
        }
    }
}
