/** The application's root: its main class; every feature is a module in a sub-package (ARCHITECTURE.md). */
@org.jspecify.annotations.NullMarked
package fr.traitant.app;
