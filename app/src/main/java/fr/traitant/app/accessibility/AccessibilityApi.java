package fr.traitant.app.accessibility;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public API of the accessibility indicator (aggregated public figures, no personal data). */
@RestController
@RequestMapping("/api/v1/accessibility")
@Tag(
        name = "Accès aux soins",
        description = "Indicateur APL (accessibilité potentielle localisée) aux médecins généralistes")
class AccessibilityApi {

    private static final Pattern COMMUNE_CODE = Pattern.compile("([0-9]{2}|2A|2B)[0-9]{3}");
    private static final Pattern DEPARTEMENT_CODE = Pattern.compile("[0-9]{2}|2A|2B|97[1-6]");

    private final Accessibility accessibility;

    AccessibilityApi(Accessibility accessibility) {
        this.accessibility = accessibility;
    }

    @GetMapping("/communes/{code}")
    @Operation(
            summary = "APL d'une commune",
            description = "Consultations par habitant et par an ; « underserved » si APL < 2,5 (sous-dense).")
    Accessibility.CommuneAccessibility commune(@PathVariable @Parameter(example = "83137") String code) {
        if (!COMMUNE_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "Code commune INSEE invalide (5 caractères, par exemple 83137 ou 2A004).");
        }
        requireScores();
        return accessibility.getCommune(code);
    }

    @GetMapping("/communes")
    @Operation(summary = "APL et position de toutes les communes (ou d'un département)")
    List<Accessibility.CommunePoint> communes(
            @RequestParam(required = false) @Parameter(example = "83") String departement) {
        if (departement != null && !DEPARTEMENT_CODE.matcher(departement).matches()) {
            throw new IllegalArgumentException("Code de département invalide (01 à 95, 2A, 2B, 971 à 976).");
        }
        requireScores();
        return accessibility.communePoints(Optional.ofNullable(departement));
    }

    @GetMapping("/epci")
    @Operation(
            summary = "Les intercommunalités les moins bien dotées (zones prioritaires candidates)",
            description = "Les N EPCI habités à l'APL pondéré le plus bas, du plus bas au plus haut (151 par défaut).")
    List<Accessibility.AreaAccessibility> lowestEpci(@RequestParam(defaultValue = "151") int lowest) {
        requireScores();
        return accessibility.lowestEpcis(lowest);
    }

    @GetMapping("/departements")
    @Operation(summary = "APL pondéré par la population de chaque département")
    List<Accessibility.AreaAccessibility> departements() {
        requireScores();
        return accessibility.departements();
    }

    @GetMapping("/regions")
    @Operation(summary = "APL pondéré par la population de chaque région")
    List<Accessibility.AreaAccessibility> regions() {
        requireScores();
        return accessibility.regions();
    }

    @GetMapping("/status")
    @Operation(summary = "État du calcul (en cours, terminé, dernier calcul)")
    AccessibilityStatus status() {
        return accessibility.status();
    }

    private void requireScores() {
        if (!accessibility.hasScores()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Le premier calcul de l'indicateur est en cours ; réessayez dans quelques secondes.");
            problem.setTitle("Calcul en cours");
            ErrorResponseException pending = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
            pending.getHeaders().set(HttpHeaders.RETRY_AFTER, "10");
            throw pending;
        }
    }
}
