package org.partybuilding.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * A body's fields that its request does not take are refused, never ignored silently: a client that sends a field an
 * update cannot change (a member's stage in a {@code PATCH}) must not be told the change was made. A body record
 * collects them with a {@code @JsonAnySetter Map<String, Object>} component and its handler calls {@link #refuse};
 * {@code hints} say, for a field that changes elsewhere, where.
 */
public final class UnknownFields {

    private UnknownFields() {
    }

    /** 400 naming every field of {@code unknown}, with its hint or "is not a field this request takes". */
    public static void refuse(Map<String, Object> unknown, Map<String, String> hints) {
        if (unknown == null || unknown.isEmpty()) {
            return;
        }
        List<FieldError> errors = unknown.keySet().stream().sorted()
                .map(field -> new FieldError(field, hints.getOrDefault(field, "is not a field this request takes")))
                .toList();
        throw new InvalidInputException(errors);
    }
}
