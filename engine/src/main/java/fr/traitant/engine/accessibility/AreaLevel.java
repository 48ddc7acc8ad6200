package fr.traitant.engine.accessibility;

/** Administrative level of an aggregate. */
public enum AreaLevel {
    /** Intercommunality (établissement public de coopération intercommunale), by SIREN code. */
    EPCI,
    DEPARTEMENT,
    REGION
}
