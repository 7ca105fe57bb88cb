package org.partybuilding.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.partybuilding.identifiers.CheckCharacters;
import org.partybuilding.local.demo.DemoDistrict.Member;
import org.partybuilding.local.demo.DemoDistrict.Organization;

class DistrictGeneratorTest {

    private static final DemoDistrict DEMO = DistrictGenerator.demo();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Test
    void theSameSeedGivesTheSameDistrictValueForValue() {
        assertThat(DistrictGenerator.generate(0, 270, 432)).isEqualTo(DEMO);
        assertThat(DistrictGenerator.generate(1, 270, 432)).isNotEqualTo(DEMO);
    }

    @Test
    void theDemoDistrictHasTheYuexiuFiguresOfDomainSection5() {
        ExpectedFigures f = ExpectedFigures.of(DEMO, TODAY);
        assertThat(f.organizations()).isEqualTo(270);
        assertThat(f.socialGroups()).isEqualTo(65);
        assertThat(f.privateNonEnterpriseUnits()).isEqualTo(205);
        assertThat(f.streets()).isEqualTo(18);
        assertThat(f.employees()).isEqualTo(7_022);
        assertThat(f.fullTimeStaff()).isEqualTo(3_363);
        assertThat(f.partyMembers()).isEqualTo(432);
        assertThat(f.partyOrganizations()).isEqualTo(25);
        assertThat(f.jointPartyOrganizations()).isEqualTo(5);
        assertThat(f.withThreeFormalMembers()).isEqualTo(33);
        assertThat(f.withFifteenFullTimeStaff()).isEqualTo(54);
        assertThat(f.mobileMembers()).isPositive();
        assertThat(f.inDevelopment()).isPositive();
        // counted directly too, not only through ExpectedFigures
        assertThat(DEMO.organizations().stream().filter(o -> o.fullTimeStaff() >= 15).count()).isEqualTo(54);
        assertThat(DEMO.organizations().stream().mapToInt(Organization::employees).sum()).isEqualTo(7_022);
        assertThat(DEMO.members().stream().filter(Member::partyMember).count()).isEqualTo(432);
    }

    @Test
    void theExpectedCoverageFollowsTheRules() {
        ExpectedFigures f = ExpectedFigures.of(DEMO, TODAY);
        assertThat(f.coveredBySingle()).isEqualTo(20);
        assertThat(f.coveredByJoint()).isEqualTo(15);
        assertThat(f.coveredBySingle() + f.coveredByJoint() + f.instructorOnly() + f.uncovered()).isEqualTo(270);
        assertThat(f.gaps()).containsEntry("SHOULD_FORM_SINGLE", 13).containsEntry("NEEDS_JOINT", 20)
                .containsEntry("JOINT_BELOW_THREE", 0).containsEntry("OVERSIZED_BRANCH", 0).containsEntry("TERM_EXPIRED", 0);
        assertThat(f.gaps().get("NEEDS_INSTRUCTOR")).isEqualTo(270 - 20 - 13 - 15 - 20 - f.instructorOnly());
        assertThat(f.organizationCoverageRate()).isEqualTo(new BigDecimal("35").divide(new BigDecimal(f.withMembers()), 4,
                java.math.RoundingMode.HALF_UP));
        assertThat(f.startupGrants()).isEqualByComparingTo("25000");
        assertThat(f.allocation()).isEqualByComparingTo(new BigDecimal(f.allocationMembers() * 100));
        assertThat(f.allocation()).isEqualByComparingTo("34200.00");
        assertThat(f.allocationYear()).isEqualTo(2026);
        assertThat(f.duesReturned()).isEqualByComparingTo("113185.20");
        // terms are three years from establishment in January 2026: they come due in the autumn of 2028
        assertThat(ExpectedFigures.of(DEMO, LocalDate.of(2028, 10, 1)).gaps()).containsEntry("TERM_EXPIRED", 0);
        assertThat(ExpectedFigures.of(DEMO, LocalDate.of(2028, 12, 31)).gaps()).containsEntry("TERM_EXPIRED", 25);
        // rule 14: loaded once 2026 is closed, the same party organizations are pre-existing: no start-up grants
        assertThat(ExpectedFigures.of(DEMO, LocalDate.of(2027, 2, 1)).startupGrants()).isEqualByComparingTo("0");
    }

    @Test
    void rule5NoPartyOrganizationHasASecretaryAndThoseWithSevenFormalMembersNoCommittee() {
        ExpectedFigures f = ExpectedFigures.of(DEMO, TODAY);
        int[] formal = new int[DEMO.organizations().size()];
        DEMO.members().stream().filter(m -> m.countedHere() && m.stage().equals("FORMAL")).forEach(m -> formal[m.organization()]++);
        long withSeven = DEMO.partyOrganizations().stream()
                .filter(p -> p.organizations().stream().mapToInt(i -> formal[i]).sum() >= 7).count();
        assertThat(f.gaps()).containsEntry("SECRETARY_MISSING", 25).containsEntry("COMMITTEE_NOT_ELECTED", (int) withSeven);
        assertThat(withSeven).isEqualTo(20);
    }

    @Test
    void identifiersPassTheirCheckCharactersAndAreUnique() {
        Set<String> codes = new HashSet<>();
        for (Organization o : DEMO.organizations()) {
            String code = o.creditCode();
            assertThat(code).hasSize(18).startsWith(o.type().equals("SOCIAL_GROUP") ? "51440104" : "52440104");
            assertThat(CheckCharacters.creditCode(code.substring(0, 17))).isEqualTo(code.charAt(17));
            assertThat(CheckCharacters.organizationCode(code.substring(8, 16))).isEqualTo(code.charAt(16));
            assertThat(codes.add(code)).isTrue();
            assertThat(o.fullTimeStaff()).isBetween(1, o.employees());
        }
        Set<String> ids = new HashSet<>();
        for (Member m : DEMO.members()) {
            assertThat(CheckCharacters.residentId(m.idNumber().substring(0, 17))).isEqualTo(m.idNumber().charAt(17));
            assertThat((m.idNumber().charAt(16) - '0') % 2 == 1).isEqualTo(m.gender().equals("MALE"));
            assertThat(ids.add(m.idNumber())).isTrue();
        }
        assertThat(DEMO.organizations().stream().map(Organization::name).distinct().count()).isEqualTo(270);
        // the standard's own example
        assertThat(CheckCharacters.residentId("11010519491231002")).isEqualTo('X');
    }

    @Test
    void stageDatesAreInOrderAfterTheEighteenthBirthdayAndNotAfterTheDataDate() {
        for (Member m : DEMO.members()) {
            LocalDate birth = LocalDate.parse(m.idNumber().substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            assertThat(m.appliedOn()).isAfterOrEqualTo(birth.plusYears(18));
            List<LocalDate> dates = Stream.of(m.appliedOn(), m.activistOn(), m.targetOn(), m.admittedOn(), m.confirmedOn())
                    .filter(d -> d != null).toList();
            assertThat(dates).isSorted();
            assertThat(dates).allSatisfy(d -> assertThat(d).isBeforeOrEqualTo(DemoDistrict.DATA_AS_OF));
            if (m.targetOn() != null) {
                assertThat(m.targetOn()).isAfterOrEqualTo(m.activistOn().plusYears(1));
            }
            if (m.confirmedOn() != null) {
                assertThat(m.confirmedOn()).isAfterOrEqualTo(m.admittedOn().plusYears(1));
            }
            if (m.admittedOn() != null) {
                // registered with their history: no development-target training can be on record for them (rule 8)
                assertThat(m.admittedOn()).isBefore(DemoDistrict.TRAINING_RECORDS_START);
            }
        }
        // established in the demo's year, before its first meeting (10 January): an open fiscal year (rule 14)
        assertThat(DEMO.partyOrganizations()).allSatisfy(p -> assertThat(p.establishedOn())
                .isBetween(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 9)));
    }

    @Test
    void partyOrganizationsMeetTheFormationRules() {
        ExpectedFigures f = ExpectedFigures.of(DEMO, TODAY);
        for (DemoDistrict.PartyOrganization p : DEMO.partyOrganizations()) {
            if (p.formation().equals("JOINT")) {
                assertThat(p.organizations()).hasSizeBetween(2, 5);
                assertThat(p.organizations()).allSatisfy(i -> assertThat(DEMO.organizations().get(i).street()).isEqualTo(p.street()));
            } else {
                assertThat(p.organizations()).hasSize(1);
            }
        }
        assertThat(DEMO.instructors()).allSatisfy(in -> in.organizations().forEach(i ->
                assertThat(DEMO.organizations().get(i).situation()).isEqualTo(DemoDistrict.Situation.INSTRUCTOR)));
        assertThat(f.gaps().values().stream().mapToInt(Integer::intValue).sum()).isPositive();
    }

    @Test
    void itScalesForBenchmarksInTheSameProportions() {
        DemoDistrict big = DistrictGenerator.generate(7, 10_000, 100_000);
        ExpectedFigures f = ExpectedFigures.of(big, TODAY);
        assertThat(f.organizations()).isEqualTo(10_000);
        assertThat(f.partyMembers()).isEqualTo(100_000);
        assertThat(f.socialGroups()).isEqualTo(Math.round(65 * 10_000 / 270.0));
        assertThat(f.withFifteenFullTimeStaff()).isEqualTo(Math.round(54 * 10_000 / 270.0));
        assertThat(f.fullTimeStaff()).isEqualTo(Math.round(3_363 * 10_000 / 270.0));
        assertThat(f.gaps()).containsEntry("OVERSIZED_BRANCH", 0);
        assertThatThrownBy(() -> DistrictGenerator.generate(0, 270, 40)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too few");
    }

    @Test
    void rule11DuesAreRoundedToTheFen() {
        Member m = DEMO.members().get(0);
        Member employed = new Member(0, m.name(), m.gender(), m.idNumber(), m.phone(), m.education(), 0, "FORMAL",
                m.appliedOn(), m.activistOn(), m.targetOn(), m.admittedOn(), m.confirmedOn(), new BigDecimal("7600.00"),
                "EMPLOYED", null);
        assertThat(ExpectedFigures.monthlyDues(employed)).isEqualByComparingTo("114.00");
        assertThat(Map.of("a", 1)).isNotEmpty();
    }
}
