package org.partybuilding.platform.audit;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.partybuilding.platform.privacy.Masks;

/**
 * A stored aggregate as its audit trail shows it: each field as a display string, nested records as
 * {@code outer.inner}, lists as {@code [a, b]}, personal data masked as for an auditor ({@code idNumber} and
 * {@code phone} wherever they occur). Bookkeeping fields (id, version, timestamps, outbox, history) are left out:
 * they change with every write and say nothing about it. One view for every service's aggregates, so that
 * {@link FieldChanges#between} names the fields a write changed.
 */
public final class AuditViews {

    /** Fields that are never shown: the write's bookkeeping. */
    public static final Set<String> BOOKKEEPING = Set.of("id", "version", "createdAt", "updatedAt", "outbox",
            AuditRecord.HISTORY_FIELD);

    private AuditViews() {
    }

    /** The view of {@code aggregate} (a record), without the bookkeeping fields and those in {@code hidden}. */
    public static Map<String, String> of(Object aggregate, Set<String> hidden) {
        Map<String, String> view = new LinkedHashMap<>();
        if (aggregate == null) {
            return view;
        }
        if (!aggregate.getClass().isRecord()) {
            view.put("value", aggregate.toString());
            return view;
        }
        for (RecordComponent component : aggregate.getClass().getRecordComponents()) {
            String name = component.getName();
            if (BOOKKEEPING.contains(name) || hidden.contains(name)) {
                continue;
            }
            put(view, name, name, value(aggregate, component));
        }
        return view;
    }

    public static Map<String, String> of(Object aggregate) {
        return of(aggregate, Set.of());
    }

    private static void put(Map<String, String> view, String path, String name, Object value) {
        if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                put(view, path + "." + component.getName(), component.getName(), value(value, component));
            }
            return;
        }
        view.put(path, masked(name, text(value)));
    }

    /** A value as one display string (records inside lists as {@code {field=value, ...}}). */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
                || value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof Collection<?> items) {
            StringJoiner joined = new StringJoiner(", ", "[", "]");
            items.forEach(item -> joined.add(String.valueOf(text(item))));
            return joined.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner joined = new StringJoiner(", ", "{", "}");
            map.forEach((k, v) -> joined.add(k + "=" + text(v)));
            return joined.toString();
        }
        if (value.getClass().isRecord()) {
            StringJoiner joined = new StringJoiner(", ", "{", "}");
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                Object inner = value(value, component);
                if (inner != null) {
                    joined.add(component.getName() + "=" + masked(component.getName(), text(inner)));
                }
            }
            return joined.toString();
        }
        return value.toString();
    }

    private static String masked(String name, String text) {
        if (text == null) {
            return null;
        }
        return switch (name) {
            case "idNumber" -> Masks.idNumber(text);
            case "phone" -> Masks.phone(text);
            default -> text;
        };
    }

    private static Object value(Object record, RecordComponent component) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass().getName(), e);
        }
    }
}
