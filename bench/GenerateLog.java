import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a seeded Apache combined log for the benchmark: a year of a busy portal, with
 * browsers, robots, static files, HEAD checks and errors in realistic shares.
 * Usage: java bench/GenerateLog.java FILE LINES [gz]
 */
public class GenerateLog {
    static final String[] AGENTS = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "python-requests/2.31.0"};
    static final String[] PATHS = {"/dataset/apbd-2023", "/dataset?q=penduduk", "/webassets/base/main.css", "/webassets/base/main.js",
            "/api/3/action/package_show?id=data-sekolah", "/dataset/titik-banjir/resource/2/download/titik-banjir.csv", "/organization/diskominfo"};

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long lines = Long.parseLong(args[1]);
        boolean gz = args.length > 2 && args[2].equals("gz");
        DateTimeFormatter clf = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
        Random random = new Random(37122);
        long t = 1_672_506_000L; // 2023-01-01 01:00 WITA
        double step = 31_536_000.0 / lines;
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = new BufferedOutputStream(gz ? new GZIPOutputStream(raw, 1 << 16) : raw, 1 << 20)) {
            String stamp = null;
            long stampSecond = -1;
            for (long i = 0; i < lines; i++) {
                long second = t + (long) (i * step);
                if (second != stampSecond) {
                    stamp = clf.format(Instant.ofEpochSecond(second).atOffset(ZoneOffset.ofHours(8)));
                    stampSecond = second;
                }
                int client = random.nextInt(200_000);
                int p = random.nextInt(PATHS.length);
                int status = random.nextInt(50) == 0 ? 404 : random.nextInt(10) == 0 ? 304 : 200;
                String method = random.nextInt(100) == 0 ? "HEAD" : "GET";
                String line = (36 + client % 100) + "." + (client >> 10 & 255) + "." + (client & 255) + ".9 - - [" + stamp + "] \""
                        + method + " " + PATHS[p] + " HTTP/1.1\" " + status + " " + (200 + random.nextInt(30_000))
                        + " \"-\" \"" + AGENTS[random.nextInt(AGENTS.length)] + "\"\n";
                out.write(line.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
    }
}
