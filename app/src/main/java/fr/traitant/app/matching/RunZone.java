package fr.traitant.app.matching;

import fr.traitant.app.territory.Territory;
import java.util.List;

/**
 * The zone of a run: a département, a région (all its départements) or France; its households are matched with the
 * doctors of the zone and of the neighbouring départements within reach (ADR 0064).
 */
public record RunZone(String scope, String code, List<String> departements, String label) {
    public RunZone {
        departements = List.copyOf(departements);
    }

    /**
     * The zone typed by an advisor: a département's code ("83", "2A"), a région's name or code ("Occitanie", "R76"), or
     * "France"; empty when it is none of them.
     */
    static java.util.Optional<RunZone> parse(String typed, Territory territory) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty()) {
            return java.util.Optional.empty();
        }
        String key = java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z]+", " ")
                .strip();
        if (key.equals("france") || key.equals("france entiere") || key.equals("fr")) {
            return java.util.Optional.of(new RunZone(
                    "FRANCE",
                    "FR",
                    territory.departements().stream()
                            .map(fr.traitant.app.territory.DepartementSummary::code)
                            .toList(),
                    "France entière"));
        }
        String upper = t.toUpperCase(java.util.Locale.ROOT);
        if (territory.isDepartement(upper)) {
            return java.util.Optional.of(
                    new RunZone("DEPARTEMENT", upper, List.of(upper), territory.departementLabel(upper)));
        }
        java.util.Optional<String> named = territory.findDepartementByName(t);
        if (named.isPresent()) {
            return java.util.Optional.of(new RunZone(
                    "DEPARTEMENT", named.get(), List.of(named.get()), territory.departementLabel(named.get())));
        }
        return territory
                .findRegion(t)
                .map(r -> new RunZone(
                        "REGION",
                        r.code(),
                        territory.departements().stream()
                                .filter(d -> r.code().equals(d.region()))
                                .map(fr.traitant.app.territory.DepartementSummary::code)
                                .toList(),
                        "Région " + r.name()));
    }
}
