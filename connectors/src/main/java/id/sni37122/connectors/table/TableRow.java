package id.sni37122.connectors.table;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One data row, read only through mapped fields: columns nobody asked for (names, phone
 * numbers, free text) are never touched. The values sit in an array laid out once per header
 * ({@link Fields}): a million complaints are a million arrays, not a million hash maps.
 */
public final class TableRow {

    /**
     * Where each field's value sits in a row, and the source's header for it; shared by every row
     * read under one header.
     */
    record Fields(Map<String, Integer> slots, Map<String, String> headers) {

        static Fields of(String[] names, Map<String, String> headers) {
            Map<String, Integer> slots = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                slots.put(names[i], i);
            }
            return new Fields(Map.copyOf(slots), headers);
        }

        int slot(String field) {
            Integer i = slots.get(field);
            return i == null ? -1 : i;
        }
    }

    private final long line;
    private final Fields fields;
    private final Object[] values;

    TableRow(long line, Fields fields, Object[] values) {
        this.line = line;
        this.fields = fields;
        this.values = values;
    }

    /** A row not read by {@link TableReader} (e.g. an item of a YAML list), with its fields as the headers. */
    public static TableRow of(long line, Map<String, Object> values) {
        String[] names = values.keySet().toArray(String[]::new);
        Object[] cells = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            cells[i] = values.get(names[i]);
        }
        return new TableRow(line, Fields.of(names, Map.of()), cells);
    }

    /** A copy with one field's value replaced (e.g. a date rewritten from a source's own form). */
    public TableRow with(String field, Object value) {
        int slot = fields.slot(field);
        if (slot < 0) {
            String[] names = fields.slots().keySet().toArray(String[]::new);
            Object[] cells = new Object[names.length + 1];
            for (int i = 0; i < names.length; i++) {
                cells[i] = values[fields.slot(names[i])];
            }
            names = Arrays.copyOf(names, names.length + 1);
            names[names.length - 1] = field;
            cells[cells.length - 1] = value;
            return new TableRow(line, Fields.of(names, fields.headers()), cells);
        }
        Object[] copy = values.clone();
        copy[slot] = value;
        return new TableRow(line, fields, copy);
    }

    /** The source's own header for a field ("Tanggal Laporan"), for messages; the field name if unmapped. */
    public String header(String field) {
        return fields.headers().getOrDefault(field, field);
    }

    /** Text that must be there; a blank cell rejects the row. */
    public String required(String field) throws RowRejected {
        String s = text(field);
        if (s == null) {
            throw new RowRejected(header(field), "connectors.required_missing", null);
        }
        return s;
    }

    /** A plausible point in time (see {@link PlausibleTime}), or null when blank; anything else rejects the row. */
    public Instant checkedInstant(String field, ZoneId zone) throws RowRejected {
        Instant t;
        try {
            t = instant(field, zone);
        } catch (DateTimeException e) {
            throw new RowRejected(header(field), "connectors.bad_date", text(field));
        }
        if (t != null && !PlausibleTime.ok(t)) {
            throw new RowRejected(header(field), "connectors.date_out_of_range", text(field));
        }
        return t;
    }

    /** A plausible calendar date, or null when blank. */
    public LocalDate checkedDate(String field) throws RowRejected {
        LocalDate d;
        try {
            d = date(field);
        } catch (DateTimeException e) {
            throw new RowRejected(header(field), "connectors.bad_date", text(field));
        }
        if (d != null && !PlausibleTime.ok(d)) {
            throw new RowRejected(header(field), "connectors.date_out_of_range", text(field));
        }
        return d;
    }

    /** A yes/no cell ({@link YesNo}), or null when blank. */
    public Boolean checkedFlag(String field) throws RowRejected {
        try {
            return YesNo.parse(text(field));
        } catch (IllegalArgumentException e) {
            throw new RowRejected(header(field), "connectors.bad_flag", text(field));
        }
    }

    /** 1-based line (CSV) or row number (XLSX) in the file. */
    public long line() {
        return line;
    }

    /** The cell: String, Double, Boolean or LocalDateTime (a real Excel date cell); null when blank. */
    public Object value(String field) {
        int slot = fields.slot(field);
        return slot < 0 ? null : values[slot];
    }

    /** The cell as text, trimmed; null when blank. Whole numbers print without ".0". */
    public String text(String field) {
        Object v = value(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && !d.isInfinite() ? BigDecimal.valueOf(d).toBigInteger().toString() : d.toString();
        }
        String s = v.toString().strip();
        return s.isEmpty() ? null : s;
    }

    /** A point in time: an Excel date cell or any form {@link IndonesianDates} reads; null when blank. */
    public Instant instant(String field, ZoneId zone) {
        Object v = value(field);
        if (v instanceof LocalDateTime ldt) {
            return ldt.atZone(zone).toInstant();
        }
        String s = text(field);
        return s == null ? null : IndonesianDates.parseInstant(s, zone);
    }

    /** A calendar date; null when blank. */
    public LocalDate date(String field) {
        Object v = value(field);
        if (v instanceof LocalDateTime ldt) {
            return ldt.toLocalDate();
        }
        if (v instanceof Double d) {
            throw new DateTimeException("number " + text(field) + " in a date column is not formatted as a date");
        }
        String s = text(field);
        return s == null ? null : IndonesianDates.parseDate(s);
    }
}
