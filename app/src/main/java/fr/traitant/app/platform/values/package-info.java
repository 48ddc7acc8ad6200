/**
 * Self-validating value types for personal and professional identifiers ({@link Nir}, {@link Rpps},
 * {@link EmailAddress}, {@link PhoneNumber}, {@link InseeCode}). Plain Java, free of Spring (checked by
 * {@code ValuesArchitectureTest}), usable by every module. See ADR 0010.
 */
@org.jspecify.annotations.NullMarked
package fr.traitant.app.platform.values;
