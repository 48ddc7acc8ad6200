package fr.traitant.app.network;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The network manager's search of the signatories: by département, commune, commitments and signature date; the
 * same filter gives the page, its count and the CSV.
 *
 * @param departement code, empty for all
 * @param commune INSEE code or name, empty for all
 * @param minPatients at least this many new patients a year
 * @param since signed on or after this day
 * @param transferredOnly only those who take transferred families
 */
public record MemberSearch(
        @Size(max = 40) @Nullable String departement,
        @Size(max = 100) @Nullable String commune,

        @Min(value = 0, message = "Indiquez un nombre entre 0 et 2 000.")
        @Max(value = 2000, message = "Indiquez un nombre entre 0 et 2 000.")
        @Nullable
        Integer minPatients,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate since,

        @Nullable Boolean transferredOnly) {

    /** No filter. */
    public static MemberSearch all() {
        return new MemberSearch(null, null, null, null, false);
    }

    /** Whether only those who take transferred families are asked for (absent: no). */
    public boolean onlyTransferred() {
        return Boolean.TRUE.equals(transferredOnly);
    }

    /** The filter as the query needs it: codes resolved, empty texts as absent. */
    public record Filter(
            @Nullable String departement,
            @Nullable String commune,
            @Nullable Integer minPatients,
            @Nullable LocalDate since,
            boolean transferredOnly) {
        /** No filter. */
        public static final Filter NONE = new Filter(null, null, null, null, false);
    }
}
