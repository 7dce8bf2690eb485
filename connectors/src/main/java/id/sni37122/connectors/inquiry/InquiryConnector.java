package id.sni37122.connectors.inquiry;

import id.sni37122.connectors.Connector;
import id.sni37122.connectors.FileLoad;
import id.sni37122.connectors.LoadContext;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.Warehouse;
import id.sni37122.connectors.table.RowRejected;
import id.sni37122.connectors.table.TableOptions;
import id.sni37122.connectors.table.TableReader;
import id.sni37122.connectors.table.TableRow;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Inquiry and complaint records (10.3), CSV or XLSX. Only the mapped fields are read, so names,
 * phone numbers, NIK and free text never reach the warehouse. A ticket seen in several files is
 * taken from the latest file when 10.3 is computed; twice in one file is an error.
 */
public final class InquiryConnector implements Connector {

    private static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("id", List.of("no tiket", "nomor tiket", "id laporan", "no laporan", "tiket"));
        FIELDS.put("channel", List.of("kanal", "saluran", "sumber", "media"));
        FIELDS.put("category", List.of("kategori", "jenis laporan", "topik"));
        FIELDS.put("kind", List.of("jenis", "klasifikasi"));
        FIELDS.put("submitted_at", List.of("tanggal laporan", "waktu laporan", "tanggal masuk", "tanggal pengaduan"));
        FIELDS.put("first_response_at", List.of("tanggal tindak lanjut", "waktu tindak lanjut", "tindak lanjut pertama", "tanggal respon"));
        FIELDS.put("closed_at", List.of("tanggal selesai", "waktu selesai", "selesai"));
        FIELDS.put("agency", List.of("instansi", "instansi terdisposisi", "opd", "perangkat daerah", "disposisi"));
        FIELDS.put("status", List.of("status laporan"));
    }

    private static final Map<String, String> KIND_WORDS = Map.of(
            "inquiry", "inquiry", "pertanyaan", "inquiry", "permintaan informasi", "inquiry",
            "complaint", "complaint", "pengaduan", "complaint", "aduan", "complaint", "keluhan", "complaint",
            "emergency", "emergency", "darurat", "emergency");

    @Override
    public String kind() {
        return "inquiries";
    }

    /** A LAPOR-style export's own headers, tried before the generic ones with {@code format: lapor}. */
    private static final Map<String, List<String>> LAPOR = Map.of(
            "id", List.of("no. tiket", "id laporan", "nomor laporan", "tracking id"),
            "submitted_at", List.of("tanggal laporan", "waktu laporan", "tanggal dibuat"),
            "channel", List.of("sumber", "kanal", "sumber laporan"),
            "category", List.of("kategori", "topik"),
            "agency", List.of("instansi terdisposisi", "instansi tujuan", "instansi"),
            "status", List.of("status"),
            "first_response_at", List.of("tanggal tindak lanjut", "tindak lanjut pertama", "tanggal tindak lanjut pertama"),
            "closed_at", List.of("tanggal selesai", "waktu selesai"));

    /** NYC 311 open data (and look-alikes): headers fixed, dates month first with AM/PM, in the source's zone. */
    private static final Map<String, List<String>> CSV311 = Map.of(
            "id", List.of("Unique Key"),
            "submitted_at", List.of("Created Date"),
            "closed_at", List.of("Closed Date"),
            "agency", List.of("Agency"),
            "category", List.of("Complaint Type"),
            "status", List.of("Status"),
            "first_response_at", List.of("Resolution Action Updated Date"),
            "channel", List.of("Open Data Channel Type"));

    private static final java.time.format.DateTimeFormatter US_TIME = new java.time.format.DateTimeFormatterBuilder()
            .parseCaseInsensitive().appendPattern("MM/dd/uuuu hh:mm:ss a").toFormatter(java.util.Locale.ENGLISH)
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private static final ZoneId LAPOR_ZONE = ZoneId.of("Asia/Jakarta");

    @Override
    public Set<String> formats() {
        return Set.of("csv", "xlsx", "lapor", "csv311", "open311");
    }

    @Override
    public String defaultFormat(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? "open311" : TableReader.formatOf(file);
    }

    @Override
    public FileLoad load(LoadContext ctx) throws IOException, SQLException, SourceException {
        // SP4N-LAPOR! is national: its exports write WIB unless the source says otherwise (SOURCES.md).
        ZoneId zone = ctx.spec().zoneOr(ctx.format().equals("lapor") ? LAPOR_ZONE : ctx.city().zone());
        Map<String, Long> firstLine = new HashMap<>();
        long[] counts = new long[2];
        try (PreparedStatement insert = ctx.connection().prepareStatement(
                "INSERT INTO inquiry VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            TableReader.RowConsumer loadRow = row -> {
                counts[0]++;
                try {
                    insert(ctx, insert, firstLine, row, zone);
                    counts[1]++;
                } catch (RowRejected e) {
                    ctx.rejects().reject(row.line(), e);
                }
            };
            switch (ctx.format()) {
                case "open311" -> Open311Requests.read(ctx.file(), loadRow);
                case "csv311" -> TableReader.read(ctx.file(), options(ctx, CSV311), row -> loadRow.accept(usDates(row, zone)));
                case "lapor" -> TableReader.read(ctx.file(), options(ctx, LAPOR), loadRow);
                default -> TableReader.read(ctx.file(), options(ctx, Map.of()), loadRow);
            }
        }
        return new FileLoad(counts[0], counts[1], Map.of());
    }

    /** The generic headers, after a preset's own when the format has one; the config's columns win over both. */
    private static TableOptions options(LoadContext ctx, Map<String, List<String>> preset) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        FIELDS.forEach((field, aliases) -> {
            List<String> all = new java.util.ArrayList<>(preset.getOrDefault(field, List.of()));
            all.addAll(aliases);
            fields.put(field, all);
        });
        return TableOptions.of(TableOptions.fields(ctx.spec().columns(), fields), Set.of("id", "submitted_at"));
    }

    /** 311 exports write "01/05/2023 09:14:00 AM" (month first): rewritten as ISO in the source's zone. */
    private static TableRow usDates(TableRow row, ZoneId zone) {
        for (String field : List.of("submitted_at", "first_response_at", "closed_at")) {
            String text = row.text(field);
            if (text != null) {
                try {
                    row = row.with(field, java.time.LocalDateTime.parse(text, US_TIME).toString());
                } catch (java.time.format.DateTimeParseException e) {
                    // left as written: the date check rejects it with the column named
                }
            }
        }
        return row;
    }

    private static void insert(LoadContext ctx, PreparedStatement insert, Map<String, Long> firstLine, TableRow row, ZoneId zone)
            throws RowRejected, SQLException {
        String id = row.required("id");
        Long first = firstLine.putIfAbsent(id, row.line());
        if (first != null) {
            throw new RowRejected(row.header("id"), "connectors.duplicate_id", id + " (" + first + ")");
        }
        Instant submitted = row.checkedInstant("submitted_at", zone);
        if (submitted == null) {
            throw new RowRejected(row.header("submitted_at"), "connectors.required_missing", null);
        }
        Instant response = row.checkedInstant("first_response_at", zone);
        Instant closed = row.checkedInstant("closed_at", zone);
        if (response != null && response.isBefore(submitted)) {
            throw new RowRejected(row.header("first_response_at"), "inquiry.response_before_submission", row.text("first_response_at"));
        }
        if (closed != null && closed.isBefore(submitted)) {
            throw new RowRejected(row.header("closed_at"), "inquiry.response_before_submission", row.text("closed_at"));
        }
        String kind = row.text("kind");
        String normalizedKind = kind == null ? null : KIND_WORDS.get(kind.toLowerCase(Locale.ROOT));
        if (kind != null && normalizedKind == null) {
            throw new RowRejected(row.header("kind"), "inquiry.bad_kind", kind);
        }
        insert.setString(1, ctx.city().code());
        insert.setLong(2, ctx.fileId());
        insert.setLong(3, row.line());
        insert.setString(4, id);
        insert.setString(5, row.text("channel"));
        insert.setString(6, row.text("category"));
        insert.setString(7, normalizedKind);
        insert.setString(8, row.text("agency"));
        insert.setString(9, row.text("status"));
        insert.setObject(10, Warehouse.utc(submitted));
        insert.setObject(11, Warehouse.utc(response));
        insert.setObject(12, Warehouse.utc(closed));
        insert.executeUpdate();
    }
}
