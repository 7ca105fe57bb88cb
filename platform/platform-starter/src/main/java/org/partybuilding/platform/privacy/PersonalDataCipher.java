package org.partybuilding.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Field-level protection of personal data (ID numbers, phone numbers) at rest: AES-256-GCM with a
 * random nonce, so a database dump shows neither the value nor whether two values are equal, and
 * a keyed hash (HMAC-SHA-256) for lookups such as "is this ID number already registered". Both
 * keys derive from one master key from configuration ({@code platform.privacy.key}, base64 of 32
 * bytes), never from code. Values are never logged: this class has no logger and its errors never
 * carry the value.
 */
public final class PersonalDataCipher {

    private static final String PREFIX = "v1:";

    private final Sealer sealer;
    private final SecretKeySpec lookupKey;

    public PersonalDataCipher(byte[] masterKey) {
        if (masterKey == null || masterKey.length != 32) {
            throw new IllegalArgumentException("platform.privacy.key must be base64 of exactly 32 random bytes");
        }
        this.sealer = new Sealer(masterKey, "encryption");
        this.lookupKey = new SecretKeySpec(Sealer.derive(masterKey, "lookup"), "HmacSHA256");
    }

    public static PersonalDataCipher fromBase64(String key) {
        try {
            return new PersonalDataCipher(Base64.getDecoder().decode(key == null ? "" : key.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("platform.privacy.key must be base64 of exactly 32 random bytes");
        }
    }

    /** {@code v1:<base64(nonce ‖ ciphertext ‖ tag)>}; {@code null} stays {@code null}. */
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        return PREFIX + Base64.getEncoder().encodeToString(sealer.seal(plain.getBytes(StandardCharsets.UTF_8)));
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("Not a value sealed by this cipher");
        }
        return new String(sealer.open(Base64.getDecoder().decode(stored.substring(PREFIX.length()))), StandardCharsets.UTF_8);
    }

    /** A stable keyed hash for equality lookups (hex); without the key it cannot be recomputed from a guess. */
    public String lookupHash(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Hashing failed", e);
        }
    }

}
