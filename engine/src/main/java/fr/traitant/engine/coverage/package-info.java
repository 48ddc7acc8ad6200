/**
 * Coverage by care sites (France Santé): the road time from each commune to the nearest site, the population within a
 * time limit, and where to open or label the next sites to cover the most people (maximal covering). See
 * {@code docs/methodology/coverage.md}.
 */
@org.jspecify.annotations.NullMarked
package fr.traitant.engine.coverage;
