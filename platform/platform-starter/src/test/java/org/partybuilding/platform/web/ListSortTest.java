package org.partybuilding.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.problem.InvalidInputException;
import org.springframework.data.domain.Sort;

class ListSortTest {

    private final ListSort sort = ListSort.of(Map.of("name", "name", "since", "dates.since"), Sort.Order.asc("name"));

    @Test
    void theFieldsAskedForOnTheirPathsThenTheIdOrTheDefault() {
        assertThat(sort.parse(List.of("since,desc", "name"))).isEqualTo(
                Sort.by(Sort.Order.desc("dates.since"), Sort.Order.asc("name"), Sort.Order.asc("_id")));
        assertThat(sort.parse(List.of("since", "DESC"))).isEqualTo(Sort.by(Sort.Order.desc("dates.since"), Sort.Order.asc("_id")));
        assertThat(sort.parse(null)).isEqualTo(Sort.by(Sort.Order.asc("name"), Sort.Order.asc("_id")));
    }

    @Test
    void anUnknownFieldOrAStrayDirectionIsA400OnSort() {
        for (List<String> bad : List.of(List.of("dates.since"), List.of("name,up"), List.of(""), List.of("asc"))) {
            assertThatThrownBy(() -> sort.parse(bad)).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).field()).isEqualTo("sort"));
        }
    }
}
