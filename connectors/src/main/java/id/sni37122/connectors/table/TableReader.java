package id.sni37122.connectors.table;

import id.sni37122.connectors.Messages;
import id.sni37122.connectors.Rejects;
import id.sni37122.connectors.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * Reads a spreadsheet export, CSV or XLSX, through a header mapping, streaming: rows reach the
 * consumer as they are read. The header row may sit below title rows; it is the first row (of the
 * first 30) that names every required field. In a workbook the visible sheets are searched in
 * order (or only the one named in {@code sheet:}); hidden ones are named in a note, not read.
 */
public final class TableReader {

    /** Receives rows; may throw what loading into the warehouse throws. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(TableRow row) throws SQLException, SourceException;
    }

    /** Where rows the reader itself refuses go: the file's {@link Rejects}, or a reading thread's batch. */
    @FunctionalInterface
    interface RejectSink {
        void reject(long line, String column, String reason, String detail) throws SQLException;
    }

    private TableReader() {
    }

    /** True for the formats this reader handles by default for a file name. */
    public static String formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls") ? "xlsx" : "csv";
    }

    /**
     * The header a load would find, read without loading anything: for {@code validate} and the
     * check before an ingest. Reading stops at the header.
     */
    public static Header header(Path file, TableOptions options) throws IOException, SourceException {
        try {
            return read(file, options, (RejectSink) null, row -> { }).header();
        } catch (SQLException e) {
            throw new IllegalStateException("a row that is not loaded cannot fail to load", e);
        }
    }

    /**
     * The header that was found.
     *
     * @param line    its 1-based line or row number
     * @param mapping field to the header text found for it (only fields present)
     */
    public record Header(long line, Map<String, String> mapping, List<String> allHeaders) {
        public boolean has(String field) {
            return mapping.containsKey(field);
        }
    }

    /**
     * What a read found.
     *
     * @param rowsRead     non-blank data rows, those given to the consumer and those rejected here
     * @param rowsRejected rows this reader rejected itself (shifted by a stray delimiter, or an
     *                     uncomputed formula), already recorded in the rejects
     * @param notes        user-language remarks for the operator (hidden sheets not read)
     */
    public record Read(Header header, long rowsRead, long rowsRejected, List<String> notes) {
    }

    /**
     * Reads every non-blank data row of {@code file} into {@code consumer}; rows that cannot be
     * read as the header says go to {@code rejects}.
     */
    public static Read read(Path file, TableOptions options, Rejects rejects, RowConsumer consumer)
            throws IOException, SQLException, SourceException {
        return read(file, options, rejects == null ? null : rejects::reject, consumer);
    }

    static Read read(Path file, TableOptions options, RejectSink rejects, RowConsumer consumer)
            throws IOException, SQLException, SourceException {
        if (!"xlsx".equals(formatOf(file))) {
            CsvRows csv = CsvRows.open(file, options);
            TableRows rows = new TableRows(file, options, rejects, consumer, csv.shiftable());
            csv.read(rows);
            if (rows.header() == null) {
                throw rows.noHeader();
            }
            return new Read(rows.header(), rows.rowsRead(), rows.rowsRejected(), List.of());
        }
        try (Workbook workbook = isLegacyXls(file) ? XlsWorkbook.open(file) : XlsxWorkbook.open(file)) {
            List<String> notes = new ArrayList<>();
            List<String> hidden = workbook.sheets().stream().filter(Workbook.Sheet::hidden).map(Workbook.Sheet::name).toList();
            SourceException firstError = null;
            for (Workbook.Sheet sheet : workbook.sheets()) {
                boolean chosen = options.sheet() != null ? options.sheet().equalsIgnoreCase(sheet.name()) : !sheet.hidden();
                if (!chosen) {
                    continue;
                }
                TableRows rows = new TableRows(file, options, rejects, consumer, false);
                workbook.rows(sheet, options).read(rows);
                if (rows.header() == null) {
                    firstError = firstError != null ? firstError : rows.noHeader();
                    continue;
                }
                if (workbook.sheets().size() > 1) {
                    notes.add(Messages.get("connectors.sheet_read", file.getFileName(), sheet.name()));
                }
                List<String> unread = hidden.stream().filter(h -> !h.equals(sheet.name())).toList();
                if (!unread.isEmpty()) {
                    notes.add(Messages.get("connectors.hidden_sheets", file.getFileName(), String.join("', '", unread)));
                }
                return new Read(rows.header(), rows.rowsRead(), rows.rowsRejected(), List.copyOf(notes));
            }
            if (firstError != null) {
                throw firstError;
            }
            throw new SourceException(file, options.sheet() != null ? Messages.get("connectors.sheet_missing", options.sheet())
                    : Messages.get("connectors.no_visible_sheet"));
        }
    }

    /** An Excel 97-2003 file (OLE2 container), whatever its name says. */
    private static boolean isLegacyXls(Path file) throws IOException {
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            return FileMagic.valueOf(in) == FileMagic.OLE2;
        }
    }

    /** "No. Tiket" and "no tiket" are the same header; so are "Perangkat Daerah/OPD" and "perangkat daerah opd". */
    static String normalize(String header) {
        if (header == null) {
            return "";
        }
        return header.toLowerCase(Locale.ROOT).replace('\u00a0', ' ').replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
