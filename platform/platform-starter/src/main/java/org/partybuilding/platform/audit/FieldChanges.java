package org.partybuilding.platform.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The changes between two views of a resource, each a map of field to display string (an aggregate builds its view
 * once, with personal data masked): the fields whose value differs, in the order of the views.
 */
public final class FieldChanges {

    private FieldChanges() {
    }

    public static List<FieldChange> between(Map<String, String> before, Map<String, String> after) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            String was = before.get(field);
            String now = after.get(field);
            if (!Objects.equals(was, now)) {
                changes.add(new FieldChange(field, was, now));
            }
        }
        return changes;
    }

    /** The fields a new resource starts with (those set). */
    public static List<FieldChange> initial(Map<String, String> view) {
        return between(Map.of(), view);
    }
}
