package id.sni37122.cli;

import id.sni37122.connectors.IngestReport;
import id.sni37122.connectors.Ingestor;
import id.sni37122.connectors.Warehouse;
import id.sni37122.connectors.population.PopulationConnector;
import id.sni37122.indicators.Indicator;
import id.sni37122.indicators.IndicatorResult;
import id.sni37122.indicators.Indicators;
import id.sni37122.indicators.ResultStore;
import id.sni37122.reports.CityReport;
import id.sni37122.reports.publication.OpenDataPackage;
import id.sni37122.reports.publication.Publication;
import id.sni37122.reports.publication.PublicationWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * One city's warehouse, held under the run lock: ingest, compute, report. Each step is a
 * method so every command is a short composition of them.
 */
final class Pipeline implements AutoCloseable {

    private final CityConfig config;
    private final RunLock lock;
    private final Warehouse warehouse;
    /** When the last {@link #compute} ran: the publication's and the open-data package's time. */
    private Instant computedAt = Instant.now();

    private Pipeline(CityConfig config, RunLock lock, Warehouse warehouse) {
        this.config = config;
        this.lock = lock;
        this.warehouse = warehouse;
    }

    static Pipeline open(CityConfig config, int waitSeconds) throws IOException, SQLException, RunLock.BusyException {
        RunLock lock = RunLock.acquire(config.warehouse(), waitSeconds);
        try {
            return new Pipeline(config, lock, Warehouse.open(config.warehouse()));
        } catch (IOException | SQLException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    Connection connection() {
        return warehouse.connection();
    }

    long startRun(String command) throws SQLException {
        Connection c = connection();
        long runId;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT nextval('run_seq')")) {
            r.next();
            runId = r.getLong(1);
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO run (run_id, city, command, tool_version, started_at) VALUES (?, ?, ?, ?, current_timestamp)")) {
            p.setLong(1, runId);
            p.setString(2, config.city().code());
            p.setString(3, command);
            p.setString(4, Main.version());
            p.executeUpdate();
        }
        return runId;
    }

    void finishRun(long runId, int exitCode, IngestReport ingest, int warnings, String message) throws SQLException {
        try (PreparedStatement p = connection().prepareStatement(
                "UPDATE run SET finished_at = current_timestamp, exit_code = ?, files_loaded = ?, files_skipped = ?, "
                        + "rows_loaded = ?, rows_rejected = ?, warnings = ?, message = ? WHERE run_id = ?")) {
            p.setInt(1, exitCode);
            p.setObject(2, ingest == null ? null : (int) ingest.loadedCount());
            p.setObject(3, ingest == null ? null : (int) ingest.count(id.sni37122.connectors.FileOutcome.Status.SKIPPED));
            p.setObject(4, ingest == null ? null : ingest.rowsLoaded());
            p.setObject(5, ingest == null ? null : ingest.rowsRejected());
            p.setInt(6, warnings);
            p.setString(7, message);
            p.setLong(8, runId);
            p.executeUpdate();
        }
    }

    IngestReport ingest(long runId, Ingestor.Listener listener, BiPredicate<String, Path> reload) throws SQLException, IOException {
        byte[] secret = VisitorSecret.loadOrCreate(config.secretFile());
        if (!config.population().isEmpty()) {
            PopulationConnector.loadInline(connection(), config.city(), config.population());
        }
        return new Ingestor(warehouse, config.city(), config.rules(), secret).listener(listener).reload(reload).ingest(config.sources(), runId);
    }

    /**
     * Every indicator for the year, or for every year with data when {@code year} is null: the
     * years any indicator has data for. A catalogue has no year of its own, so 10.2 follows the
     * others; when no indicator names a year (a city whose only data is its catalogue), the years
     * of its population figures, else the current year.
     */
    List<IndicatorResult> compute(Integer year) throws SQLException {
        List<Indicator> indicators = Indicators.all();
        TreeSet<Integer> years = new TreeSet<>();
        if (year != null) {
            years.add(year);
        } else {
            for (Indicator indicator : indicators) {
                years.addAll(indicator.years(connection(), config.city()));
            }
            if (years.isEmpty()) {
                years.addAll(populationYears());
            }
            if (years.isEmpty()) {
                years.add(Year.now(config.city().zone()).getValue());
            }
        }
        List<IndicatorResult> results = new ArrayList<>();
        computedAt = Instant.now();
        for (int y : years) {
            for (Indicator indicator : indicators) {
                indicator.compute(connection(), config.city(), y, config.rulesFor(indicator.rulesKey())).ifPresent(results::add);
            }
        }
        return results;
    }

    private List<Integer> populationYears() throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (PreparedStatement p = connection().prepareStatement("SELECT DISTINCT year FROM population WHERE city = ? ORDER BY year")) {
            p.setString(1, config.city().code());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(r.getInt(1));
                }
            }
        }
        return out;
    }

    /**
     * Results that could not be computed for want of a population figure, as messages naming the
     * city and year: an error, never a silent gap (the {@code population_fallback} rule is the way out).
     */
    List<String> missingPopulation(List<IndicatorResult> results) {
        return results.stream().filter(r -> r.warnings().contains("warning.population_missing"))
                .map(r -> id.sni37122.connectors.Messages.get("cli.population_missing", config.city().name(), String.valueOf(r.year()),
                        r.indicator()))
                .toList();
    }

    void save(Long runId, List<IndicatorResult> results) throws SQLException {
        new ResultStore(connection()).save(runId, results);
    }

    /** Writes a workbook per year that has results, and the publication (results CSV and its JSON twin). */
    List<Path> report(List<IndicatorResult> results) throws IOException, SQLException {
        TreeMap<Integer, List<IndicatorResult>> byYear = new TreeMap<>();
        for (IndicatorResult r : results) {
            byYear.computeIfAbsent(r.year(), y -> new ArrayList<>()).add(r);
        }
        // Files are written into a staging folder beside the output and then renamed into place,
        // so a reader (or a half-finished run) never sees half a workbook.
        Path output = config.output();
        Files.createDirectories(output);
        Path staging = Files.createTempDirectory(output, ".sni37122-staging-");
        try {
            List<Path> staged = new ArrayList<>();
            CityReport report = new CityReport(connection(), config.city(), config.readiness(), config.file().toAbsolutePath().getParent()).toolVersion(Main.version());
            for (var e : byYear.entrySet()) {
                staged.addAll(report.write(e.getKey(), e.getValue(), staging));
            }
            if (!results.isEmpty()) {
                staged.addAll(publication().write(results, staging));
            }
            List<Path> written = new ArrayList<>();
            for (Path file : staged) {
                Path target = output.resolve(staging.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(target);
            }
            return written;
        } finally {
            deleteTree(staging);
        }
    }

    /** The writer of this city's publication (results CSV and JSON twin), stamped now, with its source files. */
    PublicationWriter publication() throws SQLException {
        return new PublicationWriter(config.city(), Main.version(), computedAt, sources());
    }

    private List<Publication.SourceFile> sources() throws SQLException {
        return PublicationWriter.sources(connection(), config.city(), config.file().toAbsolutePath().getParent());
    }

    /** Writes the results as a Frictionless Data Package into {@code dir}; the config must name a licence. */
    List<Path> openData(List<IndicatorResult> results, Path dir) throws IOException, SQLException {
        return OpenDataPackage.write(config.city(), results, config.license(), Main.version(), computedAt, sources(), dir);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    TreeSet<Integer> years(List<IndicatorResult> results) {
        TreeSet<Integer> years = new TreeSet<>();
        results.forEach(r -> years.add(r.year()));
        return years;
    }

    /** Closes the warehouse (its file is then complete on disk) while the run lock is still held. */
    void closeWarehouse() throws SQLException {
        warehouse.close();
    }

    @Override
    public void close() throws SQLException, IOException {
        try {
            warehouse.close();
        } finally {
            lock.close();
        }
    }
}
