package org.partybuilding.member.members;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partybuilding.platform.web.ListSort;
import org.springframework.data.domain.Sort;

/**
 * {@code sort=field,asc|desc} on the member list (API.md), repeatable; the fields a list may be sorted by, nothing
 * else (a field that is not sortable is a 400, never ignored). Not the birth date or personal data: an order by them
 * would tell a masked caller what the masks hide. Ties are broken by id, so pages never overlap.
 */
public final class MemberSort {

    private static final ListSort SORT;

    static {
        Map<String, String> sortable = new LinkedHashMap<>();
        for (String field : List.of("name", "gender", "stage", "street", "status", "organizationId", "partyOrganizationId",
                "education", "incomeCategory", "transferRequired", "partyOrganizationSince", "onPlatformSince", "createdAt",
                "updatedAt", "leftOn")) {
            sortable.put(field, field);
        }
        for (String date : List.of("appliedOn", "activistOn", "targetOn", "admittedOn", "confirmedOn")) {
            sortable.put(date, "stageDates." + date);
        }
        SORT = ListSort.of(sortable, Sort.Order.asc("name"));
    }

    private MemberSort() {
    }

    /** The order asked for ({@link ListSort}): {@code name} ascending when nothing is asked. */
    public static Sort parse(List<String> sort) {
        return SORT.parse(sort);
    }
}
