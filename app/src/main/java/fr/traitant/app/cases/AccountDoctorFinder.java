package fr.traitant.app.cases;

import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Stand-in for the directory's doctor search (not in this branch): the doctors who have a DOCTOR account, filtered
 * by name. Their commune and network membership are unknown here, so the commune is not used; the directory
 * adapter replaces this bean (ADR 0021).
 */
@Component
class AccountDoctorFinder implements DoctorFinder {

    private static final String PREFIX = "account:";
    private final Accounts accounts;

    AccountDoctorFinder(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<DoctorCandidate> near(@Nullable String communeCode, String name, int limit) {
        String wanted = fold(name == null ? "" : name);
        return accounts.withRole(Role.DOCTOR).stream()
                .filter(d -> wanted.isEmpty() || fold(d.displayName()).contains(wanted))
                .limit(Math.max(1, Math.min(limit, 50)))
                .map(d -> new DoctorCandidate(
                        PREFIX + d.accountId(), d.displayName(), d.accountId(), null, null, null, null))
                .toList();
    }

    @Override
    public Optional<DoctorCandidate> find(String ref) {
        if (ref == null || !ref.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return accounts.findById(Long.parseLong(ref.substring(PREFIX.length())))
                    .filter(a -> a.has(Role.DOCTOR))
                    .map(d -> new DoctorCandidate(ref, d.displayName(), d.accountId(), null, null, null, null));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .strip();
    }
}
