package fr.traitant.app.members;

import fr.traitant.app.identity.Accounts;
import fr.traitant.app.platform.values.EmailAddress;
import fr.traitant.app.platform.values.InseeCode;
import fr.traitant.app.platform.values.Nir;
import fr.traitant.app.platform.values.PhoneNumber;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** DEMO ONLY: a synthetic household linked to the demo insured account (profile {@code demo}), created once. */
@Component
@Profile("demo")
@Order(10)
class DemoHouseholds implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHouseholds.class);
    private final Accounts accounts;
    private final Households households;

    DemoHouseholds(Accounts accounts, Households households) {
        this.accounts = accounts;
        this.households = households;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.find("assure@demo.traitant.fr").ifPresent(insured -> {
            if (!households.householdsOf(insured.accountId()).isEmpty()) {
                return;
            }
            long id = households.create(
                    "Foyer Martin (démo, synthétique)",
                    InseeCode.of("83137"),
                    List.of(
                            new NewMember(
                                    "Camille",
                                    "Martin",
                                    LocalDate.of(1984, 5, 12),
                                    withKey("2840583137021"),
                                    EmailAddress.of("assure@demo.traitant.fr"),
                                    PhoneNumber.of("06 12 34 56 78")),
                            new NewMember(
                                    "Léo", "Martin", LocalDate.of(2015, 9, 3), withKey("1150983137045"), null, null)));
            households.link(id, insured.accountId());
            long other = households.create(
                    "Foyer Durand (démo, synthétique)",
                    InseeCode.of("29019"),
                    List.of(new NewMember(
                            "Nora", "Durand", LocalDate.of(1990, 1, 20), withKey("2900129019033"), null, null)));
            log.warn(
                    "DEMO ONLY — synthetic households {} (linked to assure@demo.traitant.fr) and {} created",
                    id,
                    other);
        });
    }

    private static Nir withKey(String thirteen) {
        long key = 97 - Long.parseLong(thirteen) % 97;
        return Nir.of(thirteen + String.format("%02d", key));
    }
}
