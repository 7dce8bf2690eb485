package id.sni37122.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DowntimePerIncidentTest {

    @TempDir
    Path dir;

    private static final String REGISTER = "id,asset,started_at,ended_at,cause,planned\n";
    private static final String CHECKS = "monitor,time,status\n";

    @Test
    void workedExampleSixHoursOverThreeIncidentsIsTwoHours() throws Exception {
        try (TestCity city = new TestCity(dir)) {
            city.load("incidents", "insiden.csv", null, REGISTER
                    + "1,Server,2023-01-10T01:00:00+08:00,2023-01-10T02:00:00+08:00,listrik,Tidak\n"
                    + "2,Jaringan,2023-02-10T01:00:00+08:00,2023-02-10T03:00:00+08:00,ISP,Tidak\n"
                    + "3,Server,2023-03-10T01:00:00+08:00,2023-03-10T04:00:00+08:00,pemeliharaan,Ya\n");
            IndicatorResult r = city.compute(new DowntimePerIncident(), 2023);
            assertThat(r.numerator()).isEqualTo(6);
            assertThat(r.denominator()).isEqualTo(3);
            assertThat(r.value()).isEqualTo(2);
            assertThat(r.details()).containsEntry("planned_incidents", 1L).containsEntry("planned_hours", 3.0);
        }
    }

    @Test
    void overlappingOutagesAreOneIncidentAndTheRegisterAndMonitorAreNotCountedTwice() throws Exception {
        try (TestCity city = new TestCity(dir)) {
            city.load("incidents", "insiden.csv", null, REGISTER
                    // 10:00-12:00 power cut takes the server and the network down together (overlap 11:00-12:00).
                    + "1,Server,2023-05-01T10:00:00+08:00,2023-05-01T12:00:00+08:00,listrik,Tidak\n"
                    + "2,Jaringan,2023-05-01T11:00:00+08:00,2023-05-01T13:00:00+08:00,listrik,Tidak\n"
                    // Still open: left out and reported.
                    + "3,Email,2023-12-30T10:00:00+08:00,,perangkat keras,Tidak\n");
            // The monitor saw the same power cut (10:30-11:30): inside the union, not a new incident.
            city.load("heartbeats", "heartbeat.csv", null, CHECKS
                    + "Portal,2023-05-01T10:25:00+08:00,up\n"
                    + "Portal,2023-05-01T10:30:00+08:00,down\n"
                    + "Portal,2023-05-01T11:30:00+08:00,up\n");
            IndicatorResult grouped = city.compute(new DowntimePerIncident(), 2023);
            assertThat(grouped.denominator()).isEqualTo(1);
            assertThat(grouped.numerator()).isEqualTo(3); // 10:00-13:00
            assertThat(grouped.details()).containsEntry("open_incidents", 1L);
            assertThat(grouped.warnings()).contains("warning.open_incidents");

            IndicatorResult perAsset = city.compute(new DowntimePerIncident(), 2023, Map.of("group_overlapping", false));
            assertThat(perAsset.denominator()).isEqualTo(3);
            assertThat(perAsset.numerator()).isEqualTo(5); // 2 + 2 + 1
        }
    }

    @Test
    void monitorRunsMergeAcrossShortUpSpellsAndBlipsAreDropped() throws Exception {
        try (TestCity city = new TestCity(dir)) {
            city.load("heartbeats", "heartbeat.csv", null, CHECKS
                    // 00:00-00:10 down, up for 3 minutes, 00:13-00:20 down: merged by the 5-minute gap into 00:00-00:20.
                    + "Portal,2023-07-01T00:00:00+08:00,down\n"
                    + "Portal,2023-07-01T00:05:00+08:00,down\n"
                    + "Portal,2023-07-01T00:10:00+08:00,up\n"
                    + "Portal,2023-07-01T00:13:00+08:00,down\n"
                    + "Portal,2023-07-01T00:20:00+08:00,up\n"
                    // A one-minute blip at 06:00.
                    + "Portal,2023-07-01T06:00:00+08:00,down\n"
                    + "Portal,2023-07-01T06:01:00+08:00,up\n");
            IndicatorResult r = city.compute(new DowntimePerIncident(), 2023);
            assertThat(r.denominator()).isEqualTo(2);
            assertThat(r.numerator()).isCloseTo(21.0 / 60, within(1e-9));

            IndicatorResult strict = city.compute(new DowntimePerIncident(), 2023, Map.of("merge_gap", "0s", "min_duration", "2m"));
            assertThat(strict.denominator()).isEqualTo(2); // 00:00-00:10 and 00:13-00:20; the blip is dropped
            assertThat(strict.numerator()).isCloseTo(17.0 / 60, within(1e-9));
        }
    }
}
