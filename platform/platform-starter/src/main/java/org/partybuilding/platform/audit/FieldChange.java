package org.partybuilding.platform.audit;

/** A field changed by a write: its value before and after, as display strings ({@code null} = not set). */
public record FieldChange(String field, String before, String after) {
}
