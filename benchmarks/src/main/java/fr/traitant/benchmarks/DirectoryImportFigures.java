package fr.traitant.benchmarks;

import fr.traitant.engine.directory.DirectoryFileParser;
import fr.traitant.engine.directory.DirectoryFormat;
import fr.traitant.engine.directory.ParsedLine;
import fr.traitant.engine.directory.Rpps;
import fr.traitant.engine.territory.Communes;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Parse-and-validate rate of the directory import: a generated national-extraction-like file (1,000,000 lines by
 * default, 80 % doctors, the rest other professions), decoded from UTF-8 bytes and validated line by line exactly as
 * the application does, without the database:
 * {@code java -cp benchmarks/target/benchmarks.jar fr.traitant.benchmarks.DirectoryImportFigures [lines]}; with
 * {@code [lines] --write FILE} it only writes the generated file.
 */
public final class DirectoryImportFigures {

    static final String HEADER =
            "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Code civilité d'exercice|"
                    + "Libellé civilité d'exercice|Code civilité|Libellé civilité|Nom d'exercice|Prénom d'exercice|Code profession|"
                    + "Libellé profession|Code catégorie professionnelle|Libellé catégorie professionnelle|Code type savoir-faire|"
                    + "Libellé type savoir-faire|Code savoir-faire|Libellé savoir-faire|Code mode exercice|Libellé mode exercice|"
                    + "Numéro SIRET site|Numéro SIREN site|Numéro FINESS site|Numéro FINESS établissement juridique|"
                    + "Identifiant technique de la structure|Raison sociale site|Enseigne commerciale site|"
                    + "Complément destinataire (coord. structure)|Complément point géographique (coord. structure)|"
                    + "Numéro Voie (coord. structure)|Indice répétition voie (coord. structure)|Code type de voie (coord. structure)|"
                    + "Libellé type de voie (coord. structure)|Libellé Voie (coord. structure)|Mention distribution (coord. structure)|"
                    + "Bureau cedex (coord. structure)|Code postal (coord. structure)|Code commune (coord. structure)|"
                    + "Libellé commune (coord. structure)|Code pays (coord. structure)|Libellé pays (coord. structure)|"
                    + "Téléphone (coord. structure)|Téléphone 2 (coord. structure)|Télécopie (coord. structure)|"
                    + "Adresse e-mail (coord. structure)|Code Département (structure)|Libellé Département (structure)|"
                    + "Ancien identifiant de la structure|Autorité d'enregistrement|Code secteur d'activité|Libellé secteur d'activité|"
                    + "Code section tableau pharmaciens|Libellé section tableau pharmaciens|";

    private DirectoryImportFigures() {}

    public static void main(String[] args) throws IOException {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Communes communes = France.communes();
        Set<String> codes = new HashSet<>();
        communes.asList().forEach(c -> codes.add(c.code()));
        byte[] file = generate(lines, communes, new SplittableRandom(1));
        System.out.printf(Locale.ROOT, "Generated %,d lines (%.1f MB)%n", lines + 1, file.length / 1e6);
        if (args.length > 2 && args[1].equals("--write")) {
            // the file itself, e.g. for uploads under load (benchmarks/wrk/uploads)
            java.nio.file.Files.write(java.nio.file.Path.of(args[2]), file);
            System.out.println("Written to " + args[2]);
            return;
        }
        for (int run = 1; run <= 5; run++) {
            long start = System.nanoTime();
            long accepted = 0;
            long skipped = 0;
            long rejected = 0;
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(new ByteArrayInputStream(file), decoder), 1 << 16)) {
                DirectoryFileParser parser =
                        DirectoryFileParser.start(DirectoryFormat.RPPS_EXTRACTION, reader.readLine(), codes::contains);
                String line;
                long n = 1;
                while ((line = reader.readLine()) != null) {
                    switch (parser.parse(line, ++n)) {
                        case ParsedLine.Accepted a -> accepted++;
                        case ParsedLine.Skipped s -> skipped++;
                        case ParsedLine.Rejected r -> rejected++;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "run %d: %,d lines in %.3f s = %,.0f lines/s (accepted %,d, skipped %,d, rejected %,d)%n",
                    run,
                    lines,
                    seconds,
                    lines / seconds,
                    accepted,
                    skipped,
                    rejected);
        }
    }

    static byte[] generate(int lines, Communes communes, SplittableRandom random) {
        StringBuilder b = new StringBuilder(lines * 300);
        b.append(HEADER).append('\n');
        String[] specialties = {"SM54", "SM54", "SM54", "SM26", "SM04", "SM42", "SM40", "SM38", "SM15"};
        String[] f = new String[52];
        for (int i = 0; i < lines; i++) {
            java.util.Arrays.fill(f, "");
            String rpps = realLike(i);
            boolean doctor = random.nextInt(10) < 8;
            f[0] = "8";
            f[1] = rpps;
            f[2] = "8" + rpps;
            f[3] = "DR";
            f[4] = "Docteur";
            f[7] = "NOM" + i;
            f[8] = "PRENOM";
            f[9] = doctor ? "10" : "60";
            f[10] = doctor ? "Médecin" : "Infirmier";
            f[11] = "C";
            f[12] = "Civil";
            f[13] = doctor ? "S" : "";
            f[15] = doctor ? specialties[random.nextInt(specialties.length)] : "";
            f[17] = "L";
            f[18] = "Libéral,indépendant,artisan,commerçant";
            f[23] = "R" + i;
            f[24] = "CABINET MEDICAL";
            f[28] = String.valueOf(1 + random.nextInt(200));
            f[30] = "R";
            f[31] = "Rue";
            f[32] = "DE LA REPUBLIQUE";
            f[35] = "83000";
            f[36] = communes.get(random.nextInt(communes.size())).code();
            f[37] = "Commune";
            f[38] = "99000";
            f[39] = "France";
            f[40] = "0494000000";
            f[44] = "83";
            f[45] = "Var";
            f[47] = "RPPS";
            f[48] = "SA07";
            f[49] = "Cabinet individuel";
            b.append(String.join("|", f)).append("|\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A made-up number that looks real (starts with 1, valid Luhn key); never the synthetic 000 range. */
    static String realLike(int i) {
        String body = String.format(Locale.ROOT, "1%09d", i);
        for (char k = '0'; k <= '9'; k++) {
            if (Rpps.isValid(body + k)) {
                return body + k;
            }
        }
        throw new IllegalStateException();
    }
}
