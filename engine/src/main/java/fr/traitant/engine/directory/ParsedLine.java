package fr.traitant.engine.directory;

import java.util.List;

/** The outcome of one data line of a directory file ({@link DirectoryFileParser#parse}). */
public sealed interface ParsedLine permits ParsedLine.Accepted, ParsedLine.Skipped, ParsedLine.Rejected {
    /** 1-based line number in the file (the header is line 1). */
    long line();

    /**
     * A valid doctor row; {@code warnings} name the values that were invalid and left empty (phone, MSSanté address,
     * postal code), in French.
     */
    public record Accepted(long line, DoctorRecord doctor, List<String> warnings) implements ParsedLine {
        public Accepted {
            warnings = List.copyOf(warnings);
        }

        public Accepted(long line, DoctorRecord doctor) {
            this(line, doctor, List.of());
        }
    }

    /** A well-formed line the directory does not keep, with why. */
    public record Skipped(long line, String reason) implements ParsedLine {}

    /** A malformed line, with why (French). */
    public record Rejected(long line, String reason) implements ParsedLine {}
}
