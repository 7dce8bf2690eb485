package id.sni37122.cli;

import id.sni37122.connectors.IngestReport;
import id.sni37122.connectors.Messages;
import id.sni37122.indicators.IndicatorResult;
import java.util.ArrayList;
import java.util.List;

/** The config's data-quality limits; a crossed one turns a finished run's exit code into 3. */
final class QualityThresholds {

    private QualityThresholds() {
    }

    /** @param ingest this run's ingest, or null when nothing was loaded (compute): the rejected share is then not checked */
    static List<String> crossed(CityConfig config, IngestReport ingest, List<IndicatorResult> results) {
        CityConfig.Thresholds t = config.thresholds();
        List<String> out = new ArrayList<>();
        if (t.maxRejectedShare() != null && ingest != null && ingest.rowsRead() > 0) {
            double share = (double) ingest.rowsRejected() / ingest.rowsRead();
            if (share > t.maxRejectedShare()) {
                out.add(Messages.get("cli.threshold_rejected", ResultTable.number(share * 100, 2), ResultTable.number(t.maxRejectedShare() * 100, 2)));
            }
        }
        for (IndicatorResult r : results) {
            if (t.minCoverageShare() != null && r.details().get("coverage_share") instanceof Number share
                    && share.doubleValue() < t.minCoverageShare()) {
                out.add(Messages.get("cli.threshold_coverage", r.year(), ResultTable.number(share.doubleValue() * 100, 1),
                        ResultTable.number(t.minCoverageShare() * 100, 1), r.indicator()));
            }
            if (t.maxUnansweredShare() != null && r.details().get("no_response_files") instanceof String files) {
                // Unanswered because the source cannot say when it answered: the fix is a file, not faster answers.
                out.add(Messages.get("cli.threshold_no_response", r.year(), files));
            } else if (t.maxUnansweredShare() != null && r.details().get("unanswered_share") instanceof Number share
                    && share.doubleValue() > t.maxUnansweredShare()) {
                out.add(Messages.get("cli.threshold_unanswered", r.year(), ResultTable.number(share.doubleValue() * 100, 1),
                        ResultTable.number(t.maxUnansweredShare() * 100, 1)));
            }
        }
        return out;
    }
}
