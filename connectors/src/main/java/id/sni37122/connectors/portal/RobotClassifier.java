package id.sni37122.connectors.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;
import nl.basjes.parse.useragent.Version;

/**
 * Decides whether a user agent is a robot with Yauaa (nl.basjes.parse.useragent, Apache-2.0),
 * a maintained public classifier. Building it takes seconds, so it is built once per process and
 * only when an agent turns up whose form (see {@link Forms}) no agent in the warehouse has.
 */
final class RobotClassifier {

    /** Named in every 10.1 result, as INDICATORS.md asks. */
    static final String NAME = "Yauaa " + Version.PROJECT_VERSION;

    private static final Set<String> ROBOT_DEVICE = Set.of("Robot", "Robot Mobile", "Robot Imitator", "Hacker");
    private static final Set<String> ROBOT_AGENT = Set.of("Robot", "Robot Mobile", "Hacker", "Special");

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

    /**
     * Classifies on a thread of its own, once the classifier is built (which starts with the first
     * call): a year of logs has thousands of distinct agents at a millisecond or more each, and
     * they are classified while the log is still being parsed.
     */
    static java.util.concurrent.CompletableFuture<Verdict> classifyLater(String agent) {
        if (agent.isBlank() || agent.equals("-")) {
            return java.util.concurrent.CompletableFuture.completedFuture(classify(agent));
        }
        return BUILD.get().thenApplyAsync(analyzer -> classify(agent), CLASSIFYING);
    }

    /**
     * Verdicts by form, in front of Yauaa: an agent's form is its text with every run of digits
     * read as one digit, so a browser's or robot's next version has the form of the last. A new
     * agent whose form has a verdict (from the warehouse, or earlier in this load) takes that
     * verdict, and Yauaa is built only for a form never seen: a nightly run meets new agents every
     * day (browsers update daily), rarely a new form. Agents of one form get one verdict from Yauaa:
     * checked on the bench log's 3 263 agents (274 forms) and the real logs' 558 (349 forms) by
     * RobotFormsTest, which compares every agent's verdict with Yauaa's own.
     */
    static final class Forms {
        private final List<String> knownAgents = new ArrayList<>();
        private final List<Verdict> knownVerdicts = new ArrayList<>();
        private Map<String, java.util.concurrent.CompletableFuture<Verdict>> byForm;

        /** An agent classified before (kept in the warehouse). */
        void add(String agent, Verdict verdict) {
            knownAgents.add(agent);
            knownVerdicts.add(verdict);
        }

        /** The verdict of this agent's form, or Yauaa's for it when the form is new. */
        java.util.concurrent.CompletableFuture<Verdict> classifyLater(String agent) {
            if (byForm == null) {
                // Forms of the known agents are worked out only once a new agent turns up.
                byForm = new HashMap<>();
                for (int i = 0; i < knownAgents.size(); i++) {
                    byForm.putIfAbsent(form(knownAgents.get(i)), java.util.concurrent.CompletableFuture.completedFuture(knownVerdicts.get(i)));
                }
            }
            return byForm.computeIfAbsent(form(agent), f -> RobotClassifier.classifyLater(agent));
        }

        static String form(String agent) {
            StringBuilder b = new StringBuilder(agent.length());
            boolean digits = false;
            for (int i = 0; i < agent.length(); i++) {
                char c = agent.charAt(i);
                boolean digit = c >= '0' && c <= '9';
                if (!digit || !digits) {
                    b.append(digit ? '0' : c);
                }
                digits = digit;
            }
            return b.toString();
        }
    }

    /** One thread: the analyzer serialises its calls anyway. */
    private static final java.util.concurrent.Executor CLASSIFYING = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sni37122-agents");
        t.setDaemon(true);
        return t;
    });

    private static final java.util.function.Supplier<java.util.concurrent.CompletableFuture<UserAgentAnalyzer>> BUILD =
            new java.util.function.Supplier<>() {
                private java.util.concurrent.CompletableFuture<UserAgentAnalyzer> future;

                @Override
                public synchronized java.util.concurrent.CompletableFuture<UserAgentAnalyzer> get() {
                    if (future == null) {
                        future = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                            keepOutOfOptimisingCompiler();
                            return UserAgentAnalyzer.newBuilder().hideMatcherLoadStats().withCache(0).withField(UserAgent.DEVICE_CLASS)
                                    .withField(UserAgent.AGENT_CLASS).dropTests().immediateInitialization().build();
                        }, CLASSIFYING);
                    }
                    return future;
                }
            };

    /**
     * Yauaa's own code; this class's, whose lambdas would take Yauaa inlined along; the TreeMaps
     * its matchers are made of; and no Yauaa inlined into the CompletableFuture code that runs the
     * classifications (C2 compiled three such copies, 2 s of compiling). Beside Yauaa's own, these took
     * a further 2-3 CPU-s off a first load of the bench log (three side-by-side pairs).
     */
    private static final String DIRECTIVES = """
            [{match: ["nl/basjes/*.*", "id/sni37122/connectors/portal/RobotClassifier*.*", "java/util/TreeMap*.*"], c2: {Exclude: true}},
             {match: ["java/util/concurrent/CompletableFuture*.*"], c2: {inline: ["-nl/basjes/*.*", "-id/sni37122/connectors/portal/RobotClassifier*.*"]}}]
            """;

    /**
     * Asks HotSpot not to compile Yauaa with its optimising (C2) compiler. Each distinct agent goes
     * through Yauaa once, so C2 spends more CPU compiling its large rule engine than the compiled
     * code gives back: over 3 266 agents the process used 17 CPU-seconds with C2 and 9 without,
     * a core freed for parsing on a two-core server. Other JVMs, or a JVM without the management
     * module, simply keep their defaults.
     */
    private static void keepOutOfOptimisingCompiler() {
        try {
            java.nio.file.Path directives = java.nio.file.Files.createTempFile("sni37122-jit", ".json");
            try {
                java.nio.file.Files.writeString(directives, DIRECTIVES);
                java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                        new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                        new Object[] {new String[] {directives.toString()}}, new String[] {String[].class.getName()});
            } finally {
                java.nio.file.Files.deleteIfExists(directives);
            }
        } catch (Exception | LinkageError e) {
            // only slower
        }
    }

    private static UserAgentAnalyzer analyzer() {
        return BUILD.get().join();
    }
}
