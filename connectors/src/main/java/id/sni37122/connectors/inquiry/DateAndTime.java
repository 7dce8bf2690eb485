package id.sni37122.connectors.inquiry;

import id.sni37122.connectors.table.IndonesianDates;
import id.sni37122.connectors.table.RowRejected;
import id.sni37122.connectors.table.TableRow;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date column and a time-of-day column read as one moment: SP4N-LAPOR! writes
 * {@code Tanggal Laporan Masuk} ("3 Jan 2026") beside {@code Waktu Laporan Masuk} ("08:15:22"),
 * and its follow-ups likewise. Without the time every report would sit at midnight.
 */
final class DateAndTime {

    private static final Pattern TIME = Pattern.compile("^(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?$");

    private DateAndTime() {
    }

    /**
     * The row with {@code dateField} holding the date and the time of {@code timeField}. Left as it
     * is when the time column is absent or blank, or when the date column already carries a time
     * (then both name one column, or the export wrote the moment whole).
     */
    static TableRow join(TableRow row, String dateField, String timeField) throws RowRejected {
        Object timeValue = row.value(timeField);
        Object dateValue = row.value(dateField);
        if (timeValue == null || dateValue == null || row.header(dateField).equals(row.header(timeField))) {
            return row;
        }
        LocalDate date;
        try {
            if (dateValue instanceof LocalDateTime excel) {
                if (!excel.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                    return row;
                }
                date = excel.toLocalDate();
            } else {
                String text = row.text(dateField);
                if (IndonesianDates.hasTime(text)) {
                    return row;
                }
                date = IndonesianDates.parseDate(text);
            }
        } catch (DateTimeException e) {
            return row; // the date check names the date column
        }
        return row.with(dateField, date.atTime(time(row, timeField, timeValue)));
    }

    private static LocalTime time(TableRow row, String field, Object value) throws RowRejected {
        if (value instanceof LocalDateTime excel) {
            return excel.toLocalTime(); // an Excel time cell: 1899-12-31 plus the time
        }
        if (value instanceof Double fraction) {
            if (fraction >= 0 && fraction < 1) {
                return LocalTime.ofSecondOfDay(Math.round(fraction * 86_400) % 86_400); // a time cell without its format
            }
            throw new RowRejected(row.header(field), "inquiry.bad_time", row.text(field));
        }
        Matcher m = TIME.matcher(row.text(field));
        try {
            if (m.matches()) {
                return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
            }
        } catch (DateTimeException e) {
            // 25:00 falls through to the rejection
        }
        throw new RowRejected(row.header(field), "inquiry.bad_time", row.text(field));
    }
}
