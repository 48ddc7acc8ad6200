package fr.traitant.app.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The signed-in person (or null) for the header of every page. */
@ControllerAdvice
class SignedInModel {
    private final CurrentUser currentUser;
    private final Inbox inbox;

    SignedInModel(CurrentUser currentUser, Inbox inbox) {
        this.currentUser = currentUser;
        this.inbox = inbox;
    }

    @ModelAttribute("signedIn")
    @Nullable
    SignedInUser signedIn() {
        return currentUser.find().orElse(null);
    }

    /** Unread notifications of the signed-in person, for the header (0 for anonymous visitors). */
    @ModelAttribute("unreadNotifications")
    int unreadNotifications() {
        return currentUser.find().map(u -> inbox.unread(u.accountId())).orElse(0);
    }
}
