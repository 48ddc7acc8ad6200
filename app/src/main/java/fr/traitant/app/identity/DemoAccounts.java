package fr.traitant.app.identity;

import fr.traitant.engine.directory.Rpps;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY (profile {@code demo}, which {@code ./traitant run} activates): one account per role, created at start-up
 * if missing, listed in the log and on the login page. The packaged application without the profile has none.
 */
@Component
@Profile("demo")
@Order(0)
public class DemoAccounts implements ApplicationRunner {

    /** A demo account: e-mail, password (demo only!), role. */
    public record DemoAccount(String email, String password, Role role, String displayName) {}

    public static final String DEMO_RPPS = "10000000001";

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("assure@demo.traitant.fr", "Demo-Famille-2026", Role.INSURED, "Camille Martin (démo)"),
            new DemoAccount("medecin@demo.traitant.fr", "Demo-Docteur-2026", Role.DOCTOR, "Dr Louise Bernard (démo)"),
            new DemoAccount(
                    "conseiller@demo.traitant.fr", "Demo-Pass-Toulon-2026", Role.ADVISOR, "Hugo Petit (démo, PASS)"),
            new DemoAccount(
                    "conciliateur@demo.traitant.fr", "Demo-Mediation-2026", Role.CONCILIATOR, "Inès Moreau (démo)"),
            new DemoAccount(
                    "reseau@demo.traitant.fr", "Demo-Solidaires-2026", Role.NETWORK_MANAGER, "Paul Laurent (démo)"),
            new DemoAccount(
                    "programme@demo.traitant.fr",
                    "Demo-Territoires-2026",
                    Role.PROGRAMME_MANAGER,
                    "Julie Simon (démo)"),
            new DemoAccount("dpo@demo.traitant.fr", "Demo-Rgpd-Registre-2026", Role.DPO, "Marc Michel (démo, DPO)"),
            new DemoAccount("admin@demo.traitant.fr", "Demo-Exploitation-2026", Role.ADMIN, "Admin (démo)"));

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    private final Accounts accounts;
    private final AccountRepository repository;

    DemoAccounts(Accounts accounts, AccountRepository repository) {
        this.accounts = accounts;
        this.repository = repository;
    }

    public List<DemoAccount> accounts() {
        return ACCOUNTS;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoAccount demo : ACCOUNTS) {
            if (repository.findByUsername(demo.email()).isEmpty()) {
                accounts.create(
                        demo.email(),
                        demo.displayName(),
                        demo.role(),
                        demo.password(),
                        demo.role() == Role.DOCTOR ? new Rpps(DEMO_RPPS) : null,
                        true);
            }
        }
        StringBuilder text =
                new StringBuilder("\n=== DEMO ONLY — demo accounts (profile 'demo'; never enable in production) ===\n");
        ACCOUNTS.forEach(a -> text.append(String.format("  %-18s %-32s %s%n", a.role(), a.email(), a.password())));
        log.warn(text.toString());
    }
}
