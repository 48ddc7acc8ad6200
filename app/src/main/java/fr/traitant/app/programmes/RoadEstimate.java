package fr.traitant.app.programmes;

import fr.traitant.app.territory.Territory;
import fr.traitant.engine.territory.Communes;
import fr.traitant.engine.travel.EstimatedRoadTimes;
import org.springframework.stereotype.Component;

/** The platform's road-time estimate ({@link Territory#roadTimes()}) between communes given by their INSEE codes. */
@Component
class RoadEstimate {

    private final Territory territory;

    RoadEstimate(Territory territory) {
        this.territory = territory;
    }

    EstimatedRoadTimes times() {
        return territory.roadTimes();
    }

    /** Minutes from one commune to another, by their INSEE codes. */
    double minutes(String from, String to) {
        Communes communes = territory.engineCommunes();
        return times().minutes(communes.indexOf(from), communes.indexOf(to));
    }
}
