package org.partybuilding.platform.problem;

import org.springframework.web.server.ServerWebExchange;

/**
 * Why a request is refused, left on the exchange by whoever refused it (the security chain's entry point and
 * access-denied handler, the problem advice) for the security event the platform logs and counts
 * ({@code org.partybuilding.platform.security.SecurityEvents}). The kind is a small fixed set (a metric tag); the
 * detail goes to the log only and never holds a token.
 */
public final class Refusals {

    /** No bearer token. */
    public static final String UNAUTHENTICATED = "unauthenticated";
    /** A bearer token the service does not accept (signature, expiry, issuer, audience, format). */
    public static final String INVALID_TOKEN = "invalid_token";
    /** The caller's roles do not allow the request. */
    public static final String ROLE = "role";
    /** Outside the caller's data scope (street, party organization). */
    public static final String SCOPE = "scope";
    /** A 404 that hides a record outside the caller's data scope. */
    public static final String HIDDEN = "hidden_out_of_scope";
    /** A 409 that tells a unique value is taken (an ID number registered, perhaps in another street). */
    public static final String EXISTENCE = "existence_revealed";

    public static final String KIND_ATTRIBUTE = Refusals.class.getName() + ".kind";
    public static final String DETAIL_ATTRIBUTE = Refusals.class.getName() + ".detail";

    private static final int MAX_DETAIL = 300;

    private Refusals() {
    }

    public static void refused(ServerWebExchange exchange, String kind, String detail) {
        exchange.getAttributes().put(KIND_ATTRIBUTE, kind);
        if (detail != null) {
            String text = detail.replaceAll("[\\r\\n]+", " ");
            exchange.getAttributes().put(DETAIL_ATTRIBUTE, text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text);
        }
    }
}
