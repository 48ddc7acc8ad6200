package fr.traitant.app.members;

import de.siegmar.fastcsv.reader.NamedCsvRecord;
import fr.traitant.app.platform.values.EmailAddress;
import fr.traitant.app.platform.values.Nir;
import fr.traitant.app.platform.values.PhoneNumber;
import fr.traitant.app.territory.CommuneSummary;
import fr.traitant.engine.directory.Rpps;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One line of the member file, read and checked field by field (French messages naming the column): the parsing half of
 * {@link MemberImport}, which writes what this accepts.
 */
final class MemberLines {

    private MemberLines() {}

    record Line(
            long line,
            String household,
            String beneficiary,
            MemberCategory category,
            @Nullable Nir nir,
            String firstName,
            String lastName,
            LocalDate birthDate,
            @Nullable String sex,
            CommuneSummary commune,
            @Nullable LongTermCondition condition,
            List<Vulnerability> vulnerabilities,
            boolean hasDoctor,
            @Nullable Rpps doctorRpps,
            @Nullable EmailAddress email,
            @Nullable PhoneNumber phone,
            boolean consent) {
        @Override
        public String toString() {
            return "Line[" + line + "]";
        }
    }

    /** @param communes communes already looked up during this import (one query per commune, not per line) */
    static Line parse(
            long line,
            NamedCsvRecord r,
            Map<String, Optional<CommuneSummary>> communes,
            java.util.function.Function<String, Optional<CommuneSummary>> findCommune) {
        if (r.getFieldCount() != r.getHeader().size()) {
            throw new IllegalArgumentException(
                    r.getHeader().size() + " champs attendus, " + r.getFieldCount() + " trouvés");
        }
        String household = required(r, "foyer");
        String beneficiary = required(r, "beneficiaire");
        if (household.length() > 64 || beneficiary.length() > 64) {
            throw new IllegalArgumentException(
                    "identifiant de foyer ou de bénéficiaire trop long (64 caractères au plus)");
        }
        MemberCategory category = oneOf(MemberCategory.class, required(r, "categorie"), "categorie");
        String nirText = r.getField("nir").strip();
        if (!nirText.isEmpty() && !Nir.isValid(nirText)) {
            throw new IllegalArgumentException("NIR invalide (forme ou clé)");
        }
        if (nirText.isEmpty() && category.insured()) {
            throw new IllegalArgumentException("NIR obligatoire pour un assuré");
        }
        String first = PersonRules.name("prénom", required(r, "prenom"));
        String last = PersonRules.name("nom", required(r, "nom"));
        String birthText = required(r, "date_naissance");
        LocalDate birth;
        try {
            birth = LocalDate.parse(birthText);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date de naissance invalide '" + birthText + "' (AAAA-MM-JJ attendu)");
        }
        PersonRules.birthDate(birth, nirText.isEmpty() ? null : Nir.of(nirText), LocalDate.now());
        String sex = r.getField("sexe").strip().toUpperCase(Locale.ROOT);
        if (!sex.isEmpty() && !sex.equals("M") && !sex.equals("F")) {
            throw new IllegalArgumentException("sexe invalide '" + sex + "' (M ou F)");
        }
        String communeCode = required(r, "commune");
        CommuneSummary commune = communes.computeIfAbsent(communeCode, findCommune)
                .orElseThrow(() -> new IllegalArgumentException("commune inconnue '" + communeCode + "'"));
        String ald = r.getField("ald").strip();
        LongTermCondition condition = ald.isEmpty() ? null : oneOf(LongTermCondition.class, ald, "ald");
        List<Vulnerability> vulnerabilities = Arrays.stream(
                        r.getField("vulnerabilites").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> oneOf(Vulnerability.class, s, "vulnerabilites"))
                .distinct()
                .toList();
        boolean hasDoctor = yesNo(r, "medecin_traitant");
        String rppsText = r.getField("rpps_medecin_traitant").strip();
        Rpps rpps = rppsText.isEmpty() ? null : Rpps.of(rppsText);
        if (rpps != null && !hasDoctor) {
            throw new IllegalArgumentException("RPPS d'un médecin traitant alors que medecin_traitant = non");
        }
        String email = r.getField("courriel").strip();
        String phone = r.getField("telephone").strip();
        return new Line(
                line,
                household,
                beneficiary,
                category,
                nirText.isEmpty() ? null : Nir.of(nirText),
                first,
                last,
                birth,
                sex.isEmpty() ? null : sex,
                commune,
                condition,
                vulnerabilities,
                hasDoctor,
                rpps,
                email.isEmpty() ? null : EmailAddress.of(email),
                phone.isEmpty() ? null : PhoneNumber.of(phone),
                yesNo(r, "consentement_contact"));
    }

    private static <E extends Enum<E>> E oneOf(Class<E> type, String text, String column) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(column + " inconnu(e) '" + text + "' (valeurs : "
                    + String.join(
                            ", ",
                            Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .toList()) + ")");
        }
    }

    private static boolean yesNo(NamedCsvRecord r, String column) {
        return switch (r.getField(column).strip().toLowerCase(Locale.ROOT)) {
            case "oui" -> true;
            case "non", "" -> false;
            default -> throw new IllegalArgumentException(column + " : « oui » ou « non » attendu");
        };
    }

    private static String required(NamedCsvRecord r, String column) {
        String value = r.getField(column).strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(column + " vide");
        }
        return value;
    }
}
