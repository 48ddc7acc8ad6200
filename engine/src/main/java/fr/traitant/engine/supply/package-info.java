/** See ARCHITECTURE.md (engine packages). Nullness: every type is non-null unless marked {@code @Nullable}. */
@org.jspecify.annotations.NullMarked
package fr.traitant.engine.supply;
