package id.sni37122.connectors.portal;

import id.sni37122.connectors.Compression;
import id.sni37122.connectors.Connector;
import id.sni37122.connectors.FileLoad;
import id.sni37122.connectors.LoadContext;
import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.table.PlausibleTime;
import id.sni37122.connectors.table.TableOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;

/**
 * Open-data-portal access logs (10.1), plain or compressed (found by content, not by name; see {@link LogInput}).
 * Every readable line is stored in reduced form: time, a keyed hash of the visitor (address +
 * user agent, HMAC with the installation's secret, so no raw address is kept), method, status,
 * path extension, host and a reference to the user agent, classified once per distinct agent.
 * The counting rules are applied when 10.1 is computed.
 */
public final class PortalConnector implements Connector {

    private static final Set<String> FORMATS = Set.of("combined", "common", "vhost_combined", "nginx", "custom", "w3c", "caddy", "json",
            "analytics-csv");
    private static final Set<String> OPTIONS = Set.of("hosts", "pattern", "tool", "fields");
    /** The temporary view DuckDB scans the parsed hits through, one file at a time. */
    private static final String STREAM_VIEW = "portal_hit_stream";
    private static final String INSERT_HITS = "INSERT INTO portal_hit SELECT ?, ts, visitor, agent_key, method, status, ext, host FROM "
            + STREAM_VIEW;

    /**
     * Yauaa, built at most once for the files of one ingest (a connector lasts one), when a form
     * neither the warehouse nor the cache knows turns up; garbage once the ingest is done.
     */
    private final RobotClassifier classifier = new RobotClassifier();
    /** The installation's verdicts by agent form; null when the launcher named no cache folder. */
    private final VerdictCache verdicts = VerdictCache.configured();

    /**
     * Batches emptied by DuckDB, for the parsing thread to fill again: kept across the files of one
     * source (a connector lasts one ingest), so a month's rotated log, a batch or less, does not
     * make 2,5 MB of new arrays each (promoted into the old generation, they made the serial
     * collector collect it in full every file or two).
     */
    private final BlockingQueue<HitBatch> free = new LinkedBlockingQueue<>();

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

    /** A log line's time carries its offset, so the zone shapes only an export's dates, a custom pattern's and W3C's time-local. */
    @Override
    public Map<String, Object> readSettings(SourceSpec spec, String format, ZoneId cityZone) {
        Map<String, Object> settings = Connector.super.readSettings(spec, format, cityZone);
        if (!format.equals("analytics-csv") && !format.equals("custom") && !format.equals("w3c")) {
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
        // Every log format is one line per hit; a W3C file's lines are read through its #Fields: header, so it loads whole.
        return !format.equals("analytics-csv") && !format.equals("w3c");
    }

    @Override
    public void check(SourceSpec spec) throws SourceException {
        for (String key : spec.options().keySet()) {
            if (!OPTIONS.contains(key)) {
                throw new SourceException(null, Messages.get("portal.unknown_option", key, OPTIONS));
            }
        }
        if ("custom".equals(spec.format())) {
            parser("custom", spec, ZoneOffset.UTC);
        }
        fields(spec);
    }

    /** The parser for a format; {@code custom} compiles the config's {@code pattern}. */
    private static HitParser parser(String format, SourceSpec spec, ZoneId zone) throws SourceException {
        switch (format) {
            case "w3c":
                return new W3cParser(zone);
            case "caddy":
                return new JsonLogParser(true, Map.of());
            case "json":
                return new JsonLogParser(false, fields(spec));
            default:
                break;
        }
        if (!format.equals("custom")) {
            return new CombinedParser(format.equals("nginx") ? "combined" : format);
        }
        Object pattern = spec.options().get("pattern");
        if (pattern == null) {
            throw new SourceException(null, Messages.get("portal.pattern_missing"));
        }
        try {
            return new PatternParser(pattern.toString(), zone);
        } catch (IllegalArgumentException e) {
            throw new SourceException(null, Messages.get("portal.pattern_incomplete", pattern));
        }
    }

    @Override
    public FileLoad load(LoadContext ctx) throws IOException, SQLException, SourceException {
        if (ctx.format().equals("analytics-csv")) {
            return AnalyticsExport.load(ctx);
        }
        HitParser parser = parser(ctx.format(), ctx.spec(), ctx.spec().zoneOr(ctx.city().zone()));
        BufferAllocator allocator = allocator(ctx);
        Agents agents = new Agents(ctx, classifier, verdicts);
        Terms terms = new Terms(ctx);
        Visitors visitors = new Visitors(ctx.visitorSecret());
        Set<String> hosts = hosts(ctx.spec());
        long loaded = 0;
        HitBatch end = null;
        // Lines are parsed on a second thread; DuckDB pulls the parsed hits as Arrow batches
        // and stores them, so on two cores the two halves of the work overlap.
        BlockingQueue<HitBatch> queue = new ArrayBlockingQueue<>(8);
        AtomicBoolean stop = new AtomicBoolean();
        LogInput input = LogInput.open(ctx.file(), ctx.startOffset(), ctx.endOffset());
        InputStream in = input.in;
        Thread parsing = new Thread(() -> parse(in, ctx.startLine(), parser, agents, terms, visitors, hosts, queue, free, stop),
                "sni37122-parse");
        parsing.setDaemon(true);
        parsing.start();
        DuckDBConnection duck = ctx.connection().unwrap(DuckDBConnection.class);
        try (in; allocator) {
            while (end == null) {
                HitStream stream = new HitStream(allocator, queue, free);
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
                for (HitBatch.Reject r : stream.rejected) {
                    ctx.rejects().reject(r.line(), null, r.reason(), r.detail());
                }
                end = stream.end;
            }
        } finally {
            stop.set(true);
            queue.clear();
        }
        if (input.compression != Compression.NONE && end.failure instanceof IOException) {
            throw new SourceException(ctx.file(), end.lastLine, null,
                    Messages.get("portal.compressed_broken", input.compression.label, end.failure.getMessage()), end.failure);
        }
        if (end.failure instanceof IOException io) {
            throw io;
        }
        if (end.failure instanceof RuntimeException re) {
            throw re;
        }
        long read = end.read;
        long otherHost = end.otherHost;
        free.offer(end.reset()); // the next file's first batch
        agents.record();
        terms.record();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("other_host", otherHost);
        details.put("new_agents", agents.added);
        details.put("classifier", RobotClassifier.NAME);
        if (verdicts != null) {
            details.put("agents_cached", agents.cached); // of new_agents: their form's verdict was in the installation's cache
        }
        if (!input.text.equals("utf-8")) {
            details.put("text", input.text);
        }
        if (input.compression != Compression.NONE) {
            details.put("compression", input.compression.label);
            details.put("content_hash", input.contentHash()); // read whole: the content that identifies it (LogContent)
            details.put("content_bytes", input.contentBytes());
        }
        String note = null;
        if (!parser.hasAgentField()) {
            details.put("no_agent_field", true); // robots cannot be told apart: 10.1 warns
            note = Messages.get("portal.no_agent_field", ctx.file().getFileName(), ctx.format());
        }
        if (parser instanceof JsonLogParser json && json.assumedGet > 0) {
            details.put("method_assumed_get", json.assumedGet);
            String assumed = Messages.get("portal.method_assumed", ctx.file().getFileName(), json.assumedGet);
            note = note == null ? assumed : note + " " + assumed;
        }
        return new FileLoad(read, loaded, details, note);
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
    private static void parse(InputStream in, long startLine, HitParser parser, Agents agents, Terms terms, Visitors visitors,
                              Set<String> hosts, BlockingQueue<HitBatch> queue, BlockingQueue<HitBatch> free,
                              AtomicBoolean stop) {
        HitBatch b = batch(free);
        long line = startLine;
        long read = 0;
        long otherHost = 0;
        long earliest = PlausibleTime.EARLIEST.getEpochSecond();
        long latest = PlausibleTime.latest().getEpochSecond();
        Hit hit = new Hit();
        VisitorAddress address = new VisitorAddress();
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
                    b = batch(free);
                }
                if (reader.hadControl()) {
                    b.reject(line, "portal.binary_line", null); // e.g. a TLS handshake sent to the HTTP port
                    continue;
                }
                try {
                    if (!parser.parse(reader.buffer(), reader.lineStart(), reader.lineEnd(), hit)) {
                        read--; // a directive (W3C's #Fields:), not a line of data
                        continue;
                    }
                } catch (Malformed e) {
                    b.reject(line, e.reason, e.detail);
                    continue;
                }
                if (hosts != null && hit.host != null && !hosts.contains(hit.host)) {
                    otherHost++; // another site on the same server: not the portal
                    continue;
                }
                if (!address.choose(hit)) {
                    b.reject(line, "portal.bad_address", null); // never the address itself: it is personal data
                    continue;
                }
                if (hit.epochSecond < earliest || hit.epochSecond > latest) {
                    b.reject(line, "connectors.date_out_of_range", Instant.ofEpochSecond(hit.epochSecond).toString());
                    continue;
                }
                int i = b.hits++;
                b.ts[i] = hit.epochSecond;
                b.hasAgent[i] = hit.agentBytes != null;
                b.agent[i] = hit.agentBytes == null ? 0 : agents.key(hit.agentBytes, hit.agentFrom, hit.agentTo);
                b.visitor[i] = visitors.of(hit, address, b.agent[i]);
                b.method[i] = terms.code(hit.method);
                b.status[i] = (short) hit.status;
                b.extension[i] = terms.code(hit.extension);
                b.host[i] = terms.code(hit.host);
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

    /** An emptied batch, or a new one. */
    private static HitBatch batch(BlockingQueue<HitBatch> free) {
        HitBatch again = free.poll();
        return again != null ? again : new HitBatch();
    }

    /** The {@code fields:} option of a JSON log: 10.1's field names to the log's; unknown names are refused. */
    private static Map<String, String> fields(SourceSpec spec) throws SourceException {
        Object v = spec.options().get("fields");
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> map)) {
            throw new SourceException(null, Messages.get("portal.fields_not_a_map", JsonLogParser.FIELD_NAMES));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!JsonLogParser.FIELD_NAMES.contains(key)) {
                throw new SourceException(null, Messages.get("portal.unknown_field", key, JsonLogParser.FIELD_NAMES));
            }
            out.put(key, String.valueOf(e.getValue()));
        }
        return out;
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
}
