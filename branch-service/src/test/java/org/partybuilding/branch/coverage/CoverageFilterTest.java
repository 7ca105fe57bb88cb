package org.partybuilding.branch.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.branch.organization.OrganizationType;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;

class CoverageFilterTest {

    private final District district = new District("440104", "越秀区", Map.of("JIANSHE", "建设", "HUALE", "华乐"), List.of("EDUCATION"));

    @Test
    void knownValuesAreKeptAndBlankOnesAreNoFilter() {
        assertThat(CoverageFilter.of("JIANSHE", "FOUNDATION", "越秀区民政局", district))
                .isEqualTo(new CoverageFilter("JIANSHE", OrganizationType.FOUNDATION, "越秀区民政局"));
        assertThat(CoverageFilter.of(" ", "", null, district)).isEqualTo(new CoverageFilter(null, null, null));
    }

    @Test
    void unknownStreetAndTypeAreNamedTogether() {
        assertThatThrownBy(() -> CoverageFilter.of("ATLANTIS", "CLUB", null, district))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("street", "type"));
        assertThatThrownBy(() -> CoverageFilter.of("jianshe", null, null, district)).isInstanceOf(InvalidInputException.class);
    }
}
