package org.partybuilding.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Collects the reasons why event data breaks its contract ({@link EventContract}), in the field's words. */
public final class Violations {

    /** Yuan as a decimal string with exactly two decimals, e.g. {@code 1000.00} or {@code -12.50}. */
    private static final Pattern MONEY = Pattern.compile("-?\\d{1,13}\\.\\d{2}");

    private final List<String> reasons = new ArrayList<>();

    private Violations() {
    }

    /** Starts with what every aggregate snapshot needs: a non-blank id and a version of at least 1. */
    public static Violations of(AggregateSnapshot snapshot) {
        return new Violations().text("id", snapshot.id()).version(snapshot.version());
    }

    public static Violations none() {
        return new Violations();
    }

    public Violations version(long version) {
        return check(version >= 1, "version must be 1 or more (was " + version + ")");
    }

    /** A required, non-blank text. */
    public Violations text(String field, String value) {
        return check(value != null && !value.isBlank(), field + " is required");
    }

    /** An optional text: absent or non-blank. */
    public Violations optionalText(String field, String value) {
        return check(value == null || !value.isBlank(), field + " must not be blank when present");
    }

    public Violations present(String field, Object value) {
        return check(value != null, field + " is required");
    }

    /** A required enum-valued field carried as its name. */
    public Violations oneOf(String field, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return check(false, field + " is required");
        }
        return check(allowed.contains(value), field + " '" + value + "' is not one of " + sorted(allowed));
    }

    /** An optional enum-valued field: absent or one of {@code allowed}. */
    public Violations optionalOneOf(String field, String value, Set<String> allowed) {
        return value == null ? this : oneOf(field, value, allowed);
    }

    /** Yuan as a decimal string with two decimals; {@code positive} when zero and less are refused. */
    public Violations money(String field, String value, boolean positive) {
        if (value == null || value.isBlank()) {
            return check(false, field + " is required");
        }
        if (!MONEY.matcher(value).matches()) {
            return check(false, field + " '" + value + "' is not yuan with two decimals");
        }
        return positive ? check(new java.math.BigDecimal(value).signum() > 0, field + " must be more than 0.00") : this;
    }

    public Violations notNegative(String field, Number value) {
        if (value == null) {
            return check(false, field + " is required");
        }
        return check(new java.math.BigDecimal(value.toString()).signum() >= 0, field + " must not be negative");
    }

    /** Every element of a list present and non-blank (the list itself may be empty). */
    public Violations texts(String field, Collection<String> values) {
        return check(values.stream().allMatch(v -> v != null && !v.isBlank()), field + " must not hold blank ids");
    }

    public Violations check(boolean holds, String reason) {
        if (!holds) {
            reasons.add(reason);
        }
        return this;
    }

    public List<String> list() {
        return List.copyOf(reasons);
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
