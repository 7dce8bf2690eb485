package id.sni37122.connectors.portal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Robot verdicts by agent form ({@link RobotClassifier.Forms}), kept between runs in the
 * installation's cache folder, which the launcher names with {@value #PROPERTY}
 * ({@code ~/.cache/sni37122}; for the systemd unit {@code /var/lib/sni37122/.cache/sni37122}).
 * A first load into a fresh warehouse (a new city, a warehouse built again) then builds Yauaa only
 * for a form no earlier load on this installation has met; without the property ({@code java -jar},
 * tests) there is no cache and nothing is written.
 *
 * <p>The file is named after the classifier ({@link RobotClassifier#NAME}), so another Yauaa
 * version starts afresh. It holds forms only (digit runs as one digit) of agents as the warehouse
 * stores them, with what {@link AgentPrivacy} finds personal taken out (see {@link #keyOf}). A file that is not exactly what this class
 * writes (its header, every line, the count and checksum on its last line) is not used at all and
 * is written anew: a verdict read wrongly would change 10.1 without a word. A folder that cannot be
 * read or written only makes loads slower.
 */
final class VerdictCache {

    static final String PROPERTY = "sni37122.cache.dir";

    private static final String HEADER = "# sni37122: robot verdicts by user-agent form (robot, class, form), from " + RobotClassifier.NAME;
    private static final String END = "# end ";
    /** Far beyond any installation's forms (thousands): a bigger file is not ours. */
    private static final long MAX_BYTES = 64L << 20;

    private final Path dir;
    private final Path file;
    /** What the file held when first asked; null until then. */
    private Map<String, RobotClassifier.Verdict> known;
    /** Verdicts Yauaa gave in this ingest, not yet written. */
    private final Map<String, RobotClassifier.Verdict> fresh = new HashMap<>();

    VerdictCache(Path dir) {
        this.dir = dir;
        this.file = dir.resolve(fileName());
    }

    /** The cache of the folder the launcher named, or null when none is named. */
    static VerdictCache configured() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            return null;
        }
        try {
            return new VerdictCache(Path.of(dir));
        } catch (InvalidPathException e) {
            return null; // only slower
        }
    }

    /** {@code robot-verdicts-Yauaa-7.31.0.tsv}: one file per classifier version. */
    static String fileName() {
        return "robot-verdicts-" + RobotClassifier.NAME.replaceAll("[^A-Za-z0-9.]+", "-") + ".tsv";
    }

    Path file() {
        return file;
    }

    /**
     * The form under which an agent's verdict is kept: that of the agent as the warehouse stores it
     * ({@link AgentPrivacy#strip}, an e-mail or address replaced by what it was), so the file holds
     * nothing the warehouse does not. Robots often carry their operator's address (Bytespider,
     * DotBot), and a load with one of them would otherwise build Yauaa every time. Null for an
     * empty agent or one with a control character: never kept.
     */
    static String keyOf(String agent) {
        return RobotClassifier.empty(agent) || !plain(agent) ? null : RobotClassifier.Forms.form(AgentPrivacy.strip(agent));
    }

    private static boolean plain(String text) {
        return text.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** The kept verdict of a form, or null; the file is read at the first question. */
    RobotClassifier.Verdict get(String form) {
        if (known == null) {
            known = read();
        }
        return known.get(form);
    }

    /** A verdict Yauaa gave, to be written by {@link #save}. */
    void add(String form, RobotClassifier.Verdict verdict) {
        fresh.putIfAbsent(form, verdict);
    }

    /**
     * Writes the new verdicts, merged with what the file holds now (another run may have added its
     * own), under a temporary name renamed over the file: a reader sees the old file or the new one
     * whole, and two runs at once cannot mix their lines (the last one's file stays).
     */
    void save() {
        if (fresh.isEmpty()) {
            return;
        }
        Map<String, RobotClassifier.Verdict> all = new TreeMap<>(read());
        if (known != null) {
            known.forEach(all::putIfAbsent);
        }
        fresh.forEach(all::putIfAbsent);
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, ".robot-verdicts-", ".tmp");
            Files.write(temp, content(all));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            known = all;
            fresh.clear();
        } catch (IOException | RuntimeException e) {
            // only slower: the next load asks Yauaa again
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // nothing more to do
                }
            }
        }
    }

    private static byte[] content(Map<String, RobotClassifier.Verdict> all) {
        StringBuilder lines = new StringBuilder();
        all.forEach((form, v) -> lines.append(v.robot()).append('\t').append(v.agentClass()).append('\t').append(form).append('\n'));
        byte[] body = lines.toString().getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(body);
        return (HEADER + "\n" + lines + END + all.size() + " " + Long.toHexString(crc.getValue()) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The file's verdicts; none when it is missing, unreadable or not exactly what {@link #content} writes. */
    private Map<String, RobotClassifier.Verdict> read() {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return Map.of();
            }
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            Map<String, RobotClassifier.Verdict> verdicts = parse(text);
            return verdicts == null ? Map.of() : verdicts;
        } catch (IOException | RuntimeException e) {
            return Map.of(); // CharacterCodingException (not UTF-8) among them
        }
    }

    /** Null unless every line is right. */
    static Map<String, RobotClassifier.Verdict> parse(String text) {
        if (!text.startsWith(HEADER + "\n") || !text.endsWith("\n")) {
            return null;
        }
        int endAt = text.lastIndexOf('\n' + END);
        if (endAt < HEADER.length()) {
            return null;
        }
        String body = text.substring(HEADER.length() + 1, endAt + 1);
        String[] end = text.substring(endAt + 1 + END.length(), text.length() - 1).split(" ", -1);
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        if (end.length != 2 || !end[1].equals(Long.toHexString(crc.getValue()))) {
            return null;
        }
        Map<String, RobotClassifier.Verdict> verdicts = new HashMap<>();
        for (String line : body.isEmpty() ? new String[0] : body.substring(0, body.length() - 1).split("\n", -1)) {
            String[] f = line.split("\t", -1);
            if (f.length != 3 || !(f[0].equals("true") || f[0].equals("false")) || f[1].isEmpty() || f[2].isEmpty() || !plain(f[2])
                    || !RobotClassifier.Forms.form(f[2]).equals(f[2])
                    || verdicts.put(f[2], new RobotClassifier.Verdict(f[1], f[0].equals("true"))) != null) {
                return null;
            }
        }
        return end[0].equals(Integer.toString(verdicts.size())) ? verdicts : null;
    }
}
