package org.partybuilding.registry.organization;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.partybuilding.platform.web.ListSort;
import org.springframework.data.domain.Sort;

/**
 * {@code sort=field,asc|desc} on the organization list (API.md), the fields it may be sorted by ({@link ListSort}: any
 * other is a 400); by name when nothing is asked. The list is served from memory ({@link OrganizationDirectory}), so
 * each field is also a comparator; ties by id, so pages never overlap.
 */
final class OrganizationSort {

    private static final Map<String, Function<Organization, Comparable<?>>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("name", Organization::name);
        FIELDS.put("creditCode", Organization::creditCode);
        FIELDS.put("type", Organization::type);
        FIELDS.put("registrationLevel", Organization::registrationLevel);
        FIELDS.put("registeredOn", Organization::registeredOn);
        FIELDS.put("supervisoryUnit", Organization::supervisoryUnit);
        FIELDS.put("industry", Organization::industry);
        FIELDS.put("street", Organization::street);
        FIELDS.put("employees", Organization::employees);
        FIELDS.put("fullTimeStaff", Organization::fullTimeStaff);
        FIELDS.put("operatingStatus", Organization::operatingStatus);
        FIELDS.put("status", Organization::status);
        FIELDS.put("deregisteredOn", Organization::deregisteredOn);
        FIELDS.put("createdAt", Organization::createdAt);
        FIELDS.put("updatedAt", Organization::updatedAt);
    }

    private static final ListSort SORT = ListSort.of(List.copyOf(FIELDS.keySet()), Sort.Order.asc("name"));

    /** The directory's own order: name, then id. */
    static final Sort BY_NAME = SORT.parse(null);

    private OrganizationSort() {
    }

    static Sort parse(List<String> sort) {
        return SORT.parse(sort);
    }

    /** The order as a comparator of organizations; empty values last either way. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Comparator<Organization> comparator(Sort sort) {
        Comparator<Organization> order = null;
        for (Sort.Order o : sort) {
            Function<Organization, Comparable<?>> field = o.getProperty().equals("_id") ? Organization::id : FIELDS.get(o.getProperty());
            Comparator<Comparable> values = o.isAscending() ? Comparator.naturalOrder() : Comparator.reverseOrder();
            Comparator<Organization> next = Comparator.comparing(x -> (Comparable) field.apply(x), Comparator.nullsLast(values));
            order = order == null ? next : order.thenComparing(next);
        }
        return order;
    }
}
