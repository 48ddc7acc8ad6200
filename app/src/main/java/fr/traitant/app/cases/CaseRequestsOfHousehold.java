package fr.traitant.app.cases;

import fr.traitant.app.matching.HouseholdRequests;
import java.util.List;
import org.springframework.stereotype.Component;

/** The open "find a médecin traitant" cases of a household, for the family's "Mon médecin traitant" page. */
@Component
class CaseRequestsOfHousehold implements HouseholdRequests {

    private final CaseRepository repository;

    CaseRequestsOfHousehold(CaseRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<Summary> openFindDoctorRequests(long householdId) {
        return repository.openForHouseholdToShow(householdId, Motive.FIND_DOCTOR).stream()
                .map(c ->
                        new Summary(c.reference(), c.kind().label(), c.status().label()))
                .toList();
    }
}
