import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the table benchmark's inputs, seeded, the same for the same arguments:
 * a complaint export (CSV, the columns a city's own system writes, complainants' name, phone and
 * NIK included, times in the city's zone) and a service catalogue (XLSX with shared strings and
 * real date cells, as Excel saves it, under a two-row title).
 * A complaint export can also be a workbook (complaints-xlsx), as SP4N-LAPOR! writes one: every
 * report's title and text are shared strings, so that its shared strings are far larger than the
 * columns a load reads.
 * Usage: java -cp cli/target/sni37122.jar bench/GenerateTables.java complaints FILE ROWS
 *        java -cp cli/target/sni37122.jar bench/GenerateTables.java complaints-xlsx FILE ROWS
 *        java -cp cli/target/sni37122.jar bench/GenerateTables.java catalogue FILE ROWS [inline]
 */
public class GenerateTables {
    static final String[] CHANNELS = {"Website", "WhatsApp", "SP4N-LAPOR!", "Call Center 112", "Media Sosial", "Datang Langsung"};
    static final String[] CATEGORIES = {"Infrastruktur", "Kesehatan", "Pendidikan", "Kependudukan", "Lingkungan Hidup", "Perizinan"};
    static final String[] AGENCIES = {"Dinas PUPR", "Dinas Kesehatan", "Dinas Pendidikan", "Disdukcapil", "DLH", "DPMPTSP", "Diskominfo"};
    static final String[] LEVELS = {"Informasi", "Interaksi", "Transaksi", "Kolaborasi"};
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        int rows = Integer.parseInt(args[2]);
        Random r = new Random(37122);
        if (args[0].equals("complaints")) {
            complaints(file, rows, r);
        } else if (args[0].equals("complaints-xlsx")) {
            complaintsWorkbook(file, rows, r);
        } else {
            catalogue(file, rows, r, !(args.length > 3 && args[3].equals("inline")));
        }
    }

    static void complaints(Path file, int rows, Random r) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("No Tiket,Nama Pelapor,No HP,NIK,Tanggal Laporan,Kanal,Kategori,Instansi,Status,Tanggal Tindak Lanjut,Tanggal Selesai\n");
            LocalDateTime start = LocalDateTime.of(2023, 1, 1, 0, 0);
            for (int i = 1; i <= rows; i++) {
                LocalDateTime submitted = start.plusSeconds(r.nextInt(365 * 86_400));
                LocalDateTime response = submitted.plusMinutes(30 + r.nextInt(5 * 24 * 60));
                boolean closed = r.nextInt(10) < 8;
                out.write("LPR-" + i + ",\"Pelapor " + i + "\",08" + (1_000_000_000L + r.nextInt(900_000_000)) + ","
                        + (6_472_000_000_000_000L + r.nextInt(1_000_000_000)) + "," + TIME.format(submitted) + ","
                        + CHANNELS[r.nextInt(CHANNELS.length)] + "," + CATEGORIES[r.nextInt(CATEGORIES.length)] + ","
                        + AGENCIES[r.nextInt(AGENCIES.length)] + "," + (closed ? "Selesai" : "Proses") + ","
                        + TIME.format(response) + "," + (closed ? TIME.format(response.plusHours(r.nextInt(72))) : "") + "\n");
            }
        }
    }

    static void complaintsWorkbook(Path file, int rows, Random r) throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 100, true, true); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Laporan");
            sheet.createRow(0).createCell(0).setCellValue("Laporan Pengaduan SP4N-LAPOR!");
            String[] head = {"Tracking ID", "Tanggal Laporan Masuk", "Waktu Laporan Masuk", "Judul Laporan", "Isi Laporan", "Nama Pelapor",
                    "Klasifikasi Laporan", "Kategori", "Sumber Laporan", "Instansi Terdisposisi", "Status Laporan"};
            Row h = sheet.createRow(2);
            for (int c = 0; c < head.length; c++) {
                h.createCell(c).setCellValue(head[c]);
            }
            LocalDateTime start = LocalDateTime.of(2023, 1, 1, 0, 0);
            String words = "jalan rusak di depan sekolah mohon segera diperbaiki karena membahayakan pengendara motor dan anak anak ";
            for (int i = 1; i <= rows; i++) {
                LocalDateTime submitted = start.plusSeconds(r.nextInt(365 * 86_400));
                Row row = sheet.createRow(2 + i);
                row.createCell(0).setCellValue("LPR" + (1_000_000 + i));
                row.createCell(1).setCellValue(submitted.toLocalDate().toString());
                row.createCell(2).setCellValue(submitted.toLocalTime().toString());
                row.createCell(3).setCellValue("Laporan nomor " + i);
                row.createCell(4).setCellValue(i + " " + words.repeat(8));
                row.createCell(5).setCellValue("Pelapor " + i);
                row.createCell(6).setCellValue(r.nextInt(10) < 7 ? "Pengaduan" : "Aspirasi");
                row.createCell(7).setCellValue(CATEGORIES[r.nextInt(CATEGORIES.length)]);
                row.createCell(8).setCellValue(CHANNELS[r.nextInt(CHANNELS.length)]);
                row.createCell(9).setCellValue(AGENCIES[r.nextInt(AGENCIES.length)]);
                row.createCell(10).setCellValue(r.nextInt(10) < 8 ? "Selesai" : "Proses");
            }
            wb.write(out);
        }
    }

    /** Excel keeps text in a shared-strings table; inline strings (as openpyxl writes them) are four times quicker to write. */
    static void catalogue(Path file, int rows, Random r, boolean sharedStrings) throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 100, true, sharedStrings); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Layanan");
            sheet.createRow(0).createCell(0).setCellValue("DAFTAR LAYANAN PEMERINTAH KOTA BENCH");
            sheet.createRow(1).createCell(0).setCellValue("Tahun 2023");
            String[] head = {"No.", "Kode", "Nama Layanan", "Perangkat Daerah", "Bidang", "Tingkat Layanan", "Daring", "Mulai"};
            Row h = sheet.createRow(3);
            for (int c = 0; c < head.length; c++) {
                h.createCell(c).setCellValue(head[c]);
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            for (int i = 1; i <= rows; i++) {
                Row row = sheet.createRow(3 + i);
                row.createCell(0).setCellValue(i);
                row.createCell(1).setCellValue("LYN-" + i);
                row.createCell(2).setCellValue("Layanan " + CATEGORIES[r.nextInt(CATEGORIES.length)] + " nomor " + i);
                row.createCell(3).setCellValue(AGENCIES[r.nextInt(AGENCIES.length)]);
                row.createCell(4).setCellValue(CATEGORIES[r.nextInt(CATEGORIES.length)].toLowerCase());
                row.createCell(5).setCellValue(LEVELS[r.nextInt(LEVELS.length)]);
                row.createCell(6).setCellValue(r.nextInt(10) < 7 ? "Ya" : "Tidak");
                row.createCell(7).setCellValue(LocalDate.of(2010 + r.nextInt(13), 1 + r.nextInt(12), 1 + r.nextInt(28)));
                row.getCell(7).setCellStyle(date);
            }
            wb.write(out);
        }
    }
}
