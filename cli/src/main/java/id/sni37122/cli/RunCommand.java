package id.sni37122.cli;

import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.IngestReport;
import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SystemFailures;
import id.sni37122.indicators.IndicatorResult;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.function.BiPredicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: ingest, compute and report, the nightly job. */
@Command(name = "run", mixinStandardHelpOptions = true, resourceBundle = "id.sni37122.cli.help", sortOptions = false)
final class RunCommand extends CityCommand {

    @Option(names = {"-y", "--year"}, paramLabel = "YEAR", descriptionKey = "year")
    Integer year;

    /** Files to load again although the warehouse holds them (set by {@code ingest --reload}). */
    BiPredicate<String, Path> reload = (kind, file) -> false;

    @Override
    int call(CityConfig config) throws IOException, SQLException, RunLock.BusyException {
        return ingestComputeReport(config, "run", true, true);
    }

    /** Shared by run and ingest: the steps differ only in how far they go. */
    int ingestComputeReport(CityConfig config, String command, boolean compute, boolean report)
            throws IOException, SQLException, RunLock.BusyException {
        long started = System.nanoTime();
        SourceCheck check = SourceCheck.of(config);
        if (!check.ok()) {
            check.errors.forEach(e -> console.problem(Messages.get("cli.source_error") + " " + e));
            RunLog.append(config, command, ExitCode.USAGE, Duration.ofNanos(System.nanoTime() - started), "sources missing");
            return ExitCode.USAGE;
        }
        boolean whole = compute && report;
        if (whole && nothingNew(config, check, command, started)) {
            return ExitCode.OK;
        }
        try (Pipeline p = Pipeline.open(config, options.waitSeconds)) {
            if (whole) {
                NightlyStamp.forget(config); // written again only if this run ends well
            }
            long runId = p.startRun(command);
            IngestReport ingest;
            try (IngestProgress progress = IngestProgress.forTerminal(console.quiet(),
                    check.files.values().stream().flatMap(List::stream).toList())) {
                ingest = p.ingest(runId, progress, reload);
            }
            VisitorSecret.exposure(config.secretFile()).ifPresent(console::problem);
            console.info(Messages.get("cli.ingest_header", config.city().name()));
            console.info(IngestSummary.render(ingest));
            ingest.errors().forEach(e -> console.problem(Messages.get("cli.source_error") + " " + e));
            int exit = ingest.errors().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
            List<IndicatorResult> results = List.of();
            List<Path> written = List.of();
            List<String> warnings = List.of();
            if (compute) {
                results = p.compute(year);
                p.save(runId, results);
                console.info(ResultTable.render(config.city().name(), results));
                warnings = ResultWarnings.lines(config.city().name(), results);
                warnings.forEach(console::warning);
                List<String> missing = p.missingPopulation(results);
                missing.forEach(console::problem);
                if (!missing.isEmpty()) {
                    exit = ExitCode.FAILED;
                }
            }
            if (report) {
                try {
                    written = p.report(results);
                    Written.tell(console, written);
                } catch (IOException e) {
                    String os = SystemFailures.describe(e);
                    console.problem(Messages.get("cli.report_failed", config.output(), os != null ? os : String.valueOf(e.getMessage())));
                    exit = ExitCode.FAILED;
                }
            }
            List<String> crossed = exit == ExitCode.OK ? QualityThresholds.crossed(config, ingest, results) : List.of();
            crossed.forEach(c -> console.problem(Messages.get("cli.threshold", c)));
            if (!crossed.isEmpty()) {
                exit = ExitCode.DATA_QUALITY;
            }
            String summary = "files_loaded=" + ingest.loadedCount() + " files_skipped="
                    + ingest.count(FileOutcome.Status.SKIPPED) + " files_failed=" + ingest.count(FileOutcome.Status.FAILED)
                    + " rows_loaded=" + ingest.rowsLoaded() + " rows_rejected=" + ingest.rowsRejected() + " results=" + results.size();
            p.finishRun(runId, exit, ingest, warnings.size() + crossed.size(), String.join("; ", ingest.errors()));
            RunLog.append(config, command, exit, Duration.ofNanos(System.nanoTime() - started), summary);
            // Stamped once the warehouse is closed (its file's size and time are part of what the
            // next run compares) and before the run lock is let go (no other run is under way).
            int thisYear = Year.now(config.city().zone()).getValue();
            if (whole && exit == ExitCode.OK && !results.isEmpty() && results.stream().allMatch(r -> r.year() < thisYear)) {
                p.closeWarehouse();
                NightlyStamp.write(config, check.files, year, written);
            }
            return exit;
        }
    }

    /**
     * The nightly run with nothing new: every file the last whole run read and wrote is as it left
     * them (see {@link NightlyStamp}), so the figures and workbooks would come out the same. Nothing
     * is opened, computed or written; under --quiet nothing is printed. Checked under the run lock,
     * so a load under way elsewhere is waited for, not overlooked.
     */
    private boolean nothingNew(CityConfig config, SourceCheck check, String command, long started)
            throws IOException, RunLock.BusyException {
        try (RunLock lock = RunLock.acquire(config.warehouse(), options.waitSeconds)) {
            if (!NightlyStamp.unchanged(config, check.files, year)) {
                return false;
            }
        }
        VisitorSecret.exposure(config.secretFile()).ifPresent(console::problem);
        console.info(Messages.get("cli.nothing_new", config.city().name(), IngestSummary.shown(config.output())));
        RunLog.append(config, command, ExitCode.OK, Duration.ofNanos(System.nanoTime() - started), "nothing_new=1");
        return true;
    }
}
