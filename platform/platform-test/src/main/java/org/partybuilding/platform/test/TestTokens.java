package org.partybuilding.platform.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.partybuilding.platform.security.Role;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints Keycloak-shaped access tokens ({@code realm_access.roles}, {@code street},
 * {@code party_org_id}) signed by the {@link TestTokenIssuer}, and deliberately wrong ones for
 * negative tests: expired, another issuer, another audience, an unknown key.
 *
 * <pre>{@code
 * String token = TestTokens.forRole(Role.COMMITTEE_ADMIN);
 * String streetAdmin = TestTokens.builder().role(Role.STREET_ADMIN).street("JIANSHE").build();
 * }</pre>
 */
public final class TestTokens {

    private final List<Role> roles = new ArrayList<>();
    private String username = "test-user";
    private String street;
    private String partyOrganizationId;
    private String issuer;
    private String audience = TestTokenIssuer.AUDIENCE;
    private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
    private boolean unknownKey;
    private String client = "platform-cli";
    private final Map<String, Object> extraClaims = new java.util.LinkedHashMap<>();

    private TestTokens() {
    }

    public static TestTokens builder() {
        return new TestTokens();
    }

    public static String forRole(Role role) {
        return builder().role(role).username(role.realmRole()).build();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public TestTokens role(Role role) {
        roles.add(role);
        return this;
    }

    public TestTokens username(String username) {
        this.username = username;
        return this;
    }

    public TestTokens street(String street) {
        this.street = street;
        return this;
    }

    public TestTokens partyOrganization(String partyOrganizationId) {
        this.partyOrganizationId = partyOrganizationId;
        return this;
    }

    /** The OAuth client the token was issued to ({@code azp}), e.g. the {@code district-finance} machine client. */
    public TestTokens client(String clientId) {
        this.client = clientId;
        return this;
    }

    /** Any further claim, e.g. an ID token's {@code nonce} for a test that plays the realm's token endpoint. */
    public TestTokens claim(String name, Object value) {
        extraClaims.put(name, value);
        return this;
    }

    public TestTokens expired() {
        this.expiresAt = Instant.now().minus(Duration.ofMinutes(10));
        return this;
    }

    public TestTokens issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public TestTokens audience(String audience) {
        this.audience = audience;
        return this;
    }

    public TestTokens signedWithUnknownKey() {
        this.unknownKey = true;
        return this;
    }

    public String build() {
        TestTokenIssuer tokenIssuer = TestTokenIssuer.get();
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer != null ? issuer : tokenIssuer.issuer())
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .audience(List.of(audience, "account"))
                .issueTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("azp", client)
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", roles.stream().map(Role::realmRole).toList()));
        extraClaims.forEach(claims::claim);
        if (street != null) {
            claims.claim("street", street);
        }
        if (partyOrganizationId != null) {
            claims.claim("party_org_id", partyOrganizationId);
        }
        try {
            RSAKey key = unknownKey ? new RSAKeyGenerator(2048).keyID(tokenIssuer.key().getKeyID()).generate() : tokenIssuer.key();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
