package id.sni37122.connectors.portal;

import java.util.Set;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;
import nl.basjes.parse.useragent.Version;

/**
 * Decides whether a user agent is a robot with Yauaa (nl.basjes.parse.useragent, Apache-2.0),
 * a maintained public classifier. Building it takes seconds, so it is built once per process and
 * only when an agent not yet in the warehouse turns up.
 */
final class RobotClassifier {

    /** Named in every 10.1 result, as INDICATORS.md asks. */
    static final String NAME = "Yauaa " + Version.PROJECT_VERSION;

    private static final Set<String> ROBOT_DEVICE = Set.of("Robot", "Robot Mobile", "Robot Imitator", "Hacker");
    private static final Set<String> ROBOT_AGENT = Set.of("Robot", "Robot Mobile", "Hacker", "Special");

    private static volatile UserAgentAnalyzer analyzer;

    /** The classification of one agent. */
    record Verdict(String agentClass, boolean robot) {
    }

    private RobotClassifier() {
    }

    static Verdict classify(String agent) {
        if (agent.isBlank() || agent.equals("-")) {
            // INDICATORS.md: a format with a user-agent field left empty makes the hit a robot's.
            return new Verdict("Empty", true);
        }
        UserAgent parsed = analyzer().parse(agent);
        String device = parsed.getValue(UserAgent.DEVICE_CLASS);
        String agentClass = parsed.getValue(UserAgent.AGENT_CLASS);
        return new Verdict(device, ROBOT_DEVICE.contains(device) || ROBOT_AGENT.contains(agentClass));
    }

    private static UserAgentAnalyzer analyzer() {
        if (analyzer == null) {
            synchronized (RobotClassifier.class) {
                if (analyzer == null) {
                    analyzer = UserAgentAnalyzer.newBuilder().hideMatcherLoadStats().withCache(0)
                            .withField(UserAgent.DEVICE_CLASS).withField(UserAgent.AGENT_CLASS).immediateInitialization().build();
                }
            }
        }
        return analyzer;
    }
}
