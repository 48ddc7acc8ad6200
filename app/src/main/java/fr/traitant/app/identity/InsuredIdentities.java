package fr.traitant.app.identity;

import java.time.LocalDate;

/**
 * Port to the fund's members, for the first FranceConnect sign-in (implemented by the members module): which
 * household does this identity pivot belong to. Nothing is guessed: a match must be unique.
 */
public interface InsuredIdentities {

    /**
     * The identity pivot FranceConnect sends (OpenID Connect claims {@code family_name}, {@code given_name},
     * {@code birthdate}, {@code gender}, {@code birthplace}, {@code birthcountry}).
     *
     * @param birthplace INSEE code of the birth commune (empty when born abroad)
     * @param birthcountry INSEE code of the birth country ({@code 99100} = France), may be empty
     */
    record Pivot(
            String familyName,
            String givenNames,
            LocalDate birthDate,
            String sex,
            String birthplace,
            String birthcountry) {}

    /** The outcome: one member (with their household), none, or several. */
    sealed interface Match permits One, NoMatch, Several {}

    record One(long memberId, long householdId, String displayName) implements Match {}

    record NoMatch() implements Match {}

    record Several(int count) implements Match {}

    Match match(Pivot pivot);

    /** Lets the account see the household (and audits the link). */
    void link(long householdId, long memberId, long accountId);
}
