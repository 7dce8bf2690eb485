package id.sni37122.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.SharedData;
import id.sni37122.connectors.SourceSpec;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 10.3 on real complaint exports nobody here wrote, read in place from {@code ../shared/data/real}. */
class InquiryResponseTimeRealDataTest {

    private static final CityContext NEW_YORK = new CityContext("nyc", "New York City", ZoneId.of("America/New_York"));

    @TempDir
    Path dir;

    /**
     * 999 real NYC 311 requests of 2011 (tuplex/tuplex's test resource). The expected figures are what
     * the independent script {@code src/test/resources/id/sni37122/indicators/nyc311_2011_by_closure.py}
     * prints (Python's csv, datetime and zoneinfo; its docstring gives the rules it applies):
     * records=999 answered=989 unanswered=10, numerator_hours=144410.645, value_days=6.084034588810245,
     * median_days=0.19980324074074074, p90_days=20.200150462962963.
     */
    @Test
    void nyc311SampleOf2011ByClosedDate() throws Exception {
        Path file = SharedData.require("data/real/nyc311/311_nyc_sample.csv");
        try (TestCity city = new TestCity(dir, NEW_YORK)) {
            FileOutcome outcome = city.load(new SourceSpec("inquiries", file.toString(), dir, "csv311", null, Map.of(), Map.of()));
            assertThat(outcome.error()).isNull();
            assertThat(outcome.rowsRead()).isEqualTo(999);
            assertThat(outcome.rowsRejected()).isZero();
            IndicatorResult r = city.compute(new InquiryResponseTime(), 2011);
            assertThat(r.denominator()).isEqualTo(989);
            assertThat(r.numerator()).isCloseTo(144410.645, within(1e-6));
            assertThat(r.value()).isCloseTo(6.084034588810245, within(1e-9));
            assertThat((Double) r.details().get("median_days")).isCloseTo(0.19980324074074074, within(1e-9));
            assertThat((Double) r.details().get("p90_days")).isCloseTo(20.200150462962963, within(1e-9));
            assertThat(r.details()).containsEntry("records", 999).containsEntry("unanswered", 10L).containsEntry("by_closure", 989L)
                    .containsEntry("excluded_emergency", 0L);
            // Every answer is a closure: the report says the figure is time to closure, not to first response.
            assertThat(r.warnings()).contains("warning.all_by_closure").doesNotContain("warning.by_closure");
        }
    }
}
