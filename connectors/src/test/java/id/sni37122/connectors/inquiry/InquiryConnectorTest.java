package id.sni37122.connectors.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.Ingestor;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.Warehouse;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Complaint exports as cities hold them: LAPOR-style sheets, Open311, 311 CSV; personal columns never stored. */
class InquiryConnectorTest {

    /** A WITA city. */
    private static final CityContext CITY = new CityContext("uji", "Kota Uji", ZoneId.of("Asia/Makassar"));

    @TempDir
    Path dir;

    private FileOutcome load(String name, String format, ZoneId zone) throws Exception {
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
            return new Ingestor(w, CITY, Map.of(), new byte[32])
                    .ingest(List.of(new SourceSpec("inquiries", name, dir, format, zone, Map.of(), Map.of())), null).files().get(0);
        }
    }

    /** "ticket channel category agency submitted(UTC) first closed" per stored record. */
    private List<String> records() throws Exception {
        List<String> out = new ArrayList<>();
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb")); Statement s = w.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT ticket, channel, category, agency, strftime(submitted_at, '%Y-%m-%d %H:%M:%S'), "
                     + "strftime(first_response_at, '%Y-%m-%d %H:%M:%S'), strftime(closed_at, '%Y-%m-%d %H:%M:%S') "
                     + "FROM inquiry ORDER BY ticket")) {
            while (r.next()) {
                out.add(r.getString(1) + " | " + r.getString(2) + " | " + r.getString(3) + " | " + r.getString(4) + " | " + r.getString(5)
                        + " | " + r.getString(6) + " | " + r.getString(7));
            }
        }
        return out;
    }

    /** No VARCHAR cell anywhere in the warehouse contains any of these. */
    private void nothingStored(String... personal) throws Exception {
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb")); Statement s = w.connection().createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT table_name, column_name FROM information_schema.columns WHERE data_type = 'VARCHAR'")) {
                while (r.next()) {
                    columns.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
            for (String[] c : columns) {
                for (String p : personal) {
                    try (ResultSet r = s.executeQuery("SELECT count(*) FROM \"" + c[0] + "\" WHERE \"" + c[1] + "\" LIKE '%" + p + "%'")) {
                        r.next();
                        assertThat(r.getLong(1)).as(c[0] + "." + c[1] + " holds " + p).isZero();
                    }
                }
            }
        }
    }

    @Test
    void laporCsvExportedInWibForAWitaCity() throws Exception {
        Files.writeString(dir.resolve("lapor.csv"), ""
                + "No. Tiket,Tanggal Laporan,Nama Pelapor,No HP,NIK,Sumber,Kategori,Instansi Terdisposisi,Status,Tanggal Tindak Lanjut,Tanggal Selesai\n"
                + "LAP-1,12/03/2023 14:05,Siti Aminah,081234567890,6472011203900001,SMS,Jalan Rusak,Dinas PUPR,Selesai,13/03/2023 09:00,15-03-2023\n"
                + "LAP-2,12 Maret 2023 14.05,Budi Santoso,081299998888,6472011203900002,Website,Informasi,Diskominfo,Proses,,\n");
        FileOutcome outcome = load("lapor.csv", "lapor", ZoneId.of("Asia/Jakarta"));
        assertThat(outcome.error()).isNull();
        assertThat(outcome.rowsLoaded()).isEqualTo(2);
        // 14:05 WIB is 07:05 UTC; a bare date (15-03-2023) is midnight WIB, 17:00 UTC the day before.
        assertThat(records()).containsExactly(
                "LAP-1 | SMS | Jalan Rusak | Dinas PUPR | 2023-03-12 07:05:00 | 2023-03-13 02:00:00 | 2023-03-14 17:00:00",
                "LAP-2 | Website | Informasi | Diskominfo | 2023-03-12 07:05:00 | null | null");
        nothingStored("Siti", "Budi", "0812", "647201");
    }

    @Test
    void laporXlsxWithRealDateCells() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Laporan");
            sheet.createRow(0).createCell(0).setCellValue("Rekap Laporan SP4N-LAPOR! Kota Uji");
            String[] headers = {"ID Laporan", "Tanggal Laporan", "Nama Pelapor", "Kanal", "Kategori", "Instansi Terdisposisi", "Status",
                    "Tanggal Tindak Lanjut", "Tanggal Selesai"};
            Row h = sheet.createRow(2);
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            Row row = sheet.createRow(3);
            row.createCell(0).setCellValue("L-9");
            row.createCell(1).setCellValue(LocalDateTime.of(2023, 5, 2, 8, 0));
            row.getCell(1).setCellStyle(date);
            row.createCell(2).setCellValue("Rahmat Hidayat");
            row.createCell(3).setCellValue("Aplikasi");
            row.createCell(4).setCellValue("Kebersihan");
            row.createCell(5).setCellValue("DLH");
            row.createCell(6).setCellValue("Selesai");
            row.createCell(7).setCellValue(LocalDateTime.of(2023, 5, 2, 20, 0));
            row.getCell(7).setCellStyle(date);
            try (OutputStream out = Files.newOutputStream(dir.resolve("lapor.xlsx"))) {
                book.write(out);
            }
        }
        FileOutcome outcome = load("lapor.xlsx", "lapor", null);
        assertThat(outcome.rowsLoaded()).isEqualTo(1);
        // Excel cells carry no zone, and SP4N-LAPOR! writes WIB unless the source says otherwise: 08:00 WIB is 01:00 UTC.
        assertThat(records()).containsExactly("L-9 | Aplikasi | Kebersihan | DLH | 2023-05-02 01:00:00 | 2023-05-02 13:00:00 | null");
        nothingStored("Rahmat");
    }

    @Test
    void open311RequestsKeepTheirStatusAndLastUpdate() throws Exception {
        Files.writeString(dir.resolve("requests.json"), """
                [
                  {"service_request_id": "638344", "status": "closed", "service_name": "Pothole", "service_code": "006",
                   "requested_datetime": "2023-04-14T06:37:38-08:00", "updated_datetime": "2023-04-15T06:37:38-08:00",
                   "agency_responsible": "Dinas PUPR", "address": "Jl. Merdeka 1", "lat": -0.5, "long": 117.1},
                  {"service_request_id": "638345", "status": "open", "service_name": "Graffiti",
                   "requested_datetime": "2023-04-14T07:00:00+08:00", "updated_datetime": "2023-04-14T09:00:00+08:00",
                   "agency_responsible": "Satpol PP"},
                  {"service_request_id": "638346", "status": "closed", "service_name": "Graffiti",
                   "requested_datetime": "2023-04-31T07:00:00+08:00", "updated_datetime": "2023-05-01T09:00:00+08:00"}
                ]
                """);
        FileOutcome outcome = load("requests.json", null, null);
        assertThat(outcome.error()).isNull();
        assertThat(outcome.format()).isEqualTo("open311");
        assertThat(outcome.rowsLoaded()).isEqualTo(2);
        assertThat(outcome.rejectExamples()).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(8); // 31 April, in the request that starts on line 8
            assertThat(x.reason()).isEqualTo("connectors.bad_date");
        });
        // No first response or closure is stored: updated_datetime and the status are kept, and 10.3's status
        // table decides what the update was (closed: the closure), so a changed rule needs no reload.
        assertThat(records()).containsExactly(
                "638344 | Open311 | Pothole | Dinas PUPR | 2023-04-14 14:37:38 | null | null",
                "638345 | Open311 | Graffiti | Satpol PP | 2023-04-13 23:00:00 | null | null");
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb")); Statement s = w.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT string_agg(ticket || ' ' || status || ' ' || strftime(updated_at, '%Y-%m-%d %H:%M'), "
                     + "', ' ORDER BY ticket) FROM inquiry")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("638344 closed 2023-04-15 14:37, 638345 open 2023-04-14 01:00");
        }
    }

    @Test
    void csv311WithMonthFirstDates() throws Exception {
        Files.writeString(dir.resolve("311.csv"), ""
                + "Unique Key,Created Date,Closed Date,Agency,Agency Name,Complaint Type,Descriptor,Status,Resolution Action Updated Date\n"
                + "59893919,01/05/2023 09:14:00 AM,01/06/2023 01:00:00 PM,DSNY,Department of Sanitation,Dirty Condition,Trash,Closed,01/05/2023 11:30:00 PM\n"
                + "59893920,02/30/2023 09:14:00 AM,,NYPD,Police,Noise,Loud Music,Open,\n");
        FileOutcome outcome = load("311.csv", "csv311", ZoneId.of("America/New_York"));
        assertThat(outcome.rowsLoaded()).isEqualTo(1);
        assertThat(outcome.rejectExamples()).singleElement().satisfies(x -> assertThat(x.column()).isEqualTo("Created Date"));
        // 5 January 09:14 EST is 14:14 UTC. Resolution Action Updated Date (23:30 EST) is the agency's *last* update
        // (NYC 311's data dictionary), not a first response: none is stored, and the closure (13:00 EST) stands in.
        assertThat(records()).containsExactly(
                "59893919 | null | Dirty Condition | DSNY | 2023-01-05 14:14:00 | null | 2023-01-06 18:00:00");
    }

    @Test
    void csv311TheApisSnakeCaseHeadersAndIsoDates() throws Exception {
        // NYC Open Data's API (and BigQuery's public copy) name the same columns in snake_case, with ISO local times.
        Files.writeString(dir.resolve("311-api.csv"), ""
                + "unique_key,created_date,closed_date,agency,complaint_type,status,resolution_action_updated_date,open_data_channel_type\n"
                + "59893919,2023-01-05T09:14:00.000,2023-01-06T13:00:00.000,DSNY,Dirty Condition,Closed,2023-01-05T23:30:00.000,ONLINE\n");
        FileOutcome outcome = load("311-api.csv", "csv311", ZoneId.of("America/New_York"));
        assertThat(outcome.rowsLoaded()).isEqualTo(1);
        assertThat(records()).containsExactly(
                "59893919 | ONLINE | Dirty Condition | DSNY | 2023-01-05 14:14:00 | null | 2023-01-06 18:00:00");
    }

    @Test
    void aTicketTwiceInAFileKeepsItsFirstLoadedRowAndRejectsTheRestInLineOrder() throws Exception {
        // Duplicates are found by SQL after the rows are appended (no map of every ticket is held), yet the
        // rejects are said as a reader finds them: lowest lines first, each naming the first row's line.
        StringBuilder csv = new StringBuilder("No Tiket,Tanggal Laporan,Tanggal Tindak Lanjut\n");
        csv.append("T-1,2023-03-01 08:00:00,2023-03-02 08:00:00\n"); // line 2
        csv.append("T-2,bukan tanggal,\n"); // line 3: rejected for its date, so it does not claim T-2
        csv.append("T-2,2023-03-01 09:00:00,\n"); // line 4: the first loaded T-2
        csv.append("T-1,2023-03-05 08:00:00,\n"); // line 5: T-1 again
        for (int i = 3; i < 10_000; i++) {
            csv.append("T-").append(i).append(",2023-03-01 10:00:00,\n"); // lines 6..10 002, across many batches
        }
        csv.append("T-1,2023-03-06 08:00:00,\n"); // line 10 003
        csv.append("T-9999,2023-03-06 08:00:00,\n"); // line 10 004
        Files.writeString(dir.resolve("dup.csv"), csv);
        FileOutcome outcome = load("dup.csv", "csv", null);
        assertThat(outcome.error()).isNull();
        assertThat(outcome.rowsRead()).isEqualTo(10_003);
        assertThat(outcome.rowsLoaded()).isEqualTo(9_999);
        assertThat(outcome.rejectExamples()).extracting(x -> x.line() + " " + x.reason() + " " + x.detail()).containsExactly(
                "3 connectors.bad_date bukan tanggal",
                "5 connectors.duplicate_id T-1 (2)",
                "10003 connectors.duplicate_id T-1 (2)");
        assertThat(outcome.rejectReasons()).containsEntry("connectors.duplicate_id", 3L).containsEntry("connectors.bad_date", 1L);
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb")); Statement s = w.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT string_agg(line::VARCHAR, ',' ORDER BY line) FROM inquiry WHERE ticket IN ('T-1', 'T-2', 'T-9999')")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("2,4,10002");
        }
    }
}
