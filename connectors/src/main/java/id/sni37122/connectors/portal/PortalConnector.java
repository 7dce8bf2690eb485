package id.sni37122.connectors.portal;

import id.sni37122.connectors.Connector;
import id.sni37122.connectors.FileLoad;
import id.sni37122.connectors.LoadContext;
import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.table.PlausibleTime;
import id.sni37122.connectors.table.TableOptions;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Open-data-portal access logs (10.1), plain or gzipped (found by content, not by name).
 * Every readable line is stored in reduced form: time, a keyed hash of the visitor (address +
 * user agent, HMAC with the installation's secret, so no raw address is kept), method, status,
 * path extension, host and a reference to the user agent, classified once per distinct agent.
 * The counting rules are applied when 10.1 is computed.
 */
public final class PortalConnector implements Connector {

    private static final Set<String> FORMATS = Set.of("combined", "common", "vhost_combined", "nginx", "custom", "analytics-csv");
    private static final Set<String> OPTIONS = Set.of("hosts", "pattern", "tool");
    /** The temporary view DuckDB scans the parsed hits through, one file at a time. */
    private static final String STREAM_VIEW = "portal_hit_stream";
    private static final String INSERT_HITS = "INSERT INTO portal_hit SELECT ?, ts, visitor, agent_key, method, status, ext, host FROM "
            + STREAM_VIEW;

    @Override
    public String kind() {
        return "portal";
    }

    @Override
    public Set<String> formats() {
        return FORMATS;
    }

    @Override
    public String defaultFormat(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? "analytics-csv" : "combined";
    }

    @Override
    public Set<String> options() {
        return OPTIONS;
    }

    /** A log line's time carries its offset, so the zone shapes only an export's dates and a custom pattern's. */
    @Override
    public Map<String, Object> readSettings(SourceSpec spec, String format, ZoneId cityZone) {
        Map<String, Object> settings = Connector.super.readSettings(spec, format, cityZone);
        if (!format.equals("analytics-csv") && !format.equals("custom")) {
            settings.remove("timezone");
        }
        return settings;
    }

    @Override
    public TableOptions tableOptions(SourceSpec spec, String format) {
        return format.equals("analytics-csv") ? AnalyticsExport.options(spec) : null;
    }

    @Override
    public boolean appendable(String format) {
        return !format.equals("analytics-csv"); // every log format is one line per hit
    }

    @Override
    public void check(SourceSpec spec) throws SourceException {
        for (String key : spec.options().keySet()) {
            if (!OPTIONS.contains(key)) {
                throw new SourceException(null, Messages.get("portal.unknown_option", key, OPTIONS));
            }
        }
        if ("custom".equals(spec.format())) {
            parser("custom", spec);
        }
    }

    /** The parser for a format; {@code custom} compiles the config's {@code pattern}. */
    private static AccessLogParser parser(String format, SourceSpec spec) throws SourceException {
        if (!format.equals("custom")) {
            return new AccessLogParser(format.equals("nginx") ? "combined" : format);
        }
        Object pattern = spec.options().get("pattern");
        if (pattern == null) {
            throw new SourceException(null, Messages.get("portal.pattern_missing"));
        }
        try {
            return new AccessLogParser(format, pattern.toString());
        } catch (IllegalArgumentException e) {
            throw new SourceException(null, Messages.get("portal.pattern_incomplete", pattern));
        }
    }

    @Override
    public FileLoad load(LoadContext ctx) throws IOException, SQLException, SourceException {
        if (ctx.format().equals("analytics-csv")) {
            return AnalyticsExport.load(ctx);
        }
        AccessLogParser parser = parser(ctx.format(), ctx.spec());
        BufferAllocator allocator = allocator(ctx);
        Agents agents = new Agents(ctx);
        Terms terms = new Terms(ctx);
        Visitors visitors = new Visitors(ctx.visitorSecret());
        Set<String> hosts = hosts(ctx.spec());
        long loaded = 0;
        HitBatch end = null;
        // Lines are parsed on a second thread; DuckDB pulls the parsed hits as Arrow batches
        // and stores them, so on two cores the two halves of the work overlap.
        java.util.concurrent.BlockingQueue<HitBatch> queue = new java.util.concurrent.ArrayBlockingQueue<>(8);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        InputStream in = open(ctx.file(), ctx.startOffset(), ctx.endOffset());
        Thread parsing = new Thread(() -> parse(in, ctx.startLine(), parser, agents, terms, visitors, hosts, queue, stop),
                "sni37122-parse");
        parsing.setDaemon(true);
        parsing.start();
        DuckDBConnection duck = ctx.connection().unwrap(DuckDBConnection.class);
        try (in; allocator) {
            while (end == null) {
                HitStream stream = new HitStream(allocator, queue);
                try (ArrowArrayStream exported = ArrowArrayStream.allocateNew(allocator)) {
                    Data.exportArrayStream(allocator, stream, exported);
                    duck.registerArrowStream(STREAM_VIEW, exported);
                    try (PreparedStatement insert = ctx.connection().prepareStatement(INSERT_HITS)) {
                        insert.setLong(1, ctx.fileId());
                        insert.executeUpdate();
                    } finally {
                        try (Statement drop = ctx.connection().createStatement()) {
                            drop.execute("DROP VIEW IF EXISTS " + STREAM_VIEW); // it points at the released stream
                        }
                    }
                }
                loaded += stream.hits;
                for (HitBatch b : stream.rejected) {
                    for (int i = 0; i < b.rejects; i++) {
                        ctx.rejects().reject(b.rejectLine[i], null, b.rejectReason[i], b.rejectDetail[i]);
                    }
                }
                end = stream.end;
            }
        } finally {
            stop.set(true);
            queue.clear();
        }
        if (end.failure instanceof java.io.EOFException || end.failure instanceof java.util.zip.ZipException) {
            throw new SourceException(ctx.file(), end.lastLine, null, Messages.get("portal.gzip_broken", end.failure.getMessage()), end.failure);
        }
        if (end.failure instanceof IOException io) {
            throw io;
        }
        if (end.failure instanceof RuntimeException re) {
            throw re;
        }
        long read = end.read;
        long otherHost = end.otherHost;
        agents.record();
        terms.record();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("other_host", otherHost);
        details.put("new_agents", agents.added);
        details.put("classifier", RobotClassifier.NAME);
        return new FileLoad(read, loaded, details);
    }

    /** Arrow's memory, which needs java.nio opened to it: the jar's manifest does that, a bare class path does not. */
    private static BufferAllocator allocator(LoadContext ctx) throws SourceException {
        RootAllocator allocator = new RootAllocator();
        try {
            ArrowArrayStream.allocateNew(allocator).close(); // where the missing access shows
            return allocator;
        } catch (RuntimeException | LinkageError e) {
            try {
                allocator.close();
            } catch (RuntimeException leaked) {
                // the half-made stream's bytes: the process has bigger news
            }
            throw new SourceException(ctx.file(), Messages.get("portal.needs_add_opens", e.getMessage()));
        }
    }

    /** The parsing thread: lines to batches of hits and rejects, then a last batch with the totals or the failure. */
    private static void parse(InputStream in, long startLine, AccessLogParser parser, Agents agents, Terms terms, Visitors visitors,
                              Set<String> hosts, java.util.concurrent.BlockingQueue<HitBatch> queue,
                              java.util.concurrent.atomic.AtomicBoolean stop) {
        HitBatch b = new HitBatch();
        long line = startLine;
        long read = 0;
        long otherHost = 0;
        long earliest = PlausibleTime.EARLIEST.getEpochSecond();
        long latest = PlausibleTime.latest().getEpochSecond();
        try {
            Latin1Lines reader = new Latin1Lines(in);
            while (reader.advance() && !stop.get()) {
                line++;
                if (reader.blank()) {
                    continue;
                }
                read++;
                if (b.full()) {
                    queue.put(b);
                    b = new HitBatch();
                }
                if (reader.hadControl()) {
                    b.reject(line, "portal.binary_line", null); // e.g. a TLS handshake sent to the HTTP port
                    continue;
                }
                try {
                    parser.parseChecked(reader.buffer(), reader.lineStart(), reader.lineEnd());
                } catch (AccessLogParser.Malformed e) {
                    b.reject(line, e.reason, e.detail);
                    continue;
                }
                if (hosts != null && parser.host != null && !hosts.contains(parser.host)) {
                    otherHost++; // another site on the same server: not the portal
                    continue;
                }
                long address = parser.visitorAddress();
                if (address < 0) {
                    b.reject(line, "portal.bad_address", null); // never the address itself: it is personal data
                    continue;
                }
                if (parser.epochSecond < earliest || parser.epochSecond > latest) {
                    b.reject(line, "connectors.date_out_of_range", java.time.Instant.ofEpochSecond(parser.epochSecond).toString());
                    continue;
                }
                int i = b.hits++;
                b.ts[i] = parser.epochSecond;
                b.hasAgent[i] = parser.agentBytes != null;
                b.agent[i] = parser.agentBytes == null ? 0 : agents.key(parser.agentBytes, parser.agentFrom, parser.agentTo);
                b.visitor[i] = visitors.of(parser, address, b.agent[i]);
                b.method[i] = terms.code(parser.method);
                b.status[i] = (short) parser.status;
                b.extension[i] = terms.code(parser.extension);
                b.host[i] = terms.code(parser.host);
            }
        } catch (IOException | RuntimeException e) {
            b.failure = e;
        } catch (InterruptedException e) {
            return; // the loading thread gave up; nobody waits for the rest
        }
        b.last = true;
        b.read = read;
        b.otherHost = otherHost;
        b.lastLine = line;
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The portal's host names (option {@code hosts}), lower-case; null: every host counts. */
    private static Set<String> hosts(SourceSpec spec) {
        Object v = spec.options().get("hosts");
        if (v == null) {
            return null;
        }
        Set<String> out = new HashSet<>();
        for (Object h : v instanceof List<?> list ? list : List.of(v)) {
            out.add(h.toString().strip().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static InputStream open(Path file, long offset, long end) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new ReadAhead(new GZIPInputStream(in, 1 << 16)); // rotated logs: .gz, or gzip under any name; inflated on another core
        }
        in.skipNBytes(offset);
        return end == Long.MAX_VALUE ? in : limited(in, end - offset);
    }

    /** At most {@code limit} bytes of {@code in}: a log written while it loads is read as far as it was hashed. */
    private static InputStream limited(InputStream in, long limit) {
        return new java.io.FilterInputStream(in) {
            private long left = limit;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(buffer, offset, (int) Math.min(length, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }

    /**
     * Visitor keys (INDICATORS.md: address + user agent, the address alone without an agent field),
     * hashed with HMAC-SHA256 and the installation's secret so that no address is stored. The same
     * visitor makes many hits, so hashes are kept for the file.
     */
    private static final class Visitors {
        private static final int MAX_CACHED = 1 << 21;
        private final Mac mac;
        /** (address, agent key) mixed into one long, to the visitor hash: visitors come back line after line. */
        private final LongLongMap cache = new LongLongMap(1 << 16);
        private final long[] recentKeys = new long[4096];
        private final long[] recentHashes = new long[4096];

        Visitors(byte[] secret) {
            java.util.Arrays.fill(recentKeys, Long.MIN_VALUE); // never a key
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The visitor of the line {@code p} has just read, whose address is {@code address} and user agent {@code agentKey}. */
        long of(AccessLogParser p, long address, long agentKey) {
            long key = address * 0x9E3779B97F4A7C15L ^ (p.agentBytes == null ? 0x5DEECE66DL : agentKey);
            if (key == Long.MIN_VALUE) {
                key++;
            }
            // Visitors in the middle of a visit first: a small table that stays in the CPU cache.
            int slot = (int) (key ^ key >>> 29) & (recentKeys.length - 1);
            if (recentKeys[slot] == key) {
                return recentHashes[slot];
            }
            long hash = cache.get(key, Long.MIN_VALUE);
            if (hash == Long.MIN_VALUE) {
                mac.update(p.visitorBytes, p.visitorFrom, p.visitorTo - p.visitorFrom);
                if (p.agentBytes != null) {
                    mac.update((byte) '\n');
                    mac.update(p.agentBytes, p.agentFrom, p.agentTo - p.agentFrom);
                }
                hash = ByteBuffer.wrap(mac.doFinal()).getLong();
                if (cache.size() >= MAX_CACHED) {
                    cache.clear();
                }
                hash = hash == Long.MIN_VALUE ? hash + 1 : hash;
                cache.put(key, hash);
            }
            recentKeys[slot] = key;
            recentHashes[slot] = hash;
            return hash;
        }
    }

    /**
     * Methods, extensions and hosts as portal_term codes: the few distinct ones of a log repeat on
     * every line, and DuckDB stores integers far more cheaply than strings. Used by the parsing
     * thread; new terms are recorded after it has finished, in the file's transaction.
     */
    private static final class Terms {
        private final Map<String, Integer> codes = new HashMap<>();
        private final Map<String, Integer> added = new LinkedHashMap<>();
        private final DuckDBConnection connection;
        private int last;

        Terms(LoadContext ctx) throws SQLException {
            try (Statement s = ctx.connection().createStatement(); ResultSet r = s.executeQuery("SELECT code, term FROM portal_term")) {
                while (r.next()) {
                    codes.put(r.getString(2), r.getInt(1));
                    last = Math.max(last, r.getInt(1));
                }
            }
            connection = ctx.connection().unwrap(DuckDBConnection.class);
        }

        /** The term's code; 0 for none (no extension, no host). */
        int code(String term) {
            if (term == null) {
                return 0;
            }
            Integer code = codes.get(term);
            if (code == null) {
                code = ++last;
                codes.put(term, code);
                added.put(term, code);
            }
            return code;
        }

        void record() throws SQLException {
            try (DuckDBAppender rows = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "portal_term")) {
                for (var e : added.entrySet()) {
                    rows.beginRow().append(e.getValue()).append(e.getKey()).endRow();
                }
            }
            added.clear();
        }
    }

    /** Distinct user agents: known ones from the warehouse, new ones classified once and recorded. */
    private static final class Agents {
        /** FNV-1a of the agent as logged to its key; agents repeat on nearly every line. */
        private final LongLongMap keys = new LongLongMap(1 << 12);
        private final Set<Long> known = new HashSet<>();
        /** Verdicts by agent form: a new agent of a known form needs no classifier (nor building one). */
        private final RobotClassifier.Forms forms = new RobotClassifier.Forms();
        /** Agents first seen in this file: their text and their classification, under way on another thread. */
        private final Map<Long, Map.Entry<String, java.util.concurrent.CompletableFuture<RobotClassifier.Verdict>>> pending = new LinkedHashMap<>();
        private final DuckDBConnection connection;
        private final MessageDigest sha;
        long added;

        Agents(LoadContext ctx) throws SQLException {
            try (Statement s = ctx.connection().createStatement();
                 ResultSet r = s.executeQuery("SELECT agent_key, agent, agent_class, robot FROM user_agent")) {
                while (r.next()) {
                    known.add(r.getLong(1));
                    forms.add(r.getString(2), new RobotClassifier.Verdict(r.getString(3), r.getBoolean(4)));
                }
            }
            connection = ctx.connection().unwrap(DuckDBConnection.class);
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * A few recent agents, placed by length and two characters and confirmed with equals:
         * most lines repeat an agent seen moments before, and comparing is cheaper than hashing.
         */
        private final byte[][] recent = new byte[1024][];
        private final long[] recentKeys = new long[1024];

        /** The key of the agent at {@code [from, to)} of {@code raw}, as logged (Latin-1 bytes of UTF-8 text). */
        long key(byte[] raw, int from, int to) {
            int n = to - from;
            int slot = n == 0 ? 0 : (n * 31 + raw[from + (n >> 1)] * 7 + raw[to - 1]) & (recent.length - 1);
            byte[] seen = recent[slot];
            if (seen != null && java.util.Arrays.equals(seen, 0, seen.length, raw, from, to)) {
                return recentKeys[slot];
            }
            long key = keyOf(raw, from, to);
            recent[slot] = java.util.Arrays.copyOfRange(raw, from, to);
            recentKeys[slot] = key;
            return key;
        }

        private long keyOf(byte[] raw, int from, int to) {
            long fnv = 0xcbf29ce484222325L;
            for (int i = from; i < to; i++) {
                fnv = (fnv ^ (raw[i] & 0xff)) * 0x100000001b3L;
            }
            if (fnv == Long.MIN_VALUE) {
                fnv++;
            }
            long cached = keys.get(fnv, Long.MIN_VALUE);
            if (cached != Long.MIN_VALUE) {
                return cached;
            }
            // Logs are read byte for byte; agents are UTF-8 text.
            String agent = new String(raw, from, to - from, StandardCharsets.UTF_8);
            long digest = ByteBuffer.wrap(sha.digest(agent.getBytes(StandardCharsets.UTF_8))).getLong();
            long key = digest == Long.MIN_VALUE ? digest + 1 : digest;
            if (known.add(key)) {
                pending.put(key, Map.entry(agent, forms.classifyLater(agent)));
            }
            if (keys.size() < 100_000) {
                keys.put(fnv, key);
            }
            return key;
        }

        /** Records the agents first seen in this file with their classification, inside the file's transaction. */
        void record() throws SQLException {
            try (DuckDBAppender rows = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "user_agent")) {
                for (var e : pending.entrySet()) {
                    RobotClassifier.Verdict v = e.getValue().getValue().join();
                    rows.beginRow().append(e.getKey()).append(e.getValue().getKey()).append(v.agentClass()).append(v.robot())
                            .append(RobotClassifier.NAME).endRow();
                }
            }
            added = pending.size();
            pending.clear();
        }
    }
}
