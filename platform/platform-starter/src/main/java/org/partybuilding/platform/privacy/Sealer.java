package org.partybuilding.platform.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals bytes at rest: AES-256-GCM with a random nonce ({@code nonce ‖ ciphertext ‖ tag}), authenticated, so
 * {@link #open} refuses anything this key did not seal. The key derives (HMAC-SHA-256) from a master key of 32 random
 * bytes and a purpose, so one master key never serves two purposes with the same key. Used for personal data
 * ({@link PersonalDataCipher}) and the gateway's portal sessions. Its errors never carry the value.
 */
public final class Sealer {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public Sealer(byte[] masterKey, String purpose) {
        if (masterKey == null || masterKey.length != 32) {
            throw new IllegalArgumentException("a sealing key must be base64 of exactly 32 random bytes");
        }
        this.key = new SecretKeySpec(derive(masterKey, purpose), "AES");
    }

    /** From base64 of 32 random bytes (e.g. {@code GATEWAY_SESSION_KEY}). */
    public static Sealer fromBase64(String masterKey, String purpose) {
        try {
            return new Sealer(Base64.getDecoder().decode(masterKey == null ? "" : masterKey.trim()), purpose);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a sealing key must be base64 of exactly 32 random bytes");
        }
    }

    public byte[] seal(byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
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
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Decryption failed: wrong key or a tampered value");
        }
    }

    static byte[] derive(byte[] masterKey, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
            return mac.doFinal(("party-building/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Key derivation failed", e);
        }
    }
}
