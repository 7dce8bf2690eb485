package id.sni37122.connectors.population;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.Connector;
import id.sni37122.connectors.FileLoad;
import id.sni37122.connectors.LoadContext;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.table.RowRejected;
import id.sni37122.connectors.table.TableOptions;
import id.sni37122.connectors.table.TableReader;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Population figures (BPS "Kota … Dalam Angka"), the denominator of 10.1: inline in the config,
 * or a CSV/XLSX with {@code city,year,population,source}. A province file may list its
 * kabupaten/kota; a blank city means the configured one.
 */
public final class PopulationConnector implements Connector {

    private static final Map<String, List<String>> FIELDS = Map.of(
            "city", List.of("kota", "kabupaten/kota", "wilayah"),
            "year", List.of("tahun"),
            "population", List.of("penduduk", "jumlah penduduk"),
            "source", List.of("sumber"));

    @Override
    public String kind() {
        return "population";
    }

    @Override
    public Set<String> formats() {
        return Set.of("csv", "xlsx");
    }

    @Override
    public String defaultFormat(Path file) {
        return TableReader.formatOf(file);
    }

    /** Replaces the city's inline figures (those not from a file) with the config's; running twice changes nothing. */
    public static void loadInline(Connection connection, CityContext city, List<PopulationEntry> entries) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM population WHERE listed_by = ? AND file_id IS NULL");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO population (city, year, population, source, listed_by) VALUES (?, ?, ?, ?, ?)")) {
            delete.setString(1, city.code());
            delete.executeUpdate();
            for (PopulationEntry e : entries) {
                insert.setString(1, e.city() == null || e.city().isBlank() ? city.code() : e.city());
                insert.setInt(2, e.year());
                insert.setLong(3, e.population());
                insert.setString(4, e.source());
                insert.setString(5, city.code());
                insert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    @Override
    public TableOptions tableOptions(SourceSpec spec, String format) {
        return TableOptions.of(TableOptions.fields(spec.columns(), FIELDS), Set.of("year", "population"));
    }

    @Override
    public FileLoad load(LoadContext ctx) throws IOException, SQLException, SourceException {
        TableOptions options = tableOptions(ctx.spec(), ctx.format());
        long[] loaded = new long[1];
        try (PreparedStatement insert = ctx.connection().prepareStatement(
                "INSERT INTO population (city, year, population, source, file_id, line, listed_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            TableReader.Read read = TableReader.read(ctx.file(), options, ctx.rejects(), row -> {
                try {
                    String year = row.required("year");
                    if (!year.matches("\\d{4}")) {
                        throw new RowRejected(row.header("year"), "connectors.bad_number", year);
                    }
                    String population = row.required("population");
                    if (!population.matches("\\d+") || Long.parseLong(population) <= 0) {
                        throw new RowRejected(row.header("population"), "connectors.bad_number", population);
                    }
                    String city = row.text("city");
                    insert.setString(1, city == null ? ctx.city().code() : city);
                    insert.setInt(2, Integer.parseInt(year));
                    insert.setLong(3, Long.parseLong(population));
                    insert.setString(4, row.text("source"));
                    insert.setLong(5, ctx.fileId());
                    insert.setLong(6, row.line());
                    insert.setString(7, ctx.city().code());
                    insert.executeUpdate();
                    loaded[0]++;
                } catch (RowRejected e) {
                    ctx.rejects().reject(row.line(), e);
                }
            });
            return new FileLoad(read.rowsRead(), loaded[0], Map.of(), read.notes());
        }
    }
}
