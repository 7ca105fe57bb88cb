package org.partybuilding.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.partybuilding.local.demo.IdentityCodes;

/**
 * SecurityIT's own parts, without a platform: the forged tokens are well-formed (so a refusal is the server's check,
 * not garbage), the expected-access table parses, and the ID-number arithmetic agrees with the generator's.
 */
class SecuritySuiteTest {

    private static final String TOKEN = ForgedTokens.encode(Http.JSON.readTree("{\"alg\":\"RS256\",\"kid\":\"realm\"}")) + "."
            + ForgedTokens.encode(Http.JSON.readTree("{\"sub\":\"s\",\"realm_access\":{\"roles\":[\"street-admin\"]}}")) + ".c2ln";

    @Test
    void attackerSignedTokensVerifyWithTheAttackersKeyAndHmacTokensWithTheirSecret() throws Exception {
        String rs = ForgedTokens.Parts.of(TOKEN).copy().rs256ByAttacker();
        String[] parts = rs.split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(ForgedTokens.ATTACKER.getPublic());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        byte[] secret = ForgedTokens.pem(ForgedTokens.ATTACKER.getPublic()).getBytes(StandardCharsets.US_ASCII);
        String hs = ForgedTokens.Parts.of(TOKEN).copy().hs256(secret);
        String[] hsParts = hs.split("\\.");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal((hsParts[0] + "." + hsParts[1]).getBytes(StandardCharsets.US_ASCII)))).isEqualTo(hsParts[2]);
        assertThat(ForgedTokens.Parts.of(hs).header().get("alg").asString()).isEqualTo("HS256");
        assertThat(ForgedTokens.Parts.of(hs).header().get("kid").asString()).isEqualTo("realm");
    }

    @Test
    void tamperedClaimsKeepTheOriginalSignature() {
        ForgedTokens.Parts tampered = ForgedTokens.Parts.of(TOKEN).copy();
        tampered.claims().put("street", "HONGQIAO");
        String forged = tampered.withOriginalSignature();
        assertThat(forged).endsWith(".c2ln").isNotEqualTo(TOKEN);
        assertThat(ForgedTokens.Parts.of(forged).claims().get("street").asString()).isEqualTo("HONGQIAO");
        assertThat(ForgedTokens.Parts.of(TOKEN).claims().has("street")).isFalse();
    }

    @Test
    void theAccessTableNamesKnownRolesForApiPaths() throws Exception {
        Map<String, Set<String>> table = SecurityIT.accessTable();
        assertThat(table).isNotEmpty();
        table.forEach((operation, roles) -> {
            assertThat(operation).matches("(GET|POST|PUT|PATCH|DELETE) /api/\\S+");
            assertThat(SecurityIT.ROLES).containsAll(roles);
        });
        assertThat(table.get("PUT /api/funding/policies/{year}")).containsExactly("district-admin");
        assertThat(table.get("GET /api/members/audit")).containsExactlyInAnyOrder("district-admin", "auditor");
    }

    @Test
    void aMaskedIdNumberWithItsBirthYearLeavesManyCandidates() {
        for (int sequence : new int[] {101, 102, 555}) {
            String id = IdentityCodes.idNumber(LocalDate.of(1946, 3, 2), sequence);
            assertThat(SecurityIT.checkCharacter(id.substring(0, 17))).isEqualTo(id.charAt(17));
            assertThat(SecurityIT.candidates(id, 1946)).isBetween(20, 50);
        }
    }
}
