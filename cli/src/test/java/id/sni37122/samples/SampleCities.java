package id.sni37122.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the two sample cities under {@code samples/}: Samarinda (WITA) and Pontianak (WIB),
 * 2022 and 2023, with portal logs (monthly gzip files and a plain current log), a service
 * catalogue (an XLSX with a title block for Samarinda, a semicolon CSV for Pontianak),
 * complaint exports with personal columns the pipeline must ignore and 112 emergencies mixed in,
 * an incident register, monitor checks (a heartbeat CSV and, for Samarinda, an Uptime Kuma database
 * written by {@link SampleKumaDb}) and readiness answers. The data is invented, seeded and
 * deterministic; the service names and agencies are real ones (SOURCES.md).
 * Run {@code make samples} to rewrite them; {@link SampleCitiesTest} checks they are current.
 */
public final class SampleCities {

    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    private static final DateTimeFormatter DMY_HM = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final String[] BULAN = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
            "September", "Oktober", "November", "Desember"};

    private static final String[] BROWSERS = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36 Edg/119.0.2151.97",
            "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36",
            "Mozilla/5.0 (Linux; Android 12; Redmi Note 11) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15"};
    private static final String[] ROBOTS = {
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
            "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
            "python-requests/2.31.0",
            "curl/7.81.0"};
    private static final String[] DATASETS = {"apbd", "jumlah-penduduk-per-kecamatan", "data-sekolah", "fasilitas-kesehatan",
            "indeks-pembangunan-manusia", "angka-kemiskinan", "titik-banjir", "jalan-rusak", "pdrb", "inflasi-bulanan",
            "realisasi-pajak-daerah", "ruang-terbuka-hijau", "rumah-ibadah", "pasar-tradisional", "kependudukan-usia"};
    private static final String[] ISP_PREFIX = {"36.72", "36.85", "114.125", "114.4", "180.248", "182.1", "103.147", "110.136",
            "125.164", "139.192", "202.67"};

    /** One sample city. */
    record City(String code, String name, String zoneId, String host, int visitsPerDay, long seed) {
        ZoneId zone() {
            return ZoneId.of(zoneId);
        }
    }

    static final City SAMARINDA = new City("samarinda", "Kota Samarinda", "Asia/Makassar", "data.samarindakota.go.id", 16, 37122);
    static final City PONTIANAK = new City("pontianak", "Kota Pontianak", "Asia/Pontianak", "data.pontianakkota.go.id", 12, 61);

    private SampleCities() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "samples"));
    }

    /** Writes both cities under {@code root}. */
    public static void write(Path root) throws IOException {
        for (City city : List.of(SAMARINDA, PONTIANAK)) {
            Path dir = Files.createDirectories(root.resolve(city.code()));
            Random random = new Random(city.seed());
            portal(city, dir.resolve("portal"), random);
            if (city == SAMARINDA) {
                catalogXlsx(dir.resolve("layanan.xlsx"));
                heartbeats(city, dir.resolve("heartbeat-portal.csv"), random);
                SampleKumaDb.write(dir.resolve("kuma.db"));
            } else {
                catalogCsv(dir.resolve("layanan.csv"));
            }
            for (int year : List.of(2022, 2023)) {
                // Pontianak's 2023 complaints come as SP4N-LAPOR!'s export and its follow-up history, the rest as CSV exports.
                boolean lapor = city == PONTIANAK && year == 2023;
                inquiries(city, year, dir.resolve(lapor ? "lapor-" + year + ".xlsx" : "pengaduan-" + year + ".csv"), random);
            }
            incidents(city, dir.resolve("insiden-ti.csv"), random);
            readiness(city, dir.resolve("kesiapan-2023.yaml"));
            Files.writeString(dir.resolve(city.code() + ".yaml"), config(city));
        }
    }

    // ---- portal logs ----

    private record Visitor(String address, String agent) {
    }

    private static void portal(City city, Path dir, Random random) throws IOException {
        Files.createDirectories(dir);
        List<Visitor> visitors = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            String prefix = ISP_PREFIX[random.nextInt(ISP_PREFIX.length)];
            visitors.add(new Visitor(prefix + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)),
                    BROWSERS[random.nextInt(BROWSERS.length)]));
        }
        for (int year : List.of(2022, 2023)) {
            for (int month = 1; month <= 12; month++) {
                List<String[]> lines = new ArrayList<>(); // {sortKey, line}
                LocalDate day = LocalDate.of(year, month, 1);
                for (; day.getMonthValue() == month; day = day.plusDays(1)) {
                    if (city == SAMARINDA && year == 2023 && month == 8 && day.getDayOfMonth() >= 14 && day.getDayOfMonth() <= 16) {
                        continue; // the portal server was moved: three days with no log at all
                    }
                    dayOfTraffic(city, day, visitors, random, lines);
                }
                lines.sort((a, b) -> a[0].compareTo(b[0]));
                boolean current = year == 2023 && month == 12;
                Path file = dir.resolve(current ? "access.log" : String.format("access-%d-%02d.log.gz", year, month));
                try (OutputStream raw = Files.newOutputStream(file);
                     Writer w = new BufferedWriter(new OutputStreamWriter(current ? raw : new GZIPOutputStream(raw), StandardCharsets.ISO_8859_1))) {
                    for (String[] l : lines) {
                        w.write(l[1]);
                        w.write('\n');
                    }
                }
            }
        }
    }

    private static void dayOfTraffic(City city, LocalDate day, List<Visitor> visitors, Random random, List<String[]> out) {
        int weekday = day.getDayOfWeek().getValue();
        int visits = city.visitsPerDay() * (weekday >= 6 ? 1 : 2) / 2 + random.nextInt(6) + (day.getYear() == 2023 ? 3 : 0);
        for (int v = 0; v < visits; v++) {
            // Returning visitors are common: a small pool makes most of the traffic.
            Visitor who = visitors.get(Math.min(visitors.size() - 1, (int) Math.abs(random.nextGaussian() * 500)));
            long t = day.atTime(7 + random.nextInt(14), random.nextInt(60), random.nextInt(60)).atZone(city.zone()).toEpochSecond();
            String dataset = DATASETS[random.nextInt(DATASETS.length)];
            hit(out, city, who, t, "GET", "/dataset/" + dataset, 200, random);
            hit(out, city, who, t + 1, "GET", "/webassets/base/main.css", 200, random);
            hit(out, city, who, t + 1, "GET", "/webassets/base/main.js", random.nextInt(4) == 0 ? 304 : 200, random);
            int pages = random.nextInt(4);
            for (int p = 0; p < pages; p++) {
                t += 20 + random.nextInt(600);
                String path = switch (random.nextInt(5)) {
                    case 0 -> "/dataset/" + dataset + "/resource/" + (1 + random.nextInt(3)) + "/download/" + dataset + ".csv";
                    case 1 -> "/dataset?q=" + dataset.split("-")[0];
                    case 2 -> "/api/3/action/package_show?id=" + dataset;
                    case 3 -> "/organization/diskominfo";
                    default -> "/dataset/" + DATASETS[random.nextInt(DATASETS.length)];
                };
                hit(out, city, who, t, "GET", path, random.nextInt(30) == 0 ? 404 : 200, random);
            }
        }
        for (int r = 0; r < 12; r++) { // crawlers and scripts
            Visitor robot = new Visitor("66.249." + (64 + random.nextInt(16)) + "." + random.nextInt(256), ROBOTS[random.nextInt(ROBOTS.length)]);
            long t = day.atStartOfDay(city.zone()).toEpochSecond() + random.nextInt(86_400);
            hit(out, city, robot, t, "GET", r == 0 ? "/robots.txt" : "/dataset/" + DATASETS[random.nextInt(DATASETS.length)], 200, random);
        }
        for (int h = 0; h < 24; h += 6) { // the uptime monitor's HEAD checks
            long t = day.atTime(h, 0).atZone(city.zone()).toEpochSecond();
            hit(out, city, new Visitor("10.20.0.5", "Uptime-Kuma/1.23.11"), t, "HEAD", "/", 200, random);
        }
        if (day.getDayOfMonth() == 9) { // a TLS probe on port 80 and a line cut off by a full disk
            long t = day.atTime(3, 12).atZone(city.zone()).toEpochSecond();
            out.add(new String[] {key(t), "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003"});
            out.add(new String[] {key(t + 5), "180.248.7.9 - - [" + CLF.format(Instant.ofEpochSecond(t + 5).atZone(city.zone()))
                    + "] \"GET /dataset/apbd HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0 (Windows NT"});
        }
    }

    private static void hit(List<String[]> out, City city, Visitor who, long t, String method, String path, int status, Random random) {
        String time = CLF.format(Instant.ofEpochSecond(t).atZone(city.zone()));
        int bytes = status == 304 ? 0 : 500 + random.nextInt(40_000);
        String referer = path.startsWith("/webassets") ? "https://" + city.host() + "/dataset" : "-";
        out.add(new String[] {key(t), who.address() + " - - [" + time + "] \"" + method + " " + path + " HTTP/1.1\" " + status + " "
                + bytes + " \"" + referer + "\" \"" + who.agent() + "\""});
    }

    private static String key(long t) {
        return String.format("%012d", t);
    }

    // ---- service catalogue ----

    /** Real services and agencies (SOURCES.md; Pontianak SPBE master plan), with invented dates and levels. */
    private static final String[][] SERVICES = {
            // code, name, agency, area, level, online flag as written, url, from, to
            {"DKI-01", "Pengaduan Masyarakat SP4N-LAPOR!", "Diskominfo", "kebijakan, proyek dan inisiatif", "Transaksi", "Ya", "https://www.lapor.go.id", "2018-03-01", ""},
            {"DKI-02", "Permohonan Informasi Publik (SI-PPID)", "Diskominfo", "kebijakan, proyek dan inisiatif", "Transaksi", "Y", "https://ppid.{host}", "2019-01-01", ""},
            {"DKI-03", "Portal Satu Data", "Diskominfo", "kebijakan, proyek dan inisiatif", "Interaksi", "Tidak", "https://{host}", "2020-01-01", ""},
            {"DKI-04", "Surat Keterangan Kelurahan (e-Pemerintahan)", "Diskominfo", "izin dan lisensi", "Transaksi", "✓", "", "2021-06-01", ""},
            {"HKM-01", "Jaringan Dokumentasi dan Informasi Hukum (JDIH)", "Bagian Hukum", "peraturan, pelanggaran dan penegakan", "Interaksi", "Tidak", "https://jdih.{host}", "2017-01-01", ""},
            {"PUP-01", "Informasi Rencana Tata Ruang (SIM-TARU)", "Dinas PUPR", "perencanaan", "Informasi", "Tidak", "", "2019-01-01", ""},
            {"PUP-02", "Persetujuan Bangunan Gedung (PBG)", "Dinas PUPR", "bangunan", "Transaksi", "Ya", "https://simbg.pu.go.id", "2021-08-01", ""},
            {"PUP-03", "Izin Mendirikan Bangunan (IMB) manual", "Dinas PUPR", "bangunan", "Informasi", "Tidak", "", "2010-01-01", "2022-03-31"},
            {"DPM-01", "Perizinan Berusaha (Simyandu/OSS)", "DPMPTSP", "izin dan lisensi", "Transaksi", "1", "https://oss.go.id", "2019-01-01", ""},
            {"DPM-02", "Izin Reklame", "DPMPTSP", "izin dan lisensi", "Transaksi", "", "", "2020-01-01", ""},
            {"DPM-03", "Izin Keramaian", "DPMPTSP", "izin dan lisensi", "Interaksi", "", "", "2015-01-01", ""},
            {"DUK-01", "Antrean Daring Disdukcapil", "Disdukcapil", "lainnya", "Transaksi", "Ya", "", "2020-07-01", ""},
            {"DUK-02", "Pencatatan Sipil Daring (Akta Kelahiran)", "Disdukcapil", "lainnya", "Kolaborasi", "Ya", "", "2021-01-01", ""},
            {"DUK-03", "Legalisir Dokumen Kependudukan", "Disdukcapil", "lainnya", "Informasi", "Tidak", "", "2010-01-01", ""},
            {"DSH-01", "Uji KIR Kendaraan Daring", "Dinas Perhubungan", "jalan dan lalu lintas", "Transaksi", "Ya", "", "2022-09-01", ""},
            {"DSH-02", "Izin Parkir dan Bongkar Muat", "Dinas Perhubungan", "jalan dan lalu lintas", "Interaksi", "Tidak", "", "2016-01-01", ""},
            {"DSH-03", "Laporan Lampu Lalu Lintas Rusak", "Dinas Perhubungan", "jalan dan lalu lintas", "Transaksi", "Ya", "", "2023-02-01", ""},
            {"RSU-01", "Pendaftaran Pasien RSUD", "RSUD", "lainnya", "Transaksi", "Ya", "", "2020-01-01", ""},
            {"PDM-01", "Tagihan dan Sambungan Baru PDAM", "PDAM", "air dan saluran pembuangan", "Transaksi", "Ya", "", "2019-01-01", ""},
            {"PDM-02", "Pengaduan Gangguan Air PDAM", "PDAM", "air dan saluran pembuangan", "Interaksi", "Tidak", "", "2018-01-01", ""},
            {"PUS-01", "Katalog Perpustakaan (OPAC)", "Dinas Perpustakaan", "lainnya", "Informasi", "Tidak", "", "2017-01-01", ""},
            {"SOS-01", "Rujukan Bantuan Sosial (SLRT)", "Dinas Sosial", "lainnya", "Interaksi", "Tidak", "", "2019-01-01", ""},
            {"BPB-01", "Peringatan Dini Bencana", "BPBD", "keselamatan publik", "Informasi", "Tidak", "", "2018-01-01", ""},
            {"DLH-01", "Permintaan Angkutan Sampah", "DLH", "sampah dan daur ulang", "Transaksi", "Ya", "", "2022-05-01", ""},
            {"DLH-02", "Retribusi Sampah Manual", "DLH", "sampah dan daur ulang", "Informasi", "Tidak", "", "2012-01-01", "2022-04-30"},
            {"DMK-01", "Pemeriksaan Keselamatan Kebakaran Gedung", "Dinas Pemadam Kebakaran", "pemadam kebakaran", "Interaksi", "Tidak", "", "2016-01-01", ""},
            {"BPD-01", "e-SPPT dan Pembayaran PBB", "Bapenda", "pajak properti dan utilitas", "Transaksi", "Ya", "", "2019-01-01", ""},
            {"BPD-02", "Pajak Hotel dan Restoran (e-Tax)", "Bapenda", "pajak properti dan utilitas", "Optimalisasi", "Ya", "", "2021-01-01", ""},
            {"BPJ-01", "Pengadaan Barang/Jasa (LPSE)", "BPBJ", "kebijakan, proyek dan inisiatif", "Transaksi", "Ya", "https://lpse.{host}", "2012-01-01", ""},
            {"ASE-01", "Sewa Gedung Pertemuan Milik Pemkot", "BPKAD", "sewa dan katering gedung kota", "Informasi", "Tidak", "", "2015-01-01", ""}};

    private static void catalogXlsx(Path file) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Daftar Layanan");
            sheet.createRow(0).createCell(0).setCellValue("DAFTAR LAYANAN PUBLIK PEMERINTAH KOTA SAMARINDA");
            sheet.createRow(1).createCell(0).setCellValue("Sumber: Bagian Organisasi Setda Kota Samarinda (contoh ilustratif)");
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, 8));
            String[] headers = {"Kode", "Nama Layanan", "Perangkat Daerah", "Bidang", "Tingkat Layanan", "Daring", "URL", "Mulai", "Berakhir"};
            Row h = sheet.createRow(3);
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
            int r = 4;
            for (String[] s : SERVICES) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < 7; i++) {
                    row.createCell(i).setCellValue(s[i].replace("{host}", "samarindakota.go.id"));
                }
                for (int i = 7; i < 9; i++) {
                    if (!s[i].isEmpty()) { // real Excel date cells, as the Bagian Organisasi types them
                        row.createCell(i).setCellValue(LocalDate.parse(s[i]));
                        row.getCell(i).setCellStyle(date);
                    }
                }
            }
            book.getProperties().getCoreProperties().setCreated(java.util.Optional.of(new java.util.Date(1_703_980_800_000L)));
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }
        fixZipTimes(file);
    }

    /** POI stamps the current time into the zip entries; samples must be byte-for-byte reproducible. */
    private static void fixZipTimes(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(file));
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(tmp))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                var copy = new java.util.zip.ZipEntry(e.getName());
                copy.setTime(0);
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void catalogCsv(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("\uFEFFKode;Nama Layanan;Perangkat Daerah;Bidang;Tingkat Layanan;Daring;URL;Mulai;Berakhir\n");
        for (String[] s : SERVICES) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                String v = s[i].replace("{host}", "pontianakkota.go.id");
                if ((i == 7 || i == 8) && !v.isEmpty()) {
                    LocalDate d = LocalDate.parse(v);
                    v = String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
                }
                cells.add(v);
            }
            sb.append(String.join(";", cells)).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    // ---- complaints and inquiries ----

    private static final String[][] CATEGORIES = {
            // category, channel, typical hours to first response
            {"Informasi", "Call Center 112", "4"}, {"PDAM", "Call Center 112", "20"}, {"PLN", "Call Center 112", "30"},
            {"Permintaan Pembuangan Sampah", "Call Center 112", "36"}, {"Permintaan Pemotongan Pohon", "Call Center 112", "60"},
            {"Tiang Listrik (PJU/PLN/Telkom)", "Call Center 112", "48"}, {"Jalan Rusak", "SP4N-LAPOR!", "96"},
            {"Drainase dan Banjir Lingkungan", "SP4N-LAPOR!", "72"}, {"Administrasi Kependudukan", "Aplikasi", "24"},
            {"Perizinan", "SP4N-LAPOR!", "48"}, {"Kebersihan", "WhatsApp", "30"}, {"Informasi", "Media Sosial", "8"},
            {"Pelayanan Kesehatan", "Loket", "12"},
            // emergencies on the same 112 line: never counted
            {"Ambulance", "Call Center 112", "0.1"}, {"Kebakaran", "Call Center 112", "0.05"}, {"Kecelakaan", "Call Center 112", "0.1"},
            {"Pohon Tumbang", "Call Center 112", "0.5"}};
    private static final String[] AGENCIES = {"Diskominfo", "Dinas PUPR", "DLH", "PDAM", "Disdukcapil", "DPMPTSP", "Dinas Perhubungan",
            "Dinas Kesehatan", "BPBD", "Dinas Pemadam Kebakaran"};
    private static final String[] NAMES = {"Andi", "Siti", "Budi", "Rahmat", "Nurul", "Dewi", "Agus", "Fitri", "Yusuf", "Rina"};

    private static void inquiries(City city, int year, Path file, Random random) throws IOException {
        boolean samarinda = city == SAMARINDA;
        boolean xlsx = file.toString().endsWith(".xlsx");
        StringBuilder sb = new StringBuilder(
                "No Tiket,Tanggal Laporan,Nama Pelapor,No HP,NIK,Kanal,Kategori,Instansi,Status,Tanggal Tindak Lanjut,Tanggal Selesai\n");
        List<Object[]> rows = new ArrayList<>();
        int records = samarinda ? 1400 : 900;
        LocalDateTime start = LocalDate.of(year, 1, 1).atStartOfDay();
        List<LocalDateTime> times = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            times.add(start.plusMinutes(random.nextInt(365 * 24 * 60)));
        }
        times.sort(null);
        int n = 0;
        for (LocalDateTime submitted : times) {
            String[] c = CATEGORIES[random.nextInt(CATEGORIES.length)];
            double typical = Double.parseDouble(c[2]);
            double hours = typical * (0.2 + random.nextDouble() * 1.6);
            LocalDateTime first = submitted.plusMinutes((long) (hours * 60) + 1);
            boolean unanswered = random.nextInt(25) == 0 || first.getYear() > 2023 || first.isAfter(LocalDateTime.of(2023, 12, 31, 12, 0));
            boolean onlyClosure = !unanswered && random.nextInt(12) == 0;
            LocalDateTime closed = unanswered ? null : first.plusHours(4 + random.nextInt(120));
            if (closed != null && closed.isAfter(LocalDateTime.of(2023, 12, 31, 12, 0))) {
                closed = null;
            }
            String status = unanswered ? "Diproses" : closed == null ? "Ditindaklanjuti" : "Selesai";
            String name = NAMES[random.nextInt(NAMES.length)] + " " + NAMES[random.nextInt(NAMES.length)] + "a";
            String phone = "08" + (1_100_000_000L + random.nextInt(900_000_000));
            String nik = "6472" + String.format("%012d", (long) (random.nextDouble() * 1e12));
            String agency = c[0].startsWith("Ambulance") ? "Dinas Kesehatan" : c[0].equals("Kebakaran") ? "Dinas Pemadam Kebakaran"
                    : AGENCIES[random.nextInt(AGENCIES.length)];
            String ticket = (samarinda ? "SMD-" : "PTK-") + year + "-" + String.format("%05d", ++n);
            LocalDateTime response = unanswered || onlyClosure ? null : first;
            rows.add(new Object[] {ticket, submitted, name, phone, nik, c[1], c[0], agency, status, response, closed});
            sb.append(String.join(",", ticket, date(city, submitted), name, phone, nik, c[1], csv(c[0]), agency, status,
                    response == null ? "" : date(city, response), closed == null ? "" : date(city, closed))).append('\n');
        }
        if (xlsx) {
            laporExport(file, rows);
            laporFollowUps(file.resolveSibling("tindak-lanjut-" + year + ".csv"), rows);
        } else {
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The generated records as SP4N-LAPOR!'s admin export shapes them (the facts in
     * ../shared/data/real/README.md): a title block, Tracking ID, the submission as a date ("3 Jan 2023")
     * and a time ("08:15:22") column, Klasifikasi Laporan, LAPOR!'s own categories and sources, personal
     * columns that are never read, and no response time: that is in the follow-up history.
     */
    private static void laporExport(Path file, List<Object[]> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Laporan");
            sheet.createRow(0).createCell(0).setCellValue("Daftar Laporan SP4N-LAPOR!");
            sheet.createRow(1).createCell(0).setCellValue("Instansi: Pemerintah Kota Pontianak (contoh ilustratif)");
            sheet.createRow(2).createCell(0).setCellValue("Tanggal Unduh: 2 Jan 2024 08:00");
            String[] headers = {"Tracking ID", "Tanggal Laporan Masuk", "Waktu Laporan Masuk", "Judul Laporan", "Isi Laporan", "Nama Pelapor",
                    "Klasifikasi Laporan", "Kategori", "Sumber Laporan", "Instansi Terdisposisi", "Status Laporan"};
            Row h = sheet.createRow(4);
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            int r = 5;
            for (Object[] v : rows) {
                int n = laporNumber(v);
                LocalDateTime submitted = laporTime((LocalDateTime) v[1], n);
                String category = v[6].toString();
                String[] cells = {trackingId(n), laporDate(submitted), HMS.format(submitted), "Laporan " + category,
                        "Mohon ditindaklanjuti. Pelapor: " + v[2] + ", " + v[3], v[2].toString(), klasifikasi(category, n),
                        LAPOR_CATEGORY.getOrDefault(category, "Lainnya"), LAPOR_SOURCES[n % LAPOR_SOURCES.length], v[7].toString(),
                        v[10] != null ? "Selesai" : v[9] != null ? "Proses" : "Menunggu Verifikasi"};
                Row row = sheet.createRow(r++);
                for (int i = 0; i < cells.length; i++) {
                    row.createCell(i).setCellValue(cells[i]);
                }
            }
            book.getProperties().getCoreProperties().setCreated(java.util.Optional.of(new java.util.Date(1_703_980_800_000L)));
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }
        fixZipTimes(file);
    }

    /** The follow-up history (tindak lanjut) of the same tickets: the first follow-up and the closing one, with free text never read. */
    private static void laporFollowUps(Path file, List<Object[]> rows) throws IOException {
        List<String[]> lines = new ArrayList<>(); // {sort key, line}
        for (Object[] v : rows) {
            int n = laporNumber(v);
            if (v[9] instanceof LocalDateTime first) {
                lines.add(followUp(n, laporTime(first, n), "Laporan diteruskan ke " + v[7]));
            }
            if (v[10] instanceof LocalDateTime closed) {
                lines.add(followUp(n, laporTime(closed, n), "Laporan telah selesai ditindaklanjuti, terima kasih " + v[2]));
            }
        }
        lines.sort((a, b) -> a[0].compareTo(b[0]));
        StringBuilder sb = new StringBuilder("Tracking ID,Tanggal Tindak Lanjut,Waktu Tindak Lanjut,Isi Tindak Lanjut\n");
        lines.forEach(l -> sb.append(l[1]).append('\n'));
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static String[] followUp(int n, LocalDateTime t, String text) {
        return new String[] {t + trackingId(n), String.join(",", trackingId(n), laporDate(t), HMS.format(t), csv(text))};
    }

    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String[] BULAN_SINGKAT = {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"};
    /** SP4N-LAPOR!'s report sources. */
    private static final String[] LAPOR_SOURCES = {"Website", "Aplikasi Mobile", "SMS 1708", "Twitter", "Website", "Aplikasi Mobile"};
    /** The generator's categories as LAPOR! files them: LAPOR! is no emergency line, so none of its categories is one. */
    private static final Map<String, String> LAPOR_CATEGORY = Map.ofEntries(
            Map.entry("Informasi", "Komunikasi dan Informatika"), Map.entry("PDAM", "Infrastruktur"),
            Map.entry("PLN", "Energi dan Sumber Daya Mineral"), Map.entry("Permintaan Pembuangan Sampah", "Lingkungan Hidup dan Kehutanan"),
            Map.entry("Permintaan Pemotongan Pohon", "Lingkungan Hidup dan Kehutanan"),
            Map.entry("Tiang Listrik (PJU/PLN/Telkom)", "Infrastruktur"), Map.entry("Jalan Rusak", "Infrastruktur"),
            Map.entry("Drainase dan Banjir Lingkungan", "Infrastruktur"), Map.entry("Administrasi Kependudukan", "Kependudukan"),
            Map.entry("Perizinan", "Perizinan dan Investasi"), Map.entry("Kebersihan", "Lingkungan Hidup dan Kehutanan"),
            Map.entry("Pelayanan Kesehatan", "Kesehatan"), Map.entry("Ambulance", "Kesehatan"),
            Map.entry("Kebakaran", "Ketentraman, Ketertiban Umum, dan Perlindungan Masyarakat"),
            Map.entry("Kecelakaan", "Perhubungan"), Map.entry("Pohon Tumbang", "Lingkungan Hidup dan Kehutanan"));

    private static int laporNumber(Object[] row) {
        String ticket = row[0].toString();
        return Integer.parseInt(ticket.substring(ticket.lastIndexOf('-') + 1));
    }

    private static String trackingId(int n) {
        return String.valueOf(5_100_000 + n);
    }

    /** LAPOR! keeps seconds: a ticket's times share its seconds, so every duration stays the generator's. */
    private static LocalDateTime laporTime(LocalDateTime t, int n) {
        return t.plusSeconds(n * 37L % 60);
    }

    private static String laporDate(LocalDateTime t) {
        return t.getDayOfMonth() + " " + BULAN_SINGKAT[t.getMonthValue() - 1] + " " + t.getYear();
    }

    /** Klasifikasi Laporan: information requests, some aspirations, the rest complaints. */
    private static String klasifikasi(String category, int n) {
        return category.equals("Informasi") ? "Permintaan Informasi" : n % 9 == 0 ? "Aspirasi" : "Pengaduan";
    }

    /** Samarinda exports "12/03/2023 14:05"; Pontianak writes "12 Maret 2023 14.05". */
    private static String date(City city, LocalDateTime t) {
        if (city == SAMARINDA) {
            return DMY_HM.format(t);
        }
        return t.getDayOfMonth() + " " + BULAN[t.getMonthValue() - 1] + " " + t.getYear() + " " + String.format("%02d.%02d", t.getHour(), t.getMinute());
    }

    private static String csv(String s) {
        return s.contains(",") ? "\"" + s + "\"" : s;
    }

    // ---- IT incidents and monitor checks ----

    private static void incidents(City city, Path file, Random random) throws IOException {
        String[] assets = {"Server Data Center", "Jaringan Fiber OPD", "Portal Satu Data", "Aplikasi e-Office", "Server Email", "Firewall"};
        String[][] causes = {{"pemadaman listrik PLN", "Tidak"}, {"gangguan ISP", "Tidak"}, {"kerusakan perangkat keras", "Tidak"},
                {"pemeliharaan terjadwal", "Ya"}, {"serangan DDoS", "Tidak"}, {"pembaruan aplikasi", "Ya"}};
        StringBuilder sb = new StringBuilder("No Tiket,Aset,Mulai,Selesai,Penyebab,Terencana\n");
        int n = 0;
        for (int year : List.of(2022, 2023)) {
            int count = 10 + random.nextInt(6);
            for (int i = 0; i < count; i++) {
                LocalDateTime s = LocalDate.of(year, 1 + i * 12 / count, 1 + random.nextInt(27)).atTime(random.nextInt(24), random.nextInt(60));
                String[] cause = causes[random.nextInt(causes.length)];
                LocalDateTime e = s.plusMinutes(20 + random.nextInt(cause[1].equals("Ya") ? 300 : 600));
                sb.append(String.join(",", "INS-" + year + "-" + String.format("%03d", ++n), assets[random.nextInt(assets.length)],
                        DMY_HM.format(s), DMY_HM.format(e), cause[0], cause[1])).append('\n');
            }
        }
        // Still open at the end of the sample period: reported, not averaged.
        sb.append("INS-2023-999,Server Email,30/12/2023 21:40,,kerusakan perangkat keras,Tidak\n");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static void heartbeats(City city, Path file, Random random) throws IOException {
        StringBuilder sb = new StringBuilder("monitor,time,status\n");
        ZonedDateTime t = LocalDate.of(2023, 1, 1).atStartOfDay(city.zone());
        ZonedDateTime end = LocalDate.of(2024, 1, 1).atStartOfDay(city.zone());
        int downFor = 0;
        while (t.isBefore(end)) {
            if (downFor == 0 && random.nextInt(1500) == 0) {
                downFor = 1 + random.nextInt(4); // an outage of one to four checks (30 min each)
            }
            String status = downFor > 0 ? "down" : "up";
            if (downFor > 0) {
                downFor--;
            }
            sb.append("Portal Satu Data,").append(t.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()).append("Z,")
                    .append(status).append('\n');
            t = t.plusMinutes(30);
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    // ---- readiness and config ----

    private static void readiness(City city, Path file) throws IOException {
        String evidence = city == SAMARINDA ? "Renja Diskominfo Kota Samarinda 2023" : "Renja Diskominfo Kota Pontianak 2023";
        Files.writeString(file, """
                # Jawaban analisis kesiapan indikator (contoh ilustratif, bukan jawaban resmi kota).
                # Pertanyaan yang tidak diisi ditampilkan "belum diisi", bukan "tidak".
                year: 2023
                indicators:
                  "10.1":
                    1: {answer: ya, evidence: "%1$s"}
                    2: {answer: ya, evidence: "SK Tim Satu Data"}
                    3: {answer: ya, evidence: "SK Walikota tentang Satu Data"}
                    4: {answer: tidak}
                    5: {answer: ya, evidence: "CKAN https://%2$s"}
                    6: {answer: ya, evidence: "Notulen forum Satu Data"}
                    7: {answer: tidak}
                    8: {answer: ya, evidence: "Standar data statistik sektoral"}
                  "10.2":
                    1: {answer: ya, evidence: "Masterplan SPBE"}
                    2: {answer: ya}
                    3: {answer: ya, evidence: "Perwali tentang SPBE"}
                    5: {answer: ya, evidence: "Katalog layanan"}
                    9: {answer: tidak}
                  "10.3":
                    1: {answer: ya, evidence: "SOP pengelolaan pengaduan SP4N-LAPOR!"}
                    2: {answer: ya}
                    3: {answer: ya, evidence: "SK admin SP4N-LAPOR!"}
                    4: {answer: ya, evidence: "Sertifikat pelatihan pengelola pengaduan"}
                    5: {answer: ya, evidence: "https://www.lapor.go.id"}
                    6: {answer: ya}
                    7: {answer: ya}
                    8: {answer: tidak}
                    9: {answer: ya, evidence: "Laporan triwulanan pengaduan"}
                  "10.4":
                    1: {answer: ya, evidence: "SOP gangguan data center"}
                    5: {answer: ya, evidence: "Uptime Kuma"}
                    9: {answer: tidak}
                """.formatted(evidence, city.host()));
    }

    private static String config(City city) {
        boolean samarinda = city == SAMARINDA;
        String population = samarinda ? """
                  - {year: 2022, population: 834824, source: "BPS, dikutip kajian smart city Kota Samarinda 2023"}
                  - {year: 2023, population: 842691, source: "proyeksi ilustratif untuk contoh, bukan angka BPS"}
                """ : """
                  - {year: 2017, population: 627021, source: "BPS, dikutip Masterplan SPBE Kota Pontianak (Perwali 20/2020)"}
                  - {year: 2022, population: 672440, source: "proyeksi ilustratif untuk contoh, bukan angka BPS"}
                  - {year: 2023, population: 679912, source: "proyeksi ilustratif untuk contoh, bukan angka BPS"}
                """;
        String catalog = samarinda ? "[{path: layanan.xlsx}]" : "[{path: layanan.csv}]";
        String inquiries = samarinda ? "[{path: \"pengaduan-*.csv\", timezone: " + city.zoneId() + "}]"
                : "[{path: pengaduan-2022.csv, timezone: " + city.zoneId() + "}, {path: lapor-2023.xlsx, format: lapor},\n"
                + "               {path: tindak-lanjut-2023.csv, format: responses, timezone: Asia/Jakarta}]";
        String heartbeats = samarinda ? "  heartbeats: [{path: heartbeat-portal.csv}, {path: kuma.db, format: uptime-kuma}]\n" : "";
        // The first line names the config's JSON Schema for editors that check YAML (yaml-language-server).
        return """
                # yaml-language-server: $schema=../../distribution/src/main/dist/share/sni37122-config.schema.json
                # Contoh konfigurasi %1$s: data contoh yang dibuat untuk demonstrasi (lihat samples/README.md).
                city: {code: %2$s, name: %1$s, timezone: %3$s}
                population:
                %4$ssources:
                  portal:     [{path: portal/, format: combined}]
                  catalog:    %5$s
                  inquiries:  %7$s
                  incidents:  [{path: insiden-ti.csv}]
                %6$srules:
                  portal:    {visit_window_minutes: 30}
                  inquiries: {count_kinds: [inquiry, complaint]}
                  incidents: {merge_gap: 5m, min_duration: 0s, group_overlapping: true}
                readiness: kesiapan-2023.yaml
                output: out/
                secret_file: kunci/visitor.key
                language: id
                thresholds:
                  max_rejected_share: 0.05
                  min_coverage_share: 0.9
                  max_unanswered_share: 0.2
                opendata: {license: CC-BY-4.0}   # report --opendata DIR: the data package's licence
                """.formatted(city.name(), city.code(), city.zoneId(), population, catalog, heartbeats, inquiries);
    }
}
