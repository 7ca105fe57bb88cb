package org.partybuilding.platform.web;

import java.util.List;
import java.util.function.Function;

/** The list envelope of API.md: {@code {"items": [...], "page": 0, "size": 20, "total": 1234}}. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public static <T> PageResponse<T> of(List<T> items, PageQuery query, long total) {
        return new PageResponse<>(List.copyOf(items), query.page(), query.size(), total);
    }

    public <R> PageResponse<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResponse<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
