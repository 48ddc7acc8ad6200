package fr.traitant.app.matching;

import fr.traitant.app.TestAccounts;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.InseeCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The households, waiting-list entries and doctors the matching tests need, made through the modules' facades (one
 * place instead of a copy per test class). A bean of the test context: {@code @Autowired MatchingFixtures fixtures}.
 */
@Component
public class MatchingFixtures {

    private final Households households;
    private final WaitingList waitingList;
    private final DoctorCapacities capacities;
    private final Accounts accounts;

    MatchingFixtures(Households households, WaitingList waitingList, DoctorCapacities capacities, Accounts accounts) {
        this.households = households;
        this.waitingList = waitingList;
        this.capacities = capacities;
        this.accounts = accounts;
    }

    /** A household of one adult in a commune. */
    public long household(String label, String commune, String firstName, String lastName, LocalDate born) {
        return households.create(
                label, InseeCode.of(commune), List.of(new NewMember(firstName, lastName, born, null, null, null)));
    }

    /** The same household, on the waiting list since {@code since}. Returns the waiting-list entry. */
    public long waiting(
            String label,
            String commune,
            String firstName,
            String lastName,
            LocalDate born,
            WaitingList.Source source,
            Instant since) {
        return waitingList.register(household(label, commune, firstName, lastName, born), source, since);
    }

    /** A new doctor account declaring {@code capacity} places in a commune. Returns the account id. */
    public long doctor(String commune, int capacity) {
        long account = TestAccounts.create(accounts, Role.DOCTOR).accountId();
        capacities.declareCapacity(account, null, commune, capacity);
        return account;
    }
}
