package fr.traitant.engine.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The checks of a parsed doctor's free-text and contact fields, the same for both {@link DirectoryFormat}s. */
final class DoctorFieldChecks {

    private DoctorFieldChecks() {}

    private static final java.util.regex.Pattern MARKUP = java.util.regex.Pattern.compile("[<>]");
    private static final java.util.regex.Pattern PHONE =
            java.util.regex.Pattern.compile("(?:\\+33|0033|0)[1-9](?:[ .\\-]?[0-9]{2}){4}");
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[A-Za-z0-9._%+'-]+@([A-Za-z0-9-]+\\.)+[A-Za-z]{2,}");
    private static final java.util.regex.Pattern POSTAL = java.util.regex.Pattern.compile("[0-9]{5}");

    /**
     * Names and addresses with markup refuse the line (they would be shown on pages and maps); a phone number, an
     * MSSanté address (syntax, and a domain of the MSSanté space: {@code …mssante.fr}) or a postal code that is not
     * valid is left empty with a warning, never stored.
     */
    static ParsedLine checked(ParsedLine.Accepted a) {
        DoctorRecord d = a.doctor();
        for (String[] field : new String[][] {
            {"nom", d.lastName()},
            {"prénom", d.firstName()},
            {"adresse", d.address()},
            {"structure", d.organizationName()}
        }) {
            if (field[1] != null && MARKUP.matcher(field[1]).find()) {
                return new ParsedLine.Rejected(
                        a.line(),
                        "Caractères « < » ou « > » interdits dans le champ " + field[0] + " : « " + field[1] + " ».");
            }
        }
        List<String> warnings = new ArrayList<>();
        String phone = d.phone() == null ? "" : d.phone().strip();
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            warnings.add("Téléphone invalide « " + phone + " » : laissé vide.");
            phone = "";
        }
        String mssante = d.mssante() == null ? "" : d.mssante().strip();
        if (!mssante.isEmpty()) {
            String domain = mssante.substring(mssante.indexOf('@') + 1).toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(mssante).matches()) {
                warnings.add("Adresse MSSanté invalide « " + mssante + " » : laissée vide.");
                mssante = "";
            } else if (!(domain.equals("mssante.fr") || domain.endsWith(".mssante.fr"))) {
                warnings.add("Adresse « " + mssante
                        + " » hors de l'espace MSSanté (domaine …mssante.fr attendu) : laissée vide.");
                mssante = "";
            }
        }
        String postal = d.postalCode() == null ? "" : d.postalCode().strip();
        if (!postal.isEmpty() && !POSTAL.matcher(postal).matches()) {
            warnings.add("Code postal invalide « " + postal + " » : laissé vide.");
            postal = "";
        }
        if (warnings.isEmpty()) {
            return a;
        }
        warnings.addAll(0, a.warnings());
        return new ParsedLine.Accepted(
                a.line(),
                new DoctorRecord(
                        d.rpps(),
                        d.lastName(),
                        d.firstName(),
                        d.specialty(),
                        d.communeCode(),
                        postal,
                        d.address(),
                        d.organizationName(),
                        d.lat(),
                        d.lon(),
                        phone,
                        mssante,
                        d.feeSector(),
                        d.teleconsultation(),
                        d.wheelchairAccess(),
                        d.languages(),
                        d.birthYear(),
                        d.newPatients(),
                        d.capacity(),
                        d.maxComplexity()),
                warnings);
    }
}
