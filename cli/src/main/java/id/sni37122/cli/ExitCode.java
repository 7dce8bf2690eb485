package id.sni37122.cli;

/** Exit codes, for cron and scripts. */
public final class ExitCode {
    /** All good. */
    public static final int OK = 0;
    /** The run failed (a source could not be loaded, a report could not be written). */
    public static final int FAILED = 1;
    /** Bad usage or a bad config: nothing was done. */
    public static final int USAGE = 2;
    /** Finished, but data-quality thresholds from the config were crossed. */
    public static final int DATA_QUALITY = 3;
    /** Another run holds the warehouse. */
    public static final int BUSY = 4;

    private ExitCode() {
    }
}
