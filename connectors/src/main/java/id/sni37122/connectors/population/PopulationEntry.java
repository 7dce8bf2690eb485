package id.sni37122.connectors.population;

/** One population figure: BPS mid-year population of a city (or province) in a year, with its source. */
public record PopulationEntry(String city, int year, long population, String source) {
}
