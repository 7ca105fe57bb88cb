package org.partybuilding.branch.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.partybuilding.branch.coverage.CoverageRules;
import org.partybuilding.branch.coverage.CoveringPartyOrganization;
import org.partybuilding.branch.domain.Formation;
import org.partybuilding.branch.coverage.OrganizationFacts;
import org.partybuilding.branch.coverage.PartyOrganizationFacts;
import org.partybuilding.branch.domain.PartyOrganizationType;
import org.partybuilding.platform.inbox.InboxItem;

class BranchInboxRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private final BranchInboxRules rules = new BranchInboxRules(new CoverageRules(org.partybuilding.branch.ConfiguredRules.coverage()),
            new InboxSettings(7, 90, 30));

    private static PartyOrganizationFacts party(int formal, LocalDate termEndsOn, boolean committee, boolean secretary) {
        return new PartyOrganizationFacts("p1", "党支部", "JIANSHE", PartyOrganizationType.BRANCH, Formation.SINGLE, formal, 0,
                termEndsOn, committee, secretary);
    }

    @Test
    void aTermEndingWithinNinetyDaysOrEndedIsDueOnItsEnd() {
        assertThat(rules.partyOrganization(party(3, TODAY.plusDays(90), false, true), TODAY.minusYears(3), TODAY))
                .singleElement().satisfies(i -> {
                    assertThat(i.kind()).isEqualTo("TERM_EXPIRED");
                    assertThat(i.due()).isEqualTo(TODAY.plusDays(90));
                    assertThat(i.route()).isEqualTo("/branches/p1");
                });
        assertThat(rules.partyOrganization(party(3, TODAY.minusDays(1), false, true), null, TODAY)).extracting(InboxItem::kind)
                .containsExactly("TERM_EXPIRED");
        assertThat(rules.partyOrganization(party(3, TODAY.plusDays(91), false, true), null, TODAY)).isEmpty();
        assertThat(rules.partyOrganization(party(3, null, false, true), null, TODAY)).isEmpty();
    }

    @Test
    void sevenFormalMembersWithoutCommitteeAndNoSecretaryAreDueSinceEstablishment() {
        LocalDate established = LocalDate.of(2025, 3, 1);
        assertThat(rules.partyOrganization(party(7, null, false, false), established, TODAY))
                .extracting(InboxItem::kind, InboxItem::since).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("COMMITTEE_NOT_ELECTED", established),
                        org.assertj.core.groups.Tuple.tuple("SECRETARY_MISSING", established));
        assertThat(rules.partyOrganization(party(6, null, false, true), established, TODAY)).isEmpty();
        assertThat(rules.partyOrganization(party(7, null, true, true), established, TODAY)).isEmpty();
    }

    @Test
    void aNewOrganizationWithoutCoverageIsDueAWeekAfterRegistrationWhileNew() {
        OrganizationFacts bare = OrganizationFacts.withoutMembers("o1", "新社会组织", "JIANSHE", true);
        assertThat(rules.organization(bare, TODAY.minusDays(7), TODAY)).hasValueSatisfying(i -> {
            assertThat(i.since()).isEqualTo(TODAY);
            assertThat(i.route()).isEqualTo("/branches/instructors?organizationId=o1");
        });
        assertThat(rules.organization(bare, TODAY.minusDays(6), TODAY)).isEmpty();
        assertThat(rules.organization(bare, TODAY.minusDays(91), TODAY)).as("not new any more").isEmpty();
        OrganizationFacts withMembers = new OrganizationFacts("o2", "有党员", "JIANSHE", true, 1, 0, null, false);
        assertThat(rules.organization(withMembers, TODAY.minusDays(30), TODAY)).hasValueSatisfying(
                i -> assertThat(i.route()).isEqualTo("/organizations/o2"));
        OrganizationFacts instructed = new OrganizationFacts("o3", "有指导员", "JIANSHE", true, 0, 0, null, true);
        assertThat(rules.organization(instructed, TODAY.minusDays(30), TODAY)).isEmpty();
        OrganizationFacts covered = new OrganizationFacts("o4", "已覆盖", "JIANSHE", true, 1, 0,
                new CoveringPartyOrganization("p", "联合党支部", Formation.JOINT), false);
        assertThat(rules.organization(covered, TODAY.minusDays(30), TODAY)).isEmpty();
        OrganizationFacts deregistered = OrganizationFacts.withoutMembers("o5", "已注销", "JIANSHE", false);
        assertThat(rules.organization(deregistered, TODAY.minusDays(30), TODAY)).isEmpty();
    }

    @Test
    void aJointProposalIsDueThirtyDaysAfterItCouldFirstBeMade() {
        assertThat(rules.jointProposal("JIANSHE", "建设", "EDUCATION", "教育", 2, TODAY.minusDays(30), TODAY)).hasValueSatisfying(i -> {
            assertThat(i.subjectName()).isEqualTo("建设街道 · 教育 · 2 个社会组织");
            assertThat(i.subjectId()).isEqualTo("joint-plan:JIANSHE:EDUCATION");
            assertThat(i.since()).isEqualTo(TODAY);
            assertThat(i.route()).isEqualTo("/branches/joint-plan?street=JIANSHE");
        });
        assertThat(rules.jointProposal("JIANSHE", "建设", null, null, 2, TODAY.minusDays(29), TODAY)).isEmpty();
    }
}
