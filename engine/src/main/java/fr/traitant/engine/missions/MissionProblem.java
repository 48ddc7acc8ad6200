package fr.traitant.engine.missions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A month's volunteers, sites and travel times. Exactly the listed (volunteer, site) pairs are allowed, when their time
 * is within {@code maxMinutes}. Ids are unique; volunteers and sites are kept sorted by id so that plans are
 * reproducible.
 */
public final class MissionProblem {

    /** The scheme's rule: at most two days a month per doctor. */
    public static final int MAX_DAYS_A_MONTH = 2;

    /** A volunteer: the days they give this month (0 to 2) and the dates they are available. */
    public record Volunteer(String id, int maxDays, Set<LocalDate> available) {
        public Volunteer {
            Objects.requireNonNull(id);
            if (maxDays < 0 || maxDays > MAX_DAYS_A_MONTH) {
                throw new IllegalArgumentException(
                        "volunteer " + id + ": max_days must be 0, 1 or 2 (the scheme's rule), not " + maxDays);
            }
            available = Set.copyOf(available);
        }
    }

    /** A site: its unmet need, how many doctors at once, the dates it is open. */
    public record Site(String id, double need, int rooms, Set<LocalDate> open) {
        public Site {
            Objects.requireNonNull(id);
            if (!(need >= 0) || Double.isInfinite(need)) {
                throw new IllegalArgumentException("site " + id + ": need must be a number ≥ 0, not " + need);
            }
            if (rooms < 0) throw new IllegalArgumentException("site " + id + ": rooms must be ≥ 0, not " + rooms);
            open = Set.copyOf(open);
        }
    }

    /** A road time from a volunteer's practice to a site. */
    public record Travel(String volunteer, String site, double minutes) {}

    /** A day a volunteer could give at a site (every rule of one day met). */
    public record Option(int volunteer, int site, LocalDate date, double minutes) {}

    final List<Volunteer> volunteers;
    final List<Site> sites;
    final double maxMinutes;
    final Map<String, Integer> volunteerIndex = new HashMap<>();
    final Map<String, Integer> siteIndex = new HashMap<>();
    /** minutes[v].get(s): the allowed pairs. */
    final List<Map<Integer, Double>> minutes = new ArrayList<>();

    final List<Option> options;

    private MissionProblem(List<Volunteer> volunteers, List<Site> sites, List<Travel> travel, double maxMinutes) {
        if (!(maxMinutes >= 0)) throw new IllegalArgumentException("maxMinutes must be ≥ 0, not " + maxMinutes);
        this.volunteers =
                volunteers.stream().sorted(Comparator.comparing(Volunteer::id)).toList();
        this.sites = sites.stream().sorted(Comparator.comparing(Site::id)).toList();
        this.maxMinutes = maxMinutes;
        for (int i = 0; i < this.volunteers.size(); i++) {
            if (volunteerIndex.put(this.volunteers.get(i).id(), i) != null) {
                throw new IllegalArgumentException(
                        "duplicate volunteer " + this.volunteers.get(i).id());
            }
            minutes.add(new HashMap<>());
        }
        for (int i = 0; i < this.sites.size(); i++) {
            if (siteIndex.put(this.sites.get(i).id(), i) != null) {
                throw new IllegalArgumentException(
                        "duplicate site " + this.sites.get(i).id());
            }
        }
        for (Travel t : travel) {
            Integer v = volunteerIndex.get(t.volunteer()), s = siteIndex.get(t.site());
            if (v == null) throw new IllegalArgumentException("unknown volunteer " + t.volunteer());
            if (s == null) throw new IllegalArgumentException("unknown site " + t.site());
            if (!(t.minutes() >= 0) || Double.isInfinite(t.minutes())) {
                throw new IllegalArgumentException("minutes must be ≥ 0: " + t.minutes());
            }
            if (minutes.get(v).put(s, t.minutes()) != null) {
                throw new IllegalArgumentException("pair given twice: " + t.volunteer() + " to " + t.site());
            }
        }
        List<Option> list = new ArrayList<>();
        for (int v = 0; v < this.volunteers.size(); v++) {
            Volunteer volunteer = this.volunteers.get(v);
            if (volunteer.maxDays() == 0) continue;
            for (var e : new java.util.TreeMap<>(minutes.get(v)).entrySet()) {
                if (e.getValue() > maxMinutes) continue;
                Site site = this.sites.get(e.getKey());
                if (site.rooms() == 0) continue;
                for (LocalDate d : new TreeSet<>(volunteer.available())) {
                    if (site.open().contains(d)) list.add(new Option(v, e.getKey(), d, e.getValue()));
                }
            }
        }
        this.options = List.copyOf(list);
    }

    public static MissionProblem of(
            List<Volunteer> volunteers, List<Site> sites, List<Travel> travel, double maxMinutes) {
        return new MissionProblem(volunteers, sites, travel, maxMinutes);
    }

    public List<Volunteer> volunteers() {
        return volunteers;
    }

    public List<Site> sites() {
        return sites;
    }

    public double maxMinutes() {
        return maxMinutes;
    }

    /** Every (volunteer, site, date) that meets the rules of a single day, by volunteer, site and date. */
    public List<Option> options() {
        return options;
    }

    /** The travel time of an allowed pair, or null when the pair is not listed. */
    public @org.jspecify.annotations.Nullable Double minutes(String volunteer, String site) {
        Integer v = volunteerIndex.get(volunteer), s = siteIndex.get(site);
        return v == null || s == null ? null : minutes.get(v).get(s);
    }

    /**
     * The rules a set of planned days breaks, each as a sentence (empty when the plan is valid): unknown volunteer or
     * site, more days than pledged, two sites the same day, a date one of them is not available, more doctors than
     * rooms, a pair not allowed or too far.
     */
    public List<String> violations(List<MissionPlan.Day> days) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> perVolunteer = new HashMap<>();
        Map<String, Integer> perVolunteerDate = new HashMap<>();
        Map<String, Integer> perSiteDate = new HashMap<>();
        for (MissionPlan.Day day : days) {
            Integer v = volunteerIndex.get(day.volunteer()), s = siteIndex.get(day.site());
            if (v == null) {
                problems.add("unknown volunteer " + day.volunteer());
                continue;
            }
            if (s == null) {
                problems.add("unknown site " + day.site());
                continue;
            }
            Volunteer volunteer = volunteers.get(v);
            Site site = sites.get(s);
            if (!volunteer.available().contains(day.date())) {
                problems.add(volunteer.id() + " is not available on " + day.date());
            }
            if (!site.open().contains(day.date())) problems.add(site.id() + " is not open on " + day.date());
            Double m = minutes.get(v).get(s);
            if (m == null) problems.add(volunteer.id() + " cannot travel to " + site.id() + " (no travel time)");
            else if (m > maxMinutes) {
                problems.add(volunteer.id() + " to " + site.id() + ": " + m + " minutes, more than " + maxMinutes);
            }
            perVolunteer.merge(volunteer.id(), 1, Integer::sum);
            perVolunteerDate.merge(volunteer.id() + " on " + day.date(), 1, Integer::sum);
            perSiteDate.merge(site.id() + "\u0000" + day.date(), 1, Integer::sum);
        }
        new java.util.TreeMap<>(perVolunteer).forEach((id, n) -> {
            int max = volunteers
                    .get(Objects.requireNonNull(volunteerIndex.get(id)))
                    .maxDays();
            if (n > max) problems.add(id + ": " + n + " days planned, " + max + " pledged");
        });
        new java.util.TreeMap<>(perVolunteerDate).forEach((key, n) -> {
            if (n > 1) problems.add(key + ": " + n + " sites the same day");
        });
        new java.util.TreeMap<>(perSiteDate).forEach((key, n) -> {
            String[] parts = key.split("\u0000");
            int rooms =
                    sites.get(Objects.requireNonNull(siteIndex.get(parts[0]))).rooms();
            if (n > rooms) problems.add(parts[0] + " on " + parts[1] + ": " + n + " doctors, " + rooms + " room(s)");
        });
        return problems;
    }
}
