package id.sni37122.connectors.inquiry;

import id.sni37122.connectors.Connector;
import id.sni37122.connectors.FileLoad;
import id.sni37122.connectors.LoadContext;
import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.SqlResource;
import id.sni37122.connectors.Warehouse;
import id.sni37122.connectors.table.RowRejected;
import id.sni37122.connectors.table.TableOptions;
import id.sni37122.connectors.table.TablePipeline;
import id.sni37122.connectors.table.TableReader;
import id.sni37122.connectors.table.TableRow;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Inquiry and complaint records (10.3), CSV or XLSX, and their follow-up histories. Only the
 * mapped fields are read, so names, phone numbers, NIK and free text never reach the warehouse.
 * A ticket seen in several files is taken from the latest file when 10.3 is computed; twice in
 * one file is an error.
 */
public final class InquiryConnector implements Connector {

    private static final Map<String, String> KIND_WORDS = Map.ofEntries(
            Map.entry("inquiry", "inquiry"), Map.entry("pertanyaan", "inquiry"), Map.entry("permintaan informasi", "inquiry"),
            // SP4N-LAPOR!'s Klasifikasi Laporan: an aspiration asks the government for something, as an inquiry does.
            Map.entry("aspirasi", "inquiry"),
            Map.entry("complaint", "complaint"), Map.entry("pengaduan", "complaint"), Map.entry("aduan", "complaint"),
            Map.entry("keluhan", "complaint"),
            Map.entry("emergency", "emergency"), Map.entry("darurat", "emergency"));

    private static final DateTimeFormatter US_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().appendPattern("MM/dd/uuuu hh:mm:ss a").toFormatter(Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final String DUPLICATES = SqlResource.load(InquiryConnector.class, "duplicate_tickets.sql");

    private static final ZoneId LAPOR_ZONE = ZoneId.of("Asia/Jakarta");

    @Override
    public String kind() {
        return "inquiries";
    }

    @Override
    public Set<String> formats() {
        return Set.of("csv", "xlsx", "lapor", "csv311", "open311", "responses");
    }

    @Override
    public String defaultFormat(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".xml") ? "open311" : TableReader.formatOf(file);
    }

    @Override
    public TableOptions tableOptions(SourceSpec spec, String format) {
        return switch (format) {
            case "open311" -> null;
            case "responses" -> InquiryHeaders.followUps(spec.columns());
            case "csv311" -> InquiryHeaders.options(spec.columns(), InquiryHeaders.CSV311);
            case "lapor" -> InquiryHeaders.options(spec.columns(), InquiryHeaders.LAPOR);
            default -> InquiryHeaders.options(spec.columns(), Map.of());
        };
    }

    /** The zone local times are read in, as the file's read settings record it. */
    @Override
    public Map<String, Object> readSettings(SourceSpec spec, String format, ZoneId cityZone) {
        return Connector.super.readSettings(spec, format, zone(spec, format, cityZone));
    }

    /** SP4N-LAPOR! is national: its exports write WIB unless the source says otherwise (SOURCES.md). */
    private static ZoneId zone(SourceSpec spec, String format, ZoneId cityZone) {
        return spec.zoneOr(format.equals("lapor") ? LAPOR_ZONE : cityZone);
    }

    @Override
    public FileLoad load(LoadContext ctx) throws IOException, SQLException, SourceException {
        ZoneId zone = zone(ctx.spec(), ctx.format(), ctx.city().zone());
        if (ctx.format().equals("responses")) {
            return FollowUps.load(ctx, zone);
        }
        long[] counts = new long[2];
        TableReader.Read read;
        // Rows reach DuckDB through its appender, in the file's transaction: one INSERT per row
        // managed about 1 700 rows a second (10 minutes for a million complaints). A table is
        // parsed and checked on a thread of its own while this one appends.
        try (DuckDBAppender insert = ctx.connection().unwrap(DuckDBConnection.class)
                .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "inquiry")) {
            if (ctx.format().equals("open311")) {
                Open311Requests.read(ctx.file(), row -> {
                    counts[0]++;
                    try {
                        append(ctx, insert, inquiry(row, zone));
                        counts[1]++;
                    } catch (RowRejected e) {
                        ctx.rejects().reject(row.line(), e);
                    }
                });
                insert.close();
                counts[1] -= rejectDuplicates(ctx, "id");
                return new FileLoad(counts[0], counts[1], Map.of());
            }
            boolean us = ctx.format().equals("csv311");
            read = TablePipeline.read(ctx.file(), tableOptions(ctx.spec(), ctx.format()), ctx.rejects(),
                    row -> inquiry(us ? usDates(row) : row, zone), inquiry -> {
                        append(ctx, insert, inquiry);
                        counts[1]++;
                    });
        }
        counts[1] -= rejectDuplicates(ctx, read.header().mapping().getOrDefault("id", "id"));
        List<String> notes = new ArrayList<>(read.notes());
        if (InquiryHeaders.RESPONSE_FIELDS.stream().noneMatch(read.header()::has)) {
            // Said at once, and again by 10.3 (which finds the file through this detail) if no follow-up file fills the gap.
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("no_response_columns", true);
            notes.add(Messages.get("inquiry.no_response_columns", ctx.file().getFileName(),
                    String.join(", ", InquiryHeaders.responseExamples())));
            return new FileLoad(read.rowsRead(), counts[1], details, notes);
        }
        return new FileLoad(read.rowsRead(), counts[1], Map.of(), notes);
    }

    /** 311 exports write "01/05/2023 09:14:00 AM" (month first): rewritten as a local time of the source's zone. */
    private static TableRow usDates(TableRow row) {
        for (String field : List.of("submitted_at", "first_response_at", "closed_at")) {
            String text = row.text(field);
            if (text != null) {
                try {
                    row = row.with(field, LocalDateTime.parse(text, US_TIME));
                } catch (DateTimeParseException e) {
                    // left as written: ISO from the API, or the date check rejects it with the column named
                }
            }
        }
        return row;
    }

    /** One inquiry as the warehouse keeps it (times as instants, the kind in its native word). */
    private record Inquiry(long line, String ticket, String channel, String category, String kind, String agency,
                           String status, Instant submitted, Instant response, Instant closed, Instant updated) {
    }

    private static Inquiry inquiry(TableRow row, ZoneId zone) throws RowRejected {
        String id = row.required("id");
        row = DateAndTime.join(row, "submitted_at", "submitted_time");
        row = DateAndTime.join(row, "first_response_at", "first_response_time");
        row = DateAndTime.join(row, "closed_at", "closed_time");
        Instant submitted = row.checkedInstant("submitted_at", zone);
        if (submitted == null) {
            throw new RowRejected(row.header("submitted_at"), "connectors.required_missing", null);
        }
        Instant response = row.checkedInstant("first_response_at", zone);
        Instant closed = row.checkedInstant("closed_at", zone);
        Instant updated = row.checkedInstant("updated_at", zone);
        if (response != null && response.isBefore(submitted)) {
            throw new RowRejected(row.header("first_response_at"), "inquiry.response_before_submission", row.text("first_response_at"));
        }
        if (closed != null && closed.isBefore(submitted)) {
            throw new RowRejected(row.header("closed_at"), "inquiry.response_before_submission", row.text("closed_at"));
        }
        if (updated != null && updated.isBefore(submitted)) {
            throw new RowRejected(row.header("updated_at"), "inquiry.response_before_submission", row.text("updated_at"));
        }
        String kind = row.text("kind");
        String normalizedKind = kind == null ? null : KIND_WORDS.get(kind.toLowerCase(Locale.ROOT));
        if (kind != null && normalizedKind == null) {
            throw new RowRejected(row.header("kind"), "inquiry.bad_kind", kind);
        }
        return new Inquiry(row.line(), id, row.text("channel"), row.text("category"), normalizedKind, row.text("agency"),
                row.text("status"), submitted, response, closed, updated);
    }

    /**
     * A ticket twice in one file is an error: the first loaded row stays, every later one is removed
     * and rejected naming the first's line. Returns how many were removed.
     */
    private static long rejectDuplicates(LoadContext ctx, String idHeader) throws SQLException {
        List<Long> lines = new ArrayList<>();
        try (PreparedStatement twice = ctx.connection().prepareStatement(DUPLICATES)) {
            twice.setLong(1, ctx.fileId());
            twice.setLong(2, ctx.fileId());
            try (ResultSet r = twice.executeQuery()) {
                while (r.next()) {
                    ctx.rejects().reject(r.getLong(1), idHeader, "connectors.duplicate_id", r.getString(2) + " (" + r.getLong(3) + ")");
                    lines.add(r.getLong(1));
                }
            }
        }
        if (lines.isEmpty()) {
            return 0;
        }
        try (PreparedStatement remove = ctx.connection().prepareStatement("DELETE FROM inquiry WHERE file_id = ? AND line = ?")) {
            for (long line : lines) {
                remove.setLong(1, ctx.fileId());
                remove.setLong(2, line);
                remove.addBatch();
            }
            remove.executeBatch();
        }
        return lines.size();
    }

    private static void append(LoadContext ctx, DuckDBAppender insert, Inquiry q) throws SQLException {
        insert.beginRow().append(ctx.city().code()).append(ctx.fileId()).append(q.line()).append(q.ticket()).append(q.channel())
                .append(q.category()).append(q.kind()).append(q.agency()).append(q.status());
        Warehouse.appendUtc(insert, q.submitted());
        Warehouse.appendUtc(insert, q.response());
        Warehouse.appendUtc(insert, q.closed());
        Warehouse.appendUtc(insert, q.updated()).endRow();
    }
}
