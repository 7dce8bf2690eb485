package id.sni37122.connectors.heartbeat;

import id.sni37122.connectors.LoadContext;
import id.sni37122.connectors.Messages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the warehouse already holds of one Uptime Kuma source, made to agree with the database
 * before its heartbeats are read:
 * <ul>
 *   <li>Loads made before migration 010 keyed monitors by name. Those rows are given the key of the
 *       Kuma monitor of that name (its id), so the read goes on from where they end instead of
 *       loading every heartbeat again beside them. A name two monitors share cannot be split: its
 *       rows stay merged up to where the database's own heartbeats begin, and that is said.</li>
 *   <li>A source read again whole ({@code ingest --reload}, changed read settings): the earlier
 *       loads' rows that the database still holds are removed, to be read again; those Kuma has
 *       pruned since stay.</li>
 * </ul>
 */
final class KumaHistory {

    /** A Kuma monitor: its id in the database, its key in the warehouse, its name now. */
    record Monitor(int id, String key, String name) {
    }

    private final LoadContext ctx;
    private final Connection kuma;
    private final Set<String> tables;

    KumaHistory(LoadContext ctx, Connection kuma, Set<String> tables) {
        this.ctx = ctx;
        this.kuma = kuma;
        this.tables = tables;
    }

    /**
     * Re-keys the name-keyed rows of this file's earlier loads (from before migration 010) to the
     * monitor of that name; rows of a name two monitors share, where the database holds heartbeats of
     * them again, are removed (they are read again, each under its own monitor) and the older ones kept.
     */
    void rekeyByName(List<Monitor> monitors, List<String> notes) throws SQLException {
        String path = ctx.file().toAbsolutePath().normalize().toString();
        String loads = "SELECT file_id FROM source_file WHERE city = ? AND kind = ? AND path = ?";
        Map<String, Long> byName = new HashMap<>();
        try (PreparedStatement p = ctx.connection().prepareStatement("SELECT monitor_key, count(*) FROM heartbeat WHERE city = ? "
                + "AND monitor_key NOT LIKE 'uptime-kuma:%' AND file_id IN (" + loads + ") GROUP BY monitor_key")) {
            p.setString(1, ctx.city().code());
            p.setString(2, ctx.city().code());
            p.setString(3, ctx.spec().kind());
            p.setString(4, path);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    byName.put(r.getString(1), r.getLong(2));
                }
            }
        }
        if (byName.isEmpty()) {
            return;
        }
        Map<String, List<Monitor>> named = monitors.stream().collect(Collectors.groupingBy(Monitor::name));
        Map<Integer, LocalDateTime> firstHeld = firstHeld("SELECT monitor_id, min(time) FROM heartbeat GROUP BY monitor_id",
                r -> time(r.getString(2)));
        for (Map.Entry<String, Long> e : byName.entrySet()) {
            List<Monitor> same = named.getOrDefault(e.getKey(), List.of());
            if (same.size() == 1) {
                try (PreparedStatement p = ctx.connection().prepareStatement("UPDATE heartbeat SET monitor_key = ? WHERE city = ? "
                        + "AND monitor_key = ? AND file_id IN (" + loads + ")")) {
                    p.setString(1, same.get(0).key());
                    p.setString(2, ctx.city().code());
                    p.setString(3, e.getKey());
                    p.setString(4, ctx.city().code());
                    p.setString(5, ctx.spec().kind());
                    p.setString(6, path);
                    p.executeUpdate();
                }
            } else if (same.size() > 1) {
                LocalDateTime from = same.stream().map(m -> firstHeld.get(m.id())).filter(t -> t != null).min(LocalDateTime::compareTo)
                        .orElse(null);
                long removed = 0;
                if (from != null) {
                    try (PreparedStatement p = ctx.connection().prepareStatement("DELETE FROM heartbeat WHERE city = ? AND monitor_key = ? "
                            + "AND ts >= ? AND file_id IN (" + loads + ")")) {
                        p.setString(1, ctx.city().code());
                        p.setString(2, e.getKey());
                        p.setObject(3, from);
                        p.setString(4, ctx.city().code());
                        p.setString(5, ctx.spec().kind());
                        p.setString(6, path);
                        removed = p.executeUpdate();
                    }
                }
                notes.add(Messages.get("heartbeat.kuma_name_shared", e.getKey(), same.size(), e.getValue() - removed));
            } else {
                notes.add(Messages.get("heartbeat.kuma_name_gone", e.getKey(), e.getValue()));
            }
        }
    }

    /**
     * Removes from the earlier loads being read again ({@link LoadContext#rereading()}) the heartbeats,
     * stat buckets and rejects the database still holds; returns how many heartbeats of theirs remain,
     * the ones Kuma has pruned since.
     */
    long forgetWhatIsHeld(List<Monitor> monitors) throws SQLException {
        List<Long> earlier = ctx.rereading();
        String in = String.join(", ", Collections.nCopies(earlier.size(), "?"));
        Map<Integer, LocalDateTime> beats = firstHeld("SELECT monitor_id, min(time) FROM heartbeat GROUP BY monitor_id", r -> time(r.getString(2)));
        delete("DELETE FROM heartbeat WHERE file_id IN (" + in + ") AND monitor_key = ? AND ts >= ?", earlier, monitors, beats, null);
        for (Map.Entry<String, Integer> table : Map.of("stat_daily", 24, "stat_hourly", 1).entrySet()) {
            if (tables.contains(table.getKey())) {
                Map<Integer, LocalDateTime> buckets = firstHeld("SELECT monitor_id, min(`timestamp`) FROM " + table.getKey() + " GROUP BY monitor_id",
                        r -> LocalDateTime.ofEpochSecond(r.getLong(2), 0, ZoneOffset.UTC));
                delete("DELETE FROM heartbeat_bucket WHERE file_id IN (" + in + ") AND monitor_key = ? AND starts_at >= ? AND hours = ?",
                        earlier, monitors, buckets, table.getValue());
            }
        }
        // A reject names the heartbeat's id: those from the lowest id still held on are read (and refused) again.
        Long lowest = null;
        try (PreparedStatement p = kuma.prepareStatement("SELECT min(id) FROM heartbeat"); ResultSet r = p.executeQuery()) {
            if (r.next() && r.getObject(1) != null) {
                lowest = r.getLong(1);
            }
        }
        if (lowest != null) {
            try (PreparedStatement p = ctx.connection().prepareStatement("DELETE FROM rejected_row WHERE file_id IN (" + in + ") AND line >= ?")) {
                int i = bind(p, earlier);
                p.setLong(i, lowest);
                p.executeUpdate();
            }
        }
        try (PreparedStatement p = ctx.connection().prepareStatement("SELECT count(*) FROM heartbeat WHERE file_id IN (" + in + ")")) {
            bind(p, earlier);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private interface Column<T> {
        T read(ResultSet r) throws SQLException;
    }

    /** Per Kuma monitor id, the earliest time (or bucket) the database holds. */
    private Map<Integer, LocalDateTime> firstHeld(String sql, Column<LocalDateTime> column) throws SQLException {
        Map<Integer, LocalDateTime> out = new HashMap<>();
        try (PreparedStatement p = kuma.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                LocalDateTime t = column.read(r);
                if (t != null) {
                    out.put(r.getInt(1), t);
                }
            }
        }
        return out;
    }

    private void delete(String sql, List<Long> earlier, List<Monitor> monitors, Map<Integer, LocalDateTime> from, Integer hours)
            throws SQLException {
        try (PreparedStatement p = ctx.connection().prepareStatement(sql)) {
            for (Monitor m : monitors) {
                LocalDateTime t = from.get(m.id());
                if (t == null) {
                    continue;
                }
                int i = bind(p, earlier);
                p.setString(i++, m.key());
                p.setObject(i++, t);
                if (hours != null) {
                    p.setInt(i, hours);
                }
                p.executeUpdate();
            }
        }
    }

    /** Binds the load ids from the first parameter on; returns the next parameter's index. */
    private static int bind(PreparedStatement p, List<Long> ids) throws SQLException {
        int i = 1;
        for (long id : ids) {
            p.setLong(i++, id);
        }
        return i;
    }

    private static LocalDateTime time(String kumaTime) {
        Instant t = UptimeKumaReader.time(kumaTime);
        return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
