package id.sni37122.connectors;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * One entry under {@code sources:} in a city's config.
 *
 * @param kind    portal, catalog, inquiries, incidents, heartbeats or population
 * @param path    a file, a folder or a glob, as written in the config; null for a database read
 *                through {@code url:} ({@link #url()})
 * @param baseDir the config file's folder: relative paths resolve against it
 * @param format  format name as written, or null for the default by file extension
 * @param zone    time zone for times that carry no offset (null: the city's)
 * @param columns native field name to the source's own header
 * @param options every other key of the entry (format-specific settings)
 * @param origin  where the entry is written, "config.yaml:12:5", to prefix messages about it (or null)
 */
public record SourceSpec(String kind, String path, Path baseDir, String format, ZoneId zone,
                         Map<String, String> columns, Map<String, Object> options, String origin) {

    public SourceSpec {
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** An entry not read from a config file. */
    public SourceSpec(String kind, String path, Path baseDir, String format, ZoneId zone,
                      Map<String, String> columns, Map<String, Object> options) {
        this(kind, path, baseDir, format, zone, columns, options, null);
    }

    /**
     * The database a source is read from instead of files ({@code url: jdbc:mariadb://…}, an Uptime
     * Kuma 2.x on MariaDB), or null for a file source. Kept among the options: the connector names
     * it ({@link Connector#options()}) and it is one of the read settings.
     */
    public String url() {
        Object url = options.get("url");
        return url == null ? null : url.toString();
    }

    /** The source's header for a native field: the mapped one, or the field name itself. */
    public String column(String field) {
        return columns.getOrDefault(field, field);
    }

    /** The zone for offset-less times: this source's, else the city's. */
    public ZoneId zoneOr(ZoneId cityZone) {
        return zone != null ? zone : cityZone;
    }
}
