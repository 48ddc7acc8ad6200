package fr.traitant.app.members;

import fr.traitant.app.identity.InsuredIdentities;
import fr.traitant.app.privacy.AuditAction;
import fr.traitant.app.privacy.AuditTrail;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches FranceConnect's identity pivot against the fund's members (identity's {@link InsuredIdentities} port).
 * A member matches when, accents, case, hyphens and apostrophes aside: the family name is the member's last name; the
 * member's first name is the first of the given names (or the first ones: "Jean-Pierre" for "Jean Pierre Marie");
 * the birth date is the same; and what the fund knows agrees — sex when both are known, and the birthplace with the
 * NIR (its characters 6–10 are the birth commune, "99…" abroad). Exactly one member is a match; nothing is guessed.
 */
@Component
class MemberIdentities implements InsuredIdentities {

    private final JdbcClient jdbc;
    private final Households households;
    private final AuditTrail auditTrail;

    MemberIdentities(JdbcClient jdbc, Households households, AuditTrail auditTrail) {
        this.jdbc = jdbc;
        this.households = households;
        this.auditTrail = auditTrail;
    }

    private record Candidate(long id, long householdId, String firstName, String lastName, String sex, String nir) {}

    @Override
    public Match match(Pivot pivot) {
        List<Candidate> candidates = jdbc.sql("""
                        select m.id, m.household_id, m.first_name, m.last_name, coalesce(m.sex, ''), coalesce(m.nir, '')
                          from member m join household h on h.id = m.household_id
                         where m.birth_date = :d and h.closed_at is null""")
                .param("d", pivot.birthDate())
                .query((rs, i) -> new Candidate(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
        List<Candidate> matching =
                candidates.stream().filter(c -> matches(c, pivot)).toList();
        if (matching.size() == 1) {
            Candidate c = matching.getFirst();
            return new One(c.id(), c.householdId(), c.firstName() + " " + c.lastName());
        }
        return matching.isEmpty() ? new NoMatch() : new Several(matching.size());
    }

    static boolean matches(Candidate c, Pivot p) {
        if (!normalized(c.lastName()).equals(normalized(p.familyName()))) {
            return false;
        }
        List<String> given = Arrays.asList(normalized(p.givenNames()).split(" "));
        List<String> first = Arrays.asList(normalized(c.firstName()).split(" "));
        if (first.size() > given.size() || !given.subList(0, first.size()).equals(first)) {
            return false;
        }
        if (!c.sex().isEmpty() && !p.sex().isEmpty() && !c.sex().equals(p.sex())) {
            return false;
        }
        if (c.nir().length() == 15) {
            String nirSex = c.nir().charAt(0) == '1'
                            || c.nir().charAt(0) == '3'
                            || c.nir().charAt(0) == '7'
                    ? "M"
                    : "F";
            if (!p.sex().isEmpty() && !nirSex.equals(p.sex())) {
                return false;
            }
            String nirPlace = c.nir().substring(5, 10);
            boolean bornAbroad = nirPlace.startsWith("99");
            if (!p.birthplace().isBlank()
                    && !bornAbroad
                    && !nirPlace.equals(p.birthplace().strip())) {
                return false;
            }
            if (p.birthplace().isBlank()
                    && !p.birthcountry().isBlank()
                    && !p.birthcountry().strip().equals("99100")
                    && !bornAbroad) {
                return false;
            }
        }
        return true;
    }

    /** Upper case, no accents, hyphens and apostrophes as spaces, one space between words. */
    static String normalized(String name) {
        String s = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", " ").strip();
    }

    @Override
    @Transactional
    public void link(long householdId, long memberId, long accountId) {
        households.link(householdId, accountId);
        auditTrail.record(
                MembersPersonalData.personRef(memberId),
                "household",
                Long.toString(householdId),
                AuditAction.UPDATE,
                "Compte assuré n° " + accountId + " lié au foyer (identité reconnue)");
    }
}
