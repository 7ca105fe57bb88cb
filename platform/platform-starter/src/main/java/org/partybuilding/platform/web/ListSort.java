package org.partybuilding.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.partybuilding.platform.problem.InvalidInputException;
import org.springframework.data.domain.Sort;

/**
 * {@code sort=field,asc|desc} on a list (API.md), repeatable: the fields the list may be sorted by and the document
 * path each sorts on, nothing else (a field that is not sortable is a 400 on {@code sort}, never ignored). Ties are
 * broken by {@code _id}, so pages never overlap.
 */
public final class ListSort {

    private final Map<String, String> sortable;
    private final Sort.Order byDefault;

    private ListSort(Map<String, String> sortable, Sort.Order byDefault) {
        this.sortable = new LinkedHashMap<>(sortable);
        this.byDefault = byDefault;
    }

    /** {@code sortable}: the field a caller names → the document path it sorts on; {@code byDefault} when nothing is asked. */
    public static ListSort of(Map<String, String> sortable, Sort.Order byDefault) {
        return new ListSort(sortable, byDefault);
    }

    /** Fields sorted on under their own names. */
    public static ListSort of(List<String> fields, Sort.Order byDefault) {
        Map<String, String> same = new LinkedHashMap<>();
        fields.forEach(field -> same.put(field, field));
        return new ListSort(same, byDefault);
    }

    /**
     * The order asked for, then {@code _id}. The values may come as written ({@code name,desc}) or split at their
     * commas (as a single {@code sort} parameter is bound): a direction applies to the field before it.
     */
    public Sort parse(List<String> values) {
        List<Sort.Order> orders = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String token : (value == null ? "" : value).split(",", -1)) {
                    String word = token.trim();
                    String direction = word.toLowerCase(Locale.ROOT);
                    if ((direction.equals("asc") || direction.equals("desc")) && !orders.isEmpty()) {
                        Sort.Order last = orders.remove(orders.size() - 1);
                        orders.add(direction.equals("asc") ? last.with(Sort.Direction.ASC) : last.with(Sort.Direction.DESC));
                    } else {
                        orders.add(Sort.Order.asc(path(word)));
                    }
                }
            }
        }
        if (orders.isEmpty()) {
            orders.add(byDefault);
        }
        orders.add(Sort.Order.asc("_id"));
        return Sort.by(orders);
    }

    private String path(String field) {
        if (field.isEmpty()) {
            throw new InvalidInputException("sort", "must be field,asc or field,desc; sortable: " + String.join(", ", sortable.keySet()));
        }
        String path = sortable.get(field);
        if (path == null) {
            throw new InvalidInputException("sort", "'" + field + "' is not sortable (field,asc or field,desc); sortable: "
                    + String.join(", ", sortable.keySet()));
        }
        return path;
    }
}
