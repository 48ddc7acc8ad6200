package fr.traitant.cli;

/** Bad input in a file: reported as {@code file:line: reason} on stderr, exit code 1. */
public final class InputFileException extends Exception {

    private final String file;
    private final long line;
    private final String reason;

    /**
     * @param file   file name as given by the user
     * @param line   1-based line number, or 0 when the problem concerns the whole file
     * @param reason what is wrong
     */
    public InputFileException(String file, long line, String reason) {
        super(line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
