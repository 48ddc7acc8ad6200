package fr.traitant.engine.directory;

import java.util.List;

/** Splitting a directory file's line into trimmed fields: no quotes in the pipe format, RFC 4180 quotes in CSV. */
final class DelimitedFields {

    private DelimitedFields() {}

    /** Splits a header (no quote handling for the pipe format; RFC 4180 quotes for CSV). */
    static List<String> split(String line, char separator) {
        String[] out = new String[line.length() + 2];
        int n = splitInto(line, separator, out);
        if (n < 0) {
            throw new IllegalArgumentException("En-tête mal formé (guillemet non fermé).");
        }
        return java.util.Arrays.asList(out).subList(0, n);
    }

    /**
     * Splits {@code line} into {@code out} (trimmed fields); returns the field count, {@code out.length}
     * + 1 when there are too many, or -1 on an unclosed quote. Quotes are honoured for ',' only.
     */
    static int splitInto(String line, char separator, String[] out) {
        int n = 0;
        int len = line.length();
        int start = 0;
        boolean quotes = separator == ',';
        while (true) {
            if (quotes && start < len && line.charAt(start) == '"') {
                StringBuilder b = new StringBuilder();
                int i = start + 1;
                while (true) {
                    if (i >= len) {
                        return -1;
                    }
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < len && line.charAt(i + 1) == '"') {
                            b.append('"');
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    b.append(c);
                    i++;
                }
                if (n == out.length) {
                    return out.length + 1;
                }
                out[n++] = b.toString().strip();
                int next = i + 1;
                if (next >= len) {
                    return n;
                }
                if (line.charAt(next) != separator) {
                    return -1;
                }
                start = next + 1;
                if (start == len) {
                    if (n == out.length) {
                        return out.length + 1;
                    }
                    out[n++] = "";
                    return n;
                }
                continue;
            }
            int end = line.indexOf(separator, start);
            if (n == out.length) {
                return out.length + 1;
            }
            if (end < 0) {
                out[n++] = line.substring(start, len).strip();
                return n;
            }
            out[n++] = line.substring(start, end).strip();
            start = end + 1;
        }
    }
}
