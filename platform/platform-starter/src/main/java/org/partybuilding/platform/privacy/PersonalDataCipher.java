package org.partybuilding.platform.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
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
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec lookupKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(byte[] masterKey) {
        if (masterKey == null || masterKey.length != 32) {
            throw new IllegalArgumentException("platform.privacy.key must be base64 of exactly 32 random bytes");
        }
        this.encryptionKey = new SecretKeySpec(derive(masterKey, "encryption"), "AES");
        this.lookupKey = new SecretKeySpec(derive(masterKey, "lookup"), "HmacSHA256");
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
        return PREFIX + Base64.getEncoder().encodeToString(seal(plain.getBytes(StandardCharsets.UTF_8)));
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("Not a value sealed by this cipher");
        }
        return new String(open(Base64.getDecoder().decode(stored.substring(PREFIX.length()))), StandardCharsets.UTF_8);
    }

    /**
     * Any bytes sealed the same way ({@code nonce ‖ ciphertext ‖ tag}): e.g. the gateway's portal sessions, whose
     * tokens never reach the database readable. Authenticated: {@link #open} refuses anything this key did not seal.
     */
    public byte[] seal(byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** The bytes {@link #seal} sealed with this key; a wrong key or a tampered value is refused. */
    public byte[] open(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Wrong key or tampered value; the message never includes the value.
            throw new IllegalStateException("Decryption failed: wrong key or a tampered value");
        }
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

    private static byte[] derive(byte[] masterKey, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
            return mac.doFinal(("party-building/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Key derivation failed", e);
        }
    }
}
