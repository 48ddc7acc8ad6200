package fr.traitant.app.network;

import java.util.List;

/**
 * Towns near which many military families live (garrisons, naval and air bases), to place the synthetic demo network.
 * <strong>An illustrative list</strong> drawn from public knowledge of major French defence sites (naval bases of
 * Toulon, Brest, Lorient and Cherbourg; air bases such as Istres, Salon-de-Provence, Mont-de-Marsan, Évreux,
 * Orléans-Bricy, Saint-Dizier, Nancy-Ochey, Mérignac, Solenzara; army garrisons and camps such as Mourmelon,
 * Canjuers/Draguignan, Varces, Satory, Vincennes…); not an official or complete list, and the weights are made up.
 *
 * @param commune     commune name (resolved against the reference data)
 * @param departement département code, to disambiguate the name
 * @param weight      relative share of the demo signatories around it
 */
record GarrisonTowns(String commune, String departement, int weight) {

    static final List<GarrisonTowns> ALL = List.of(
            new GarrisonTowns("Toulon", "83", 12),
            new GarrisonTowns("Brest", "29", 9),
            new GarrisonTowns("Lorient", "56", 4),
            new GarrisonTowns("Cherbourg-en-Cotentin", "50", 4),
            new GarrisonTowns("Mourmelon-le-Grand", "51", 3),
            new GarrisonTowns("Draguignan", "83", 3),
            new GarrisonTowns("Istres", "13", 3),
            new GarrisonTowns("Salon-de-Provence", "13", 3),
            new GarrisonTowns("Mont-de-Marsan", "40", 3),
            new GarrisonTowns("Évreux", "27", 2),
            new GarrisonTowns("Orléans", "45", 3),
            new GarrisonTowns("Saint-Dizier", "52", 2),
            new GarrisonTowns("Nancy", "54", 3),
            new GarrisonTowns("Metz", "57", 4),
            new GarrisonTowns("Strasbourg", "67", 3),
            new GarrisonTowns("Besançon", "25", 2),
            new GarrisonTowns("Valence", "26", 2),
            new GarrisonTowns("Clermont-Ferrand", "63", 2),
            new GarrisonTowns("Tarbes", "65", 2),
            new GarrisonTowns("Pau", "64", 2),
            new GarrisonTowns("Mérignac", "33", 4),
            new GarrisonTowns("Rennes", "35", 3),
            new GarrisonTowns("Angers", "49", 2),
            new GarrisonTowns("Saumur", "49", 2),
            new GarrisonTowns("Poitiers", "86", 2),
            new GarrisonTowns("Carcassonne", "11", 2),
            new GarrisonTowns("Castres", "81", 1),
            new GarrisonTowns("Montauban", "82", 2),
            new GarrisonTowns("Nîmes", "30", 2),
            new GarrisonTowns("Gap", "05", 1),
            new GarrisonTowns("Varces-Allières-et-Risset", "38", 2),
            new GarrisonTowns("Chambéry", "73", 1),
            new GarrisonTowns("Calvi", "2B", 1),
            new GarrisonTowns("Ventiseri", "2B", 1),
            new GarrisonTowns("Versailles", "78", 4),
            new GarrisonTowns("Vincennes", "94", 3));
}
