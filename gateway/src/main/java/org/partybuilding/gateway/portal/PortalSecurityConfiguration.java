package org.partybuilding.gateway.portal;

import java.util.List;
import java.util.Map;

import org.partybuilding.platform.problem.ProblemResponses;
import org.partybuilding.platform.security.PlatformSecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

import reactor.core.publisher.Mono;

/**
 * The gateway as the portal's backend-for-frontend. A request that carries no {@code Authorization} header is
 * a browser's: it is logged in with Keycloak's authorization-code flow and PKCE ({@code /oauth2/authorization/keycloak}),
 * the tokens stay in its server-side session (the browser holds only the HttpOnly, SameSite=Lax {@code SESSION}
 * cookie), writes need the CSRF token (cookie {@code XSRF-TOKEN}, echoed in {@code X-XSRF-TOKEN}), and the
 * {@code TokenRelay} filter hands the session's access token to the services. {@code POST /logout} ends the session
 * and Keycloak's (RP-initiated logout).
 *
 * <p>A request with {@code Authorization: Bearer ...} is an API client's and goes to platform-starter's stateless
 * resource-server chain, exactly as before: no session, no cookie, no CSRF.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalSettings.class)
public class PortalSecurityConfiguration {

    static final String REGISTRATION_ID = "keycloak";
    static final String LOGIN_PATH = "/oauth2/authorization/" + REGISTRATION_ID;
    static final String SESSION_COOKIE = "SESSION";

    @Bean
    ReactiveClientRegistrationRepository portalClientRegistrations(PlatformSecurityProperties security, PortalSettings portal) {
        String issuer = security.issuerUri();
        String oidc = issuer + "/protocol/openid-connect";
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(portal.clientId())
                .clientSecret(portal.clientSecret())
                .clientAuthenticationMethod(portal.clientSecret().isBlank()
                        ? ClientAuthenticationMethod.NONE : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(oidc + "/auth")
                .tokenUri(oidc + "/token")
                .jwkSetUri(security.jwkSetUri())
                .userInfoUri(oidc + "/userinfo")
                .userNameAttributeName("preferred_username")
                .issuerUri(issuer)
                // known without asking Keycloak at start-up (the gateway may start first): RP-initiated logout
                .providerConfigurationMetadata(Map.of("end_session_endpoint", oidc + "/logout"))
                .clientName("Keycloak")
                .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }

    /** The browser's only credential: HttpOnly, SameSite=Lax (Keycloak's redirect back is a top-level GET), Secure behind HTTPS. */
    @Bean
    WebSessionIdResolver webSessionIdResolver(PortalSettings portal) {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName(SESSION_COOKIE);
        resolver.addCookieInitializer(cookie -> cookie.httpOnly(true).sameSite("Lax").secure(portal.secureCookie()).path("/"));
        return resolver;
    }

    /** The tokens live in the browser's web session, nowhere else. */
    @Bean
    ServerOAuth2AuthorizedClientRepository portalAuthorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Used by TokenRelay: hands out the session's access token, refreshing it with the refresh token when it expired. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager portalAuthorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    /** A request without an {@code Authorization} header: a browser (or nobody), handled here. */
    static ServerWebExchangeMatcher browserRequests() {
        return exchange -> exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                ? ServerWebExchangeMatcher.MatchResult.notMatch()
                : ServerWebExchangeMatcher.MatchResult.match();
    }

    /** CSRF matters only when a session could authenticate the request: an unsafe method with the session cookie. */
    static ServerWebExchangeMatcher needsCsrfToken() {
        ServerWebExchangeMatcher safeMethods = exchange -> {
            HttpMethod method = exchange.getRequest().getMethod();
            return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS || method == HttpMethod.TRACE
                    ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
        ServerWebExchangeMatcher withSession = exchange -> {
            HttpCookie cookie = exchange.getRequest().getCookies().getFirst(SESSION_COOKIE);
            return cookie != null ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
        return new AndServerWebExchangeMatcher(new NegatedServerWebExchangeMatcher(safeMethods), withSession);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain portalSecurityWebFilterChain(ServerHttpSecurity http, PlatformSecurityProperties security,
            ReactiveClientRegistrationRepository registrations, ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultServerOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        OidcClientInitiatedServerLogoutSuccessHandler logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/");

        ServerAuthenticationEntryPoint problem = (exchange, e) -> ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED,
                "unauthorized", "Unauthorized", "Log in to the portal, or send a valid bearer token");
        // The portal's pages send the browser to Keycloak; API calls (and the portal's own XHRs) get 401 problem+json.
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(List.of(
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
                        ServerWebExchangeMatchers.pathMatchers("/", "/index.html"),
                        new RedirectServerAuthenticationEntryPoint(LOGIN_PATH))));
        entryPoint.setDefaultEntryPoint(problem);

        ServerCsrfTokenRequestAttributeHandler csrfHandler = new ServerCsrfTokenRequestAttributeHandler();
        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookiePath("/");

        List<String> publicPaths = new java.util.ArrayList<>(security.publicPaths());
        publicPaths.addAll(List.of("/assets/**", "/favicon.ico", "/login/**", "/oauth2/**"));
        return http
                .securityMatcher(browserRequests())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(publicPaths.toArray(String[]::new)).permitAll()
                        .anyExchange().authenticated())
                .oauth2Login(login -> login
                        .authorizationRequestResolver(authorizationRequests)
                        .authorizedClientRepository(authorizedClients))
                .oauth2Client(client -> client.authorizedClientRepository(authorizedClients))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(logoutSuccess))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(csrfHandler)
                        .requireCsrfProtectionMatcher(needsCsrfToken()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
                .build();
    }

    /**
     * The CSRF token is made lazily; the portal's page and its {@code /auth/me} call make sure the browser has
     * the {@code XSRF-TOKEN} cookie before its first write. Nothing else (an API call without a token) gets a cookie.
     */
    @Bean
    WebFilter portalCsrfCookie() {
        ServerWebExchangeMatcher portalEntry = ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/", "/index.html", "/auth/me");
        return (exchange, chain) -> portalEntry.matches(exchange).flatMap(match -> {
            Mono<CsrfToken> token = match.isMatch() ? exchange.getAttribute(CsrfToken.class.getName()) : null;
            return token == null ? chain.filter(exchange) : token.then(chain.filter(exchange));
        });
    }
}
