package org.partybuilding.platform.security;

import java.time.Clock;
import java.util.List;

import org.partybuilding.platform.problem.ProblemResponses;
import org.partybuilding.platform.problem.Refusals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.WebFilter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import reactor.core.publisher.Mono;

/**
 * Every service (and the gateway) is an OAuth2 resource server: it checks the token's signature
 * against the realm's JWKS, its expiry, its issuer and its audience itself. Stateless: no web
 * session and no saved security context, so API traffic never creates sessions.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class PlatformSecurityAutoConfiguration {

    /**
     * The realm's tokens, checked in full (signature against the JWKS, expiry, issuer, audience) the first time a
     * token is seen, then remembered ({@link ValidatedTokenCache}: its claims are checked again on every use).
     */
    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder platformJwtDecoder(PlatformSecurityProperties properties) {
        OAuth2TokenValidator<Jwt> claims = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuerUri()),
                new AudienceValidator(properties.audience()));
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSource(new RealmKeys(properties.jwkSetUri(), properties.jwks(), Clock.systemUTC()))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(claims);
        return new ValidatedTokenCache(decoder, claims, properties.tokenCache());
    }

    /**
     * Spring Security observes nothing: no observation per filter of its chain, per authentication or per
     * authorization. {@code management.observations.enable.spring.security: false} (platform-defaults) only makes those
     * observations no-ops; without this setting the chain still wraps each of its filters in an observing decorator on
     * every request (issue 23: 1.6-2.3 % of the samples). No dashboard, alert or trace reads them; the request's own
     * span and timer ({@code http.server.requests}) stay.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings platformSecurityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The token cache's hits, misses, size and evictions ({@code cache_*{cache="validated-tokens"}}). */
    @Bean
    MeterBinder validatedTokenCacheMetrics(ReactiveJwtDecoder decoder) {
        return registry -> {
            if (decoder instanceof ValidatedTokenCache tokens) {
                CaffeineCacheMetrics.monitor(registry, tokens.cache(), ValidatedTokenCache.NAME);
            }
        };
    }

    /**
     * Spring Security's firewall as it is, with the same header checks made without a regular expression: it checks
     * a header's name and value on every read, several times per request ({@link HeaderCharacters}).
     */
    @Bean
    @ConditionalOnMissingBean
    ServerWebExchangeFirewall platformExchangeFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedValue);
        return firewall;
    }

    @Bean
    ServerAuthenticationEntryPoint problemAuthenticationEntryPoint() {
        return (exchange, e) -> {
            boolean bearer = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
            Refusals.refused(exchange, bearer ? Refusals.INVALID_TOKEN : Refusals.UNAUTHENTICATED,
                    bearer ? e.getMessage() : "no bearer token");
            return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "A valid bearer token is required");
        };
    }

    @Bean
    ServerAccessDeniedHandler problemAccessDeniedHandler() {
        return (exchange, e) -> ReactiveSecurityContextHolder.getContext()
                .doOnNext(context -> SecurityEvents.identified(exchange, context.getAuthentication()))
                .then(Mono.defer(() -> {
                    Refusals.refused(exchange, Refusals.ROLE, "the caller's roles do not allow "
                            + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value());
                    return ProblemResponses.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                            "Your role or data scope does not allow this request");
                }));
    }

    /** Refused requests logged and counted as security events, with who asked once the token was checked. */
    @Bean
    SecurityEvents securityEvents(ObjectProvider<MeterRegistry> registry) {
        return new SecurityEvents(registry);
    }

    @Bean
    WebFilter securityEventsIdentifying() {
        return SecurityEvents.identifying();
    }

    /**
     * The bearer-token chain. An application may put chains of its own in front of it (ordered, each with a
     * {@code securityMatcher}, as the gateway does for the portal's browser session); this one still answers every
     * request they do not match. Declaring a bean of this name replaces it.
     */
    @Bean
    @ConditionalOnMissingBean(name = "platformSecurityWebFilterChain")
    SecurityWebFilterChain platformSecurityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            PlatformSecurityProperties properties, ObjectProvider<ApiAuthorization> authorizations,
            ServerAuthenticationEntryPoint entryPoint, ServerAccessDeniedHandler accessDenied) {
        List<String> publicPaths = properties.publicPaths();
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(exchanges -> {
                    // the operator's replay of parked dead letters (management port): a district admin's token
                    exchanges.pathMatchers(HttpMethod.POST, "/actuator/deadletters", "/actuator/deadletters/**")
                            .hasRole(Role.DISTRICT_ADMIN.realmRole());
                    exchanges.pathMatchers(publicPaths.toArray(String[]::new)).permitAll();
                    authorizations.orderedStream().forEach(a -> a.configure(exchanges));
                    exchanges.anyExchange().authenticated();
                })
                .oauth2ResourceServer(oauth2 -> oauth2
                        .bearerTokenConverter(new BearerTokens())
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(new KeycloakJwtAuthenticationConverter())))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .build();
    }

    /** Lets handlers take a {@link DataScope} parameter. */
    @Bean
    WebFluxConfigurer dataScopeArgumentResolverConfigurer() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new DataScopeArgumentResolver());
            }
        };
    }
}
