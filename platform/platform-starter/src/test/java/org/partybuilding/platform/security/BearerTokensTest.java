package org.partybuilding.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

/** The bearer token is found, or refused, exactly as Spring Security's own converter finds or refuses it. */
class BearerTokensTest {

    private final ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();
    private final ServerAuthenticationConverter ours = new BearerTokens();

    @Test
    void everyHeaderIsAnsweredAsSpringSecurityAnswersIt() {
        List<String> headers = new ArrayList<>(List.of("", "Bearer", "Bearer ", "bearer abc", "BEARER abc==", "Bearer abc=",
                "Bearer abc==def", "Bearer a.b.c-_~+/", "Bearer  abc", "Bearer abc ", "Bearer abc\n", "Bearer abc\r\n",
                "Basic dXNlcjpwYXNz", "Bearerabc", "Bearer =", "Bearer a=b", "Bearer 越秀", "Bearer a\u2028",
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"));
        SplittableRandom random = new SplittableRandom(23);
        String alphabet = "aZ09-._~+/= \t\n\r!\"#$%&'()*,:;<>?@[\\]^`{|}Bb\u00e9\u0130\u212a\u2028";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : random.nextBoolean() ? "bEaReR " : "");
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        for (String header : headers) {
            assertThat(outcome(ours, header)).as("[%s]", header).isEqualTo(outcome(spring, header));
        }
        assertThat(outcome(ours, "bearer abc==")).isEqualTo("token abc==");
        assertThat(outcome(ours, "Bearer abc==def")).startsWith("refused");
        assertThat(outcome(ours, null)).isEqualTo("none");
    }

    private static String outcome(ServerAuthenticationConverter converter, String header) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/sample");
        if (header != null) {
            request.header(HttpHeaders.AUTHORIZATION, header);
        }
        try {
            Authentication authentication = converter.convert(MockServerWebExchange.from(request)).block();
            return authentication == null ? "none" : "token " + ((BearerTokenAuthenticationToken) authentication).getToken();
        } catch (RuntimeException e) {
            return "refused " + e.getMessage();
        }
    }
}
