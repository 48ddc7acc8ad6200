package fr.traitant.app.reporting;

import static fr.traitant.app.reporting.ReportFigures.change;
import static fr.traitant.app.reporting.ReportFigures.count;
import static fr.traitant.app.reporting.ReportFigures.days;
import static fr.traitant.app.reporting.ReportFigures.daysText;
import static fr.traitant.app.reporting.ReportFigures.figure;
import static fr.traitant.app.reporting.ReportFigures.mean;
import static fr.traitant.app.reporting.ReportFigures.score;
import static fr.traitant.app.reporting.ReportFigures.share;
import static fr.traitant.app.reporting.ReportFigures.yearStart;

import fr.traitant.app.cases.CaseIndicators;
import fr.traitant.app.cases.CaseKind;
import fr.traitant.app.cases.Cases;
import fr.traitant.app.matching.WaitingFigures;
import fr.traitant.app.members.MemberCategory;
import fr.traitant.app.members.PopulationFigures;
import fr.traitant.app.members.PopulationTable;
import fr.traitant.app.network.Charter;
import fr.traitant.app.platform.Charts;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.platform.FrenchNumbers;
import fr.traitant.app.programmes.MissionFigures;
import fr.traitant.app.programmes.SiteCoverage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Facade: the yearly activity report, generated from the data (issue #21, point 2) — the sections of the fund's report
 * ("Chiffres"): population, network, waiting list and attachments, PASS, conciliation, satisfaction, programmes; each
 * figure with the previous year's and the change, and its definition; the charts drawn by {@link Charts}. The same
 * report is a web page and a PDF.
 */
@Service
public class YearReport {

    /** A figure of the year: as shown, the previous year's, the change, and what it counts. */
    public record Figure(String label, String value, String previous, String change, String definition) {}

    /** A section: its title, its figures, its charts (any of them may be absent) and a note. */
    public record Section(
            String id,
            String title,
            List<Figure> figures,
            Charts.@Nullable BarChart bars,
            @Nullable String barsCaption,
            Charts.@Nullable StackedChart stacked,
            @Nullable String stackedCaption,
            String note) {
        public Section {
            figures = List.copyOf(figures);
        }
    }

    /** A year's report; {@code inProgress} when the year is the current one (figures up to the day it is generated). */
    public record Report(
            int year,
            String fund,
            LocalDate generatedOn,
            List<Section> sections,
            boolean synthetic,
            boolean inProgress) {
        public Report {
            sections = List.copyOf(sections);
        }
    }

    private final fr.traitant.app.campaigns.Campaigns campaigns;
    private final PopulationFigures population;
    /** The fund this installation serves ({@code traitant.fund-name}), named on its reports. */
    private final String fund;

    private final Charter charter;
    private final fr.traitant.app.network.NetworkFigures networkFigures;
    private final WaitingFigures waiting;
    private final Cases cases;
    private final Satisfaction satisfaction;
    private final SiteCoverage coverage;
    private final MissionFigures missions;
    private final Clock clock;

    YearReport(
            PopulationFigures population,
            Charter charter,
            fr.traitant.app.network.NetworkFigures networkFigures,
            WaitingFigures waiting,
            Cases cases,
            Satisfaction satisfaction,
            SiteCoverage coverage,
            MissionFigures missions,
            Clock clock,
            fr.traitant.app.campaigns.Campaigns campaigns,
            fr.traitant.app.platform.TraitantProperties platform) {
        this.fund = platform.fundName();
        this.campaigns = campaigns;
        this.population = population;
        this.charter = charter;
        this.networkFigures = networkFigures;
        this.waiting = waiting;
        this.cases = cases;
        this.satisfaction = satisfaction;
        this.coverage = coverage;
        this.missions = missions;
        this.clock = clock;
    }

    /** The last full year (the default report). */
    public int lastFullYear() {
        return LocalDate.now(clock.withZone(FrenchDates.PARIS)).getYear() - 1;
    }

    public Report of(int year) {
        int thisYear = LocalDate.now(clock.withZone(FrenchDates.PARIS)).getYear();
        if (year < 2000 || year > thisYear) {
            throw new IllegalArgumentException("Pas de rapport pour l’année " + year + ".");
        }
        PopulationTable table = population.table();
        List<Section> sections = new ArrayList<>();
        sections.add(populationSection(table));
        sections.add(networkSection(year));
        sections.add(attachmentSection(year));
        CaseIndicators.Report now = cases.indicators(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        CaseIndicators.Report before = cases.indicators(LocalDate.of(year - 1, 1, 1), LocalDate.of(year - 1, 12, 31));
        sections.add(passSection(now.of(CaseKind.PASS), before.of(CaseKind.PASS)));
        sections.add(conciliationSection(now.of(CaseKind.CONCILIATION), before.of(CaseKind.CONCILIATION)));
        sections.add(satisfactionSection(year, now.of(CaseKind.PASS), before.of(CaseKind.PASS)));
        Section programmes = programmesSection(year);
        if (programmes != null) sections.add(programmes);
        return new Report(
                year,
                fund,
                LocalDate.now(clock.withZone(FrenchDates.PARIS)),
                sections,
                table.synthetic() > 0,
                year == thisYear);
    }

    // ---- sections

    private Section populationSection(PopulationTable t) {
        List<Figure> figures = List.of(
                new Figure(
                        "Bénéficiaires",
                        count(t.total()),
                        "—",
                        "—",
                        "Ressortissants du régime (assurés et ayants droit) dans l’extrait du fichier des bénéficiaires au "
                                + FrenchDates.day(t.referenceDate()) + "."),
                new Figure(
                        "Hommes / femmes",
                        count(t.men()) + " / " + count(t.women()),
                        "—",
                        "—",
                        "Sexe déclaré dans le fichier des bénéficiaires."),
                new Figure(
                        "En affection de longue durée (ALD)",
                        count(t.longTermCondition()) + " ("
                                + FrenchNumbers.percent(share(t.longTermCondition(), t.total())) + ")",
                        "—",
                        "—",
                        "Bénéficiaires avec au moins une ALD exonérante dans le fichier."),
                new Figure(
                        "Sans médecin traitant déclaré",
                        count(t.withoutDeclaredDoctor()) + " ("
                                + FrenchNumbers.percent(share(t.withoutDeclaredDoctor(), t.total())) + ")",
                        "—",
                        "—",
                        "Bénéficiaires pour qui aucune déclaration de médecin traitant n’est enregistrée."));
        List<Charts.StackedEntry> bands = new ArrayList<>();
        for (PopulationTable.Row row : t.rows()) {
            List<Double> values = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (MemberCategory c : MemberCategory.values()) {
                long n = row.counts().getOrDefault(c, 0L);
                values.add((double) n);
                shown.add(count(n));
            }
            bands.add(new Charts.StackedEntry(row.label(), values, shown));
        }
        List<String> parts = java.util.Arrays.stream(MemberCategory.values())
                .map(MemberCategory::label)
                .toList();
        return new Section(
                "population",
                "Population protégée",
                figures,
                null,
                null,
                Charts.stacked(bands, parts, v -> count((long) v)),
                "Bénéficiaires par tranche d’âge et catégorie au " + FrenchDates.day(t.referenceDate()) + ".",
                "Un seul extrait du fichier des bénéficiaires est chargé (au " + FrenchDates.day(t.referenceDate())
                        + ") : la comparaison avec l’année précédente n’est pas disponible pour la population.");
    }

    private Section networkSection(int year) {
        int signed = networkFigures.signaturesBetween(yearStart(year), yearStart(year + 1));
        int signedBefore = networkFigures.signaturesBetween(yearStart(year - 1), yearStart(year));
        int members = networkFigures.membersAt(yearStart(year + 1));
        int membersBefore = networkFigures.membersAt(yearStart(year));
        int[] sentCampaigns = campaignsSent(year, year - 1);
        List<Charts.Entry> top = charter.countsByDepartement().stream()
                .sorted(java.util.Comparator.comparingInt(fr.traitant.app.network.DepartementCount::members)
                        .reversed())
                .limit(10)
                .map(d -> new Charts.Entry(d.name() + " (" + d.code() + ")", d.members(), count(d.members())))
                .toList();
        return new Section(
                "reseau",
                "Réseau des médecins solidaires",
                List.of(
                        figure(
                                "Signatures de la charte",
                                signed,
                                signedBefore,
                                "Signatures enregistrées dans l’année (premières signatures et nouvelles signatures"
                                        + " après un retrait)."),
                        figure(
                                "Médecins membres au 31 décembre",
                                members,
                                membersBefore,
                                "Signatures moins retraits, cumulés jusqu’à la fin de l’année."),
                        figure(
                                "Campagnes de recrutement envoyées",
                                sentCampaigns[0],
                                sentCampaigns[1],
                                "Campagnes d’invitation à signer la charte (courriers ou messages) envoyées dans"
                                        + " l’année.")),
                Charts.bars(top, Charts.BLUE),
                "Les dix départements comptant le plus de médecins solidaires aujourd’hui.",
                null,
                null,
                "");
    }

    private Section attachmentSection(int year) {
        List<WaitingFigures.AttachedAt> now = waiting.attachedBetween(yearStart(year), yearStart(year + 1));
        List<WaitingFigures.AttachedAt> before = waiting.attachedBetween(yearStart(year - 1), yearStart(year));
        List<Charts.Entry> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            long n = now.stream()
                    .filter(a ->
                            YearMonth.from(a.at().atZone(FrenchDates.PARIS)).equals(month))
                    .count();
            Long published = ZoneFigures.published(n);
            months.add(new Charts.Entry(
                    FrenchDates.month(month), published == null ? 0 : n, ZoneFigures.shown(published)));
        }
        return new Section(
                "rattachements",
                "Liste d’attente et médecins traitants trouvés",
                List.of(
                        figure(
                                "Foyers rattachés à un médecin traitant",
                                now.size(),
                                before.size(),
                                "Foyers inscrits sur la liste d’attente qui ont choisi un médecin traitant proposé par"
                                        + " Traitant dans l’année."),
                        figure(
                                "Personnes rattachées",
                                now.stream()
                                        .mapToLong(WaitingFigures.AttachedAt::people)
                                        .sum(),
                                before.stream()
                                        .mapToLong(WaitingFigures.AttachedAt::people)
                                        .sum(),
                                "Membres de ces foyers qui avaient besoin d’un médecin traitant."),
                        new Figure(
                                "Attente médiane avant le rattachement",
                                days(now),
                                days(before),
                                "—",
                                "Médiane des jours entre l’inscription et le choix du médecin, pour les foyers rattachés"
                                        + " dans l’année (non diffusée sous 11 foyers).")),
                Charts.bars(months, Charts.GREEN),
                "Foyers rattachés à un médecin traitant chaque mois de " + year + ".",
                null,
                null,
                "");
    }

    private Section passSection(CaseIndicators.KindFigures now, CaseIndicators.KindFigures before) {
        List<Charts.Entry> motives = now.motives().stream()
                .map(m -> new Charts.Entry(m.motive().label(), m.count(), count(m.count())))
                .toList();
        return new Section(
                "pass",
                "Accompagnement PASS",
                List.of(
                        figure(
                                "Demandes reçues",
                                now.received(),
                                before.received(),
                                "Dossiers PASS ouverts dans l’année, quel que soit le canal."),
                        figure("Dossiers clos", now.closed(), before.closed(), "Dossiers PASS clos dans l’année."),
                        new Figure(
                                "Délai moyen de traitement",
                                daysText(now.meanHandlingDays()),
                                daysText(before.meanHandlingDays()),
                                change(
                                        now.meanHandlingDays(),
                                        before.meanHandlingDays(),
                                        v -> FrenchNumbers.decimal(v, 0) + " j"),
                                "Moyenne des jours entre la réception et la clôture, pour les dossiers clos dans"
                                        + " l’année.")),
                Charts.bars(motives, Charts.BLUE),
                "Demandes PASS reçues dans l’année, par motif.",
                null,
                null,
                "");
    }

    private Section conciliationSection(CaseIndicators.KindFigures now, CaseIndicators.KindFigures before) {
        return new Section(
                "conciliation",
                "Conciliation",
                List.of(
                        figure(
                                "Saisines",
                                now.received(),
                                before.received(),
                                "Dossiers de conciliation ouverts dans" + " l’année."),
                        new Figure(
                                "Part portant sur le médecin traitant",
                                FrenchNumbers.percent(now.findDoctorPercent() / 100),
                                FrenchNumbers.percent(before.findDoctorPercent() / 100),
                                "—",
                                "Saisines dont le motif est la recherche d’un médecin traitant.")),
                Charts.bars(
                        now.motives().stream()
                                .map(m -> new Charts.Entry(m.motive().label(), m.count(), count(m.count())))
                                .toList(),
                        Charts.BLUE),
                "Saisines du conciliateur dans l’année, par motif.",
                null,
                null,
                "");
    }

    private Section satisfactionSection(int year, CaseIndicators.KindFigures pass, CaseIndicators.KindFigures before) {
        List<Satisfaction.Answer> now = satisfaction.between(yearStart(year), yearStart(year + 1));
        List<Satisfaction.Answer> previous = satisfaction.between(yearStart(year - 1), yearStart(year));
        List<Charts.Entry> scores = new ArrayList<>();
        for (int s = 1; s <= 5; s++) {
            int score = s;
            long n = now.stream().filter(a -> a.score() == score).count();
            Long published = ZoneFigures.published(n);
            scores.add(new Charts.Entry(s + " sur 5", published == null ? 0 : n, ZoneFigures.shown(published)));
        }
        return new Section(
                "satisfaction",
                "Satisfaction",
                List.of(
                        new Figure(
                                "Accompagnement PASS : note moyenne",
                                score(pass.satisfactionMean()),
                                score(before.satisfactionMean()),
                                "—",
                                "Moyenne des notes (1 à 5) données à la clôture des dossiers PASS de l’année ("
                                        + pass.satisfactionAnswers() + " réponses)."),
                        figure(
                                "Familles rattachées ayant répondu",
                                now.size(),
                                previous.size(),
                                "Réponses au questionnaire proposé après le choix d’un médecin traitant."),
                        new Figure(
                                "Familles rattachées : note moyenne",
                                now.size() < ZoneFigures.THRESHOLD ? "non diffusée" : score(mean(now)),
                                previous.size() < ZoneFigures.THRESHOLD ? "non diffusée" : score(mean(previous)),
                                "—",
                                "Moyenne des notes de satisfaction (1 à 5), non diffusée sous 11 réponses."),
                        new Figure(
                                "Recommanderaient Traitant",
                                now.size() < ZoneFigures.THRESHOLD
                                        ? "non diffusé"
                                        : FrenchNumbers.percent(share(
                                                now.stream()
                                                        .filter(Satisfaction.Answer::recommend)
                                                        .count(),
                                                now.size())),
                                "—",
                                "—",
                                "Part des familles ayant répondu qui recommanderaient Traitant.")),
                Charts.bars(scores, Charts.BLUE),
                "Notes de satisfaction des familles rattachées en " + year + ".",
                null,
                null,
                "");
    }

    private @Nullable Section programmesSection(int year) {
        SiteCoverage.CoveragePoint end = coverage.coverageOn(LocalDate.of(year + 1, 1, 1));
        SiteCoverage.CoveragePoint start = coverage.coverageOn(LocalDate.of(year, 1, 1));
        List<YearMonth> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) months.add(YearMonth.of(year, m));
        List<MissionFigures.Month> perMonth = missions.of(months);
        int held = perMonth.stream().mapToInt(MissionFigures.Month::held).sum();
        if (end.labelledSites() == 0 && held == 0) return null;
        return new Section(
                "programmes",
                "France Santé et médecins en mission",
                List.of(
                        figure(
                                "Sites France Santé labellisés au 31 décembre",
                                end.labelledSites(),
                                start.labelledSites(),
                                "Sites du registre labellisés à la fin de l’année (au début de l’année pour la"
                                        + " comparaison)."),
                        new Figure(
                                "Population à 30 minutes d’un site labellisé",
                                FrenchNumbers.percent(end.share()),
                                FrenchNumbers.percent(start.share()),
                                "—",
                                "Part de la population des communes à moins de 30 minutes de route d’un site labellisé."),
                        new Figure(
                                "Journées de médecins en mission tenues",
                                count(held),
                                "—",
                                "—",
                                "Journées de consultation en zone prioritaire tenues dans l’année.")),
                Charts.bars(
                        perMonth.stream()
                                .map(m -> new Charts.Entry(FrenchDates.month(m.month()), m.held(), count(m.held())))
                                .toList(),
                        Charts.GREEN),
                "Journées de médecins en mission tenues chaque mois de " + year + ".",
                null,
                null,
                "");
    }

    /** Campaigns sent in each of these years (one read of the campaigns). */
    private int[] campaignsSent(int... years) {
        int[] sent = new int[years.length];
        for (fr.traitant.app.campaigns.Campaign c : campaigns.all()) {
            Instant at = c.sentAt();
            if (at == null) continue;
            for (int k = 0; k < years.length; k++)
                if (!at.isBefore(yearStart(years[k])) && at.isBefore(yearStart(years[k] + 1))) sent[k]++;
        }
        return sent;
    }
}
