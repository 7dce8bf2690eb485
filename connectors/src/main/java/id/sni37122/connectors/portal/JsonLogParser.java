package id.sni37122.connectors.portal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON access logs, one object a line: Caddy v2's ({@code format: caddy}: {@code ts},
 * {@code request.client_ip}, {@code request.headers.User-Agent}, …, as Caddy's
 * {@code modules/caddyhttp/server.go} logs them), and Nginx {@code log_format … escape=json} or
 * Traefik's JSON access log ({@code format: json}) with the field names of the config's
 * {@code fields:} map, or the usual names of both. A line may carry a prefix before its object
 * (a container runtime's {@code caddy  | }); a Caddy line that is not an access-log entry is
 * none of the hits.
 */
final class JsonLogParser implements HitParser {

    /** What 10.1 reads, in the {@code fields:} option's names, and the names tried when the option does not say. */
    static final Map<String, List<String>> DEFAULTS = defaults();

    private static Map<String, List<String>> defaults() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("address", List.of("remote_addr", "ip", "ClientHost", "client_ip", "remote_ip", "ClientAddr"));
        m.put("time", List.of("time_iso8601", "timestamp", "StartUTC", "date", "time", "ts", "msec", "time_local", "@timestamp"));
        m.put("request", List.of("request"));
        m.put("method", List.of("request_method", "method", "RequestMethod"));
        m.put("uri", List.of("request_uri", "uri", "path", "RequestPath"));
        m.put("status", List.of("status", "DownstreamStatus"));
        m.put("agent", List.of("http_user_agent", "user_agent", "request_User-Agent", "agent"));
        m.put("host", List.of("host", "server_name", "RequestHost"));
        m.put("forwarded", List.of("http_x_forwarded_for", "x_forwarded_for", "request_X-Forwarded-For"));
        return Map.copyOf(m);
    }

    static final Set<String> FIELD_NAMES = DEFAULTS.keySet();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final boolean caddy;
    private final Map<String, List<String>> names;
    private final LogTime time = new LogTime();
    private boolean sawAgent;
    /** Lines whose log has no method field, taken as GET. */
    long assumedGet;
    private boolean sawLine;

    /** @param fields the {@code fields:} option (10.1's name to the log's), or empty */
    JsonLogParser(boolean caddy, Map<String, String> fields) {
        this.caddy = caddy;
        Map<String, List<String>> n = new LinkedHashMap<>(DEFAULTS);
        fields.forEach((k, v) -> n.put(k, List.of(v)));
        this.names = n;
    }

    @Override
    public boolean hasAgentField() {
        return !sawLine || sawAgent;
    }

    @Override
    public boolean parse(byte[] b, int from, int to, Hit hit) throws Malformed {
        int brace = LineBytes.indexOf(b, (byte) '{', from, to);
        if (brace < 0) {
            throw new Malformed("portal.malformed_line", null);
        }
        JsonNode line;
        try {
            line = JSON.readTree(b, brace, to - brace);
        } catch (JacksonException e) {
            throw new Malformed(e.getMessage() != null && e.getMessage().contains("end-of-input") ? "portal.truncated_line"
                    : "portal.malformed_line", null);
        }
        if (line == null || !line.isObject()) {
            throw new Malformed("portal.malformed_line", null);
        }
        hit.clear();
        String request = null;
        String address;
        String agent;
        String forwarded;
        String method;
        String uri;
        JsonNode status;
        JsonNode ts;
        if (caddy) {
            if (!line.path("logger").asString("").startsWith("http.log.access")) {
                return false; // Caddy's own messages (start-up, TLS): not requests
            }
            JsonNode req = line.path("request");
            address = text(req.path("client_ip"));
            if (address == null) {
                address = text(req.path("remote_ip"));
            }
            if (address == null) {
                address = text(req.path("remote_addr")); // Caddy 2.0-2.4: "ip:port"
            }
            agent = first(req.path("headers").path("User-Agent"));
            forwarded = first(req.path("headers").path("X-Forwarded-For"));
            method = text(req.path("method"));
            uri = text(req.path("uri"));
            hit.host = host(text(req.path("host")));
            status = line.path("status");
            ts = line.path("ts");
            sawAgent = true; // Caddy logs every request header, the agent among them when sent
        } else {
            address = value(line, "address");
            agent = value(line, "agent");
            forwarded = value(line, "forwarded");
            hit.host = host(value(line, "host"));
            request = value(line, "request");
            method = value(line, "method");
            uri = value(line, "uri");
            if (request != null && (method == null || uri == null)) {
                byte[] r = request.getBytes(StandardCharsets.UTF_8); // "GET /path HTTP/1.1", as $request writes it
                LineBytes.request(r, 0, r.length, hit);
                method = hit.method;
                uri = new String(r, StandardCharsets.ISO_8859_1); // its extension is read already
            }
            status = node(line, "status");
            ts = node(line, "time");
            sawAgent |= node(line, "agent") != null;
        }
        sawLine = true;
        if (address == null) {
            throw new Malformed("portal.bad_address", null);
        }
        byte[] a = address.getBytes(StandardCharsets.UTF_8);
        hit.addressBytes = a;
        hit.addressFrom = 0;
        hit.addressTo = a.length;
        if (forwarded != null && !forwarded.isEmpty()) {
            byte[] f = forwarded.getBytes(StandardCharsets.UTF_8);
            hit.forwardedBytes = f;
            hit.forwardedFrom = 0;
            hit.forwardedTo = f.length;
        }
        if (agent != null) {
            byte[] g = agent.getBytes(StandardCharsets.UTF_8);
            hit.agentBytes = g;
            hit.agentFrom = 0;
            hit.agentTo = g.length;
        }
        if (method == null && uri != null) {
            method = "GET"; // a log_format without $request_method (Matomo's nginx_json sample): said in the load's note
            assumedGet++;
        }
        if (method == null || uri == null) {
            if (method != null) {
                throw new Malformed("portal.bad_request", null);
            }
            hit.method = "-"; // no request: a connection closed before it, filtered as a method
            hit.extension = null;
        } else if (request == null || !uri.equals(request)) {
            hit.method = method;
            byte[] u = uri.getBytes(StandardCharsets.UTF_8);
            hit.extension = LineBytes.extension(u, 0, u.length);
        }
        hit.status = status(status);
        hit.epochSecond = epochSecond(ts);
        return true;
    }

    private int status(JsonNode s) throws Malformed {
        int v = s == null ? -1 : s.isNumber() ? s.asInt() : parseInt(s.asString(""));
        if (v < 100 || v > 599) {
            throw new Malformed("portal.bad_status", s == null ? null : s.asString(""));
        }
        return v;
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A number is epoch seconds (milliseconds when it is too large for seconds); a string ISO 8601, CLF, or such a number. */
    private long epochSecond(JsonNode t) throws Malformed {
        if (t == null || t.isMissingNode() || t.isNull()) {
            throw new Malformed("portal.bad_time", null);
        }
        if (t.isNumber()) {
            double v = t.asDouble();
            return (long) (v > 1e11 ? v / 1000 : v);
        }
        byte[] s = t.asString("").getBytes(StandardCharsets.ISO_8859_1);
        if (s.length > 0 && LineBytes.isDigit(s[0]) && s.length <= 20 && s.length > 4 && s[4] != '-' && s[2] != '/') {
            return LogTime.msec(s, 0, s.length); // "1360047661.123", as $msec writes it
        }
        if (s.length == 26 && s[2] == '/') {
            return time.clf(s, 0, s.length); // $time_local
        }
        return time.iso(s, 0, s.length, false);
    }

    private JsonNode node(JsonNode line, String field) {
        for (String name : names.get(field)) {
            JsonNode v = line.get(name);
            if (v != null && !v.isNull()) {
                return v;
            }
        }
        return null;
    }

    private String value(JsonNode line, String field) {
        JsonNode v = node(line, field);
        return v == null ? null : text(v);
    }

    private static String text(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return null;
        }
        String s = v.isArray() ? first(v) : v.asString("");
        return s == null || s.isEmpty() || s.equals("-") ? null : s;
    }

    private static String first(JsonNode array) {
        return array.isArray() && !array.isEmpty() ? array.get(0).asString("") : null;
    }

    private static String host(String h) {
        if (h == null) {
            return null;
        }
        int colon = h.lastIndexOf(':');
        String bare = colon > 0 && h.indexOf(':') == colon && h.substring(colon + 1).chars().allMatch(Character::isDigit) ? h.substring(0, colon) : h;
        return bare.toLowerCase(Locale.ROOT);
    }
}
