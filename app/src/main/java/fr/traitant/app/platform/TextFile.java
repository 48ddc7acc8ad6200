package fr.traitant.app.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads an uploaded text file (CSV) the way every import of Traitant must: UTF-8, with or without the byte-order mark
 * that spreadsheet programs write ("CSV UTF-8"); anything else — Windows-1252, Latin-1, a binary file — is refused
 * with the line where it stops being UTF-8, and so are NUL bytes and other control characters (tab, carriage return
 * and line feed excepted). Refusals are {@link Refused} with a French message; nothing is decoded by guessing.
 */
public final class TextFile {

    private TextFile() {}

    /** The file cannot be read as a UTF-8 text file. */
    public static final class Refused extends IllegalArgumentException {
        private final long line;

        Refused(long line, String message) {
            super(message);
            this.line = line;
        }

        /** 1-based line of the problem. */
        public long line() {
            return line;
        }
    }

    /** A reader over {@code in} that skips a UTF-8 byte-order mark and refuses what is not clean UTF-8 text. */
    public static Reader utf8(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] head = new byte[3];
        int n = pushback.readNBytes(head, 0, 3);
        boolean bom = n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (!bom && n > 0) {
            pushback.unread(head, 0, n);
        }
        return new StrictReader(pushback);
    }

    /**
     * Why reading an uploaded CSV failed, in French: the {@link Refused} message when the reader refused the text
     * (a CSV parser may wrap it), else "fichier illisible" / "CSV mal formé" with the error.
     */
    public static String readFailure(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refused refused) {
                return String.valueOf(refused.getMessage());
            }
        }
        return (e instanceof IOException || e instanceof java.io.UncheckedIOException
                        ? "fichier illisible : "
                        : "CSV mal formé : ")
                + e.getMessage();
    }

    /** The first control character of {@code text} that a text field may not hold, or -1. */
    public static int forbiddenControl(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isForbidden(c)) {
                return c;
            }
        }
        return -1;
    }

    /** NUL and the other C0/C1 control characters except tab, line feed and carriage return. */
    public static boolean isForbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || (c >= 0x80 && c < 0xA0);
    }

    /** The French name of a forbidden character, for messages. */
    public static String describe(int c) {
        return c == 0 ? "octet nul (U+0000)" : String.format("caractère de contrôle U+%04X", c);
    }

    /** Strict decoder counting lines, so that a refusal names the line. */
    private static final class StrictReader extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
        private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
        private long line = 1;
        private boolean eof;

        StrictReader(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (!chars.hasRemaining()) {
                if (eof && !bytes.hasRemaining()) {
                    return -1;
                }
                fill();
            }
            int n = Math.min(length, chars.remaining());
            chars.get(buffer, offset, n);
            for (int i = offset; i < offset + n; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    line++;
                } else if (isForbidden(c)) {
                    throw new Refused(
                            line,
                            "ligne " + line + " : " + describe(c)
                                    + " interdit dans le fichier (fichier binaire ou corrompu ?)");
                }
            }
            return n;
        }

        private void fill() throws IOException {
            bytes.compact();
            if (!eof) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + read);
                }
            }
            bytes.flip();
            chars.clear();
            CoderResult result = decoder.decode(bytes, chars, eof);
            if (eof && !result.isError()) {
                result = decoder.flush(chars);
            }
            chars.flip();
            if (result.isError()) {
                // the characters decoded before the error are still counted: the line is exact
                long at = line;
                for (int i = chars.position(); i < chars.limit(); i++) {
                    if (chars.get(i) == '\n') {
                        at++;
                    }
                }
                throw new Refused(
                        at,
                        "le fichier n'est pas en UTF-8 (ligne " + at + ") : enregistrez-le au format "
                                + "« CSV UTF-8 » (dans un tableur : Enregistrer sous… > CSV UTF-8)");
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
