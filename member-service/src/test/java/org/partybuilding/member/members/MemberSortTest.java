package org.partybuilding.member.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.problem.InvalidInputException;
import org.springframework.data.domain.Sort;

class MemberSortTest {

    @Test
    void fieldsWithTheirDirectionsAsWrittenOrSplitAtTheCommasTiesById() {
        Sort expected = Sort.by(Sort.Order.desc("name"), Sort.Order.asc("stageDates.admittedOn"), Sort.Order.asc("_id"));
        assertThat(MemberSort.parse(List.of("name,desc", "admittedOn"))).isEqualTo(expected);
        assertThat(MemberSort.parse(List.of("name", "desc", "admittedOn", "ASC"))).isEqualTo(expected);
        assertThat(MemberSort.parse(null)).isEqualTo(Sort.by(Sort.Order.asc("name"), Sort.Order.asc("_id")));
    }

    @Test
    void anythingElseIsRefusedNamingSort() {
        for (List<String> bad : List.of(List.of("birthDate"), List.of("idNumberHash,asc"), List.of("name,sideways"), List.of(""),
                List.of("desc"))) {
            assertThatThrownBy(() -> MemberSort.parse(bad)).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).field()).isEqualTo("sort"));
        }
    }
}
