package fr.traitant.app.matching;

import fr.traitant.app.members.Households;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.platform.Outbox;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What each side of a proposal is told, and how: the e-mails (the doctor's over MSSanté, with signed answer links; the
 * family's at its contact address) and the in-application notices. The workflow ({@link ProposalWorkflow}) decides the
 * transitions; this class only words them, in French.
 */
@Component
class ProposalMessages {

    private final CapacityRepository repository;
    private final Households households;
    private final Outbox outbox;
    private final fr.traitant.app.identity.Inbox inbox;
    private final AnswerLinks links;
    private final fr.traitant.app.directory.Doctors directory;
    private final Proposals proposals;

    ProposalMessages(
            CapacityRepository repository,
            Households households,
            Outbox outbox,
            fr.traitant.app.identity.Inbox inbox,
            AnswerLinks links,
            fr.traitant.app.directory.Doctors directory,
            Proposals proposals) {
        this.repository = repository;
        this.households = households;
        this.outbox = outbox;
        this.inbox = inbox;
        this.links = links;
        this.directory = directory;
        this.proposals = proposals;
    }

    /** A proposal was made: the doctor gets the answer links, the family learns the deadline. */
    void proposed(long id, WaitingList.Entry entry, long doctorId, String reason, Instant deadline) {
        mailDoctor(
                doctorId,
                "Traitant — un foyer cherche un médecin traitant (proposition " + id + ")",
                "Bonjour,\n\nUn foyer de " + entry.people() + " personne(s) (priorité " + entry.priority()
                        + (entry.priorityReasons().isBlank()
                                ? ""
                                : " : " + Explanations.reasonsForDoctor(entry.priorityReasons()))
                        + ") cherche un médecin traitant près de votre cabinet.\n"
                        + (reason == null ? "" : reason + ".\n")
                        + "\nAccepter : " + links.create(id, AnswerLinks.Action.ACCEPT)
                        + "\nDécliner : " + links.create(id, AnswerLinks.Action.DECLINE)
                        + "\n\nCes liens servent une seule fois et expirent. Vous pouvez aussi répondre depuis « Mes propositions ».\n",
                "proposal:" + id);
        mailFamily(
                entry.householdId(),
                "Traitant — une proposition de médecin traitant est en cours pour votre foyer",
                "Bonjour,\n\nNous avons proposé votre foyer à un médecin traitant près de chez vous. Il a jusqu'au "
                        + FrenchDates.day(deadline) + " pour répondre.\n\n"
                        + "S'il accepte, nous vous écrirons avec son nom, l'adresse de son cabinet et son téléphone, et vous "
                        + "confirmerez votre choix. S'il ne peut pas, votre demande reste active sans perdre votre ancienneté.\n\n"
                        + "Suivre votre demande : " + links.page("/mon-medecin-traitant") + "\n",
                "proposal:" + id + ":family");
        tellFamily(
                entry.householdId(),
                "Une proposition de médecin traitant est en cours pour votre foyer : le médecin a jusqu'au "
                        + FrenchDates.day(deadline) + " pour répondre.");
        tellDoctor(
                doctorId,
                id,
                "Un foyer de " + entry.people() + " personne(s) cherche un médecin traitant près de votre cabinet "
                        + "(proposition n° " + id + ") : acceptez ou déclinez.");
    }

    /** The doctor accepted: the family learns who the doctor is and gets the links to confirm or refuse. */
    void accepted(ProposalRow p) {
        long proposalId = p.id();
        String who = doctorIdentity(p.doctorId());
        mailFamily(
                p.householdId(),
                "Traitant — un médecin accepte de devenir votre médecin traitant",
                "Bonjour,\n\nUn médecin proche de chez vous accepte de devenir le médecin traitant de votre foyer :\n\n"
                        + who
                        + "\nConfirmez s'il vous convient ; vous pourrez ensuite appeler le cabinet pour un premier rendez-vous.\n"
                        + "\nConfirmer : " + links.create(proposalId, AnswerLinks.Action.CONFIRM)
                        + "\nRefuser : " + links.create(proposalId, AnswerLinks.Action.REFUSE)
                        + "\n\nCes liens servent une seule fois et expirent. Vous pouvez aussi répondre depuis « Mon médecin traitant ».\n",
                "proposal:" + proposalId);
        tellFamily(
                p.householdId(),
                "Un médecin accepte de devenir le médecin traitant de votre foyer : découvrez qui il est et "
                        + "confirmez votre choix.");
    }

    /** The family confirmed: the doctor learns who chose them and what to declare. */
    void confirmed(ProposalRow p) {
        long proposalId = p.id();
        tellDoctor(
                p.doctorId(),
                proposalId,
                "Un foyer vous a choisi comme médecin traitant (proposition n° " + proposalId
                        + ") : ses coordonnées et la déclaration à faire.");
        // the doctor learns who chose them (over MSSanté, the secure messaging of health professionals)
        if (p.doctorId() != null) {
            doctorEmail(p.doctorId()).ifPresent(email -> {
                StringBuilder members = new StringBuilder();
                for (var m : households.forTheirDoctor(
                        p.householdId(), "Envoi au médecin choisi des coordonnées du foyer")) {
                    members.append("- ")
                            .append(m.firstName())
                            .append(' ')
                            .append(m.lastName())
                            .append(", né(e) le ")
                            .append(m.birthDateText())
                            .append(m.phone() == null ? "" : ", tél. " + m.phone())
                            .append(m.email() == null ? "" : ", " + m.email())
                            .append('\n');
                }
                outbox.enqueue(
                        email,
                        "Traitant — un foyer vous a choisi comme médecin traitant (proposition " + proposalId + ")",
                        "Bonjour,\n\nLe foyer de la proposition " + proposalId
                                + " confirme son choix : vous êtes son médecin traitant.\n\n"
                                + members
                                + "\nProchaine étape : la déclaration de choix du médecin traitant pour chaque membre (en ligne "
                                + "ou sur le formulaire papier), puis indiquez-la dans « Mes propositions ».\n",
                        "proposal:" + proposalId);
            });
        }
    }

    /** The doctor recorded the declaration: the family is told, with the doctor's details. */
    void declared(ProposalRow p, Instant now) {
        long proposalId = p.id();
        tellFamily(
                p.householdId(),
                "Votre médecin a fait la déclaration de médecin traitant le " + FrenchDates.day(now) + ".");
        String who = doctorIdentity(p.doctorId());
        mailFamily(
                p.householdId(),
                "Traitant — votre médecin traitant est déclaré",
                "Bonjour,\n\nVotre médecin a fait la déclaration de médecin traitant pour votre foyer le "
                        + FrenchDates.day(now) + " :\n\n" + who
                        + "\nElle est enregistrée auprès de l'Assurance Maladie. Vous la retrouvez dans « Mon médecin traitant ».\n",
                "proposal:" + proposalId);
    }

    /** The doctor has not recorded the declaration weeks after the family's choice: one reminder. */
    void declarationReminder(ProposalRow p) {
        mailDoctor(
                p.doctorId(),
                "Traitant — rappel : déclaration de médecin traitant (proposition " + p.id() + ")",
                "Bonjour,\n\nUn foyer de " + p.people()
                        + " personne(s) vous a choisi comme médecin traitant il y a plus de "
                        + ProposalWorkflow.DECLARATION_REMINDER.toDays()
                        + " jours, et la déclaration de médecin traitant n'est pas encore "
                        + "enregistrée dans Traitant.\n\nQuand vous l'avez faite (en ligne auprès de l'Assurance Maladie ou sur le "
                        + "formulaire papier), indiquez-le sur la page de la proposition : "
                        + links.page("/propositions/" + p.id())
                        + "\n\nC'est ce qui fait compter ce rattachement dans les chiffres de la caisse.\n",
                "proposal:" + p.id() + ":reminder");
        tellDoctor(
                p.doctorId(),
                p.id(),
                "Rappel : la déclaration de médecin traitant du foyer de la proposition n° " + p.id()
                        + " n'est pas encore enregistrée.");
    }

    /** Both sides learn that a proposal expired, and what happens next. */
    void expired(ProposalRow p) {
        boolean familyWasAsked = p.status().equals("ACCEPTED");
        tellFamily(
                p.householdId(),
                "La proposition de médecin traitant a expiré : votre demande reste active, avec son ancienneté.");
        tellDoctor(p.doctorId(), p.id(), "La proposition n° " + p.id() + " a expiré.");
        if (familyWasAsked) {
            mailFamily(
                    p.householdId(),
                    "Traitant — la proposition de médecin traitant a expiré",
                    "Bonjour,\n\nLa proposition de médecin traitant faite à votre foyer a expiré sans confirmation de votre part.\n"
                            + "Votre demande reste active, avec son ancienneté : nous vous proposerons un autre médecin.\n",
                    "proposal:" + p.id());
        }
        mailDoctor(
                p.doctorId(),
                "Traitant — la proposition " + p.id() + " a expiré",
                "Bonjour,\n\nLa proposition " + p.id() + " a expiré "
                        + (familyWasAsked
                                ? "sans confirmation du foyer : la place que vous lui réserviez est de nouveau libre.\n"
                                : "sans réponse de votre part : le foyer sera proposé à un autre médecin.\n"),
                "proposal:" + p.id());
    }

    /** Name, practice address and phone of a workflow doctor, from the directory when it knows them (for e-mails). */
    private String doctorIdentity(@Nullable Long doctorId) {
        if (doctorId == null) {
            return "";
        }
        String rpps = doctorId == null ? null : repository.rppsOf(doctorId).orElse(null);
        return (rpps == null
                        ? java.util.Optional.<fr.traitant.app.directory.DoctorProfile>empty()
                        : directory.findByRpps(rpps))
                .map(d -> {
                    String address = proposals.practiceAddress(d);
                    return Proposals.doctorName(d) + "\n" + (address.isEmpty() ? "" : address + "\n")
                            + (d.phone().isEmpty() ? "" : "Tél. " + d.phone() + "\n");
                })
                .orElse("");
    }

    /** Tells the household's linked accounts, in the application, with a link to "Mon médecin traitant". */
    private void tellFamily(long householdId, String message) {
        households.accountsOf(householdId).forEach(account -> inbox.notify(account, message, "/mon-medecin-traitant"));
    }

    /** Tells the doctor's account, if the workflow doctor has one, in the application, with a link to the proposal. */
    private void tellDoctor(@Nullable Long doctorId, long proposalId, String message) {
        if (doctorId == null) {
            return;
        }
        repository
                .accountOf(doctorId)
                .ifPresent(account -> inbox.notify(account, message, "/propositions/" + proposalId));
    }

    /** An e-mail to the household's contact address, if it has one; {@code key} makes it sent once. */
    private void mailFamily(long householdId, String subject, String body, String key) {
        households.contactEmail(householdId).ifPresent(email -> outbox.enqueue(email, subject, body, key));
    }

    /** An e-mail to a workflow doctor's MSSanté address, if known; {@code key} makes it sent once. */
    private void mailDoctor(@Nullable Long doctorId, String subject, String body, String key) {
        doctorEmail(doctorId).ifPresent(email -> outbox.enqueue(email, subject, body, key));
    }

    /** The MSSanté address of a workflow doctor, if known (where proposals and news are sent). */
    private Optional<String> doctorEmail(@Nullable Long doctorId) {
        return doctorId == null ? Optional.empty() : repository.emailOf(doctorId);
    }
}
