package fr.traitant.app.territory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public read-only API of the territory (reference data, no personal data). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Territoire", description = "Communes, départements et régions de France (données publiques de référence)")
class TerritoryApi {

    private final Territory territory;

    TerritoryApi(Territory territory) {
        this.territory = territory;
    }

    @GetMapping("/communes/{code}")
    @Operation(
            summary = "Une commune par son code INSEE",
            description = "404 si aucune commune n'a ce code, 400 si le code est mal formé.")
    CommuneSummary commune(@PathVariable @Parameter(example = "83137") String code) {
        return territory.getCommune(code);
    }

    @GetMapping("/communes")
    @Operation(
            summary = "Recherche de communes par début de nom ou de code postal",
            description = "Insensible aux accents, à la casse et aux tirets ; les plus peuplées d'abord.")
    List<CommuneSummary> search(
            @RequestParam @Parameter(example = "saint etienne") String query,
            @RequestParam(defaultValue = "10") @Parameter(description = "1 à 50") int limit) {
        return territory.searchCommunes(query, limit);
    }

    @GetMapping("/departements")
    @Operation(summary = "Les départements avec leur population et leur nombre de communes")
    List<DepartementSummary> departements() {
        return territory.departements();
    }

    @GetMapping("/regions")
    @Operation(summary = "Les régions avec leur population et leur nombre de communes")
    List<RegionSummary> regions() {
        return territory.regions();
    }
}
