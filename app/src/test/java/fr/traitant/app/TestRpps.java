package fr.traitant.app;

import fr.traitant.engine.directory.Rpps;

/** Valid RPPS numbers (11 digits, Luhn key) made up for the tests: a prefix naming the test, then a number. */
public final class TestRpps {

    private TestRpps() {}

    /** {@code prefix} + {@code n} zero-padded to 10 digits, + the key digit that makes the number valid. */
    public static String of(String prefix, long n) {
        String body = prefix + String.format("%0" + (10 - prefix.length()) + "d", n);
        for (char k = '0'; k <= '9'; k++) {
            if (Rpps.isValid(body + k)) {
                return body + k;
            }
        }
        throw new IllegalStateException("no key for " + body);
    }
}
