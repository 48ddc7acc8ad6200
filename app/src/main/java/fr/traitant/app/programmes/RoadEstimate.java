package fr.traitant.app.programmes;

import fr.traitant.app.territory.Territory;
import fr.traitant.engine.territory.Communes;
import fr.traitant.engine.travel.EstimatedRoadTimes;
import fr.traitant.engine.travel.RoadTimeModel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The platform's road-time estimate between communes (the same as the APL and the search), built once. */
@Component
class RoadEstimate {

    private final Territory territory;
    private volatile @Nullable EstimatedRoadTimes times;

    RoadEstimate(Territory territory) {
        this.territory = territory;
    }

    EstimatedRoadTimes times() {
        Communes communes = territory.engineCommunes();
        EstimatedRoadTimes t = times;
        if (t == null || t.communeCount() != communes.size()) {
            t = EstimatedRoadTimes.over(communes, RoadTimeModel.DEFAULT);
            times = t;
        }
        return t;
    }

    /** Minutes from one commune to another, by their INSEE codes. */
    double minutes(String from, String to) {
        Communes communes = territory.engineCommunes();
        return times().minutes(communes.indexOf(from), communes.indexOf(to));
    }
}
