package id.sni37122.connectors;

import java.time.ZoneId;

/**
 * The city (kabupaten/kota or province) a warehouse belongs to.
 *
 * @param code short lower-case code used in file names and the warehouse, e.g. {@code samarinda}
 * @param name official name, e.g. {@code Kota Samarinda}
 * @param zone local time zone: every result is per local calendar year
 */
public record CityContext(String code, String name, ZoneId zone) {
}
