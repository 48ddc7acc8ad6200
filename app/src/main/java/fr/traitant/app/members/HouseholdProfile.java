package fr.traitant.app.members;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What other modules need to know about a household to rank and place it — no names, no identifiers beyond the
 * household id (for the waiting list's priority and the matching).
 */
public record HouseholdProfile(
        long householdId,
        @Nullable String communeCode,
        @Nullable String departement,
        @Nullable Double lat,
        @Nullable Double lon,
        List<Person> members) {
    public HouseholdProfile {
        members = List.copyOf(members);
    }

    /** A member's profile: age in years at the reading date, category, ALD group (or null), flags, declared GP (RPPS when known). */
    public record Person(
            long memberId,
            int age,
            MemberCategory category,
            @Nullable LongTermCondition longTermCondition,
            List<Vulnerability> vulnerabilities,
            boolean hasDeclaredDoctor,
            @Nullable String declaredDoctorRpps) {
        public Person {
            vulnerabilities = List.copyOf(vulnerabilities);
        }

        static Person of(HouseholdRepository.MemberRow m, LocalDate today) {
            int age = m.birthDate() == null
                    ? 40
                    : java.time.Period.between(m.birthDate(), today).getYears();
            return new Person(
                    m.id(),
                    age,
                    m.category(),
                    m.longTermCondition(),
                    m.vulnerabilities(),
                    m.hasDeclaredDoctor(),
                    m.declaredDoctorRpps());
        }
    }
}
