package id.sni37122.connectors.table;

import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.util.CellReference;

/**
 * Finds the header once among a source's first rows, then turns each data row into a
 * {@link TableRow} of the mapped fields as it comes. Cells of other columns (names, phone
 * numbers, NIK, free text) are never copied, quoted or stored: a failed header search lists the
 * headers expected, never the file's rows, and a row read wrongly is rejected with counts only.
 */
final class TableRows implements RowSource.Sink {

    /** How far down a title block may push the header. */
    static final int HEADER_SEARCH_ROWS = 30;

    private final Path file;
    private final TableOptions options;
    private final TableReader.RejectSink rejects; // null for a header preview, which stops at the header
    private final TableReader.RowConsumer consumer;
    private final boolean checkWidth;

    private final List<List<String>> head = new ArrayList<>();
    private final List<Long> headLines = new ArrayList<>();
    private TableReader.Header header;
    private String[] fields;
    private int[] columns;
    private TableRow.Fields layout;
    /** The header's cells, and those up to its last named one (a header may end with empty cells that rows omit). */
    private int width;
    private int namedWidth;
    private long delivered;
    private long rejected;

    TableRows(Path file, TableOptions options, TableReader.RejectSink rejects, TableReader.RowConsumer consumer, boolean checkWidth) {
        this.file = file;
        this.options = options;
        this.rejects = rejects;
        this.consumer = consumer;
        this.checkWidth = checkWidth;
    }

    TableReader.Header header() {
        return header;
    }

    /** The 0-based columns the header maps to fields, once it is found. */
    int[] columnsRead() {
        return columns.clone();
    }

    /** Data rows seen: given to the consumer or rejected here. */
    long rowsRead() {
        return delivered + rejected;
    }

    long rowsRejected() {
        return rejected;
    }

    @Override
    public boolean row(long line, List<Object> cells) throws SQLException, SourceException {
        if (header == null) {
            // A preview (validate, the check of a columns: mapping) needs the header only.
            return searchHeader(line, cells) && (header == null || rejects != null);
        }
        int lastFilled = lastFilled(cells);
        if (lastFilled < 0) {
            return true; // a blank line
        }
        if (checkWidth && cells.size() != width && cells.size() != namedWidth) {
            // A stray delimiter (an unquoted comma in a name) shifts every later cell: a NIK would be
            // read as a date. The row is refused whole, and only the two counts are said. Even one
            // more empty cell at the end is refused: the shift may have pushed a value into the last
            // column and left the blank after it.
            rejected++;
            if (rejects != null) {
                rejects.reject(line, null, "connectors.row_width", cells.size() + " ≠ " + width);
            }
            return true;
        }
        Object[] values = new Object[fields.length];
        boolean blank = true;
        for (int i = 0; i < fields.length; i++) {
            Object v = columns[i] < cells.size() ? cells.get(columns[i]) : null;
            if (v instanceof String s) {
                s = s.strip();
                v = s.isEmpty() ? null : s;
            }
            if (v instanceof RowSource.UncachedFormula f) {
                rejected++;
                if (rejects != null) {
                    rejects.reject(line, header.mapping().get(fields[i]), "connectors.formula_uncached", f.cell());
                }
                return true;
            }
            blank &= v == null;
            values[i] = v;
        }
        if (!blank) {
            delivered++;
            consumer.accept(new TableRow(line, layout, values));
        }
        return true;
    }

    private static int lastFilled(List<?> cells) {
        for (int i = cells.size() - 1; i >= 0; i--) {
            Object v = cells.get(i);
            if (v != null && !(v instanceof String s && s.isBlank())) {
                return i;
            }
        }
        return -1;
    }

    /** Looks at one more row for the header; returns false once the search is over without one. */
    private boolean searchHeader(long line, List<Object> cells) throws SourceException {
        Integer wanted = options.headerRow();
        if (wanted != null && line < wanted) {
            return true;
        }
        List<String> texts = cells.stream().map(TableRows::headerText).toList();
        head.add(texts);
        headLines.add(line);
        Map<String, String> mapping = new LinkedHashMap<>();
        Map<String, Integer> cols = new LinkedHashMap<>();
        List<String> normalized = texts.stream().map(TableReader::normalize).toList();
        for (Map.Entry<String, List<String>> field : options.fields().entrySet()) {
            for (String alias : field.getValue()) {
                String a = TableReader.normalize(alias);
                int i = a.isEmpty() ? -1 : normalized.indexOf(a);
                if (i >= 0) {
                    mapping.put(field.getKey(), texts.get(i).strip());
                    cols.put(field.getKey(), i);
                    break;
                }
            }
        }
        if (!mapping.isEmpty() && mapping.keySet().containsAll(options.required())) {
            for (Map.Entry<String, Integer> e : cols.entrySet()) {
                int i = e.getValue();
                int twin = normalized.lastIndexOf(normalized.get(i));
                if (twin != i) {
                    throw new SourceException(file, line, null, Messages.get("connectors.duplicate_header",
                            mapping.get(e.getKey()), letter(i), letter(twin)));
                }
            }
            header = new TableReader.Header(line, mapping, texts.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
            fields = cols.keySet().toArray(String[]::new);
            columns = cols.values().stream().mapToInt(Integer::intValue).toArray();
            layout = TableRow.Fields.of(fields, header.mapping());
            width = texts.size();
            namedWidth = lastFilled(texts) + 1;
            head.clear();
            return true;
        }
        return wanted == null && head.size() < HEADER_SEARCH_ROWS;
    }

    /** What to say when the search ended (or the source did) without a header. */
    SourceException noHeader() {
        return head.isEmpty() ? new SourceException(file, Messages.get("connectors.empty_file")) : headerError();
    }

    /**
     * Names the missing field and the headers expected. The row that came closest is named by its
     * line, and only its cells that are expected headers are repeated: it may be a data row.
     */
    private SourceException headerError() {
        // One recognised cell is as likely a data value ("Selesai" under Status) as a header.
        int best = -1;
        int bestScore = 1;
        for (int i = 0; i < head.size(); i++) {
            int score = recognised(head.get(i)).size();
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        List<String> closest = best < 0 ? List.of() : head.get(best);
        List<String> normalized = closest.stream().map(TableReader::normalize).toList();
        String missing = options.required().stream().sorted()
                .filter(f -> options.fields().get(f).stream().noneMatch(a -> normalized.contains(TableReader.normalize(a))))
                .findFirst().orElse(options.required().stream().sorted().findFirst().orElse("?"));
        String expected = options.fields().keySet().stream().map(this::shown).collect(Collectors.joining(", "));
        String message = Messages.get("connectors.bad_header", shown(missing), expected);
        message += " " + (best >= 0
                ? Messages.get("connectors.bad_header_closest", String.valueOf(headLines.get(best)), String.join(", ", recognised(closest)))
                : Messages.get("connectors.bad_header_none", String.valueOf(head.size())));
        boolean oneWideCell = head.stream().allMatch(r -> r.stream().filter(s -> !s.isBlank()).count() <= 1)
                && head.stream().anyMatch(r -> r.stream().anyMatch(s -> s.matches(".*[,;\t|].*")));
        if (oneWideCell) {
            message += " " + Messages.get("connectors.delimiter_hint");
        }
        return new SourceException(file, best < 0 ? 0 : headLines.get(best), null, message);
    }

    /** The cells of a row that are headers some field accepts (so repeating them quotes no data). */
    private List<String> recognised(List<String> row) {
        List<String> out = new ArrayList<>();
        for (String cell : row) {
            String n = TableReader.normalize(cell);
            if (!n.isEmpty() && options.fields().values().stream().flatMap(List::stream).anyMatch(a -> TableReader.normalize(a).equals(n))) {
                out.add(cell.strip());
            }
        }
        return out;
    }

    /** The header a user would write ("Nama Layanan"), with the native field name beside it. */
    private String shown(String field) {
        List<String> aliases = options.fields().getOrDefault(field, List.of(field));
        return aliases.size() > 1 && aliases.get(0).equals(field) ? aliases.get(1) + " (" + field + ")" : aliases.get(0);
    }

    private static String letter(int column) {
        return CellReference.convertNumToColString(column);
    }

    private static String headerText(Object cell) {
        if (cell == null || cell instanceof RowSource.UncachedFormula) {
            return "";
        }
        if (cell instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return String.valueOf(d.longValue());
        }
        if (cell instanceof LocalDateTime t) {
            return t.toString();
        }
        return cell.toString();
    }
}
