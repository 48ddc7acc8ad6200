package fr.traitant.app.privacy;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The data-protection officer's pages: audit trail search and CSV, data-subject requests, retention. */
@Controller
class DpoPages {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Europe/Paris"));
    private static final String DEFAULT_EXPORT_PURPOSE = "Demande d'accès de la personne concernée (RGPD art. 15)";

    private final AuditRepository audit;
    private final DataSubjectRequests requests;
    private final RetentionPolicy retention;
    private final AuditTrail auditTrail;

    DpoPages(AuditRepository audit, DataSubjectRequests requests, RetentionPolicy retention, AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
        this.audit = audit;
        this.requests = requests;
        this.retention = retention;
    }

    @GetMapping("/dpo")
    String home(@RequestParam(defaultValue = "") String recherche, Model model) {
        model.addAttribute("recherche", recherche);
        model.addAttribute("persons", requests.find(recherche));
        return "privacy/dpo";
    }

    @GetMapping("/dpo/journal")
    String journal(
            @RequestParam(defaultValue = "") String personne,
            @RequestParam(defaultValue = "") String agent,
            fr.traitant.app.platform.ListRequest list,
            Model model) {
        model.addAttribute("personne", personne);
        model.addAttribute("agent", agent);
        model.addAttribute(
                "events",
                personne.isBlank() && agent.isBlank()
                        ? null
                        : audit.search(personne, agent, list, fr.traitant.app.platform.ListRequest.SIZE));
        if (!personne.isBlank()) {
            // reading who accessed a person's data is itself an access to that person's record
            auditTrail.record(
                    personne.strip(), "audit", personne.strip(), AuditAction.READ, "Contrôle du journal des accès");
        }
        model.addAttribute("searched", !(personne.isBlank() && agent.isBlank()));
        model.addAttribute("when", WHEN);
        return "privacy/journal";
    }

    @GetMapping(value = "/dpo/journal.csv", produces = "text/csv")
    ResponseEntity<String> journalCsv(
            @RequestParam(defaultValue = "") String personne, @RequestParam(defaultValue = "") String agent) {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord("horodatage", "agent", "role", "personne", "type", "enregistrement", "action", "motif");
            for (AuditEvent e : audit.search(personne, agent, 100_000)) {
                csv.writeRecord(
                        WHEN.format(e.occurredAt()),
                        safe(e.actor()),
                        safe(e.actorRole()),
                        safe(e.personRef()),
                        safe(e.recordType()),
                        safe(e.recordId()),
                        e.action().name(),
                        safe(e.purpose()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"journal-acces.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(out.toString());
    }

    @GetMapping("/dpo/personnes/{ref}")
    String person(
            @PathVariable String ref, @RequestParam(defaultValue = DEFAULT_EXPORT_PURPOSE) String motif, Model model) {
        model.addAttribute("export", requests.export(ref, motif));
        model.addAttribute("when", WHEN);
        return "privacy/person";
    }

    @GetMapping(value = "/dpo/personnes/{ref}/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> personJson(
            @PathVariable String ref, @RequestParam(defaultValue = DEFAULT_EXPORT_PURPOSE) String motif) {
        DataSubjectRequests.Export export = requests.export(ref, motif);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("person", export.personRef());
        Map<String, Object> data = new LinkedHashMap<>();
        export.sections().forEach(s -> data.put(s.title(), s.fields()));
        body.put("data", data);
        body.put("accesses", export.accesses());
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"donnees-" + ref.replaceAll("[^A-Za-z0-9-]", "-") + ".json\"")
                .body(body);
    }

    @PostMapping("/dpo/personnes/{ref}/rectification")
    String rectify(
            @PathVariable String ref,
            @RequestParam(defaultValue = "") String champ,
            @RequestParam(defaultValue = "") String valeur,
            @RequestParam(defaultValue = "Demande de rectification (RGPD art. 16)") String motif,
            RedirectAttributes redirect,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        try {
            requests.rectify(ref, champ, valeur, motif);
        } catch (IllegalArgumentException e) {
            // the form again, with what was typed and the reason next to the field
            response.setStatus(422);
            model.addAttribute("export", requests.export(ref, "Vérification d'une rectification refusée"));
            model.addAttribute("champ", champ);
            model.addAttribute("valeur", valeur);
            model.addAttribute("motif", motif);
            model.addAttribute("valeurError", e.getMessage());
            return "privacy/person";
        }
        redirect.addFlashAttribute("success", "Le champ a été rectifié.");
        return "redirect:/dpo/personnes/{ref}?motif="
                + java.net.URLEncoder.encode(
                        "Vérification d'une rectification", java.nio.charset.StandardCharsets.UTF_8);
    }

    @GetMapping("/dpo/conservation")
    String retention(Model model) {
        RetentionPolicy.Report report = retention.dryRun();
        model.addAttribute("report", report);
        model.addAttribute("total", report.total());
        model.addAttribute("when", WHEN);
        return "privacy/retention";
    }

    @PostMapping("/dpo/conservation/purge")
    String purge(RedirectAttributes redirect) {
        RetentionPolicy.Report report = retention.purge("Purge de conservation lancée par le DPO");
        redirect.addFlashAttribute("success", report.total() + " enregistrement(s) supprimé(s).");
        return "redirect:/dpo/conservation";
    }

    /** Neutralises spreadsheet formulas in exported cells (CSV injection): the one rule of {@link fr.traitant.app.platform.CsvExport}. */
    static String safe(String value) {
        return fr.traitant.app.platform.CsvExport.safe(value);
    }
}
