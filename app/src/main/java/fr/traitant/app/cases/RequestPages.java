package fr.traitant.app.cases;

import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.platform.values.EmailAddress;
import fr.traitant.app.platform.values.InseeCode;
import fr.traitant.app.platform.values.PhoneNumber;
import fr.traitant.app.territory.Territory;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The insured person's pages: the online request form, their requests with a status that refreshes by itself
 * (htmx polling; unchanged requests answer 204 and are not re-read), satisfaction at closure, notifications.
 */
@Controller
class RequestPages {

    private final CaseRequests requests;
    private final Territory territory;
    private final CurrentUser currentUser;

    RequestPages(CaseRequests requests, Territory territory, CurrentUser currentUser) {
        this.requests = requests;
        this.territory = territory;
        this.currentUser = currentUser;
    }

    @GetMapping("/demandes/nouvelle")
    String form(Model model) {
        model.addAttribute(
                "form",
                RequestForm.empty(currentUser.find().map(u -> u.username()).orElse("")));
        return formPage(model);
    }

    @PostMapping("/demandes")
    String submit(
            @jakarta.validation.Valid @ModelAttribute("form") RequestForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        CaseKind kind = FormChecks.enumValue(CaseKind.class, form.kind()).orElse(null);
        if (kind == null) {
            errors.rejectValue("kind", "kind", "Choisissez le type de demande.");
        }
        Motive motive = FormChecks.enumValue(Motive.class, form.motive()).orElse(null);
        if (motive == null) {
            errors.rejectValue("motive", "motive", "Choisissez le motif de votre demande.");
        } else if (kind != null && !motive.allowedFor(kind)) {
            errors.rejectValue("motive", "motive", "Ce motif ne relève pas de : " + kind.label() + ".");
        }
        Set<CaseSituation> vulnerabilities = FormChecks.vulnerabilities(form.vulnerabilities(), errors);
        InseeCode commune = FormChecks.commune(territory, form.commune(), true, errors);
        PhoneNumber phone = FormChecks.phone(form.phone(), errors);
        EmailAddress email = FormChecks.email(form.email(), errors);
        if (phone == null && email == null && !errors.hasFieldErrors("phone") && !errors.hasFieldErrors("email")) {
            errors.rejectValue(
                    "phone",
                    "contact",
                    "Indiquez au moins un téléphone ou une adresse électronique pour vous joindre.");
        }
        if (errors.hasErrors()) {
            response.setStatus(422);
            return formPage(model);
        }
        CaseView created = requests.submit(new NewCase(
                java.util.Objects.requireNonNull(kind),
                Channel.ONLINE_FORM,
                java.util.Objects.requireNonNull(motive),
                vulnerabilities,
                null,
                currentUser.get().displayName(),
                email,
                phone,
                commune,
                form.summary(),
                Priority.NORMAL));
        return "redirect:/mes-demandes/" + created.id() + "?envoyee";
    }

    private String formPage(Model model) {
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("passMotives", Motive.of(CaseKind.PASS));
        model.addAttribute("conciliationMotives", Motive.of(CaseKind.CONCILIATION));
        model.addAttribute("allVulnerabilities", CaseSituation.values());
        return "cases/request-form";
    }

    @GetMapping("/mes-demandes")
    String mine(Model model) {
        model.addAttribute("requests", requests.myRequests());
        return "cases/my-requests";
    }

    @GetMapping("/mes-demandes/{id}")
    String one(@PathVariable long id, Model model) {
        CaseFile file = requests.myRequest(id);
        model.addAttribute("file", file);
        model.addAttribute(
                "doctorSearch", requests.doctorSearchStatus(file.view()).orElse(null));
        model.addAttribute("scores", List.of(1, 2, 3, 4, 5));
        return "cases/my-request";
    }

    /** The status block, for polling: 204 (nothing to swap) while the request has not changed. */
    @GetMapping("/mes-demandes/{id}/etat")
    @Nullable
    String status(
            @PathVariable long id,
            @RequestParam(name = "version", defaultValue = "-1") int version,
            Model model,
            HttpServletResponse response) {
        Optional<CaseFile> changed = requests.myRequestIfChanged(id, version);
        if (changed.isEmpty()) {
            response.setStatus(204);
            return null;
        }
        model.addAttribute("file", changed.get());
        return "cases/my-request :: status";
    }

    @PostMapping("/mes-demandes/{id}/avis")
    String rate(
            @PathVariable long id,
            @RequestParam(name = "note", required = false) String score,
            @RequestParam(name = "commentaire", required = false) String comment,
            Model model,
            HttpServletResponse response) {
        Integer value = null;
        try {
            value = score == null ? null : Integer.valueOf(score);
        } catch (NumberFormatException e) {
            value = null;
        }
        String error;
        if (value == null || value < 1 || value > 5) {
            error = "Choisissez une note de 1 à 5.";
        } else {
            try {
                requests.rate(id, value, comment);
                return "redirect:/mes-demandes/" + id + "?merci";
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
        }
        response.setStatus(422);
        model.addAttribute("ratingError", error);
        model.addAttribute("comment", comment);
        return one(id, model);
    }

    /** Small checks shared by the request and case forms: errors go next to the field. */
    static final class FormChecks {
        private FormChecks() {}

        static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String value) {
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Enum.valueOf(type, value.strip()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        static Set<CaseSituation> vulnerabilities(List<String> values, BindingResult errors) {
            Set<CaseSituation> set = EnumSet.noneOf(CaseSituation.class);
            for (String v : values) {
                Optional<CaseSituation> parsed = enumValue(CaseSituation.class, v);
                if (parsed.isEmpty()) {
                    errors.rejectValue("vulnerabilities", "vulnerabilities", "Situation inconnue.");
                } else {
                    set.add(parsed.get());
                }
            }
            return set;
        }

        static @Nullable InseeCode commune(Territory territory, String value, boolean required, BindingResult errors) {
            String v = value == null ? "" : value.strip();
            if (v.isEmpty()) {
                if (required) {
                    errors.rejectValue(
                            "commune",
                            "commune",
                            "Indiquez votre commune : son nom, son code postal ou son code INSEE.");
                }
                return null;
            }
            // a name, a postal code of one commune, or an INSEE code ("Toulon (83)" as the suggestions write it)
            return territory.resolveCommune(v).map(c -> InseeCode.of(c.code())).orElseGet(() -> {
                errors.rejectValue(
                        "commune",
                        "commune",
                        "Aucune commune ne correspond à « " + v
                                + " » : choisissez-la dans les suggestions, ou indiquez son code postal ou son code INSEE.");
                return null;
            });
        }

        static @Nullable PhoneNumber phone(String value, BindingResult errors) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return PhoneNumber.of(value);
            } catch (IllegalArgumentException e) {
                errors.rejectValue("phone", "phone", String.valueOf(e.getMessage()));
                return null;
            }
        }

        static @Nullable EmailAddress email(String value, BindingResult errors) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return EmailAddress.of(value);
            } catch (IllegalArgumentException e) {
                errors.rejectValue("email", "email", String.valueOf(e.getMessage()));
                return null;
            }
        }
    }
}
