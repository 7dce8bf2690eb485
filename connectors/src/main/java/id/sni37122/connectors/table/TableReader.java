package id.sni37122.connectors.table;

import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import java.io.IOException;
import java.io.StringReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a spreadsheet export, CSV or XLSX, through a header mapping. The header row may sit
 * below title rows; it is the first row (of the first 30) that names every required field.
 * CSV encoding (UTF-8 with or without BOM, else Windows-1252) and delimiter (comma, semicolon,
 * tab) are detected unless given.
 */
public final class TableReader {

    /** How far down a title block may push the header. */
    static final int HEADER_SEARCH_ROWS = 30;
    /** A larger uncompressed XLSX part is refused: it is a zip bomb, not a register. */
    static final long MAX_XLSX_ENTRY_BYTES = 200L * 1024 * 1024;

    /** Receives rows; may throw what loading into the warehouse throws. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(TableRow row) throws SQLException, SourceException;
    }

    private TableReader() {
    }

    /** True for the formats this reader handles by default for a file name. */
    public static String formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls") ? "xlsx" : "csv";
    }

    /**
     * Reads every non-blank data row of {@code file} into {@code consumer}.
     *
     * @return the header found: field to the source's header text
     */
    public static Header read(Path file, TableOptions options, RowConsumer consumer)
            throws IOException, SQLException, SourceException {
        return "xlsx".equals(formatOf(file)) ? readXlsx(file, options, consumer) : readCsv(file, options, consumer);
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

    // ---- CSV ----

    private static Header readCsv(Path file, TableOptions options, RowConsumer consumer)
            throws IOException, SQLException, SourceException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 0) {
            throw new SourceException(file, Messages.get("connectors.empty_file"));
        }
        Charset charset = options.charset();
        int skip = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
            charset = StandardCharsets.UTF_16;
        } else if (charset == null) {
            charset = isValidUtf8(bytes) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        }
        if (looksBinary(bytes)) {
            throw new SourceException(file, Messages.get("connectors.not_text"));
        }
        String text = new String(bytes, skip, bytes.length - skip, charset);
        char delimiter = options.delimiter() != null ? options.delimiter() : sniffDelimiter(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true).get();
        try (Reader reader = new StringReader(text);
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<List<String>> head = new ArrayList<>();
            List<Long> headLines = new ArrayList<>();
            var it = parser.iterator();
            long nextLine = 1;
            Header header = null;
            int[] columns = null;
            while (true) {
                CSVRecord record;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    record = it.next();
                } catch (RuntimeException e) {
                    // Commons CSV gives up on a broken quote: nothing after it can be trusted.
                    throw new SourceException(file, nextLine, null, Messages.get("connectors.csv_broken", SourceException.plainMessage(e)), e);
                }
                long line = nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                List<String> cells = record.toList();
                if (header == null) {
                    head.add(cells);
                    headLines.add(line);
                    Found found = findHeader(head, headLines, options);
                    if (found != null) {
                        header = found.header;
                        columns = found.columns;
                    } else if (head.size() >= HEADER_SEARCH_ROWS || head.size() > (options.headerRow() == null ? 0 : options.headerRow())
                            && options.headerRow() != null) {
                        throw headerError(file, head, headLines, options, delimiter);
                    }
                    continue;
                }
                Map<String, Object> values = new HashMap<>();
                for (Map.Entry<String, Integer> e : fieldColumns(header, columns).entrySet()) {
                    int i = e.getValue();
                    String v = i < cells.size() ? cells.get(i) : null;
                    values.put(e.getKey(), v == null || v.isBlank() ? null : v.strip());
                }
                TableRow row = new TableRow(line, values, header.mapping());
                if (!row.isBlank()) {
                    consumer.accept(row);
                }
            }
            if (header == null) {
                throw headerError(file, head, headLines, options, delimiter);
            }
            return header;
        }
    }

    private static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** NUL bytes never occur in a text export; they mean a binary file (or a zip) named .csv. */
    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 4096);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    static char sniffDelimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        // Title rows may precede the header: look at the first few lines and keep the best.
        int best = ',';
        int bestCount = 0;
        String[] lines = text.split("\n", 12);
        for (int l = 0; l < Math.min(lines.length, 11); l++) {
            for (char c : new char[] {',', ';', '\t'}) {
                int count = countOutsideQuotes(lines[l], c);
                if (count > bestCount) {
                    bestCount = count;
                    best = c;
                }
            }
        }
        return bestCount == 0 && first.indexOf(';') >= 0 ? ';' : (char) best;
    }

    private static int countOutsideQuotes(String line, char c) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                n++;
            }
        }
        return n;
    }

    // ---- XLSX ----

    private static Header readXlsx(Path file, TableOptions options, RowConsumer consumer)
            throws IOException, SQLException, SourceException {
        ZipSecureFile.setMaxEntrySize(MAX_XLSX_ENTRY_BYTES);
        Workbook workbook;
        try {
            workbook = WorkbookFactory.create(file.toFile(), null, true);
        } catch (IOException | RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("Zip bomb")) {
                throw new SourceException(file, 0, null, Messages.get("connectors.xlsx_zip_bomb"), e);
            }
            throw new SourceException(file, 0, null, Messages.get("connectors.xlsx_unreadable", SourceException.plainMessage(e)), e);
        }
        try (workbook) {
            SourceException firstError = null;
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                Sheet sheet = workbook.getSheetAt(s);
                if (options.sheet() != null && !options.sheet().equalsIgnoreCase(sheet.getSheetName())) {
                    continue;
                }
                List<List<String>> head = new ArrayList<>();
                List<Long> headLines = new ArrayList<>();
                Found found = null;
                int r = sheet.getFirstRowNum();
                int last = sheet.getLastRowNum();
                for (; r <= last && r - sheet.getFirstRowNum() < HEADER_SEARCH_ROWS; r++) {
                    Row row = sheet.getRow(r);
                    List<String> cells = new ArrayList<>();
                    if (row != null) {
                        for (int c = 0; c < row.getLastCellNum(); c++) {
                            Object v = cellValue(row.getCell(c));
                            cells.add(v == null ? "" : v.toString());
                        }
                    }
                    head.add(cells);
                    headLines.add((long) r + 1);
                    found = findHeader(head, headLines, options);
                    if (found != null) {
                        break;
                    }
                }
                if (found == null) {
                    if (firstError == null) {
                        firstError = headerError(file, head, headLines, options, null);
                    }
                    continue;
                }
                Map<String, Integer> fieldColumns = fieldColumns(found.header, found.columns);
                for (r = r + 1; r <= last; r++) {
                    Row row = sheet.getRow(r);
                    if (row == null) {
                        continue;
                    }
                    Map<String, Object> values = new HashMap<>();
                    for (Map.Entry<String, Integer> e : fieldColumns.entrySet()) {
                        values.put(e.getKey(), cellValue(row.getCell(e.getValue())));
                    }
                    TableRow tableRow = new TableRow(r + 1L, values, found.header.mapping());
                    if (!tableRow.isBlank()) {
                        consumer.accept(tableRow);
                    }
                }
                return found.header;
            }
            throw firstError != null ? firstError
                    : new SourceException(file, Messages.get("connectors.sheet_missing", options.sheet()));
        }
    }

    private static Object cellValue(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> {
                String s = cell.getStringCellValue().strip();
                yield s.isEmpty() ? null : s;
            }
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue() : (Object) cell.getNumericCellValue();
            case BOOLEAN -> cell.getBooleanCellValue();
            default -> null;
        };
    }

    // ---- header matching ----

    private record Found(Header header, int[] columns) {
    }

    /** Looks at the last row read; returns the header if it names every required field. */
    private static Found findHeader(List<List<String>> head, List<Long> lines, TableOptions options) {
        int index = head.size() - 1;
        long line = lines.get(index);
        if (options.headerRow() != null && line != options.headerRow()) {
            return null;
        }
        List<String> cells = head.get(index);
        Map<String, String> mapping = new LinkedHashMap<>();
        List<Integer> cols = new ArrayList<>();
        List<String> normalized = cells.stream().map(TableReader::normalize).toList();
        for (Map.Entry<String, List<String>> field : options.fields().entrySet()) {
            for (String alias : field.getValue()) {
                int i = normalized.indexOf(normalize(alias));
                if (i >= 0 && !normalize(alias).isEmpty()) {
                    mapping.put(field.getKey(), cells.get(i).strip());
                    cols.add(i);
                    break;
                }
            }
        }
        if (!mapping.keySet().containsAll(options.required()) || mapping.isEmpty()) {
            return null;
        }
        return new Found(new Header(line, mapping, cells.stream().map(String::strip).filter(s -> !s.isEmpty()).toList()),
                cols.stream().mapToInt(Integer::intValue).toArray());
    }

    private static Map<String, Integer> fieldColumns(Header header, int[] columns) {
        Map<String, Integer> out = new LinkedHashMap<>();
        int i = 0;
        for (String field : header.mapping().keySet()) {
            out.put(field, columns[i++]);
        }
        return out;
    }

    private static SourceException headerError(Path file, List<List<String>> head, List<Long> lines, TableOptions options,
                                               Character delimiter) {
        // Name the missing field against the row that came closest to being the header.
        int bestIndex = -1;
        int bestScore = -1;
        for (int i = 0; i < head.size(); i++) {
            List<String> normalized = head.get(i).stream().map(TableReader::normalize).toList();
            int score = 0;
            for (List<String> aliases : options.fields().values()) {
                if (aliases.stream().anyMatch(a -> normalized.contains(normalize(a)))) {
                    score++;
                }
            }
            if (score > bestScore) {
                bestScore = score;
                bestIndex = i;
            }
        }
        if (bestIndex < 0) {
            return new SourceException(file, Messages.get("connectors.empty_file"));
        }
        List<String> normalized = head.get(bestIndex).stream().map(TableReader::normalize).toList();
        String missing = options.required().stream().sorted()
                .filter(f -> options.fields().get(f).stream().noneMatch(a -> normalized.contains(normalize(a))))
                .findFirst().orElse("?");
        List<String> present = head.get(bestIndex).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> aliases = options.fields().getOrDefault(missing, List.of(missing));
        // Show the header a user would write ("Nama Layanan"), with the native field name beside it.
        String expected = aliases.size() > 1 && aliases.get(0).equals(missing) ? aliases.get(1) + " (" + missing + ")" : aliases.get(0);
        String message = Messages.get("connectors.bad_header", expected, present);
        if (delimiter != null && present.size() == 1 && present.get(0).matches(".*[,;\t].*")) {
            message += " " + Messages.get("connectors.delimiter_hint");
        }
        return new SourceException(file, lines.get(bestIndex), null, message);
    }

    /** "No. Tiket" and "no tiket" are the same header; so are "Perangkat Daerah/OPD" and "perangkat daerah opd". */
    static String normalize(String header) {
        if (header == null) {
            return "";
        }
        return header.toLowerCase(Locale.ROOT).replace('\u00a0', ' ').replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
