package fr.traitant.app.identity;

import fr.traitant.app.platform.ListRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's accounts (ADMIN): every account page by page (filter by role, search by name or e-mail), agents
 * invited by e-mail with a role, roles changed, accounts disabled and enabled again — never deleted, the audit trail
 * keeps them — and the invitations in progress (resend, cancel). Every change is audited.
 */
@Controller
class AccountAdminPages {

    private final AccountRepository accounts;
    private final Invitations invitations;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountAdminPages(
            AccountRepository accounts,
            Invitations invitations,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** An account as the list shows it. */
    record Row(
            long id, String username, String displayName, Role role, boolean enabled, String lastLogin, boolean self) {}

    @GetMapping("/admin/comptes")
    String list(
            @RequestParam(name = "role", required = false) String role,
            @RequestParam(name = "q", defaultValue = "") String query,
            ListRequest list,
            Model model) {
        model.addAttribute("form", AgentInvitationForm.empty());
        fill(model, role, query, list);
        return "identity/admin-accounts";
    }

    private void fill(Model model, @Nullable String roleFilter, String query, ListRequest list) {
        Role role = Arrays.stream(Role.values())
                .filter(r -> r.name().equals(roleFilter))
                .findFirst()
                .orElse(null);
        long me = currentUser.get().accountId();
        var page = accounts.page(role, query, list);
        model.addAttribute(
                "accounts",
                page.map(a -> new Row(
                        a.id(),
                        a.username(),
                        a.displayName(),
                        a.role(),
                        a.enabled(),
                        a.lastLoginAt()
                                .map(fr.traitant.app.platform.FrenchDates::dayAndTime)
                                .orElse("jamais"),
                        a.id() == me)));
        model.addAttribute("roleFilter", role == null ? "" : role.name());
        model.addAttribute("query", query);
        model.addAttribute("roles", Role.values());
        model.addAttribute(
                "agentRoles", Arrays.stream(Role.values()).filter(Role::agent).toList());
        model.addAttribute("invitations", invitations.page(null, true, ListRequest.first("/admin/comptes")));
    }

    @PostMapping("/admin/comptes")
    String invite(
            @jakarta.validation.Valid @ModelAttribute("form") AgentInvitationForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Role chosen = Arrays.stream(Role.values())
                .filter(r -> r.agent() && r.name().equals(form.role()))
                .findFirst()
                .orElse(null);
        if (chosen == null && !errors.hasFieldErrors("role")) {
            errors.rejectValue("role", "role", "Choisissez le rôle de l’agent.");
        }
        if (!errors.hasErrors() && chosen != null) {
            try {
                invitations.inviteAgent(chosen, form.email(), form.displayName());
                redirect.addFlashAttribute(
                        "message", "Invitation envoyée à " + form.email().toLowerCase(Locale.ROOT) + ".");
                return "redirect:/admin/comptes";
            } catch (IllegalArgumentException e) {
                errors.rejectValue("email", "email", String.valueOf(e.getMessage()));
            }
        }
        response.setStatus(422);
        fill(model, null, "", ListRequest.first("/admin/comptes"));
        return "identity/admin-accounts";
    }

    @PostMapping("/admin/comptes/{id}/role")
    @Transactional
    String changeRole(@PathVariable long id, @RequestParam String role, RedirectAttributes redirect) {
        Account account = accounts.findById(id)
                .orElseThrow(() -> new fr.traitant.app.platform.NotFoundException("Compte introuvable."));
        Role chosen = Arrays.stream(Role.values())
                .filter(r -> r.name().equals(role))
                .findFirst()
                .orElse(null);
        if (chosen == null || !chosen.agent() || !account.role().agent()) {
            redirect.addFlashAttribute(
                    "error", "Seul le rôle d'un agent se change, et seulement pour un autre rôle d'agent.");
        } else if (id == currentUser.get().accountId()) {
            redirect.addFlashAttribute("error", "Vous ne pouvez pas changer votre propre rôle.");
        } else if (chosen != account.role()) {
            accounts.setRole(id, chosen);
            events.publishEvent(AccountAudited.of(
                    id,
                    AccountAudited.Change.UPDATE,
                    "Rôle changé de « " + account.role().label() + " » en « " + chosen.label() + " »"));
            redirect.addFlashAttribute(
                    "message", account.displayName() + " est maintenant « " + chosen.label() + " ».");
        }
        return "redirect:/admin/comptes";
    }

    @PostMapping("/admin/comptes/{id}/desactiver")
    @Transactional
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        return setEnabled(id, false, redirect);
    }

    @PostMapping("/admin/comptes/{id}/reactiver")
    @Transactional
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        return setEnabled(id, true, redirect);
    }

    private String setEnabled(long id, boolean enabled, RedirectAttributes redirect) {
        Account account = accounts.findById(id)
                .orElseThrow(() -> new fr.traitant.app.platform.NotFoundException("Compte introuvable."));
        if (id == currentUser.get().accountId()) {
            redirect.addFlashAttribute("error", "Vous ne pouvez pas désactiver votre propre compte.");
        } else if (account.enabled() != enabled) {
            accounts.setEnabled(id, enabled, clock.instant());
            events.publishEvent(AccountAudited.of(
                    id, AccountAudited.Change.UPDATE, enabled ? "Compte réactivé" : "Compte désactivé"));
            redirect.addFlashAttribute(
                    "message",
                    account.displayName() + (enabled ? " : compte réactivé." : " : compte désactivé (conservé)."));
        }
        return "redirect:/admin/comptes";
    }

    @PostMapping("/admin/invitations/{id}/renvoyer")
    String resend(@PathVariable long id, RedirectAttributes redirect) {
        try {
            invitations.resend(id);
            redirect.addFlashAttribute("message", "Invitation renvoyée avec un nouveau lien.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/comptes";
    }

    @PostMapping("/admin/invitations/{id}/annuler")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        invitations.revoke(id);
        redirect.addFlashAttribute("message", "Invitation annulée.");
        return "redirect:/admin/comptes";
    }
}
