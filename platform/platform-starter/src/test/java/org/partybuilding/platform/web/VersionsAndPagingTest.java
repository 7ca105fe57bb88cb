package org.partybuilding.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.problem.ConflictException;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.problem.PreconditionRequiredException;

class VersionsAndPagingTest {

    @Test
    void ifMatchCarriesTheVersionOfAnETag() {
        assertThat(Versions.etag(3)).isEqualTo("\"3\"");
        assertThat(Versions.requireIfMatch("\"3\"")).isEqualTo(3);
        assertThat(Versions.requireIfMatch("W/\"4\"")).isEqualTo(4);
        assertThatThrownBy(() -> Versions.requireIfMatch(null)).isInstanceOf(PreconditionRequiredException.class);
        assertThatThrownBy(() -> Versions.requireIfMatch("\"abc\"")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Versions.requireCurrent(2, 3, "Organization o-1")).isInstanceOf(ConflictException.class);
    }

    @Test
    void pagesDefaultTo20AndNeverExceed200() {
        assertThat(PageQuery.of(null, null)).isEqualTo(new PageQuery(0, 20));
        assertThat(PageQuery.of(2, 50).offset()).isEqualTo(100);
        assertThatThrownBy(() -> PageQuery.of(0, 201)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PageQuery.of(-1, 10)).isInstanceOf(InvalidInputException.class);
    }
}
