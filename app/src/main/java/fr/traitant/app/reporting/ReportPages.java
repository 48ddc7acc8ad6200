package fr.traitant.app.reporting;

import fr.traitant.app.platform.PdfDocuments;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** The yearly activity report: a public web page, the same as a PDF/A, and its figures as JSON. */
@Controller
class ReportPages {

    private final YearReport reports;
    private final PdfDocuments pdf;

    ReportPages(YearReport reports, PdfDocuments pdf) {
        this.reports = reports;
        this.pdf = pdf;
    }

    @GetMapping("/rapport")
    String latest() {
        return "redirect:/rapport/" + reports.lastFullYear();
    }

    @GetMapping("/rapport/{year}")
    String page(@PathVariable int year, Model model) {
        model.addAttribute("report", reports.of(year));
        model.addAttribute(
                "years",
                java.util.stream.IntStream.rangeClosed(2023, reports.lastFullYear() + 1)
                        .boxed()
                        .sorted(java.util.Comparator.reverseOrder())
                        .toList());
        return "reporting/report";
    }

    @GetMapping("/rapport/{year}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable int year) {
        YearReport.Report report = reports.of(year);
        byte[] document = pdf.render("report", "Rapport d’activité " + year + " — Traitant", Map.of("report", report));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("rapport-activite-" + year + ".pdf")
                                .build()
                                .toString())
                .body(document);
    }

    @GetMapping(value = "/api/v1/figures/report/{year}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    YearReport.Report api(@PathVariable int year) {
        return reports.of(year);
    }
}
