package org.partybuilding.training.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.springframework.security.access.AccessDeniedException;

/** Which training courses a caller sees: the district's own (no street) and its street's, never another street's. */
class CourseScopeTest {

    private static DataScope scope(Role role, String street, String partyOrganization) {
        return new DataScope("sub", "user", Set.of(role), street, partyOrganization);
    }

    @Test
    void aStreetAdminSeesTheDistrictsCoursesAndItsStreets() {
        TrainingAccess.CourseScope jianshe = TrainingAccess.courseScope(scope(Role.STREET_ADMIN, "JIANSHE", null), null, null);
        assertThat(jianshe.includes(null)).isTrue();
        assertThat(jianshe.includes("JIANSHE")).isTrue();
        assertThat(jianshe.includes("HONGQIAO")).isFalse();
        TrainingAccess.CourseScope own = TrainingAccess.courseScope(scope(Role.STREET_ADMIN, "JIANSHE", null), "JIANSHE", null);
        assertThat(own.includes("JIANSHE")).isTrue();
        assertThat(own.includes(null)).isFalse();
        assertThatThrownBy(() -> TrainingAccess.courseScope(scope(Role.STREET_ADMIN, "JIANSHE", null), "HONGQIAO", null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aSecretaryByItsPartyOrganizationsStreetAndOnlyTheDistrictsWhenThatIsUnknown() {
        TrainingAccess.CourseScope secretary = TrainingAccess.courseScope(scope(Role.BRANCH_SECRETARY, null, "po-1"), null, "JIANSHE");
        assertThat(secretary.includes(null)).isTrue();
        assertThat(secretary.includes("JIANSHE")).isTrue();
        assertThat(secretary.includes("HONGQIAO")).isFalse();
        TrainingAccess.CourseScope unknown = TrainingAccess.courseScope(scope(Role.BRANCH_SECRETARY, null, "po-x"), null, null);
        assertThat(unknown.includes(null)).isTrue();
        assertThat(unknown.includes("JIANSHE")).isFalse();
        assertThatThrownBy(() -> TrainingAccess.courseScope(scope(Role.BRANCH_SECRETARY, null, "po-1"), "HONGQIAO", "JIANSHE"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void districtWideReadersSeeEveryCourseOrTheStreetTheyAskFor() {
        TrainingAccess.CourseScope auditor = TrainingAccess.courseScope(scope(Role.AUDITOR, null, null), null, null);
        assertThat(auditor.includes(null)).isTrue();
        assertThat(auditor.includes("HONGQIAO")).isTrue();
        TrainingAccess.CourseScope hongqiao = TrainingAccess.courseScope(scope(Role.DISTRICT_ADMIN, null, null), "HONGQIAO", null);
        assertThat(hongqiao.includes("HONGQIAO")).isTrue();
        assertThat(hongqiao.includes(null)).isFalse();
    }
}
