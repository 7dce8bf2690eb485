package id.sni37122.connectors.heartbeat;

import id.sni37122.connectors.LoadContext;
import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.table.PlausibleTime;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Prometheus range-query answer: the API's JSON ({@code /api/v1/query_range}:
 * {@code {"status":"success","data":{"resultType":"matrix","result":[…]}}}) or the bare result
 * array that {@code promtool query range -o json} prints. Each series has its labels
 * ({@code metric}) and {@code [unix_seconds, "value"]} samples.
 *
 * <p>Which monitor a series is: Uptime Kuma's own metrics ({@code monitor_status},
 * {@code server/prometheus.js}) carry {@code monitor_name} (and, since 2.x, {@code monitor_id})
 * while {@code instance} is the Kuma server, so each {@code monitor_name} is a monitor, and its
 * values are Kuma's statuses: 0 down, 1 up, 2 pending, 3 maintenance. Otherwise ({@code up}, the
 * blackbox exporter's {@code probe_success}) the monitor is the {@code instance}, or
 * {@code job instance} where one instance appears under several jobs. A value between 0 and 1 (an
 * {@code avg_over_time} fraction) below {@code down_below} (default 1) is down.
 *
 * <p>The file is read as a stream, twice: first the labels of every series and the answer's
 * status (nothing is written from an answer that failed), then the samples, written as they come.
 * Memory does not grow with the file. A key written twice in one object is refused.
 */
final class PrometheusReader {

    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final String[] KUMA_STATUS = {"down", "up", "pending", "maintenance"};

    /** A series' monitor: its key, the name shown, whether its values are Kuma statuses; null key: none. */
    private record Monitor(String key, String name, boolean kuma, long line) {
    }

    /** What the first pass found. */
    private static final class Answer {
        String status;
        String error;
        String resultType;
        boolean bare;
        final List<Map<String, String>> labels = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
    }

    /** Told each sample of the second pass. */
    private interface Samples {
        void sample(int series, long line, String where, JsonParser p) throws SQLException;
    }

    private PrometheusReader() {
    }

    static Map<String, Object> load(LoadContext ctx, HeartbeatWriter out, long[] read) throws SQLException, SourceException {
        double downBelow = downBelow(ctx.spec().options().get("down_below"));
        Answer answer = new Answer();
        scan(ctx, answer, null);
        if (!answer.bare && !"success".equals(answer.status)) {
            throw new SourceException(ctx.file(), Messages.get("heartbeat.prometheus_not_success", String.valueOf(answer.status),
                    String.valueOf(answer.error)));
        }
        if (!answer.bare && !"matrix".equals(answer.resultType)) {
            throw new SourceException(ctx.file(), Messages.get("heartbeat.prometheus_not_matrix", String.valueOf(answer.resultType)));
        }
        List<Monitor> monitors = monitors(answer);
        for (Monitor m : monitors) {
            if (m.key() == null) {
                ctx.rejects().reject(m.line(), "data.result[" + monitors.indexOf(m) + "].metric", "heartbeat.prometheus_no_instance", null);
            }
        }
        Map<String, Long> byStatus = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        long[] step = {Long.MAX_VALUE};
        long[] previous = {Long.MIN_VALUE, -1};
        scan(ctx, answer, (series, line, where, p) -> {
            read[0]++;
            Monitor m = monitors.get(series);
            if (p == null) {
                if (m.key() != null) {
                    ctx.rejects().reject(line, where, "heartbeat.prometheus_bad_sample", null);
                }
                return;
            }
            Instant time = null;
            if (p.nextToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                time = Instant.ofEpochMilli(Math.round(p.getDoubleValue() * 1000));
                p.nextToken();
            }
            String raw = p.currentToken() == JsonToken.VALUE_STRING || p.currentToken() != null && p.currentToken().isNumeric()
                    ? p.getString() : null;
            if (p.currentToken() != JsonToken.END_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    p.skipChildren();
                }
            }
            if (m.key() == null) {
                return;
            }
            if (time == null || raw == null) {
                ctx.rejects().reject(line, where, "heartbeat.prometheus_bad_sample", raw);
                return;
            }
            if (!PlausibleTime.ok(time)) {
                ctx.rejects().reject(line, where, "connectors.date_out_of_range", raw);
                return;
            }
            String status = status(raw, m.kuma(), downBelow);
            if (status == null) {
                ctx.rejects().reject(line, where, "heartbeat.prometheus_bad_value", raw);
                return;
            }
            long ms = time.toEpochMilli();
            if (previous[1] == series && ms > previous[0]) {
                step[0] = Math.min(step[0], ms - previous[0]);
            }
            previous[0] = ms;
            previous[1] = series;
            out.add(line, m.key(), m.name(), time, status, null, null);
            byStatus.merge(status, 1L, Long::sum);
            seen.add(m.key());
        });
        Integer stepSeconds = step[0] == Long.MAX_VALUE ? null : (int) Math.round(step[0] / 1000.0);
        out.source("prometheus", null, null, stepSeconds, Instant.ofEpochMilli(Math.max(previous[0], 0)));
        Map<String, Object> details = new LinkedHashMap<>(byStatus);
        details.put("monitors", seen.size());
        if (stepSeconds != null) {
            details.put("step_seconds", stepSeconds);
        }
        return details;
    }

    /** Kuma's statuses for its own series; else 1 up, 0 down, and a fraction below {@code downBelow} down. */
    static String status(String raw, boolean kuma, double downBelow) {
        double v;
        try {
            v = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            return null;
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        if (kuma && v == Math.rint(v) && v >= 0 && v < KUMA_STATUS.length) {
            return KUMA_STATUS[(int) v];
        }
        if (v < 0 || v > 1) {
            return null;
        }
        return v < downBelow ? "down" : "up";
    }

    private static double downBelow(Object option) throws SourceException {
        if (option == null) {
            return 1;
        }
        try {
            double v = Double.parseDouble(option.toString());
            if (v > 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new SourceException(null, Messages.get("heartbeat.bad_down_below", option));
    }

    private static List<Monitor> monitors(Answer answer) {
        Map<String, Set<String>> jobsByInstance = new HashMap<>();
        for (Map<String, String> l : answer.labels) {
            if (l.get("instance") != null && l.get("monitor_name") == null) {
                jobsByInstance.computeIfAbsent(l.get("instance"), i -> new HashSet<>()).add(String.valueOf(l.get("job")));
            }
        }
        List<Monitor> out = new ArrayList<>();
        for (int i = 0; i < answer.labels.size(); i++) {
            Map<String, String> l = answer.labels.get(i);
            long line = answer.lines.get(i);
            String instance = l.get("instance");
            String job = l.get("job");
            String kumaName = l.get("monitor_name");
            if (kumaName != null) {
                String id = l.getOrDefault("monitor_id", kumaName);
                out.add(new Monitor("prometheus:" + (instance == null ? "" : instance) + "/uptime-kuma/" + id, kumaName, true, line));
            } else if (instance == null && job == null) {
                out.add(new Monitor(null, null, false, line));
            } else {
                String name = instance == null ? job : jobsByInstance.get(instance).size() > 1 && job != null ? job + " " + instance : instance;
                out.add(new Monitor("prometheus:" + (job == null ? "" : job) + "/" + (instance == null ? "" : instance), name, false, line));
            }
        }
        return out;
    }

    /**
     * Walks the answer. Without {@code samples} (the first pass) it records the status, result type
     * and each series' labels; with it, it hands over each sample, positioned on its opening bracket.
     */
    private static void scan(LoadContext ctx, Answer answer, Samples samples) throws SQLException, SourceException {
        try (JsonParser p = JSON.createParser(ctx.file())) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                answer.bare = true;
                result(p, answer, samples);
            } else if (first == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    switch (name) {
                        case "status" -> answer.status = value.isScalarValue() ? p.getString() : null;
                        case "error" -> answer.error = value.isScalarValue() ? p.getString() : null;
                        case "data" -> data(p, answer, samples);
                        default -> p.skipChildren();
                    }
                }
            } else {
                throw new SourceException(ctx.file(), 1, null, Messages.get("heartbeat.prometheus_not_answer"));
            }
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SourceException(ctx.file(), Math.max(line, 0), null, Messages.get("heartbeat.prometheus_bad_json", e.getOriginalMessage()), e);
        }
    }

    private static void data(JsonParser p, Answer answer, Samples samples) throws SQLException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("resultType")) {
                answer.resultType = value.isScalarValue() ? p.getString() : null;
            } else if (field.equals("result") && value == JsonToken.START_ARRAY) {
                result(p, answer, samples);
            } else {
                p.skipChildren();
            }
        }
    }

    /** The series of the result array, the parser on its opening bracket. */
    private static void result(JsonParser p, Answer answer, Samples samples) throws SQLException {
        int index = 0;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            long line = p.currentTokenLocation().getLineNr();
            Map<String, String> labels = new TreeMap<>();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("metric") && value == JsonToken.START_OBJECT && samples == null) {
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String label = p.currentName();
                        JsonToken v = p.nextToken();
                        if (v == JsonToken.VALUE_STRING && !p.getString().isBlank()) {
                            labels.put(label, p.getString().strip());
                        } else {
                            p.skipChildren();
                        }
                    }
                } else if (field.equals("values") && value == JsonToken.START_ARRAY && samples != null) {
                    int j = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        String where = "data.result[" + index + "].values[" + j++ + "]";
                        if (p.currentToken() == JsonToken.START_ARRAY) {
                            samples.sample(index, line, where, p);
                        } else {
                            p.skipChildren();
                            samples.sample(index, line, where, null);
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (samples == null) {
                answer.labels.add(labels);
                answer.lines.add(line);
            }
            index++;
        }
    }
}
