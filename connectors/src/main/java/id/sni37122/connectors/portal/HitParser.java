package id.sni37122.connectors.portal;

/**
 * Reads the lines of one log format family into {@link Hit}s: Apache/Nginx text
 * ({@link CombinedParser}, {@link PatternParser}), W3C extended ({@link W3cParser}) and JSON
 * ({@link JsonLogParser}). One instance per file: a parser may keep state from line to line
 * (a W3C file's {@code #Fields:} header, the last day's midnight).
 */
interface HitParser {

    /**
     * Reads the line at {@code [from, to)} of {@code line}, which holds no control character, into
     * {@code hit}. False for a line that is no hit and no error (a W3C directive).
     */
    boolean parse(byte[] line, int from, int to, Hit hit) throws Malformed;

    /** Whether the lines read so far had a user-agent field; without one robots cannot be told apart. */
    boolean hasAgentField();
}
