/**
 * "Un médecin près de chez vous": the month's plan of volunteer days in priority zones. Hard rules — a doctor's pledged
 * days (never more than 2 a month), one site a day, dates both available, rooms, travel limit —; objective in this
 * order: sites with at least one day, need covered with a decreasing value for each further day at a site (the k-th
 * day is worth need/k), least travel. Solved exactly as a min-cost flow with lexicographic costs; a greedy baseline
 * beside it. See {@code docs/methodology/missions.md}.
 */
@org.jspecify.annotations.NullMarked
package fr.traitant.engine.missions;
