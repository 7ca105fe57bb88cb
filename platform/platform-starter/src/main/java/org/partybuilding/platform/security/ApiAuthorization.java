package org.partybuilding.platform.security;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * A service's coarse role rules per path, applied before "any other request needs a token".
 * Data scope (street, party organization) is checked in the handlers, which know the record.
 */
@FunctionalInterface
public interface ApiAuthorization {

    void configure(AuthorizeExchangeSpec exchanges);
}
