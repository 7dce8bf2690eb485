package id.sni37122.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 10.3 from Open311 GeoReport v2 answers: the status table decides what a request's last update was. */
class InquiryOpen311Test {

    @TempDir
    Path dir;

    @Test
    void theSpecsJsonExample() throws Exception {
        // The spec page's own GET Service Requests example (connectors' test resources, georeport-v2/README.md says where from).
        String spec;
        try (InputStream in = getClass().getResourceAsStream("/id/sni37122/connectors/inquiry/georeport-v2/requests.json")) {
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (TestCity city = new TestCity(dir)) {
            city.load("inquiries", "requests.json", null, spec);
            IndicatorResult r = city.compute(new InquiryResponseTime(), 2010);
            // 638344 is closed, updated the moment it was requested: 0 h, by closure. 638349 is open: unanswered.
            assertThat(r.denominator()).isEqualTo(1);
            assertThat(r.value()).isEqualTo(0.0);
            assertThat(r.details()).containsEntry("by_closure", 1L).containsEntry("unanswered", 1L);
            assertThat(r.warnings()).contains("warning.all_by_closure", "warning.unanswered");
        }
    }

    @Test
    void fixedAndArchivedAreClosedAcknowledgedOnlyWhenConfigured() throws Exception {
        String json = """
                [
                  {"service_request_id": "F", "status": "fixed", "service_name": "Jalan", "requested_datetime": "2023-03-01T08:00:00+08:00",
                   "updated_datetime": "2023-03-02T08:00:00+08:00"},
                  {"service_request_id": "A", "status": "Archived", "service_name": "Jalan", "requested_datetime": "2023-03-01T08:00:00+08:00",
                   "updated_datetime": "2023-03-03T08:00:00+08:00"},
                  {"service_request_id": "K", "status": "acknowledged", "service_name": "Jalan",
                   "requested_datetime": "2023-03-01T08:00:00+08:00", "updated_datetime": "2023-03-01T10:00:00+08:00"},
                  {"service_request_id": "R", "status": "in review", "service_name": "Jalan", "requested_datetime": "2023-03-01T08:00:00+08:00",
                   "updated_datetime": "2023-03-01T09:00:00+08:00"}
                ]
                """;
        try (TestCity city = new TestCity(dir)) {
            city.load("inquiries", "requests.json", null, json);
            IndicatorResult r = city.compute(new InquiryResponseTime(), 2023);
            // fixed 24 h and archived 48 h are closures; acknowledged is no response by default; "in review" is unknown.
            assertThat(r.denominator()).isEqualTo(2);
            assertThat(r.numerator()).isCloseTo(72.0, within(1e-9));
            assertThat(r.details()).containsEntry("unanswered", 2L).containsEntry("by_closure", 2L)
                    .containsEntry("statuses_unknown", "in review");
            assertThat(r.warnings()).contains("warning.statuses_unknown");

            IndicatorResult configured = city.compute(new InquiryResponseTime(), 2023,
                    Map.of("statuses", Map.of("acknowledged", "response", "In Review", "open")));
            // K answered after 2 h, as a response (not a closure); R open.
            assertThat(configured.denominator()).isEqualTo(3);
            assertThat(configured.numerator()).isCloseTo(74.0, within(1e-9));
            assertThat(configured.details()).containsEntry("by_closure", 2L).containsEntry("unanswered", 1L)
                    .doesNotContainKey("statuses_unknown");
            assertThat(configured.rules().get("statuses").toString()).contains("acknowledged=response");
        }
    }
}
