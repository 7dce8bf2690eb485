package id.sni37122.connectors.portal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data a user agent can carry (an app that puts its user's e-mail, phone or NIK in its
 * agent, a proxy that appends the client's address), taken out before the agent is stored and its
 * key hashed. The classifier has seen the agent whole before this: robots are told by their text.
 * Version numbers stay: an address or number written right after a slash or a dot
 * ({@code Chrome/120.0.0.0}, {@code Build/TP1A.220624.014}) is a version, not personal data.
 */
final class AgentPrivacy {

    private static final Pattern PERSONAL = Pattern.compile(String.join("|",
            "(?<email>[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)",
            "(?<ipv4>(?<![\\w./])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\w.]))",
            "(?<ipv6>(?<![\\w:./])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\\w:]))",
            // a phone number or NIK: ten digits or more, maybe written in groups (+62 812-3456-7890, (021) 555 1234)
            "(?<number>(?<![\\w./])\\+?\\(?\\d[\\d() -]{8,}\\d(?![\\w.]))"));

    private AgentPrivacy() {
    }

    /** {@code agent} without its personal data, each piece replaced by what it was ({@code <email>}, …); the same instance when it has none. */
    static String strip(String agent) {
        Matcher m = PERSONAL.matcher(agent);
        StringBuilder out = null;
        int at = 0;
        while (m.find()) {
            String kind = m.group("email") != null ? "email" : m.group("ipv4") != null ? "ip" : m.group("ipv6") != null ? "ip" : "number";
            if (kind.equals("number") && m.group().chars().filter(Character::isDigit).count() < 10) {
                continue; // short groups of digits: a build or a screen size, not a phone
            }
            if (m.group("ipv6") != null && VisitorAddress.AddressForms.ipv6(m.group()) == null) {
                continue; // colons, but no address (a time of day)
            }
            if (out == null) {
                out = new StringBuilder(agent.length());
            }
            out.append(agent, at, m.start()).append('<').append(kind).append('>');
            at = m.end();
        }
        return out == null ? agent : out.append(agent, at, agent.length()).toString();
    }
}
