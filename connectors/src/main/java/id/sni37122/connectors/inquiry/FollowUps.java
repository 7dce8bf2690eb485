package id.sni37122.connectors.inquiry;

import id.sni37122.connectors.FileLoad;
import id.sni37122.connectors.LoadContext;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.Warehouse;
import id.sni37122.connectors.table.RowRejected;
import id.sni37122.connectors.table.TableReader;
import id.sni37122.connectors.table.TableRow;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * A follow-up history ({@code format: responses}): one row per follow-up (tindak lanjut) of a
 * ticket, as SP4N-LAPOR! keeps them apart from its report export. Rows are stored as they are;
 * 10.3 joins them to the city's inquiries by ticket across files and takes the earliest at or
 * after submission, so the order in which files load does not matter, and reports follow-ups
 * whose ticket it does not know. The follow-up's text is never read.
 */
final class FollowUps {

    private FollowUps() {
    }

    static FileLoad load(LoadContext ctx, ZoneId zone) throws IOException, SQLException, SourceException {
        long[] loaded = new long[1];
        // The appender, as for the inquiries: a history holds a row per follow-up, more than the reports.
        try (DuckDBAppender insert = ctx.connection().unwrap(DuckDBConnection.class)
                .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "inquiry_followup")) {
            TableReader.Read read = TableReader.read(ctx.file(), InquiryHeaders.followUps(ctx.spec().columns()), ctx.rejects(), row -> {
                try {
                    insert(ctx, insert, row, zone);
                    loaded[0]++;
                } catch (RowRejected e) {
                    ctx.rejects().reject(row.line(), e);
                }
            });
            return new FileLoad(read.rowsRead(), loaded[0], Map.of(), read.notes());
        }
    }

    private static void insert(LoadContext ctx, DuckDBAppender insert, TableRow row, ZoneId zone) throws RowRejected, SQLException {
        String ticket = row.required("id");
        row = DateAndTime.join(row, "responded_at", "responded_time");
        Instant responded = row.checkedInstant("responded_at", zone);
        if (responded == null) {
            throw new RowRejected(row.header("responded_at"), "connectors.required_missing", null);
        }
        insert.beginRow().append(ctx.city().code()).append(ctx.fileId()).append(row.line()).append(ticket);
        Warehouse.appendUtc(insert, responded).endRow();
    }
}
