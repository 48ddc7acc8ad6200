package fr.traitant.app.network;

import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * A charter signed on paper, as the network manager types it. The doctor, the date's range and the reference are
 * checked by {@link RecordedSignatures}.
 */
record PaperSignatureForm(
        @Pattern(regexp = "[0-9]{11}", message = "Le numéro RPPS compte 11 chiffres.")
        String rpps,

        @Pattern(regexp = "[0-9]{4}-[0-9]{2}-[0-9]{2}", message = "Saisissez la date écrite sur la charte signée.")
        String date,

        String reference,
        @Nullable Boolean transferredFamilies,
        @Nullable Boolean declaredDoctor,

        @Pattern(regexp = "[0-9]{1,4}", message = "Saisissez un nombre entre 0 et 2000.")
        String newPatientsPerYear) {

    PaperSignatureForm {
        rpps = rpps == null ? "" : rpps.strip();
        date = date == null ? "" : date.strip();
        reference = reference == null ? "" : reference;
        newPatientsPerYear = newPatientsPerYear == null ? "" : newPatientsPerYear.strip();
    }

    static PaperSignatureForm empty() {
        return new PaperSignatureForm("", "", "", false, false, "");
    }

    /** The date written on the charter, or null when it is not a date of the calendar. */
    @Nullable
    LocalDate signedOn() {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The commitments ticked (once the form is valid). */
    CharterCommitments commitments() {
        return new CharterCommitments(
                Boolean.TRUE.equals(transferredFamilies),
                Boolean.TRUE.equals(declaredDoctor),
                Integer.parseInt(newPatientsPerYear));
    }
}
