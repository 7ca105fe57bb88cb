package org.partybuilding.local;

/** A component of the local platform could not start (or stop); the message names it and quotes its log. */
public class LocalPlatformException extends RuntimeException {

    private final String component;

    public LocalPlatformException(String component, String message) {
        super(component + ": " + message);
        this.component = component;
    }

    public LocalPlatformException(String component, String message, Throwable cause) {
        super(component + ": " + message, cause);
        this.component = component;
    }

    /** The failing component: {@code kafka}, {@code keycloak}, {@code mongo}, a service module name, ... */
    public String component() {
        return component;
    }
}
