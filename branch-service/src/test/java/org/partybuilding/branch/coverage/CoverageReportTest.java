package org.partybuilding.branch.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.branch.ConfiguredRules;
import org.partybuilding.branch.domain.Formation;
import org.partybuilding.branch.domain.PartyOrganizationType;

class CoverageReportTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private final CoverageRules rules = new CoverageRules(ConfiguredRules.coverage());

    private static Map<String, String> streets() {
        Map<String, String> streets = new LinkedHashMap<>();
        streets.put("HONGQIAO", "洪桥");
        streets.put("BEIJING", "北京");
        streets.put("JIANSHE", "建设");
        return streets;
    }

    private static OrganizationFacts bare(String id, String name, String street) {
        return OrganizationFacts.withoutMembers(id, name, street, true);
    }

    @Test
    void everyStreetAskedForHasALineInTheGivenOrderEvenWithoutOrganizations() {
        CoverageReport report = CoverageReport.assemble(List.of(bare("a", "甲", "JIANSHE"), bare("b", "乙", "HONGQIAO"),
                OrganizationFacts.withoutMembers("c", "丙", "HONGQIAO", false)), List.of(), streets(), rules, TODAY);

        assertThat(report.byStreet()).extracting(CoverageReport.StreetCoverage::street)
                .containsExactly("HONGQIAO", "BEIJING", "JIANSHE");
        assertThat(report.byStreet()).extracting(CoverageReport.StreetCoverage::streetName).containsExactly("洪桥", "北京", "建设");
        assertThat(report.byStreet()).extracting(CoverageReport.StreetCoverage::activeOrganizations).containsExactly(1, 0, 1);
        assertThat(report.byStreet().get(1).workCoverageRate()).isNull();
        assertThat(report.activeOrganizations()).isEqualTo(2);
        assertThat(report.uncovered()).isEqualTo(2);
    }

    @Test
    void aStreetNoLongerConfiguredStillShowsAtTheEnd() {
        CoverageReport report = CoverageReport.assemble(List.of(bare("a", "甲", "OLDTOWN")), List.of(), streets(), rules, TODAY);
        assertThat(report.byStreet()).extracting(CoverageReport.StreetCoverage::street)
                .containsExactly("HONGQIAO", "BEIJING", "JIANSHE", "OLDTOWN");
        assertThat(report.byStreet().get(3).streetName()).isNull();
        assertThat(report.gaps()).extracting(Gap::street).containsExactly("OLDTOWN");
    }

    @Test
    void gapsAreOrderedByStreetThenReasonThenNameAndNameTheirPartyOrganization() {
        OrganizationFacts deregistered = new OrganizationFacts("d", "丁", "JIANSHE", false, 3, 0,
                new CoveringPartyOrganization("po-d", "丁党支部", Formation.SINGLE), false);
        OrganizationFacts inJoint = new OrganizationFacts("e", "戊", "JIANSHE", true, 4, 0,
                new CoveringPartyOrganization("po-j", "联合党支部", Formation.JOINT), false);
        PartyOrganizationFacts joint = new PartyOrganizationFacts("po-j", "联合党支部", "HONGQIAO", PartyOrganizationType.BRANCH,
                Formation.JOINT, 2, 0, null);

        CoverageReport report = CoverageReport.assemble(
                List.of(bare("b", "乙", "JIANSHE"), bare("a", "甲", "JIANSHE"), deregistered, inJoint, bare("h", "洪", "HONGQIAO")),
                List.of(joint), streets(), rules, TODAY);

        assertThat(report.gaps()).extracting(Gap::street, Gap::reason, Gap::organizationId).containsExactly(
                tuple("HONGQIAO", GapReason.NEEDS_INSTRUCTOR, "h"),
                tuple("HONGQIAO", GapReason.JOINT_BELOW_THREE, null),
                tuple("JIANSHE", GapReason.SHOULD_FORM_SINGLE, "e"),
                // 甲 (jiǎ) before 乙 (yǐ): names in pinyin order
                tuple("JIANSHE", GapReason.NEEDS_INSTRUCTOR, "a"),
                tuple("JIANSHE", GapReason.NEEDS_INSTRUCTOR, "b"),
                tuple("JIANSHE", GapReason.DEREGISTERED_WITH_ACTIVE_PARTY_ORGANIZATION, "d"));
        assertThat(report.gaps().get(1).partyOrganizationId()).isEqualTo("po-j");
        assertThat(report.gaps().get(2).partyOrganizationName()).isEqualTo("联合党支部");
        assertThat(report.gaps().get(5).partyOrganizationId()).isEqualTo("po-d");
    }
}
