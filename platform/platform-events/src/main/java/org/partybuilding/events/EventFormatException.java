package org.partybuilding.events;

/**
 * A record that is not a well-formed event of our contract. Never retried: such a record goes
 * straight to the dead-letter topic.
 */
public class EventFormatException extends RuntimeException {

    public EventFormatException(String message) {
        super(message);
    }

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
