package fr.traitant.app.matching;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WaitingFiguresApi {
    private final WaitingFigures figures;

    WaitingFiguresApi(WaitingFigures figures) {
        this.figures = figures;
    }

    /** Households and people waiting by département and priority, median wait, attached per month. */
    @GetMapping("/api/v1/figures/waiting")
    java.util.Map<String, Object> waiting() {
        return java.util.Map.of("waiting", figures.waiting(), "attachedPerMonth", figures.attachedPerMonth());
    }

    @GetMapping(value = "/chiffres/attente.csv", produces = "text/csv;charset=UTF-8")
    org.springframework.http.ResponseEntity<String> csv() {
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"liste-attente.csv\"")
                .body(figures.waitingCsv());
    }
}
