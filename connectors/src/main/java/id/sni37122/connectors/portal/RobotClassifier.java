package id.sni37122.connectors.portal;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.ObjectName;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;
import nl.basjes.parse.useragent.Version;

/**
 * Decides whether a user agent is a robot with Yauaa (nl.basjes.parse.useragent, Apache-2.0),
 * a maintained public classifier. Building it takes seconds and a hundred MB, so it is asked for
 * only when an agent turns up whose form (see {@link Forms}) neither the warehouse nor the
 * installation's {@link VerdictCache} knows, at most once per classifier. A {@link PortalConnector}
 * has one for the files of one ingest; after that nothing holds the analyzer but a weak reference,
 * so a {@code run}'s reports do not stack on top of it: the collector takes it back when it needs
 * the room, and until then a next ingest in the same process (the tests') takes it up again.
 */
final class RobotClassifier {

    /** Named in every 10.1 result, as INDICATORS.md asks. */
    static final String NAME = "Yauaa " + Version.PROJECT_VERSION;

    private static final Set<String> ROBOT_DEVICE = Set.of("Robot", "Robot Mobile", "Robot Imitator", "Hacker");
    private static final Set<String> ROBOT_AGENT = Set.of("Robot", "Robot Mobile", "Hacker", "Special");

    /** The last analyzer built, while something else still holds it or the collector has not needed its room. */
    private static final AtomicReference<WeakReference<UserAgentAnalyzer>> LAST = new AtomicReference<>(new WeakReference<>(null));
    /** Classifiers that needed Yauaa (each built it or took up the last one): tests tell a load that needed none. */
    private static final AtomicInteger NEEDED = new AtomicInteger();
    /** The compiler directives are the JVM's, added once. */
    private static final AtomicBoolean DIRECTIVES_ADDED = new AtomicBoolean();

    /** The classification of one agent. */
    record Verdict(String agentClass, boolean robot) {
    }

    /** Yauaa, once asked for: built on the classifying thread (or the last one, still in memory). */
    private CompletableFuture<UserAgentAnalyzer> analyzer;

    /** How many classifiers of this process have needed Yauaa so far (built or taken up). */
    static int needed() {
        return NEEDED.get();
    }

    /** Whether an analyzer built in this process is still in memory. */
    static boolean analyzerInMemory() {
        return LAST.get().get() != null;
    }

    /** Whether the agent is told without Yauaa: a format with a user-agent field left empty. */
    static boolean empty(String agent) {
        return agent.isBlank() || agent.equals("-");
    }

    Verdict classify(String agent) {
        return empty(agent) ? emptyVerdict() : verdict(analyzer().join(), agent);
    }

    /**
     * Classifies on a thread of its own, once the classifier is built (which starts with the first
     * call): a year of logs has thousands of distinct agents at a millisecond or more each, and
     * they are classified while the log is still being parsed.
     */
    CompletableFuture<Verdict> classifyLater(String agent) {
        if (empty(agent)) {
            return CompletableFuture.completedFuture(emptyVerdict());
        }
        return analyzer().thenApplyAsync(a -> verdict(a, agent), CLASSIFYING);
    }

    private static Verdict emptyVerdict() {
        // INDICATORS.md: a format with a user-agent field left empty makes the hit a robot's.
        return new Verdict("Empty", true);
    }

    private static Verdict verdict(UserAgentAnalyzer analyzer, String agent) {
        UserAgent parsed = analyzer.parse(agent);
        String device = parsed.getValue(UserAgent.DEVICE_CLASS);
        String agentClass = parsed.getValue(UserAgent.AGENT_CLASS);
        return new Verdict(device, ROBOT_DEVICE.contains(device) || ROBOT_AGENT.contains(agentClass));
    }

    private synchronized CompletableFuture<UserAgentAnalyzer> analyzer() {
        if (analyzer == null) {
            NEEDED.incrementAndGet();
            UserAgentAnalyzer last = LAST.get().get();
            analyzer = last != null ? CompletableFuture.completedFuture(last) : CompletableFuture.supplyAsync(() -> {
                if (DIRECTIVES_ADDED.compareAndSet(false, true)) {
                    keepOutOfOptimisingCompiler();
                }
                UserAgentAnalyzer built = UserAgentAnalyzer.newBuilder().hideMatcherLoadStats().withCache(0).withField(UserAgent.DEVICE_CLASS)
                        .withField(UserAgent.AGENT_CLASS).dropTests().immediateInitialization().build();
                LAST.set(new WeakReference<>(built));
                return built;
            }, CLASSIFYING);
        }
        return analyzer;
    }

    /**
     * Verdicts by form, in front of Yauaa: an agent's form is its text with every run of digits
     * read as one digit, so a browser's or robot's next version has the form of the last. A new
     * agent whose form has a verdict (from the warehouse, earlier in this load, or the
     * installation's {@link VerdictCache}) takes that verdict, and Yauaa is built only for a form
     * never seen: a nightly run meets new agents every day (browsers update daily), rarely a new
     * form. Agents of one form get one verdict from Yauaa: checked on the bench log's 3 263 agents
     * (274 forms) and the real logs' 558 (349 forms) by RobotFormsTest, which compares every
     * agent's verdict with Yauaa's own.
     */
    static final class Forms {
        private final RobotClassifier classifier;
        /** Null without a cache folder ({@code java -jar}, tests): the warehouse and this load only. */
        private final VerdictCache cache;
        private final List<String> knownAgents = new ArrayList<>();
        private final List<Verdict> knownVerdicts = new ArrayList<>();
        private Map<String, CompletableFuture<Verdict>> byForm;
        /** Forms whose verdict came from the cache, and forms Yauaa classified that the cache may keep. */
        private final Set<String> cachedForms = new HashSet<>();
        private final Map<String, CompletableFuture<Verdict>> classified = new LinkedHashMap<>();
        /** New agents that took a verdict from the cache. */
        long fromCache;

        Forms(RobotClassifier classifier, VerdictCache cache) {
            this.classifier = classifier;
            this.cache = cache;
        }

        /** An agent classified before (kept in the warehouse). */
        void add(String agent, Verdict verdict) {
            knownAgents.add(agent);
            knownVerdicts.add(verdict);
        }

        /** The verdict of this agent's form, or Yauaa's for it when the form is new. */
        CompletableFuture<Verdict> classifyLater(String agent) {
            if (byForm == null) {
                // Forms of the known agents are worked out only once a new agent turns up.
                byForm = new HashMap<>();
                for (int i = 0; i < knownAgents.size(); i++) {
                    byForm.putIfAbsent(form(knownAgents.get(i)), CompletableFuture.completedFuture(knownVerdicts.get(i)));
                }
            }
            String form = form(agent);
            CompletableFuture<Verdict> verdict = byForm.get(form);
            if (verdict == null) {
                String key = cache == null ? null : VerdictCache.keyOf(agent);
                Verdict cached = key != null ? cache.get(key) : null;
                if (cached != null) {
                    verdict = CompletableFuture.completedFuture(cached);
                    cachedForms.add(form);
                } else {
                    verdict = classifier.classifyLater(agent);
                    if (key != null) {
                        classified.put(key, verdict);
                    }
                }
                byForm.put(form, verdict);
            }
            if (cachedForms.contains(form)) {
                fromCache++;
            }
            return verdict;
        }

        /** Hands the cache the forms Yauaa classified in this load, once their verdicts are in, and has it written. */
        void keep() {
            if (cache == null || classified.isEmpty()) {
                return;
            }
            classified.forEach((form, verdict) -> cache.add(form, verdict.join()));
            classified.clear();
            cache.save();
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
    private static final Executor CLASSIFYING = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sni37122-agents");
        t.setDaemon(true);
        return t;
    });

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
            Path directives = Files.createTempFile("sni37122-jit", ".json");
            try {
                Files.writeString(directives, DIRECTIVES);
                ManagementFactory.getPlatformMBeanServer().invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                        new Object[] {new String[] {directives.toString()}}, new String[] {String[].class.getName()});
            } finally {
                Files.deleteIfExists(directives);
            }
        } catch (Exception | LinkageError e) {
            // only slower
        }
    }

}
