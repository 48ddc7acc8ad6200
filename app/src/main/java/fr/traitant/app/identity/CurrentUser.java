package fr.traitant.app.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Facade: who is signed in on the current request. */
@Component
public class CurrentUser {

    /** The signed-in person, or empty for an anonymous request (or a scheduled job). */
    public Optional<SignedInUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            return Optional.of(principal.user());
        }
        return Optional.empty();
    }

    /** The signed-in person; throws when there is none (the access rules make that a programming error). */
    public SignedInUser get() {
        return find().orElseThrow(() -> new IllegalStateException("No signed-in user on this request"));
    }
}
