package fr.traitant.app.platform;

import fr.traitant.app.WebSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The bad values the fuzzer sends (issue 22 point 3), and what an answer to one must never show. Each value has a
 * label for the report; {@code encoded} is how it travels in a URL or a form body, so that a value no client would
 * send — invalid UTF-8 — can be sent too.
 */
record HostileValues(String label, String text, String encoded) {

    static final String MARKUP = "<script>alert('fz')</script>";
    static final String ATTRIBUTE = "\"><img src=x onerror=alert('fz')>";
    private static final byte[] INVALID_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};

    /** Names of classes and frameworks, and the shape of a Java stack frame: none may reach a person. */
    private static final Pattern TRACE = Pattern.compile(
            "\\bat (java|jdk|org|fr|com|tools|jakarta)\\.[\\w.$]+\\(|\\b(java\\.lang|org\\.springframework|org\\.postgresql"
                    + "|org\\.hibernate|tools\\.jackson|com\\.fasterxml|fr\\.traitant)\\.[A-Za-z]"
                    + "|Exception:|SQLState|Whitelabel Error Page");

    static HostileValues of(String label, String text) {
        return new HostileValues(label, text, URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    /** Every kind of bad value, in a fixed order. */
    static List<HostileValues> catalogue() {
        List<HostileValues> all = new ArrayList<>(List.of(
                of("vide", ""),
                of("espaces", "   "),
                of("très long (6 000 caractères)", "A".repeat(6_000)),
                of("octet nul", "a\u0000b"),
                of("balisage", MARKUP),
                of("attribut", ATTRIBUTE),
                of("SQL", "' OR '1'='1' --"),
                of("SQL (instruction)", "1; DROP TABLE account;--"),
                of("texte au lieu d'un nombre", "abc"),
                of("négatif", "-1"),
                of("zéro", "0"),
                of("nombre immense", "99999999999999999999999"),
                of("au-delà d'un int", "2147483648"),
                of("flottant infini", "1e309"),
                of("NaN", "NaN"),
                of("date impossible", "2026-02-30"),
                of("date zéro", "0000-00-00"),
                of("date hors limites", "+999999999-12-31"),
                of("date à la française invalide", "31/13/2026"),
                of("chemin", "../../../etc/passwd"),
                of("retour à la ligne et en-tête", "x\r\nX-Injected: 1"),
                of("unicode", "\u202E\uD83D\uDE42\uFEFF"),
                of("formule de tableur", "=HYPERLINK(\"http://example.invalid\")"),
                of("pourcent seul", "%"),
                of("caractères de contrôle", "\u0001\u001b[31m"),
                of("objet JSON", "{\"$gt\":\"\"}"),
                of("booléen invalide", "peut-être")));
        StringBuilder invalid = new StringBuilder("x");
        for (byte b : INVALID_UTF8) {
            invalid.append('%').append(String.format("%02X", b & 0xFF));
        }
        all.add(new HostileValues("UTF-8 invalide", "x\uFFFD(\uFFFD\uFFFD", invalid.toString()));
        return List.copyOf(all);
    }

    /** The raw bytes this value stands for (invalid UTF-8 included), for request bodies that are not forms. */
    byte[] bytes() {
        if (label.equals("UTF-8 invalide")) {
            byte[] bytes = new byte[INVALID_UTF8.length + 1];
            bytes[0] = 'x';
            System.arraycopy(INVALID_UTF8, 0, bytes, 1, INVALID_UTF8.length);
            return bytes;
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code count} values of the catalogue for one field, drawn by the seeded generator; the markup and the line break
     * always among them (a reflected value and a value copied into a header or a redirect are the findings that matter
     * most).
     */
    static List<HostileValues> draw(Random random, int count) {
        List<HostileValues> all = new ArrayList<>(catalogue());
        if (count >= all.size()) {
            return all;
        }
        List<HostileValues> drawn = new ArrayList<>();
        for (String always : List.of("balisage", "retour à la ligne et en-tête")) {
            drawn.add(all.stream()
                    .filter(v -> v.label().equals(always))
                    .findFirst()
                    .orElseThrow());
            all.removeIf(v -> v.label().equals(always));
        }
        while (drawn.size() < count) {
            drawn.add(all.remove(random.nextInt(all.size())));
        }
        return drawn;
    }

    /** What is wrong with this answer to a request carrying this value, or null. */
    static String problem(WebSession.Response response) {
        if (response.status() >= 500) {
            return "status " + response.status();
        }
        if (TRACE.matcher(response.body()).find()) {
            java.util.regex.Matcher m = TRACE.matcher(response.body());
            m.find();
            return "technical detail in the answer: \"" + m.group() + "\"";
        }
        if (!response.header("X-Injected").isEmpty()) {
            return "a header was injected";
        }
        String type = response.contentType();
        boolean rendered = type.isEmpty() || type.startsWith("text/html") || type.startsWith("image/svg");
        if (rendered && (response.body().contains(MARKUP) || response.body().contains(ATTRIBUTE.substring(2)))) {
            return "markup reflected unescaped (" + type + ")";
        }
        return null;
    }
}
