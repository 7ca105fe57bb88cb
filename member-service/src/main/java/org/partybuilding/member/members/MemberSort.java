package org.partybuilding.member.members;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.partybuilding.platform.problem.InvalidInputException;
import org.springframework.data.domain.Sort;

/**
 * {@code sort=field,asc|desc} on the member list (API.md), repeatable; the fields a list may be sorted by, nothing
 * else (a field that is not sortable is a 400, never ignored). Not the birth date or personal data: an order by them
 * would tell a masked caller what the masks hide. Ties are broken by id, so pages never overlap.
 */
public final class MemberSort {

    private static final Map<String, String> SORTABLE = new LinkedHashMap<>();

    static {
        for (String field : List.of("name", "gender", "stage", "street", "status", "organizationId", "partyOrganizationId",
                "education", "incomeCategory", "transferRequired", "partyOrganizationSince", "onPlatformSince", "createdAt",
                "updatedAt", "leftOn")) {
            SORTABLE.put(field, field);
        }
        for (String date : List.of("appliedOn", "activistOn", "targetOn", "admittedOn", "confirmedOn")) {
            SORTABLE.put(date, "stageDates." + date);
        }
    }

    private MemberSort() {
    }

    /**
     * The order asked for: {@code name} ascending when nothing is asked. The values may come as written
     * ({@code name,desc}) or split at their commas (as a single {@code sort} parameter is bound): a direction applies
     * to the field before it.
     */
    public static Sort parse(List<String> sort) {
        List<Sort.Order> orders = new ArrayList<>();
        if (sort != null) {
            for (String value : sort) {
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
            orders.add(Sort.Order.asc("name"));
        }
        orders.add(Sort.Order.asc("_id"));
        return Sort.by(orders);
    }

    private static String path(String field) {
        if (field.isEmpty()) {
            throw new InvalidInputException("sort", "must be field,asc or field,desc; sortable: " + String.join(", ", SORTABLE.keySet()));
        }
        String path = SORTABLE.get(field);
        if (path == null) {
            throw new InvalidInputException("sort", "'" + field + "' is not sortable (field,asc or field,desc); sortable: "
                    + String.join(", ", SORTABLE.keySet()));
        }
        return path;
    }
}
