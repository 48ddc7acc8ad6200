package fr.traitant.app.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The administrator's invitation of an agent, as typed (the address itself is checked by {@link Invitations}). */
record AgentInvitationForm(
        @NotBlank(message = "Saisissez l’adresse électronique professionnelle de l’agent.")
        String email,

        @NotBlank(message = "Saisissez le nom de l’agent (200 caractères au plus).")
        @Size(max = 200, message = "Saisissez le nom de l’agent (200 caractères au plus).")
        String displayName,

        @NotBlank(message = "Choisissez le rôle de l’agent.")
        String role) {

    AgentInvitationForm {
        email = email == null ? "" : email.strip();
        displayName = displayName == null ? "" : displayName.strip();
        role = role == null ? "" : role;
    }

    static AgentInvitationForm empty() {
        return new AgentInvitationForm("", "", "");
    }
}
