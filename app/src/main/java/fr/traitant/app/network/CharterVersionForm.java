package fr.traitant.app.network;

import jakarta.validation.constraints.Size;

/** A new version of the charter, as the network manager types it ({@link CharterVersions#publish} checks it too). */
record CharterVersionForm(
        @Size(min = 5, max = 200, message = "Le titre compte de 5 à 200 caractères.")
        String title,

        @Size(min = 50, max = 20_000, message = "Le texte compte de 50 à 20 000 caractères.")
        String body) {

    CharterVersionForm {
        title = title == null ? "" : title.strip();
        body = body == null ? "" : body.strip();
    }
}
