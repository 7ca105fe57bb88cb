package org.partybuilding.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
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
        List<Organization> organizations = DEMO.organizations();
        assertThat(organizations).hasSize(270);
        assertThat(organizations.stream().filter(o -> o.type().equals("SOCIAL_GROUP")).count()).isEqualTo(65);
        assertThat(organizations.stream().map(Organization::street).distinct().count()).isEqualTo(18);
        assertThat(organizations.stream().mapToInt(Organization::employees).sum()).isEqualTo(7_022);
        assertThat(organizations.stream().mapToInt(Organization::fullTimeStaff).sum()).isEqualTo(3_363);
        assertThat(organizations.stream().filter(o -> o.fullTimeStaff() >= 15).count()).isEqualTo(54);
        assertThat(DEMO.members().stream().filter(Member::partyMember).count()).isEqualTo(432);
        assertThat(DEMO.members().stream().filter(m -> m.stage().equals("FORMAL")).count()).isEqualTo(406);
        assertThat(DEMO.members().stream().filter(m -> m.stage().equals("PROBATIONARY")).count()).isEqualTo(26);
        assertThat(DEMO.members().stream().filter(m -> m.mobile() != null).count()).isEqualTo(8);
        assertThat(DEMO.members().stream().filter(m -> !m.partyMember()).count()).isEqualTo(22);
        int[] formal = new int[organizations.size()];
        DEMO.members().stream().filter(m -> m.countedHere() && m.stage().equals("FORMAL")).forEach(m -> formal[m.organization()]++);
        assertThat(java.util.Arrays.stream(formal).filter(n -> n >= 3).count()).isEqualTo(33);
        assertThat(DEMO.partyOrganizations()).hasSize(25);
        assertThat(DEMO.partyOrganizations().stream().filter(p -> p.formation().equals("JOINT")).count()).isEqualTo(5);
    }

    /** The pinned figures agree with what the generator built (the rest is compared with the services: DemoDistrictIT). */
    @Test
    void theDemosFixedFiguresAgreeWithWhatTheGeneratorBuilt() {
        ExpectedFigures fixed = ExpectedFigures.demo(TODAY);
        assertThat(ExpectedFigures.of(DEMO, TODAY)).isEqualTo(fixed);
        assertThat(fixed.coverage()).containsAllEntriesOf(ExpectedFigures.planned(DEMO).coverage());
        assertThat(fixed.notChecked()).isEmpty();
        // every payer is a formal or probationary member of a party organization: the allocation's basis, 100 yuan each
        assertThat(DemoDistrictLoader.duesPayers(DEMO)).hasSize(342);
        assertThat(fixed.allocation()).isEqualByComparingTo("34200.00");
        assertThat(DemoDistrictLoader.duesPayers(DEMO).size() * DemoDistrictLoader.DUES_MONTHS.size()).isEqualTo(1_026);
        assertThat(fixed.startupGrants()).isEqualByComparingTo(new BigDecimal(1_000 * DEMO.partyOrganizations().size()));
        assertThat(fixed.headline()).contains("organization 51.47 %, work 68.52 %").contains("SHOULD_FORM_SINGLE 13")
                .contains("113185.20");
    }

    @Test
    void theFiguresThatDependOnTheDayOfTheLoadAreFixedForTheirDaysOrNotChecked() {
        // terms are three years from establishment on 2-9 January 2026, warned 90 days ahead
        assertThat(ExpectedFigures.demo(LocalDate.of(2028, 10, 3)).coverage()).containsEntry("gaps.TERM_EXPIRED", 0);
        ExpectedFigures comingDue = ExpectedFigures.demo(LocalDate.of(2028, 10, 5));
        assertThat(comingDue.coverage()).doesNotContainKey("gaps.TERM_EXPIRED");
        assertThat(comingDue.notChecked()).anySatisfy(reason -> assertThat(reason).startsWith("TERM_EXPIRED"));
        assertThat(ExpectedFigures.demo(LocalDate.of(2028, 12, 31)).coverage()).containsEntry("gaps.TERM_EXPIRED", 25);
        // the funding figures are the demo year's (rule 14: its party organizations are new ones of an open year)
        assertThat(ExpectedFigures.demo(LocalDate.of(2026, 12, 31)).startupGrants()).isEqualByComparingTo("25000");
        ExpectedFigures nextYear = ExpectedFigures.demo(LocalDate.of(2027, 2, 1));
        assertThat(nextYear.startupGrants()).isNull();
        assertThat(nextYear.allocation()).isNull();
        assertThat(nextYear.duesReturned()).isNull();
        assertThat(nextYear.notChecked()).anySatisfy(reason -> assertThat(reason).startsWith("funding"));
        assertThat(nextYear.coverage()).containsEntry("gaps.SHOULD_FORM_SINGLE", 13).containsEntry("workCoverageRate",
                new BigDecimal("0.6852"));
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
    }

    @Test
    void itScalesForBenchmarksInTheSameProportionsAndOnlyThePlannedCoverageIsExpected() {
        DemoDistrict big = DistrictGenerator.generate(7, 10_000, 100_000);
        assertThat(big.organizations()).hasSize(10_000);
        assertThat(big.members().stream().filter(Member::partyMember).count()).isEqualTo(100_000);
        assertThat(big.organizations().stream().filter(o -> o.type().equals("SOCIAL_GROUP")).count())
                .isEqualTo(Math.round(65 * 10_000 / 270.0));
        assertThat(big.organizations().stream().filter(o -> o.fullTimeStaff() >= 15).count())
                .isEqualTo(Math.round(54 * 10_000 / 270.0));
        assertThat(big.organizations().stream().mapToInt(Organization::fullTimeStaff).sum())
                .isEqualTo(Math.round(3_363 * 10_000 / 270.0));
        ExpectedFigures f = ExpectedFigures.of(big, TODAY);
        assertThat(f).isEqualTo(ExpectedFigures.planned(big));
        assertThat(f.coverage()).containsEntry("activeOrganizations", 10_000).containsEntry("coveredBySingle", 741)
                .containsEntry("coveredByJoint", 555).containsEntry("instructorOnly", 5_556).containsEntry("withMembers", 2_518)
                .containsEntry("gaps.SHOULD_FORM_SINGLE", 481).containsEntry("gaps.NEEDS_JOINT", 741)
                .containsEntry("gaps.NEEDS_INSTRUCTOR", 1_926).doesNotContainKey("organizationCoverageRate")
                .doesNotContainKey("gaps.SECRETARY_MISSING");
        assertThat(f.allocation()).isNull();
        assertThat(f.notChecked()).hasSize(1);
        assertThatThrownBy(() -> DistrictGenerator.generate(0, 270, 40)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too few");
    }
}
