package fr.traitant.app.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets of invitation links and activation codes: drawn from {@link SecureRandom}, stored only as their
 * SHA-256 (a database leak gives no usable link or code).
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Letters and digits that cannot be mistaken for one another on paper (no 0/O, 1/I/L). */
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

    private Secrets() {}

    /** 256 random bits, URL-safe (invitation links). */
    public static String linkSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A 12-character code for a letter, in groups of four ({@code ABCD-EFGH-JKMN}: about 59 bits). */
    public static String activationCode() {
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    /** A code as typed: upper case, without spaces or dashes (so that "abcd efgh jkmn" is the same code). */
    public static String normalizeCode(String typed) {
        return typed == null ? "" : typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    /** SHA-256, hexadecimal. */
    public static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
