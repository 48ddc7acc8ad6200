package fr.traitant.app.members;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MembersApi {
    private final Households households;
    private final PopulationFigures populationFigures;

    MembersApi(Households households, PopulationFigures populationFigures) {
        this.households = households;
        this.populationFigures = populationFigures;
    }

    /** The protected population by category and age band, in the shape of the fund's report (aggregates only). */
    @GetMapping("/api/v1/figures/population")
    PopulationTable population() {
        return populationFigures.table();
    }

    /** A household with its members (NIR masked); 404 when it does not exist or is not yours. */
    @GetMapping("/api/v1/households/{id}")
    HouseholdView household(@PathVariable long id, @RequestParam(name = "motif", required = false) String purpose) {
        return households.read(id, purpose);
    }
}
