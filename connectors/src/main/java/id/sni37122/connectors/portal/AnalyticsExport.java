package id.sni37122.connectors.portal;

import id.sni37122.connectors.FileLoad;
import id.sni37122.connectors.LoadContext;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.table.PlausibleTime;
import id.sni37122.connectors.table.RowRejected;
import id.sni37122.connectors.table.TableOptions;
import id.sni37122.connectors.table.TableReader;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code format: analytics-csv}: visits per day or per month exported from Matomo ("Visits
 * summary", {@code nb_visits}) or Google Analytics ("Sessions" by date), the fallback for a city
 * without raw logs. The figure is the tool's, with the tool's definition of a visit; option
 * {@code tool} names it for the report (default: the visits column's header).
 */
final class AnalyticsExport {

    private static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern COMPACT_DAY = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    static {
        FIELDS.put("date", List.of("tanggal", "day", "label", "periode", "bulan", "month"));
        FIELDS.put("visits", List.of("nb_visits", "sessions", "kunjungan", "sesi", "visits"));
    }

    private AnalyticsExport() {
    }

    static TableOptions options(SourceSpec spec) {
        return TableOptions.of(TableOptions.fields(spec.columns(), FIELDS), Set.of("date", "visits"));
    }

    static FileLoad load(LoadContext ctx) throws IOException, SQLException, SourceException {
        TableOptions options = options(ctx.spec());
        long[] loaded = new long[1];
        String[] tool = {ctx.spec().options().get("tool") == null ? null : ctx.spec().options().get("tool").toString()};
        try (PreparedStatement insert = ctx.connection().prepareStatement("INSERT INTO portal_visit_export VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            TableReader.Read read = TableReader.read(ctx.file(), options, ctx.rejects(), row -> {
                if (tool[0] == null) {
                    tool[0] = row.header("visits");
                }
                try {
                    String text = row.required("date");
                    LocalDate start;
                    LocalDate end;
                    Matcher month = MONTH.matcher(text);
                    Matcher compact = COMPACT_DAY.matcher(text);
                    if (month.matches()) {
                        YearMonth ym = YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)));
                        start = ym.atDay(1);
                        end = ym.atEndOfMonth();
                    } else if (compact.matches()) {
                        start = LocalDate.of(Integer.parseInt(compact.group(1)), Integer.parseInt(compact.group(2)),
                                Integer.parseInt(compact.group(3)));
                        end = start;
                    } else {
                        start = row.checkedDate("date");
                        end = start;
                    }
                    if (!PlausibleTime.ok(start)) {
                        throw new RowRejected(row.header("date"), "connectors.date_out_of_range", text);
                    }
                    String visits = row.required("visits").replace(".", "").replace(",", "");
                    if (!visits.matches("\\d+")) {
                        throw new RowRejected(row.header("visits"), "connectors.bad_number", row.text("visits"));
                    }
                    insert.setString(1, ctx.city().code());
                    insert.setLong(2, ctx.fileId());
                    insert.setLong(3, row.line());
                    insert.setObject(4, start);
                    insert.setObject(5, end);
                    insert.setLong(6, Long.parseLong(visits));
                    insert.setString(7, tool[0]);
                    insert.executeUpdate();
                    loaded[0]++;
                } catch (java.time.DateTimeException e) {
                    ctx.rejects().reject(row.line(), row.header("date"), "connectors.bad_date", row.text("date"));
                } catch (RowRejected e) {
                    ctx.rejects().reject(row.line(), e);
                }
            });
            return new FileLoad(read.rowsRead(), loaded[0], Map.of("tool", tool[0] == null ? "" : tool[0]), read.notes());
        }
    }
}
