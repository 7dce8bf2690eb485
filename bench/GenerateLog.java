import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a seeded Apache combined log for the benchmark: calendar year 2023 of a city's CKAN open-data
 * portal in WITA (+0800), byte for byte the same for the same arguments. Traffic comes in visits that
 * interleave: a visitor (address + agent) views a page, fetches its static assets (css, js, images, fonts),
 * maybe downloads a CSV/XLSX/JSON resource or calls the API, and views more pages minutes later; robots
 * crawl, harvest the API, probe for weaknesses and check uptime. About 60 % of the hits are static assets,
 * 15 % robots'; tens of thousands of addresses and a few thousand agents appear, with about 1 % HEAD, a
 * few % POST, 2 % 404, some 301/302/304 and a few 500. The shares, counted while writing, are printed on
 * one line to stderr at the end.
 * Usage: java bench/GenerateLog.java FILE LINES [gz]
 */
public class GenerateLog {
    static final long START = 1_672_502_400L; // 2023-01-01 00:00:00 +0800
    static final long YEAR_MS = 365L * 86_400_000L;
    static final int SEQ_BITS = 28; // a hit's key: milliseconds into the year, then its sequence number
    static final String SITE = "https://data.kotabench.go.id";
    static final double ROBOT_SHARE = 0.15;
    /** Share of human visits by a browser that has the portal's assets in its cache from an earlier visit. */
    static final double RETURNING = 0.68;
    /** The indicator's static extensions (robots.txt aside). */
    static final Set<String> STATIC = Set.of("css", "js", "mjs", "map", "png", "jpg", "jpeg", "gif", "svg", "webp", "avif",
            "ico", "bmp", "tif", "tiff", "woff", "woff2", "ttf", "otf", "eot");

    final Random r = new Random(37122);

    // ---------------------------------------------------------------- catalogue

    static final String[] ORGS = {"dinas-kesehatan", "dinas-pendidikan", "dinas-kependudukan-dan-pencatatan-sipil",
            "badan-perencanaan-pembangunan-daerah", "dinas-komunikasi-dan-informatika", "dinas-sosial", "dinas-perhubungan",
            "dinas-pekerjaan-umum-dan-penataan-ruang", "badan-penanggulangan-bencana-daerah", "dinas-lingkungan-hidup",
            "dinas-pariwisata", "dinas-koperasi-dan-umkm", "badan-pengelola-keuangan-dan-aset-daerah", "dinas-tenaga-kerja",
            "dinas-perdagangan", "dinas-pertanian-dan-ketahanan-pangan", "satuan-polisi-pamong-praja", "dinas-pemadam-kebakaran",
            "rsud-kota", "dinas-perumahan-dan-kawasan-permukiman", "badan-pendapatan-daerah", "sekretariat-daerah"};
    static final String[] GROUPS = {"kesehatan", "pendidikan", "kependudukan", "ekonomi", "infrastruktur", "lingkungan", "sosial",
            "pemerintahan", "pariwisata", "kebencanaan"};
    static final String[] STEMS = {"jumlah-penduduk-menurut-kecamatan", "jumlah-penduduk-menurut-kelompok-umur", "kepadatan-penduduk",
            "angka-kemiskinan", "jumlah-penduduk-miskin", "prevalensi-stunting-balita", "cakupan-imunisasi-dasar-lengkap",
            "jumlah-kasus-demam-berdarah", "angka-kematian-ibu-dan-bayi", "jumlah-puskesmas-dan-pustu", "jumlah-tenaga-kesehatan",
            "jumlah-sekolah-menurut-jenjang", "jumlah-siswa-sd-dan-smp", "jumlah-guru-menurut-status", "angka-partisipasi-sekolah",
            "realisasi-apbd", "anggaran-pendapatan-dan-belanja-daerah", "realisasi-pendapatan-asli-daerah", "penerimaan-pajak-daerah",
            "indeks-pembangunan-manusia", "produk-domestik-regional-bruto", "laju-inflasi-bulanan", "tingkat-pengangguran-terbuka",
            "jumlah-pencari-kerja", "jumlah-umkm-binaan", "jumlah-koperasi-aktif", "harga-kebutuhan-pokok", "jumlah-kunjungan-wisatawan",
            "daftar-hotel-dan-restoran", "titik-rawan-banjir", "kejadian-bencana", "kejadian-kebakaran", "volume-sampah-harian",
            "kualitas-udara", "ruang-terbuka-hijau", "panjang-jalan-menurut-kondisi", "jumlah-kendaraan-bermotor",
            "data-terminal-dan-halte", "jumlah-penerima-bansos", "data-rumah-tidak-layak-huni", "jumlah-penyandang-disabilitas",
            "data-lansia-terlantar", "cakupan-air-bersih", "akses-sanitasi-layak", "jumlah-pasar-tradisional",
            "produksi-padi-dan-palawija", "luas-lahan-pertanian", "jumlah-ternak", "data-tempat-ibadah", "jumlah-rt-dan-rw",
            "daftar-kelurahan", "jumlah-asn-menurut-golongan", "rekapitulasi-pelayanan-perizinan", "jumlah-akta-kelahiran-terbit",
            "kepemilikan-ktp-elektronik", "jumlah-pelanggaran-perda", "kunjungan-perpustakaan", "data-menara-telekomunikasi",
            "cakupan-internet-kelurahan", "jumlah-pasien-rsud", "curah-hujan-bulanan"};
    static final String[] QUERIES = {"penduduk", "kemiskinan", "stunting", "apbd", "sekolah", "puskesmas", "banjir", "covid", "inflasi",
            "pajak+daerah", "umkm", "pariwisata", "jumlah+penduduk", "angka+kematian+ibu", "data+kecamatan", "ipm", "pdrb", "tenaga+kerja",
            "pengangguran", "jalan", "sampah", "air+bersih", "rumah+sakit", "kendaraan", "bansos", "guru", "siswa", "imunisasi",
            "gizi+buruk", "realisasi+anggaran", "kelurahan", "rtlh", "sanitasi", "kebakaran", "ruang%20terbuka%20hijau", "pasar",
            "harga%20beras", "curah+hujan", "lansia", "disabilitas", "data%20penduduk%202023", "APBD+2023"};

    record Resource(String id, String file, int size) {
    }

    record Dataset(String slug, String id, int org, Resource[] resources, String view) {
    }

    /** A static file of the portal; {@code from} is the stylesheet that loads it (a font), or null for the page. */
    record Asset(int id, String path, int size, String from) {
    }

    final List<Dataset> datasets = new ArrayList<>();
    final List<String> deadSlugs = new ArrayList<>();
    final List<Asset> layout = new ArrayList<>();
    final List<Asset> home = new ArrayList<>();
    final Asset[] orgLogo = new Asset[ORGS.length];
    final Asset[] formatIcon = new Asset[3];
    final Asset[] tableView = new Asset[2];
    int assetIds;

    Asset asset(List<Asset> list, String path, int size, String from) {
        Asset a = new Asset(assetIds++, path, size, from == null ? null : SITE + from);
        if (list != null) {
            list.add(a);
        }
        return a;
    }

    static String uuid(Random c) {
        char[] h = new char[36];
        for (int i = 0; i < 36; i++) {
            h[i] = i == 8 || i == 13 || i == 18 || i == 23 ? '-' : i == 14 ? '4' : i == 19 ? "89ab".charAt(c.nextInt(4))
                    : Character.forDigit(c.nextInt(16), 16);
        }
        return new String(h);
    }

    void catalogue(Random c) {
        String[] formats = {"csv", "xlsx", "json"};
        for (String stem : STEMS) {
            int org = c.nextInt(ORGS.length);
            int from = c.nextInt(3) == 0 ? 2023 : 2017 + c.nextInt(6);
            for (int year = from; year <= 2023; year++) {
                String slug = from == 2023 ? stem : stem + (c.nextBoolean() ? "-tahun-" : "-") + year;
                Resource[] res = new Resource[1 + c.nextInt(3)];
                for (int i = 0; i < res.length; i++) {
                    String fmt = i == 0 ? (c.nextInt(10) < 6 ? "csv" : "xlsx") : formats[c.nextInt(3)];
                    String file = (i == 0 ? slug : slug + "-" + (i + 1)) + "." + (c.nextInt(30) == 0 ? fmt.toUpperCase(Locale.ROOT) : fmt);
                    res[i] = new Resource(uuid(c), file, 2_000 + (int) (3_000_000 * Math.pow(c.nextDouble(), 4)));
                }
                datasets.add(new Dataset(slug, uuid(c), org, res, uuid(c)));
            }
            deadSlugs.add(stem + "-2016");
            deadSlugs.add("data-" + stem);
        }
        // The order of the datasets is their popularity order: shuffle so that popular ones are of all topics.
        java.util.Collections.shuffle(datasets, c);
        asset(layout, "/webassets/vendor/f3b8236b_select2.css", 14_212, null);
        asset(layout, "/webassets/vendor/d05bf0e7_fontawesome.css", 31_000, null);
        asset(layout, "/webassets/base/2471d0b8_main.css", 209_865, null);
        asset(layout, "/webassets/ckanext-kotabench/9e3f1c52_theme.css?v=123", 18_420, null);
        asset(layout, "/webassets/vendor/7d3d8a4b_jquery.js", 89_476, null);
        asset(layout, "/webassets/vendor/b2e0d3fa_bootstrap.js", 60_174, null);
        asset(layout, "/webassets/base/c41d5f8e_main.js", 45_239, null);
        asset(layout, "/webassets/base/0a6e7b9c_ckan.js?v=123", 120_554, null);
        asset(layout, "/base/vendor/font-awesome/fonts/fontawesome-webfont.woff2?v=4.7.0", 77_160,
                "/webassets/vendor/d05bf0e7_fontawesome.css");
        asset(layout, "/fonts/SourceSansPro-Regular.woff2", 29_972, "/webassets/ckanext-kotabench/9e3f1c52_theme.css?v=123");
        asset(layout, "/fonts/SourceSansPro-Bold.woff2", 30_012, "/webassets/ckanext-kotabench/9e3f1c52_theme.css?v=123");
        asset(layout, "/uploads/admin/2022-08-17-031522.LogoSatuData.PNG", 24_318, null);
        asset(layout, "/images/icons/search.svg", 1_021, null);
        asset(layout, "/favicon.ico", 15_086, null);
        for (int i = 1; i <= 3; i++) {
            asset(home, "/uploads/admin/banner-" + i + ".JPG", 180_000 + c.nextInt(150_000), null);
        }
        for (String g : GROUPS) {
            asset(home, "/uploads/group/" + g + ".svg", 1_500 + c.nextInt(4_000), null);
        }
        asset(home, "/images/hero-bg.webp?v=217", 96_330, null);
        String[] logoExt = {"png", "png", "png", "PNG", "jpg", "JPG"};
        for (int o = 0; o < ORGS.length; o++) {
            orgLogo[o] = asset(null, "/uploads/group/2021-0" + (1 + c.nextInt(9)) + "-" + (10 + c.nextInt(18)) + "-0" + (100_000 + c.nextInt(
                    900_000)) + ".logo-" + ORGS[o].substring(ORGS[o].indexOf('-') + 1) + "." + logoExt[c.nextInt(logoExt.length)],
                    8_000 + c.nextInt(40_000), null);
        }
        for (int i = 0; i < 3; i++) {
            formatIcon[i] = asset(null, "/images/icons/" + formats[i] + ".svg", 900 + c.nextInt(600), null);
        }
        tableView[0] = asset(null, "/webassets/ckanext-datatablesview/5c3a9d2e_datatablesview.css", 12_310, null);
        tableView[1] = asset(null, "/webassets/vendor/8f2c1d7a_datatables.js?v=123", 88_012, null);
        if (assetIds > 64) {
            throw new IllegalStateException("a visit's cache is a 64-bit mask");
        }
    }

    // ---------------------------------------------------------------- agents

    static final int[] CHROME_BUILD = {4638, 4664, 4692, 4758, 4844, 4896, 4951, 5005, 5060, 5112, 5195, 5249, 5304, 5359, 5414,
            5481, 5563, 5615, 5672, 5735, 5790, 5845, 5938, 5993, 6045, 6099}; // Chrome 95 .. 120
    static final int[] EDGE_BUILD = {1587, 1661, 1722, 1774, 1823, 1901, 1938, 2045, 2088, 2151, 2210}; // Edge 110 .. 120
    static final String[] PHONES = {"SM-A145F|13|14", "SM-A047F|12|13", "SM-A125F|10|12", "SM-A325F|11|13", "SM-A528B|11|14",
            "SM-A536E|12|14", "SM-A346E|13|14", "SM-M236B|12|13", "SM-G991B|11|14", "SM-S911B|13|14", "SM-A105F|9|11",
            "SM-A022F|10|11", "SM-A035F|11|12", "SM-A515F|10|13", "SM-A715F|10|13", "SM-A245F|13|14", "SM-A057F|13|14",
            "Redmi Note 8|9|11", "Redmi Note 9 Pro|10|12", "M2006C3LG|10|10", "M2006C3MG|10|11", "Redmi Note 10S|11|13",
            "2201117TG|11|13", "220333QAG|11|13", "23021RAA2Y|13|13", "M2102J20SG|11|13", "22111317PG|12|13", "Redmi 9T|10|12",
            "Redmi 5A|7|8", "Redmi Note 5A|7|8", "CPH2239|11|13", "CPH2269|11|13", "CPH2325|12|13", "CPH2387|12|13", "CPH2527|13|14",
            "CPH1909|8|9", "CPH2015|10|11", "CPH2185|10|11", "RMX3263|11|11", "RMX3201|11|12", "RMX2185|10|10", "RMX3511|12|13",
            "RMX3630|13|14", "RMX2001|10|11", "vivo 1906|9|11", "vivo 1901|9|9", "V2027|10|12", "V2111|11|13", "V2207|12|13",
            "V2204|12|13", "V2254|13|14", "Infinix X6816|11|12", "Infinix X6826|12|12", "Infinix X669|11|11", "Infinix X6833B|13|13",
            "TECNO BF7|12|12", "TECNO KI5k|12|13", "ASUS_X00TD|9|10", "Pixel 7|13|14", "Pixel 6a|13|14", "Nokia G20|11|13"};
    static final String[] ANDROID = {"", "", "", "", "", "", "", "7.1.2", "8.1.0", "9", "10", "11", "12", "13", "14"};
    static final String[] ANDROID_BUILD = {"", "", "", "", "", "", "", "N2G47H", "OPM1.171019.026", "PPR1.180610.011",
            "QP1A.190711.020", "RP1A.200720.011", "SP1A.210812.016", "TP1A.220624.014", "UP1A.231005.007"};
    static final String[] IOS = {"15_6_1", "15_7", "15_7_9", "16_0", "16_1_2", "16_2", "16_3_1", "16_4_1", "16_5", "16_5_1", "16_6",
            "16_6_1", "16_7_2", "17_0_3", "17_1", "17_1_1", "17_1_2", "17_2"};
    static final String[] MAC_SAFARI = {"15.6.1", "16.0", "16.1", "16.2", "16.3", "16.4", "16.5", "16.5.2", "16.6", "17.0", "17.1",
            "17.2"};
    /** Browser families: name, share of the human addresses (%) and number of distinct agents to build. */
    static final String[] FAMILY = {"android-chrome", "android-webview", "samsung", "android-opera", "android-firefox", "iphone-safari",
            "iphone-chrome", "windows-chrome", "windows-edge", "windows-firefox", "windows-opera", "mac-safari", "mac-chrome", "linux"};
    static final double[] FAMILY_SHARE = {34, 10, 5, 2, 0.5, 9, 1.5, 24, 5, 2.5, 1, 1.5, 1.5, 2.5};
    static final int[] FAMILY_AGENTS = {1300, 620, 260, 150, 30, 36, 200, 300, 150, 40, 20, 12, 60, 60};

    int recent(int oldest, int newest, double skew) {
        return newest - (int) ((newest - oldest + 1) * Math.pow(r.nextDouble(), skew));
    }

    String chrome(int major) {
        return major + ".0." + CHROME_BUILD[major - 95] + "." + r.nextInt(1, 230);
    }

    String phone(boolean withBuild) {
        String[] p = PHONES[r.nextInt(PHONES.length)].split("\\|");
        int av = Integer.parseInt(p[1]) + r.nextInt(Integer.parseInt(p[2]) - Integer.parseInt(p[1]) + 1);
        return "Android " + ANDROID[av] + "; " + p[0] + (withBuild ? " Build/" + ANDROID_BUILD[av] : "");
    }

    /** Android 13 and 14 came with Chrome 104 or later. */
    static boolean newAndroid(String device) {
        return device.startsWith("Android 13") || device.startsWith("Android 14");
    }

    String browser(int family) {
        String webkit = " AppleWebKit/537.36 (KHTML, like Gecko) ";
        switch (family) {
            case 0: {
                if (r.nextInt(3) == 0) {
                    return "Mozilla/5.0 (Linux; Android 10; K)" + webkit + "Chrome/" + recent(110, 120, 1.5) + ".0.0.0 Mobile Safari/537.36";
                }
                String device = phone(false);
                return "Mozilla/5.0 (Linux; " + device + ")" + webkit + "Chrome/" + chrome(recent(newAndroid(device) ? 104 : 95, 109, 1.3))
                        + " Mobile Safari/537.36";
            }
            case 1: {
                String device = phone(true);
                String s = "Mozilla/5.0 (Linux; " + device + "; wv)" + webkit + "Version/4.0 Chrome/" + chrome(recent(newAndroid(device) ? 106 : 100, 120, 1.5))
                        + " Mobile Safari/537.36";
                return r.nextInt(5) < 2 ? s + " [FB_IAB/FB4A;FBAV/" + (390 + r.nextInt(55)) + ".0.0." + r.nextInt(10, 60) + "."
                        + r.nextInt(40, 130) + ";]" : s;
            }
            case 2: {
                int v = r.nextInt(6);
                String model = PHONES[r.nextInt(17)].split("\\|")[0];
                return "Mozilla/5.0 (Linux; Android " + (10 + r.nextInt(5)) + "; SAMSUNG " + model + ")" + webkit + "SamsungBrowser/"
                        + (18 + v) + "." + (r.nextInt(4) == 0 ? 2 : 0) + " Chrome/" + new int[] {99, 102, 106, 110, 111, 115}[v]
                        + ".0.0.0 Mobile Safari/537.36";
            }
            case 3:
                return "Mozilla/5.0 (Linux; " + phone(false) + ")" + webkit + "Chrome/" + chrome(recent(105, 119, 1)) + " Mobile Safari/537.36 OPR/"
                        + (73 + r.nextInt(7)) + "." + r.nextInt(4) + "." + (4100 + r.nextInt(250)) + "." + (70_000 + r.nextInt(6000));
            case 4: {
                int v = recent(108, 121, 1);
                return "Mozilla/5.0 (Android " + (10 + r.nextInt(5)) + "; Mobile; rv:" + v + ".0) Gecko/" + v + ".0 Firefox/" + v + ".0";
            }
            case 5: {
                String ios = IOS[recent(0, IOS.length - 1, 1.5)];
                String[] v = ios.split("_");
                String device = r.nextInt(6) == 0 ? "iPad; CPU OS " : "iPhone; CPU iPhone OS ";
                return "Mozilla/5.0 (" + device + ios + " like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/" + v[0] + "." + v[1]
                        + " Mobile/15E148 Safari/604.1";
            }
            case 6:
                return "Mozilla/5.0 (iPhone; CPU iPhone OS " + IOS[recent(0, IOS.length - 1, 1.5)]
                        + " like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/" + chrome(recent(108, 120, 1.2))
                        + " Mobile/15E148 Safari/604.1";
            case 7: {
                int major = recent(100, 120, 1.6);
                if (major >= 110) {
                    return "Mozilla/5.0 (Windows NT 10.0; Win64; x64)" + webkit + "Chrome/" + major + ".0.0.0 Safari/537.36";
                }
                String os = r.nextInt(3) == 0 ? "Windows NT 6.1; Win64; x64" : r.nextInt(8) == 0 ? "Windows NT 6.3; Win64; x64" : "Windows NT 10.0; Win64; x64";
                return "Mozilla/5.0 (" + os + ")" + webkit + "Chrome/" + chrome(major) + " Safari/537.36";
            }
            case 8: {
                int major = recent(110, 120, 1.5);
                return "Mozilla/5.0 (Windows NT 10.0; Win64; x64)" + webkit + "Chrome/" + major + ".0.0.0 Safari/537.36 Edg/" + major + ".0."
                        + EDGE_BUILD[major - 110] + "." + r.nextInt(30, 130);
            }
            case 9: {
                int v = recent(102, 121, 1.3);
                return "Mozilla/5.0 (Windows NT " + (r.nextInt(4) == 0 ? "6.1" : "10.0") + "; Win64; x64; rv:" + v + ".0) Gecko/20100101 Firefox/"
                        + v + ".0";
            }
            case 10: {
                int major = recent(106, 119, 1.2);
                return "Mozilla/5.0 (Windows NT 10.0; Win64; x64)" + webkit + "Chrome/" + major + ".0.0.0 Safari/537.36 OPR/" + (major - 14)
                        + ".0.0.0";
            }
            case 11:
                return "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/"
                        + MAC_SAFARI[recent(0, MAC_SAFARI.length - 1, 1.3)] + " Safari/605.1.15";
            case 12: {
                int major = recent(100, 120, 1.5);
                String os = r.nextInt(4) == 0 ? "Macintosh; Intel Mac OS X 10_14_6" : "Macintosh; Intel Mac OS X 10_15_7";
                return "Mozilla/5.0 (" + os + ")" + webkit + "Chrome/" + (major >= 110 ? major + ".0.0.0" : chrome(major)) + " Safari/537.36";
            }
            default: {
                if (r.nextBoolean()) {
                    int major = recent(100, 120, 1.3);
                    return "Mozilla/5.0 (X11; Linux x86_64)" + webkit + "Chrome/" + (major >= 110 ? major + ".0.0.0" : chrome(major)) + " Safari/537.36";
                }
                int v = recent(102, 121, 1.2);
                return "Mozilla/5.0 (X11; " + (r.nextBoolean() ? "Ubuntu; " : "") + "Linux x86_64; rv:" + v + ".0) Gecko/20100101 Firefox/" + v + ".0";
            }
        }
    }

    // Robot kinds
    static final int CRAWL = 0, SEO = 1, RENDER = 2, IMAGE = 3, PREVIEW = 4, HARVEST = 5, SCANNER = 6, MONITOR = 7, FETCH = 8;

    /** A robot: agent, kind, share of the robot visits (‰), address ranges "a.b.c1-c2" and how many addresses. */
    record Bot(String agent, int kind, int weight, int addresses, String... ranges) {
    }

    static final Bot[] BOTS = {
            new Bot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", CRAWL, 110, 14, "66.249.64-79"),
            new Bot("Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.6045.199 "
                    + "Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", RENDER, 120, 14, "66.249.64-79"),
            new Bot("Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/112.0.5615.142 "
                    + "Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", RENDER, 40, 8, "66.249.64-79"),
            new Bot("Googlebot-Image/1.0", IMAGE, 25, 6, "66.249.64-79"),
            new Bot("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", CRAWL, 60, 12, "40.77.167-167", "157.55.39-39",
                    "207.46.13-13"),
            new Bot("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) "
                    + "Chrome/116.0.1938.76 Safari/537.36", RENDER, 40, 10, "40.77.167-167", "52.167.144-144", "207.46.13-13"),
            new Bot("Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)", CRAWL, 30, 8, "5.255.231-231", "213.180.203-203",
                    "95.108.213-213"),
            new Bot("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", SEO, 70, 12, "54.36.148-149", "51.222.253-253"),
            new Bot("Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)", SEO, 60, 10, "185.191.171-171"),
            new Bot("Mozilla/5.0 (compatible; DotBot/1.2; +https://opensiteexplorer.org/dotbot; help@moz.com)", SEO, 15, 4, "216.244.66-66"),
            new Bot("Mozilla/5.0 (compatible; MJ12bot/v1.4.8; http://mj12bot.com/)", SEO, 15, 20, "88.198.*", "88.99.*", "176.9.*", "144.76.*"),
            new Bot("Mozilla/5.0 (compatible; DataForSeoBot/1.0; +https://dataforseo.com/dataforseo-bot)", SEO, 8, 4, "136.243.*"),
            new Bot("Mozilla/5.0 (compatible; BLEXBot/1.0; +http://webmeup-crawler.com/)", SEO, 6, 3, "157.90.*"),
            new Bot("Mozilla/5.0 (compatible; Barkrowler/0.9; +https://babbar.tech/crawler)", SEO, 5, 3, "37.187.*"),
            new Bot("Mozilla/5.0 (Linux; Android 7.0;) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; PetalBot;"
                    + "+https://webmaster.petalsearch.com/site/petalbot)", CRAWL, 35, 10, "114.119.128-191"),
            new Bot("Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)", CRAWL, 8, 5, "220.181.108-108",
                    "116.179.32-37"),
            new Bot("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 "
                    + "Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)", CRAWL, 15, 5, "17.241.75-75", "17.22.237-237"),
            new Bot("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.0; +https://openai.com/gptbot)", CRAWL, 15, 5,
                    "20.171.206-207"),
            new Bot("CCBot/2.0 (https://commoncrawl.org/faq/)", CRAWL, 6, 4, "3.238.*", "44.200.*"),
            new Bot("Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; "
                    + "spider-feedback@bytedance.com)", CRAWL, 30, 12, "110.249.201-202", "111.225.148-149"),
            new Bot("Mozilla/5.0 (compatible; SeznamBot/4.0; +https://o-seznam.cz/napoveda/vyhledavani/en/seznambot-crawler/)", CRAWL, 3, 2,
                    "77.75.77-79"),
            new Bot("Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)", CRAWL, 2, 2, "74.6.231-231"),
            new Bot("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", PREVIEW, 25, 10, "173.252.107-127",
                    "69.171.249-251"),
            new Bot("Twitterbot/1.0", PREVIEW, 5, 3, "199.16.157-157"),
            new Bot("TelegramBot (like TwitterBot)", PREVIEW, 6, 3, "149.154.161-161"),
            new Bot("python-requests/2.31.0", HARVEST, 60, 16, "34.101.*", "43.218.*", "103.147.8-11", "36.92.1-3"),
            new Bot("python-requests/2.28.2", HARVEST, 30, 8, "34.101.*", "103.147.8-11", "180.250.12-12"),
            new Bot("python-requests/2.25.1", HARVEST, 15, 5, "34.128.*", "114.4.78-78"),
            new Bot("Apache-HttpClient/4.5.13 (Java/11.0.19)", HARVEST, 8, 3, "103.122.5-5", "43.218.*"),
            new Bot("Go-http-client/2.0", HARVEST, 6, 3, "34.101.*"),
            new Bot("Go-http-client/1.1", SCANNER, 90, 40, "45.128-159.*", "185.224-225.*", "194.26-26.*", "167.94.138-138",
                    "162.142.125-125"),
            new Bot("Mozilla/5.0 (compatible; CensysInspect/1.1; +https://about.censys.io/)", SCANNER, 12, 8, "167.94.138-138",
                    "162.142.125-125", "167.248.133-133"),
            new Bot("curl/7.81.0", MONITOR, 20, 4, "103.147.8-11", "34.101.*"),
            new Bot("curl/8.4.0", FETCH, 8, 4, "36.92.1-3", "182.253.*"),
            new Bot("curl/7.68.0", SCANNER, 6, 6, "45.128-159.*", "193.35.18-18"),
            new Bot("Wget/1.21.2", FETCH, 8, 5, "36.92.1-3", "34.101.*", "114.125.*"),
            new Bot("Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)", MONITOR, 1000, 6, "69.162.124-124",
                    "216.144.250-250", "63.143.42-42"),
    };

    // ---------------------------------------------------------------- visitors

    static final class Visitor {
        final byte[] address;
        final int addressId;
        final int agent;
        final String protocol;

        Visitor(byte[] address, int addressId, int agent, String protocol) {
            this.address = address;
            this.addressId = addressId;
            this.agent = agent;
            this.protocol = protocol;
        }
    }

    /** Indonesian consumer ranges: "a.b1-b2" with its weight. */
    static final String[][] ISP = {{"36.64-95", "22"}, {"180.240-255", "12"}, {"182.0-10", "6"}, {"182.253-253", "3"},
            {"114.4-10", "4"}, {"114.120-127", "8"}, {"110.136-139", "8"}, {"112.215-215", "4"}, {"120.188-191", "5"},
            {"125.160-167", "5"}, {"140.213-213", "4"}, {"139.192-195", "3"}, {"103", "14"}, {"202", "2"}};
    static final String[] NAT = {"202.162.35.2", "103.169.40.5", "36.91.46.178", "36.67.17.130", "114.5.240.10", "182.253.12.1"};
    static final int HUMAN_ADDRESSES = 60_000;

    final List<byte[]> agents = new ArrayList<>();
    final List<Boolean> apple = new ArrayList<>();
    int humanAgents;
    final List<List<Integer>> familyAgents = new ArrayList<>();
    final double[] familyCumulative = new double[FAMILY.length];
    Visitor[] humans;
    Visitor[][] nat;
    Visitor[][] bots;
    double[] botCumulative;
    final Set<Integer> usedAddresses = new HashSet<>();
    int addresses;
    final List<String> addressText = new ArrayList<>();

    int humanAgent() {
        double u = r.nextDouble() * familyCumulative[FAMILY.length - 1];
        int f = 0;
        while (familyCumulative[f] <= u) {
            f++;
        }
        List<Integer> list = familyAgents.get(f);
        return list.get((int) (list.size() * Math.pow(r.nextDouble(), 2)));
    }

    Visitor visitor(int a, int b, int c, int d, int agent, boolean robot) {
        int ip = a << 24 | b << 16 | c << 8 | d;
        if (!usedAddresses.add(ip)) {
            return null;
        }
        String text = a + "." + b + "." + c + "." + d;
        addressText.add(text);
        String protocol = !robot && r.nextInt(10) < 7 ? "HTTP/2.0" : "HTTP/1.1";
        return new Visitor(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), addresses++, agent, protocol);
    }

    int[] range(String spec) {
        String[] p = spec.split("\\.");
        int[] lo = new int[4], hi = new int[4];
        for (int i = 0; i < 4; i++) {
            String s = i < p.length ? p[i] : "*";
            if (s.equals("*")) {
                lo[i] = i == 3 ? 1 : 0;
                hi[i] = i == 3 ? 254 : 255;
            } else {
                String[] e = s.split("-");
                lo[i] = Integer.parseInt(e[0]);
                hi[i] = Integer.parseInt(e[e.length - 1]);
            }
        }
        int[] ip = new int[4];
        for (int i = 0; i < 4; i++) {
            ip[i] = lo[i] + r.nextInt(hi[i] - lo[i] + 1);
        }
        return ip;
    }

    void population() {
        for (int f = 0; f < FAMILY.length; f++) {
            Set<String> set = new LinkedHashSet<>();
            for (int tries = 0; set.size() < FAMILY_AGENTS[f] && tries < FAMILY_AGENTS[f] * 40; tries++) {
                set.add(browser(f));
            }
            List<Integer> ids = new ArrayList<>();
            for (String a : set) {
                ids.add(agents.size());
                agents.add(a.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                apple.add(a.contains("iPhone") || a.contains("iPad") || a.contains("Macintosh"));
            }
            familyAgents.add(ids);
            familyCumulative[f] = (f == 0 ? 0 : familyCumulative[f - 1]) + FAMILY_SHARE[f];
        }
        humanAgents = agents.size();
        nat = new Visitor[NAT.length][];
        for (int n = 0; n < NAT.length; n++) {
            String[] o = NAT[n].split("\\.");
            int ip = Integer.parseInt(o[0]) << 24 | Integer.parseInt(o[1]) << 16 | Integer.parseInt(o[2]) << 8 | Integer.parseInt(o[3]);
            usedAddresses.add(ip);
            byte[] text = NAT[n].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            int id = addresses++;
            addressText.add(NAT[n]);
            nat[n] = new Visitor[15 + r.nextInt(30)];
            for (int i = 0; i < nat[n].length; i++) {
                nat[n][i] = new Visitor(text, id, humanAgent(), r.nextInt(10) < 7 ? "HTTP/2.0" : "HTTP/1.1");
            }
        }
        double total = 0;
        for (String[] isp : ISP) {
            total += Double.parseDouble(isp[1]);
        }
        int[] subnets103 = new int[400];
        for (int i = 0; i < subnets103.length; i++) {
            subnets103[i] = r.nextInt(256) << 8 | r.nextInt(256);
        }
        int[] subnets202 = new int[60];
        for (int i = 0; i < subnets202.length; i++) {
            subnets202[i] = r.nextInt(256) << 8 | r.nextInt(256);
        }
        humans = new Visitor[HUMAN_ADDRESSES];
        for (int i = 0; i < humans.length; ) {
            double u = r.nextDouble() * total;
            int k = 0;
            while ((u -= Double.parseDouble(ISP[k][1])) > 0) {
                k++;
            }
            String spec = ISP[k][0];
            int a, b, c;
            if (spec.equals("103") || spec.equals("202")) {
                int[] s = spec.equals("103") ? subnets103 : subnets202;
                int sub = s[r.nextInt(s.length)];
                a = Integer.parseInt(spec);
                b = sub >> 8;
                c = sub & 255;
            } else {
                int[] ip = range(spec);
                a = ip[0];
                b = ip[1];
                c = ip[2];
            }
            Visitor v = visitor(a, b, c, 1 + r.nextInt(254), humanAgent(), false);
            if (v != null) {
                humans[i++] = v;
            }
        }
        bots = new Visitor[BOTS.length][];
        botCumulative = new double[BOTS.length];
        for (int b = 0; b < BOTS.length; b++) {
            int agent = agents.size();
            agents.add(BOTS[b].agent().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            apple.add(false);
            bots[b] = new Visitor[BOTS[b].addresses()];
            for (int i = 0; i < bots[b].length; ) {
                int[] ip = range(BOTS[b].ranges()[r.nextInt(BOTS[b].ranges().length)]);
                Visitor v = visitor(ip[0], ip[1], ip[2], ip[3], agent, true);
                if (v != null) {
                    bots[b][i++] = v;
                }
            }
            botCumulative[b] = (b == 0 ? 0 : botCumulative[b - 1]) + BOTS[b].weight();
        }
    }

    // ---------------------------------------------------------------- sessions

    static final byte GET = 0, POST = 1, HEAD = 2;

    static final class Hit {
        long key;
        final long offset;
        final Visitor visitor;
        final byte[] request;
        final boolean asset;
        final byte method;
        final short status;

        Hit(long offset, Visitor visitor, byte[] request, boolean asset, byte method, short status) {
            this.offset = offset;
            this.visitor = visitor;
            this.request = request;
            this.asset = asset;
            this.method = method;
            this.status = status;
        }
    }

    /** The hits of the visit being planned, with their offsets (ms) from its start. */
    final List<Hit> visit = new ArrayList<>();
    final StringBuilder sb = new StringBuilder(512);
    Visitor who;
    long t;
    long cached;

    static boolean isAsset(String path) {
        int end = path.length();
        for (int i = 0; i < end; i++) {
            char ch = path.charAt(i);
            if (ch == '?' || ch == '#') {
                end = i;
            }
        }
        int slash = path.lastIndexOf('/', end - 1);
        int dot = path.lastIndexOf('.', end - 1);
        return dot > slash && STATIC.contains(path.substring(dot + 1, end).toLowerCase(Locale.ROOT));
    }

    void hit(String method, String path, int status, int size, String referer) {
        sb.setLength(0);
        sb.append(method).append(' ').append(path).append(' ').append(who.protocol).append("\" ").append(status).append(' ');
        if (size <= 0 || method.equals("HEAD") || status == 304) {
            sb.append('-');
        } else {
            sb.append(size);
        }
        sb.append(" \"").append(referer == null ? "-" : referer);
        byte[] b = new byte[sb.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) sb.charAt(i);
        }
        visit.add(new Hit(t, who, b, isAsset(path), method.equals("GET") ? GET : method.equals("POST") ? POST : HEAD, (short) status));
    }

    void get(String path, int size, String referer) {
        hit("GET", path, 200, size, referer);
    }

    void pause(int minMs, int maxMs) {
        t += minMs + r.nextInt(maxMs - minMs + 1);
    }

    /** A reading pause: mostly tens of seconds, sometimes minutes. */
    void read() {
        t += 4_000 + (long) (Math.exp(r.nextGaussian() * 1.0) * 25_000);
    }

    /** The asset, unless this visit has it already: 200 when the browser's cache is cold, else now and then a 304. */
    void fetch(Asset a, String page, boolean warm, double revalidate) {
        long bit = 1L << a.id(); // fewer than 64 assets
        if ((cached & bit) != 0) {
            return;
        }
        cached |= bit;
        if (warm && r.nextDouble() >= revalidate) {
            return;
        }
        t += 20 + r.nextInt(400);
        hit("GET", a.path(), warm ? 304 : 200, a.size(), a.from() != null ? a.from() : page);
    }

    Dataset popular() {
        return datasets.get((int) (datasets.size() * Math.pow(r.nextDouble(), 2.2)));
    }

    Dataset anyDataset() {
        return datasets.get(r.nextInt(datasets.size()));
    }

    String search() {
        String q = QUERIES[r.nextInt(QUERIES.length)];
        return switch (r.nextInt(10)) {
            case 0 -> "/dataset?q=" + q + "&sort=score+desc%2C+metadata_modified+desc";
            case 1 -> "/dataset?q=" + q + "&page=2";
            case 2 -> "/dataset?organization=" + ORGS[r.nextInt(ORGS.length)];
            case 3 -> "/dataset?groups=" + GROUPS[r.nextInt(GROUPS.length)];
            case 4 -> "/dataset?q=" + q + "&res_format=" + (r.nextBoolean() ? "CSV" : "XLSX");
            case 5 -> "/dataset?tags=" + q.replace("+", "-").replace("%20", "-").toLowerCase(Locale.ROOT);
            default -> "/dataset?q=" + q;
        };
    }

    String download(Dataset d, Resource res) {
        return "/dataset/" + d.id() + "/resource/" + res.id() + "/download/" + res.file();
    }

    static final int HOME = 0, SEARCH = 1, DATASET = 2, RESOURCE = 3, ORG = 4, ORG_LIST = 5, GROUP = 6, ABOUT = 7;

    /** A browser visit: page views with their assets, downloads, searches and data-table views. */
    void human() {
        Visitor[] campus = nat[r.nextInt(nat.length)];
        who = r.nextInt(100) < 3 ? campus[r.nextInt(campus.length)] : humans[(int) (humans.length * Math.pow(r.nextDouble(), 1.6))];
        boolean warm = r.nextDouble() < RETURNING;
        boolean appleAgent = apple.get(who.agent);
        cached = 0;
        String referer;
        int kind;
        int u = r.nextInt(100);
        if (u < 45) {
            referer = r.nextInt(10) < 7 ? "https://www.google.com/" : "https://www.google.co.id/";
            int k = r.nextInt(100);
            kind = k < 62 ? DATASET : k < 75 ? HOME : k < 83 ? RESOURCE : k < 88 ? ORG : -1;
        } else if (u < 49) {
            referer = r.nextBoolean() ? "https://www.bing.com/" : "https://duckduckgo.com/";
            kind = DATASET;
        } else if (u < 56) {
            referer = new String[] {"https://m.facebook.com/", "http://m.facebook.com/", "https://l.facebook.com/", "https://t.co/",
                    "https://l.instagram.com/"}[r.nextInt(5)];
            kind = r.nextBoolean() ? DATASET : HOME;
        } else if (u < 62) {
            referer = new String[] {"https://www.kotabench.go.id/", "https://ppid.kotabench.go.id/", "https://bappeda.kotabench.go.id/"}[r.nextInt(3)];
            kind = r.nextBoolean() ? HOME : SEARCH;
        } else {
            referer = null;
            int k = r.nextInt(100);
            kind = k < 55 ? HOME : k < 72 ? DATASET : k < 80 ? SEARCH : k < 85 ? ORG_LIST : -2;
        }
        if (kind == -1) { // straight from the search engine to a file
            for (int n = 1 + (r.nextInt(4) == 0 ? 1 : 0); n > 0; n--) {
                Dataset d = popular();
                get(download(d, d.resources()[0]), d.resources()[0].size(), referer);
                read();
            }
            return;
        }
        if (kind == -2) { // a developer trying the API in the browser
            for (int n = 1 + r.nextInt(5); n > 0; n--) {
                api(false, null);
                read();
            }
            return;
        }
        int pages = 1;
        while (pages < 30 && r.nextInt(100) < 58) {
            pages++;
        }
        Dataset d = popular();
        int org = d.org();
        Resource res = d.resources()[0];
        for (int p = 0; p < pages; p++) {
            String path = switch (kind) {
                case HOME -> "/";
                case SEARCH -> search();
                case DATASET -> "/dataset/" + d.slug();
                case RESOURCE -> "/dataset/" + d.slug() + "/resource/" + res.id();
                case ORG -> "/organization/" + ORGS[org];
                case ORG_LIST -> "/organization";
                case GROUP -> "/group/" + GROUPS[r.nextInt(GROUPS.length)];
                default -> "/about";
            };
            if (p == 0 && referer != null && referer.startsWith("https://www.g") && kind == DATASET && r.nextInt(100) < 10) {
                // an old link in the search engine's index
                String dead = "/dataset/" + deadSlugs.get(r.nextInt(deadSlugs.size()));
                hit("GET", dead, 404, 9_321, referer);
                fetch(layout.get(2), SITE + dead, warm, 0.2);
                fetch(layout.get(13), SITE + dead, warm, 0);
                if (r.nextBoolean()) {
                    return;
                }
                read();
                kind = SEARCH;
                path = search();
            } else if (p == 0 && kind != HOME && r.nextInt(100) < 4) {
                hit("GET", path.contains("?") ? path : path + "/", 301, 241, referer); // trailing slash or old scheme
                pause(80, 400);
            }
            int size = switch (kind) {
                case HOME -> 38_000 + r.nextInt(2_000);
                case SEARCH -> 22_000 + r.nextInt(18_000);
                case DATASET, RESOURCE -> 14_000 + r.nextInt(30_000);
                default -> 11_000 + r.nextInt(9_000);
            };
            if (kind == SEARCH && r.nextInt(1000) < 8) {
                hit("GET", path, 500, 5_120, referer); // the search index timed out
                return;
            }
            get(path, size, referer);
            String page = SITE + path;
            pause(60, 300);
            for (Asset a : layout) {
                if (p == 0 || r.nextInt(100) < 3) {
                    fetch(a, page, warm, p == 0 ? 0.06 : 1);
                }
            }
            if (p == 0 && !warm && appleAgent && r.nextInt(3) == 0) {
                hit("GET", "/apple-touch-icon-precomposed.png", 404, 9_321, null);
                hit("GET", "/apple-touch-icon.png", 404, 9_321, null);
            }
            switch (kind) {
                case HOME -> {
                    home.forEach(a -> fetch(a, page, warm, 0.06));
                    if (!warm && p == 0) {
                        // the theme's stylesheet still points at a picture removed in 2022
                        hit("GET", "/uploads/admin/bg-header-2021.jpg", 404, 9_321, SITE + "/webassets/ckanext-kotabench/9e3f1c52_theme.css?v=123");
                    }
                }
                case DATASET, ORG -> {
                    fetch(orgLogo[org], page, warm, 0.1);
                    if (kind == DATASET) {
                        for (Resource x : d.resources()) {
                            String f = x.file();
                            fetch(formatIcon[f.endsWith("csv") || f.endsWith("CSV") ? 0 : f.endsWith("json") ? 2 : 1], page, warm, 0.3);
                        }
                    }
                }
                case RESOURCE -> {
                    String view = "/dataset/" + d.slug() + "/resource/" + res.id() + "/view/" + d.view();
                    t += 100 + r.nextInt(300);
                    get(view, 3_900 + r.nextInt(400), page);
                    fetch(tableView[0], SITE + view, warm, 0.1);
                    fetch(tableView[1], SITE + view, warm, 0.1);
                    t += 100 + r.nextInt(400);
                    hit("POST", "/datatables/ajax/" + res.id(), 200, 4_000 + r.nextInt(20_000), SITE + view);
                }
                default -> {
                }
            }
            if ((kind == DATASET || kind == RESOURCE) && r.nextInt(100) < 32) {
                Resource x = kind == RESOURCE ? res : d.resources()[r.nextInt(d.resources().length)];
                pause(3_000, 40_000);
                if (r.nextInt(100) < 4) {
                    hit("GET", "/dataset/" + d.id() + "/resource/" + x.id() + "/download", 302, 0, page); // a link to another site
                } else {
                    get(download(d, x), x.size(), page);
                }
            }
            if (p + 1 == pages) {
                return;
            }
            read();
            int next = r.nextInt(100);
            int previous = kind;
            kind = switch (kind) {
                case HOME -> next < 45 ? SEARCH : next < 70 ? DATASET : next < 80 ? ORG_LIST : next < 90 ? GROUP : next < 95 ? ABOUT : ORG;
                case SEARCH -> next < 70 ? DATASET : next < 95 ? SEARCH : HOME;
                case DATASET -> next < 25 ? RESOURCE : next < 45 ? DATASET : next < 75 ? SEARCH : next < 90 ? ORG : HOME;
                case RESOURCE -> next < 40 ? DATASET : next < 60 ? RESOURCE : SEARCH;
                case ORG, GROUP -> next < 70 ? DATASET : SEARCH;
                case ORG_LIST -> ORG;
                default -> next < 50 ? HOME : SEARCH;
            };
            if (kind == DATASET && previous != RESOURCE) {
                d = popular();
                for (int tries = 0; previous == ORG && d.org() != org && tries < 100; tries++) {
                    d = anyDataset(); // one of the organisation's
                }
                org = d.org();
            }
            if (kind == RESOURCE) {
                res = d.resources()[r.nextInt(d.resources().length)];
            }
            if (kind == ORG && previous != DATASET) {
                org = r.nextInt(ORGS.length);
            }
            if (kind == SEARCH && previous != SEARCH && r.nextInt(100) < 60) {
                hit("POST", "/dataset", 302, 0, page); // the search box of the theme posts, then shows the results
                pause(150, 600);
            }
            referer = page;
        }
    }

    /** An API call of CKAN's action API. */
    void api(boolean post, String referer) {
        Dataset d = anyDataset();
        String method = post ? "POST" : "GET";
        int k = r.nextInt(100);
        if (k < 30) {
            hit(method, post ? "/api/3/action/package_search" : "/api/3/action/package_search?q=" + QUERIES[r.nextInt(QUERIES.length)]
                    + (r.nextBoolean() ? "&rows=" + (10 * (1 + r.nextInt(10))) : ""), 200, 8_000 + r.nextInt(90_000), referer);
        } else if (k < 60) {
            boolean gone = r.nextInt(100) < 3;
            hit(method, post ? "/api/3/action/package_show" : "/api/3/action/package_show?id="
                    + (gone ? deadSlugs.get(r.nextInt(deadSlugs.size())) : d.slug()), gone ? 404 : 200, gone ? 181 : 3_000 + r.nextInt(6_000), referer);
        } else if (k < 85) {
            boolean fails = r.nextInt(100) < 2;
            hit(method, post ? "/api/3/action/datastore_search" : "/api/3/action/datastore_search?resource_id=" + d.resources()[0].id()
                    + "&limit=" + (r.nextBoolean() ? 100 : 1000), fails ? 500 : 200, fails ? 291 : 5_000 + r.nextInt(200_000), referer);
        } else if (k < 93) {
            hit(method, "/api/3/action/package_list", 200, 14_000 + r.nextInt(500), referer);
        } else {
            hit(method, r.nextBoolean() ? "/api/3/action/organization_list" : "/api/3/action/group_list", 200, 1_200 + r.nextInt(300), referer);
        }
    }

    static final String[] PROBES = {"/.env", "/wp-login.php", "/.git/config", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php",
            "/admin/config.php", "/wp-content/plugins/wp-file-manager/readme.txt", "/cgi-bin/luci/;stok=/locale", "/actuator/health",
            "/server-status", "/phpmyadmin/index.php", "/.aws/credentials", "/config.json", "/wp-includes/wlwmanifest.xml", "/.DS_Store",
            "/owa/auth/logon.aspx", "/solr/admin/info/system", "/boaform/admin/formLogin", "/xmlrpc.php", "/_ignition/execute-solution"};

    /** A robot's visit, after its kind. */
    void robot() {
        double u = r.nextDouble() * botCumulative[BOTS.length - 1];
        int b = 0;
        while (botCumulative[b] <= u) {
            b++;
        }
        Bot bot = BOTS[b];
        who = bots[b][(int) (bots[b].length * Math.pow(r.nextDouble(), 1.5))];
        switch (bot.kind()) {
            case MONITOR -> {
                if (bot.agent().startsWith("curl")) {
                    get("/api/3/action/status_show", 912, null);
                } else {
                    hit("HEAD", "/", 200, 0, null);
                }
            }
            case PREVIEW -> {
                Dataset d = popular();
                get(r.nextInt(4) == 0 ? "/" : "/dataset/" + d.slug(), 20_000 + r.nextInt(20_000), null);
                if (r.nextBoolean()) {
                    pause(100, 900);
                    Asset logo = orgLogo[d.org()];
                    get(logo.path(), logo.size(), null);
                }
            }
            case IMAGE -> {
                for (int n = 1 + r.nextInt(3); n > 0; n--) {
                    Asset a = r.nextBoolean() ? orgLogo[r.nextInt(ORGS.length)] : home.get(r.nextInt(home.size()));
                    get(a.path(), a.size(), null);
                    pause(2_000, 60_000);
                }
            }
            case SCANNER -> {
                for (int n = 1 + r.nextInt(12); n > 0; n--) {
                    if (r.nextInt(4) == 0) {
                        get("/", 38_000 + r.nextInt(2_000), null);
                    } else {
                        String probe = PROBES[r.nextInt(PROBES.length)];
                        hit(probe.equals("/xmlrpc.php") || probe.startsWith("/boaform") ? "POST" : "GET", probe,
                                probe.equals("/server-status") ? 403 : 404, probe.equals("/server-status") ? 199 : 9_321, null);
                    }
                    pause(100, 3_000);
                }
            }
            case FETCH -> {
                for (int n = 1 + r.nextInt(4); n > 0; n--) {
                    Dataset d = popular();
                    Resource res = d.resources()[r.nextInt(d.resources().length)];
                    if (r.nextInt(4) == 0) {
                        hit("HEAD", download(d, res), 200, 0, null);
                        pause(100, 1_000);
                    }
                    get(download(d, res), res.size(), null);
                    pause(1_000, 30_000);
                }
            }
            case HARVEST -> {
                boolean ckanapi = r.nextInt(3) == 0; // ckanapi posts every action
                int n = 1 + (int) (Math.pow(r.nextDouble(), 3) * 120);
                for (int i = 0; i < n; i++) {
                    if (r.nextInt(5) == 0) {
                        Dataset d = anyDataset();
                        Resource res = d.resources()[r.nextInt(d.resources().length)];
                        get(download(d, res), res.size(), null);
                    } else {
                        api(ckanapi, null);
                    }
                    pause(100, 2_500);
                }
            }
            default -> { // CRAWL, SEO, RENDER
                int n = 1 + (int) (Math.pow(r.nextDouble(), 2) * 40);
                if (r.nextInt(100) < (bot.kind() == SEO ? 60 : 30)) {
                    get("/robots.txt", 68, null);
                    pause(500, 5_000);
                }
                for (int i = 0; i < n; i++) {
                    int k = r.nextInt(100);
                    Dataset d = anyDataset();
                    if (k < 55) {
                        String path = "/dataset/" + d.slug();
                        get(path, 14_000 + r.nextInt(30_000), null);
                        if (bot.kind() == RENDER && r.nextInt(100) < 30) {
                            for (Asset a : layout.subList(0, 8)) {
                                if (r.nextInt(3) == 0) {
                                    t += 50 + r.nextInt(500);
                                    get(a.path(), a.size(), SITE + path);
                                }
                            }
                        }
                    } else if (k < 63) {
                        get("/dataset?page=" + (2 + r.nextInt(30)), 22_000 + r.nextInt(18_000), null);
                    } else if (k < 70) {
                        get(r.nextInt(4) == 0 ? "/organization" : "/organization/" + ORGS[r.nextInt(ORGS.length)], 11_000 + r.nextInt(9_000), null);
                    } else if (k < 74) {
                        get("/group/" + GROUPS[r.nextInt(GROUPS.length)], 11_000 + r.nextInt(9_000), null);
                    } else if (k < 82) {
                        get("/dataset/" + d.slug() + "/resource/" + d.resources()[0].id(), 14_000 + r.nextInt(30_000), null);
                    } else if (k < 88) {
                        Resource res = d.resources()[r.nextInt(d.resources().length)];
                        get(download(d, res), res.size(), null);
                    } else if (k < 91) {
                        get(r.nextBoolean() ? "/sitemap.xml" : "/sitemap/sitemap-" + (1 + r.nextInt(4)) + ".xml", 12_000 + r.nextInt(40_000), null);
                    } else if (k < (bot.kind() == SEO ? 97 : 95)) {
                        hit("GET", "/dataset/" + deadSlugs.get(r.nextInt(deadSlugs.size())), 404, 9_321, null);
                    } else {
                        hit("GET", r.nextBoolean() ? "/dataset/" + d.slug() + "/" : "/data", 301, 241, null);
                    }
                    pause(1_000, bot.kind() == SEO ? 8_000 : 90_000);
                }
            }
        }
    }

    // ---------------------------------------------------------------- time and output

    /** Share of the day's hits per hour, WITA: quiet at night, busy in office hours. */
    static final double[] HOURLY = {1.2, 0.8, 0.6, 0.5, 0.6, 1.0, 1.8, 3.0, 5.0, 6.5, 7.0, 6.8, 5.5, 6.2, 6.5, 6.0, 5.0, 4.0, 3.5,
            4.0, 4.5, 4.0, 3.0, 2.0};
    final double[] hourCumulative = new double[25];

    /** Seconds into the year: evenly over the days, each day along {@link #HOURLY}. Monotone. */
    double warp(double x) {
        double day = Math.floor(x / 86_400);
        double f = x / 86_400 - day;
        int h = 0;
        while (h < 23 && hourCumulative[h + 1] <= f) {
            h++;
        }
        double within = (f - hourCumulative[h]) / (hourCumulative[h + 1] - hourCumulative[h]);
        return day * 86_400 + (h + Math.min(within, 1)) * 3_600;
    }

    static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static final byte[] DASHES = " - - [".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    static final byte[] AFTER_STAMP = " +0800] \"".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    static final byte[] BEFORE_AGENT = "\" \"".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    byte[] out = new byte[1 << 20];
    int pos;
    final byte[] stamp = new byte[20]; // dd/MMM/yyyy:HH:mm:ss
    long stampSecond = -1;

    void put(byte[] b) {
        System.arraycopy(b, 0, out, pos, b.length);
        pos += b.length;
    }

    void two(int at, int v) {
        stamp[at] = (byte) ('0' + v / 10);
        stamp[at + 1] = (byte) ('0' + v % 10);
    }

    void setStamp(long second) {
        int day = (int) (second / 86_400);
        if (stampSecond < 0 || day != stampSecond / 86_400) {
            LocalDate date = LocalDate.ofYearDay(2023, day + 1);
            two(0, date.getDayOfMonth());
            stamp[2] = '/';
            for (int i = 0; i < 3; i++) {
                stamp[3 + i] = (byte) MONTHS[date.getMonthValue() - 1].charAt(i);
            }
            System.arraycopy("/2023:".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, stamp, 6, 6);
            stamp[14] = ':';
            stamp[17] = ':';
        }
        int s = (int) (second % 86_400);
        two(12, s / 3_600);
        two(15, s / 60 % 60);
        two(18, s % 60);
        stampSecond = second;
    }

    long lines, assetHits, robotHits, heads, posts, notFound, redirects, notModified, errors;
    boolean[] addressSeen;
    boolean[] agentSeen;

    void write(Hit h, OutputStream sink) throws java.io.IOException {
        long second = (h.key >>> SEQ_BITS) / 1000;
        if (second != stampSecond) {
            setStamp(second);
        }
        Visitor v = h.visitor;
        byte[] agent = agents.get(v.agent);
        if (pos + 64 + v.address.length + h.request.length + agent.length > out.length) {
            sink.write(out, 0, pos);
            pos = 0;
        }
        put(v.address);
        put(DASHES);
        put(stamp);
        put(AFTER_STAMP);
        put(h.request);
        put(BEFORE_AGENT);
        put(agent);
        out[pos++] = '"';
        out[pos++] = '\n';
        lines++;
        assetHits += h.asset ? 1 : 0;
        robotHits += v.agent >= humanAgents ? 1 : 0;
        heads += h.method == HEAD ? 1 : 0;
        posts += h.method == POST ? 1 : 0;
        notFound += h.status == 404 ? 1 : 0;
        redirects += h.status == 301 || h.status == 302 ? 1 : 0;
        notModified += h.status == 304 ? 1 : 0;
        errors += h.status >= 500 ? 1 : 0;
        addressSeen[v.addressId] = true;
        agentSeen[v.agent] = true;
    }

    void run(Path file, long total, boolean gz) throws Exception {
        if (total >= 1L << SEQ_BITS) {
            throw new IllegalArgumentException("at most " + ((1L << SEQ_BITS) - 1) + " lines");
        }
        double sum = 0;
        for (double w : HOURLY) {
            sum += w;
        }
        for (int h = 0; h < 24; h++) {
            hourCumulative[h + 1] = hourCumulative[h] + HOURLY[h] / sum;
        }
        hourCumulative[24] = 1;
        catalogue(new Random(3_712_201));
        population();
        addressSeen = new boolean[addresses];
        agentSeen = new boolean[agents.size()];
        double step = 365 * 86_400.0 / total; // seconds of the year per line
        PriorityQueue<Hit> queue = new PriorityQueue<>((a, b) -> Long.compare(a.key, b.key));
        long planned = 0, robotPlanned = 0, seq = 0;
        List<Hit> next = null;
        long nextKey = 0;
        try (OutputStream raw = Files.newOutputStream(file); OutputStream sink = gz ? new GZIPOutputStream(raw, 1 << 16) : raw) {
            while (true) {
                if (next == null && planned < total) {
                    // Plan the next visit: a robot's while robots are short of their share.
                    visit.clear();
                    t = 0;
                    boolean robot = r.nextDouble() < (robotPlanned < ROBOT_SHARE * planned ? 0.3 : 0.05);
                    if (robot) {
                        robot();
                    } else {
                        human();
                    }
                    int h = (int) Math.min(visit.size(), total - planned);
                    long start = (long) (warp((planned + r.nextDouble() * h) * step) * 1000);
                    next = new ArrayList<>(visit.subList(0, h));
                    for (Hit x : next) {
                        x.key = Math.min(start + x.offset, YEAR_MS - 1) << SEQ_BITS | seq++;
                    }
                    nextKey = next.get(0).key;
                    planned += h;
                    robotPlanned += robot ? h : 0;
                }
                if (next != null && (queue.isEmpty() || nextKey <= queue.peek().key)) {
                    queue.addAll(next);
                    next = null;
                } else if (!queue.isEmpty()) {
                    write(queue.poll(), sink);
                } else {
                    break;
                }
            }
            sink.write(out, 0, pos);
        }
        double share = 100.0 / Math.max(lines, 1);
        int addressCount = 0, agentCount = 0, robotAgents = 0;
        for (boolean b : addressSeen) {
            addressCount += b ? 1 : 0;
        }
        for (int i = 0; i < agentSeen.length; i++) {
            agentCount += agentSeen[i] ? 1 : 0;
            robotAgents += agentSeen[i] && i >= humanAgents ? 1 : 0;
        }
        System.err.printf(Locale.ROOT, "%s: %d lines, %.1f %% static assets, %.1f %% robot, %.2f %% HEAD, %.2f %% POST, %.2f %% 404, "
                        + "%.2f %% 301/302, %.2f %% 304, %.2f %% 5xx; %d distinct addresses, %d distinct agents (%d robots')%n",
                file, lines, share * assetHits, share * robotHits, share * heads, share * posts, share * notFound, share * redirects,
                share * notModified, share * errors, addressCount,
                agentCount, robotAgents);
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--agents")) {
            // Every distinct agent a log can hold, one a line (RobotFormsTest compares the classifier on them).
            GenerateLog g = new GenerateLog();
            g.catalogue(new Random(3_712_201));
            g.population();
            g.agents.forEach(a -> System.out.println(new String(a, java.nio.charset.StandardCharsets.ISO_8859_1)));
            return;
        }
        if (args.length < 2) {
            System.err.println("Usage: java bench/GenerateLog.java FILE LINES [gz] | --agents");
            System.exit(2);
        }
        new GenerateLog().run(Path.of(args[0]), Long.parseLong(args[1]), args.length > 2 && args[2].equals("gz"));
    }
}
