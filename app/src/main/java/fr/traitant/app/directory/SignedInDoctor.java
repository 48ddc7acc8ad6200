package fr.traitant.app.directory;

import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.identity.Role;
import fr.traitant.engine.directory.Rpps;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link CurrentDoctor} from the identity module: a DOCTOR account is linked to an RPPS number. */
@Component
class SignedInDoctor implements CurrentDoctor {

    private final CurrentUser currentUser;
    private final Accounts accounts;

    SignedInDoctor(CurrentUser currentUser, Accounts accounts) {
        this.currentUser = currentUser;
        this.accounts = accounts;
    }

    @Override
    public Optional<String> rpps() {
        return currentUser
                .find()
                .filter(u -> u.has(Role.DOCTOR))
                .flatMap(u -> accounts.doctorRpps(u.accountId()))
                .map(Rpps::value);
    }
}
