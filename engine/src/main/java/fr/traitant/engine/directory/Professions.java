package fr.traitant.engine.directory;

import java.util.Map;
import java.util.Optional;

/**
 * Labels of the profession codes found in the national RPPS extraction (ANS nomenclature TRE_G15-ProfessionSante),
 * for the import report: every profession but doctors (code 10) is skipped by rule, and the report says which.
 */
public final class Professions {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("10", "Médecin"),
            Map.entry("21", "Pharmacien"),
            Map.entry("26", "Audioprothésiste"),
            Map.entry("28", "Opticien-lunetier"),
            Map.entry("40", "Chirurgien-dentiste"),
            Map.entry("50", "Sage-femme"),
            Map.entry("60", "Infirmier"),
            Map.entry("69", "Infirmier psychiatrique"),
            Map.entry("70", "Masseur-kinésithérapeute"),
            Map.entry("80", "Pédicure-podologue"),
            Map.entry("81", "Orthoprothésiste"),
            Map.entry("82", "Podo-orthésiste"),
            Map.entry("83", "Orthopédiste-orthésiste"),
            Map.entry("84", "Oculariste"),
            Map.entry("85", "Épithésiste"),
            Map.entry("86", "Technicien de laboratoire médical"),
            Map.entry("91", "Orthophoniste"),
            Map.entry("92", "Orthoptiste"),
            Map.entry("94", "Ergothérapeute"),
            Map.entry("95", "Diététicien"),
            Map.entry("96", "Psychomotricien"),
            Map.entry("98", "Manipulateur ERM"));

    private Professions() {}

    /** The French label of a profession code, if known. */
    public static Optional<String> label(String code) {
        return Optional.ofNullable(code == null ? null : LABELS.get(code.strip()));
    }
}
