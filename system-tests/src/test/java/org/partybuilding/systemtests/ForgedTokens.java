package org.partybuilding.systemtests;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tokens an attacker would make (SecurityIT): from a real token's parts, with the header or the claims changed, signed
 * with nothing, with the realm's public key as an HMAC secret, or with a key of the attacker's own.
 */
final class ForgedTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** The attacker's own RSA key pair. */
    static final KeyPair ATTACKER = attackerKeys();

    private ForgedTokens() {
    }

    record Parts(ObjectNode header, ObjectNode claims, String signature) {

        static Parts of(String token) {
            String[] parts = token.split("\\.", -1);
            return new Parts((ObjectNode) Http.JSON.readTree(B64D.decode(parts[0])),
                    (ObjectNode) Http.JSON.readTree(B64D.decode(parts[1])), parts.length > 2 ? parts[2] : "");
        }

        Parts copy() {
            return new Parts(header.deepCopy(), claims.deepCopy(), signature);
        }

        String signingInput() {
            return encode(header) + "." + encode(claims);
        }

        /** The header and claims as they are now, with the original signature kept. */
        String withOriginalSignature() {
            return signingInput() + "." + signature;
        }

        String unsigned() {
            return signingInput() + ".";
        }

        String hs256(byte[] secret) {
            header.put("alg", "HS256");
            String input = signingInput();
            return input + "." + B64.encodeToString(hmac(secret, input));
        }

        /** RS256 with the attacker's own private key. */
        String rs256ByAttacker() {
            header.put("alg", "RS256");
            String input = signingInput();
            try {
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initSign(ATTACKER.getPrivate());
                rsa.update(input.getBytes(StandardCharsets.US_ASCII));
                return input + "." + B64.encodeToString(rsa.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static String encode(JsonNode node) {
        return B64.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The attacker's public key as a JWK ({@code kty}, {@code n}, {@code e}, {@code kid}). */
    static Map<String, Object> attackerJwk(String kid) {
        RSAPublicKey key = (RSAPublicKey) ATTACKER.getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", kid);
        jwk.put("n", B64.encodeToString(unsigned(key.getModulus())));
        jwk.put("e", B64.encodeToString(unsigned(key.getPublicExponent())));
        return jwk;
    }

    /** The realm's RSA signing key from its JWKS entry, as {@code n}/{@code e}. */
    static PublicKey rsaKey(JsonNode jwk) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                    new BigInteger(1, B64D.decode(jwk.get("n").asString())), new BigInteger(1, B64D.decode(jwk.get("e").asString()))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A public key as the PEM text an attacker would copy from the JWKS or the realm's page. */
    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private static byte[] hmac(byte[] secret, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    private static KeyPair attackerKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
