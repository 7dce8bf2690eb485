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
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON answer of a Prometheus range query ({@code /api/v1/query_range}) over {@code up}
 * or the blackbox exporter's {@code probe_success}: a matrix of series, each with its labels and
 * {@code [unix_seconds, "1"|"0"]} samples. A series' monitor is its {@code instance} label; when
 * one instance appears under several jobs (two probes of one target), {@code job instance}.
 */
final class PrometheusReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One series as read, with the line it starts on (pretty-printed answers have many lines). */
    private record Series(int index, long line, JsonNode node) {
        String label(String name) {
            JsonNode v = node.path("metric").path(name);
            return v.isString() && !v.asString().isBlank() ? v.asString().strip() : null;
        }
    }

    private PrometheusReader() {
    }

    static Map<String, Object> load(LoadContext ctx, HeartbeatWriter out, long[] read) throws SQLException, SourceException {
        List<Series> series = series(ctx);
        Map<String, Set<String>> jobsByInstance = new HashMap<>();
        for (Series s : series) {
            if (s.label("instance") != null) {
                jobsByInstance.computeIfAbsent(s.label("instance"), i -> new HashSet<>()).add(String.valueOf(s.label("job")));
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        long up = 0;
        long down = 0;
        Set<String> monitors = new HashSet<>();
        for (Series s : series) {
            String path = "data.result[" + s.index() + "]";
            String instance = s.label("instance");
            String job = s.label("job");
            String monitor = instance == null ? job : jobsByInstance.get(instance).size() > 1 && job != null ? job + " " + instance : instance;
            JsonNode values = s.node().path("values");
            if (monitor == null) {
                read[0] += Math.max(1, values.size());
                ctx.rejects().reject(s.line(), path + ".metric", "heartbeat.prometheus_no_instance", null);
                continue;
            }
            monitors.add(monitor);
            for (int j = 0; j < values.size(); j++) {
                read[0]++;
                JsonNode sample = values.get(j);
                String where = path + ".values[" + j + "]";
                Instant time = sample.path(0).isNumber() ? Instant.ofEpochMilli(Math.round(sample.path(0).asDouble() * 1000)) : null;
                if (time == null || !PlausibleTime.ok(time)) {
                    ctx.rejects().reject(s.line(), where, time == null ? "heartbeat.prometheus_bad_sample" : "connectors.date_out_of_range",
                            sample.toString());
                    continue;
                }
                String status = switch (sample.path(1).asString("")) {
                    case "1", "1.0" -> "up";
                    case "0", "0.0" -> "down";
                    default -> null;
                };
                if (status == null) {
                    ctx.rejects().reject(s.line(), where, "heartbeat.prometheus_bad_value", sample.path(1).toString());
                    continue;
                }
                out.add(s.line(), monitor, time, status);
                if (status.equals("up")) {
                    up++;
                } else {
                    down++;
                }
            }
        }
        details.put("up", up);
        details.put("down", down);
        details.put("monitors", monitors.size());
        return details;
    }

    /** The series of {@code data.result}, after checking the answer is a successful range query. */
    private static List<Series> series(LoadContext ctx) throws SourceException {
        List<Series> series = new ArrayList<>();
        String status = null;
        String error = null;
        String resultType = null;
        try (JsonParser p = JSON.createParser(ctx.file())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new SourceException(ctx.file(), 1, null, Messages.get("heartbeat.prometheus_not_answer"));
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "status" -> status = p.getString();
                    case "error" -> error = p.getString();
                    case "data" -> {
                        if (p.currentToken() != JsonToken.START_OBJECT) {
                            p.skipChildren();
                            continue;
                        }
                        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                            String field = p.currentName();
                            p.nextToken();
                            if (field.equals("resultType")) {
                                resultType = p.getString();
                            } else if (field.equals("result") && p.currentToken() == JsonToken.START_ARRAY) {
                                while (p.nextToken() == JsonToken.START_OBJECT) {
                                    long line = p.currentTokenLocation().getLineNr();
                                    series.add(new Series(series.size(), line, p.readValueAsTree()));
                                }
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SourceException(ctx.file(), Math.max(line, 0), null, Messages.get("heartbeat.prometheus_bad_json", e.getOriginalMessage()), e);
        }
        if (!"success".equals(status)) {
            throw new SourceException(ctx.file(), Messages.get("heartbeat.prometheus_not_success", String.valueOf(status), String.valueOf(error)));
        }
        if (!"matrix".equals(resultType)) {
            throw new SourceException(ctx.file(), Messages.get("heartbeat.prometheus_not_matrix", String.valueOf(resultType)));
        }
        return series;
    }
}
