package fr.traitant.app.members;

import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The public activation form, as typed: the code received, the NIR and birth date that prove who the person is, the
 * chosen e-mail address and password. Shown again after a mistake with the code, the birth date and the e-mail kept
 * (never the NIR nor the passwords).
 */
record ActivationForm(
        @NotBlank(message = "Saisissez le code reçu (12 caractères).")
        String code,

        @NotBlank(message = "Saisissez votre numéro de sécurité sociale.")
        String nir,

        String naissance,
        String email,
        String password,
        String confirmation) {

    /** Binding leaves an absent field null: each becomes empty. */
    ActivationForm {
        code = code == null ? "" : code;
        nir = nir == null ? "" : nir;
        naissance = naissance == null ? "" : naissance;
        email = email == null ? "" : email;
        password = password == null ? "" : password;
        confirmation = confirmation == null ? "" : confirmation;
    }

    static ActivationForm empty() {
        return new ActivationForm("", "", "", "", "", "");
    }

    /** The birth date typed (yyyy-mm-dd, what a date field sends), if it is one. */
    Optional<LocalDate> birthDate() {
        try {
            return Optional.of(LocalDate.parse(naissance));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
