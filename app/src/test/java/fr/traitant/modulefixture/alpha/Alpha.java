package fr.traitant.modulefixture.alpha;

import fr.traitant.modulefixture.beta.Beta;
import fr.traitant.modulefixture.gamma.Gamma;

/** Uses beta (declared) and gamma (not declared): the verification must refuse it. */
public class Alpha {
    public int sum(Beta beta, Gamma gamma) {
        return beta.value() + gamma.value();
    }
}
