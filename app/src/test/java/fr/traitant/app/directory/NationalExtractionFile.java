package fr.traitant.app.directory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a synthetic file with the column layout of the national RPPS extraction "PS_LibreAcces_Personne_activite"
 * (56 columns, {@code |}-separated with a trailing separator, UTF-8), all professions mixed as in the real file:
 * about a quarter of the lines are doctors' activities, a doctor has one to four practice situations, some
 * situations have no structure address (skipped by the import), a few specialty codes are outside Traitant's table
 * (kept with a warning). Seeded: the same arguments give the same file. Every name is made up.
 */
public final class NationalExtractionFile {

    static final String HEADER = String.join(
                    "|",
                    List.of(
                            "Type d'identifiant PP",
                            "Identifiant PP",
                            "Identification nationale PP",
                            "Code civilité d'exercice",
                            "Libellé civilité d'exercice",
                            "Code civilité",
                            "Libellé civilité",
                            "Nom d'exercice",
                            "Prénom d'exercice",
                            "Code profession",
                            "Libellé profession",
                            "Code catégorie professionnelle",
                            "Libellé catégorie professionnelle",
                            "Code type savoir-faire",
                            "Libellé type savoir-faire",
                            "Code savoir-faire",
                            "Libellé savoir-faire",
                            "Code mode exercice",
                            "Libellé mode exercice",
                            "Numéro SIRET site",
                            "Numéro SIREN site",
                            "Numéro FINESS site",
                            "Numéro FINESS établissement juridique",
                            "Identifiant technique de la structure",
                            "Raison sociale site",
                            "Enseigne commerciale site",
                            "Complément destinataire (coord. structure)",
                            "Complément point géographique (coord. structure)",
                            "Numéro Voie (coord. structure)",
                            "Indice répétition voie (coord. structure)",
                            "Code type de voie (coord. structure)",
                            "Libellé type de voie (coord. structure)",
                            "Libellé Voie (coord. structure)",
                            "Mention distribution (coord. structure)",
                            "Bureau cedex (coord. structure)",
                            "Code postal (coord. structure)",
                            "Code commune (coord. structure)",
                            "Libellé commune (coord. structure)",
                            "Code pays (coord. structure)",
                            "Libellé pays (coord. structure)",
                            "Téléphone (coord. structure)",
                            "Téléphone 2 (coord. structure)",
                            "Télécopie (coord. structure)",
                            "Adresse e-mail (coord. structure)",
                            "Code Département (structure)",
                            "Libellé Département (structure)",
                            "Ancien identifiant de la structure",
                            "Autorité d'enregistrement",
                            "Code secteur d'activité",
                            "Libellé secteur d'activité",
                            "Code section tableau pharmaciens",
                            "Libellé section tableau pharmaciens",
                            "Code rôle",
                            "Libellé rôle",
                            "Code genre activité",
                            "Libellé genre activité"))
            + "|";

    /** Professions other than doctors, with their share of the non-doctor lines (roughly the real file's mix). */
    private static final String[][] OTHERS = {
        {"60", "Infirmier"},
        {"60", "Infirmier"},
        {"60", "Infirmier"},
        {"70", "Masseur-kinésithérapeute"},
        {"70", "Masseur-kinésithérapeute"},
        {"21", "Pharmacien"},
        {"40", "Chirurgien-dentiste"},
        {"50", "Sage-femme"},
        {"91", "Orthophoniste"},
        {"80", "Pédicure-podologue"}
    };

    private static final String[] SPECIALTIES = {
        "SM54", "SM54", "SM54", "SM54", "SM53", "SM26", "SM04", "SM40", "SM42", "SM38", "SM20", "SM15", "SM02", "SM44",
        "SM59", "SM27"
    };

    private NationalExtractionFile() {}

    /** What was written. */
    public record Written(long lines, long doctorLines, int doctors) {}

    /**
     * Writes {@code lines} data lines (plus the header) to {@code file}.
     *
     * @param communes INSEE codes to place structures in (the reference communes)
     */
    public static Written write(Path file, long lines, List<String> communes, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long written = 0;
        long doctorLines = 0;
        int doctors = 0;
        int others = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            while (written < lines) {
                if (random.nextInt(4) == 0) {
                    String rpps = rpps(doctors++);
                    String specialty = random.nextInt(500) == 0
                            ? "SM9" + random.nextInt(10)
                            : SPECIALTIES[random.nextInt(SPECIALTIES.length)];
                    int situations = 1 + (random.nextInt(10) < 6 ? 0 : random.nextInt(4));
                    for (int s = 0; s < situations && written < lines; s++) {
                        String commune = random.nextInt(12) == 0 ? "" : communes.get(random.nextInt(communes.size()));
                        out.write(line(rpps, "MEDECIN" + doctors, "10", "Médecin", specialty, commune, s, random));
                        out.write('\n');
                        written++;
                        doctorLines++;
                    }
                } else {
                    String[] profession = OTHERS[random.nextInt(OTHERS.length)];
                    String commune = communes.get(random.nextInt(communes.size()));
                    out.write(line(
                            rpps(10_000_000 + others++),
                            "SOIGNANT" + others,
                            profession[0],
                            profession[1],
                            "",
                            commune,
                            0,
                            random));
                    out.write('\n');
                    written++;
                }
            }
        }
        return new Written(written + 1, doctorLines, doctors);
    }

    private static String line(
            String rpps,
            String name,
            String profession,
            String professionLabel,
            String specialty,
            String commune,
            int situation,
            SplittableRandom random) {
        String departement =
                commune.isEmpty() ? "" : commune.startsWith("97") ? commune.substring(0, 3) : commune.substring(0, 2);
        String postal = commune.isEmpty()
                ? ""
                : (commune.startsWith("2A") || commune.startsWith("2B") ? "20" + commune.substring(2) : commune);
        String[] f = new String[56];
        java.util.Arrays.fill(f, "");
        f[0] = "8";
        f[1] = rpps;
        f[2] = "8" + rpps;
        f[3] = "DR";
        f[4] = "Docteur";
        f[7] = name;
        f[8] = random.nextBoolean() ? "CLAIRE" : "JEAN";
        f[9] = profession;
        f[10] = professionLabel;
        f[11] = "C";
        f[12] = "Civil";
        if (!specialty.isEmpty()) {
            f[13] = "S";
            f[14] = "Spécialité ordinale";
            f[15] = specialty;
            f[16] = "Libellé " + specialty;
        }
        f[17] = "L";
        f[18] = "Libéral, indépendant, artisan, commerçant";
        f[24] = "CABINET DU DOCTEUR " + name;
        f[28] = Integer.toString(1 + random.nextInt(120));
        f[31] = "Rue";
        f[32] = "DE LA SITUATION " + situation;
        f[35] = postal;
        f[36] = commune;
        f[38] = commune.isEmpty() ? "" : "99000";
        f[39] = commune.isEmpty() ? "" : "France";
        f[40] = "04" + String.format("%08d", random.nextInt(100_000_000));
        f[44] = departement;
        f[47] = "CNOM/CNOM/CNOM";
        f[48] = "SA07";
        f[49] = "Cabinet individuel";
        f[52] = "FON-01";
        f[53] = "Titulaire de cabinet";
        f[54] = "GENR01";
        f[55] = "Activité standard de soin ou de pharmacien";
        return String.join("|", f) + "|";
    }

    /** A valid RPPS number (Luhn) of the synthetic range used by the figures ("15…"), one per {@code n}. */
    static String rpps(int n) {
        return fr.traitant.app.TestRpps.of("15", n);
    }
}
