package id.sni37122.connectors.portal;

import id.sni37122.connectors.LoadContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Distinct user agents: known ones from the warehouse, new ones classified once and recorded without personal data ({@link AgentPrivacy}). */
final class Agents {
    /** FNV-1a of the agent as logged to its key; agents repeat on nearly every line. */
    private final LongLongMap keys = new LongLongMap(1 << 12);
    private final Set<Long> known = new HashSet<>();
    /** Verdicts by agent form: a new agent of a known form needs no classifier (nor building one). */
    private final RobotClassifier.Forms forms;
    /** Agents first seen in this file: their text and their classification, under way on another thread. */
    private final Map<Long, Map.Entry<String, CompletableFuture<RobotClassifier.Verdict>>> pending = new LinkedHashMap<>();
    private final DuckDBConnection connection;
    private final MessageDigest sha;
    long added;
    /** Of those, agents whose verdict came from the installation's cache. */
    long cached;

    /** {@code cache} null: none (no cache folder named). */
    Agents(LoadContext ctx, RobotClassifier classifier, VerdictCache cache) throws SQLException {
        forms = new RobotClassifier.Forms(classifier, cache);
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
        if (seen != null && Arrays.equals(seen, 0, seen.length, raw, from, to)) {
            return recentKeys[slot];
        }
        long key = keyOf(raw, from, to);
        recent[slot] = Arrays.copyOfRange(raw, from, to);
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
        // Logs are read byte for byte; agents are UTF-8 text. Classified whole, stored and keyed without personal data.
        String agent = new String(raw, from, to - from, StandardCharsets.UTF_8);
        String stored = AgentPrivacy.strip(agent);
        long digest = ByteBuffer.wrap(sha.digest(stored.getBytes(StandardCharsets.UTF_8))).getLong();
        long key = digest == Long.MIN_VALUE ? digest + 1 : digest;
        if (known.add(key)) {
            pending.put(key, Map.entry(stored, forms.classifyLater(agent)));
        }
        if (keys.size() < 100_000) {
            keys.put(fnv, key);
        }
        return key;
    }

    /**
     * Records the agents first seen in this file with their classification, inside the file's
     * transaction, and has the installation's cache keep the verdicts of forms Yauaa classified.
     */
    void record() throws SQLException {
        try (DuckDBAppender rows = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "user_agent")) {
            for (var e : pending.entrySet()) {
                RobotClassifier.Verdict v = e.getValue().getValue().join();
                rows.beginRow().append(e.getKey()).append(e.getValue().getKey()).append(v.agentClass()).append(v.robot())
                        .append(RobotClassifier.NAME).endRow();
            }
        }
        added = pending.size();
        cached = forms.fromCache;
        pending.clear();
        forms.keep();
    }
}
