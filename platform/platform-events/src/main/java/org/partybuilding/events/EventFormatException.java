package org.partybuilding.events;

import java.util.List;

/**
 * A record that is not a well-formed event of our contract: unreadable, of an unknown type, or data that breaks its
 * {@link EventContract} ({@link #reasons()} says how). Never retried: such a record goes straight to the dead-letter
 * topic, with the message in a header.
 */
public class EventFormatException extends RuntimeException {

    private final List<String> reasons;

    public EventFormatException(String message) {
        super(message);
        this.reasons = List.of(message);
    }

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
        this.reasons = List.of(message);
    }

    public EventFormatException(String message, List<String> reasons) {
        super(message);
        this.reasons = List.copyOf(reasons);
    }

    /** What is wrong, one reason per entry. */
    public List<String> reasons() {
        return reasons;
    }
}
