package org.partybuilding.platform.security;

import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Takes the bearer token out of the {@code Authorization} header as Spring Security's
 * {@link ServerBearerTokenAuthenticationConverter} does, without running its regular expression
 * ({@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, case-insensitive) over the token's kilobyte on every request: a
 * header that is {@code Bearer <token characters>} followed by padding is taken as it is; anything else (no header,
 * another scheme, a malformed token) goes to Spring's converter, which answers it as before (a test compares both).
 */
final class BearerTokens implements ServerAuthenticationConverter {

    private static final String PREFIX = "Bearer ";
    /** The characters Spring's expression allows in a token, asked of the expression itself. */
    private static final boolean[] TOKEN_CHARACTERS = tokenCharacters();

    private final ServerBearerTokenAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String token = wellFormed(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        return token != null ? Mono.just(new BearerTokenAuthenticationToken(token)) : spring.convert(exchange);
    }

    /** The token of a well-formed {@code Bearer} header, else {@code null} (then Spring's converter decides). */
    static String wellFormed(String authorization) {
        if (authorization == null || authorization.length() <= PREFIX.length()
                || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        int length = authorization.length();
        int i = PREFIX.length();
        while (i < length && authorization.charAt(i) < 128 && TOKEN_CHARACTERS[authorization.charAt(i)]) {
            i++;
        }
        if (i == PREFIX.length()) {
            return null;
        }
        while (i < length && authorization.charAt(i) == '=') {
            i++;
        }
        return i == length ? authorization.substring(PREFIX.length()) : null;
    }

    private static boolean[] tokenCharacters() {
        Pattern spring = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$", Pattern.CASE_INSENSITIVE);
        boolean[] allowed = new boolean[128];
        for (char c = 0; c < 128; c++) {
            allowed[c] = c != '=' && spring.matcher(PREFIX + c).matches();
        }
        return allowed;
    }
}
