package id.sni37122.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.SourceSpec;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.time.LocalDateTime;
import java.util.List;
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

    private FileOutcome loadKuma(TestCity city) throws Exception {
        FileOutcome out = city.load(new SourceSpec("heartbeats", "kuma.db", dir, null, null, Map.of(), Map.of()));
        assertThat(out.status()).as(String.valueOf(out.error())).isEqualTo(FileOutcome.Status.LOADED);
        return out;
    }

    private static List<List<Object>> rows(IndicatorResult r, String breakdown) {
        return r.breakdown(breakdown).rows();
    }

    @Test
    void kumaMaintenanceIsPlannedDowntimeAndPendingIsNeitherUpNorDown() throws Exception {
        try (KumaDb kuma = new KumaDb(dir.resolve("kuma.db"))) {
            // Checked every 60 s from 02:00 UTC (10:00 WITA), one letter a minute:
            //   02:00 U U D D P D D U U M M M M U P P P P P U D D 02:21
            // - down 02:02 to the first up at 02:07 = 5 min; the pending check at 02:04 neither ends nor breaks it;
            // - maintenance 02:09 to the first other check at 02:13 = 4 min, planned; 2 min after the outage but of
            //   another kind, so not merged with it;
            // - five pending checks 02:14-02:18: no outage, and the monitor was reporting, so no data gap;
            // - down again from 02:20 and still down at the last check (02:21): open, left out, reported.
            kuma.monitor(1, "Portal Satu Data", 60).beats(1, "2023-08-01 02:00:00", 60, "UUDDPDDUUMMMMUPPPPPUDD");
        }
        try (TestCity city = new TestCity(dir)) {
            loadKuma(city);
            Map<String, Long> byStatus = new java.util.TreeMap<>();
            try (Statement s = city.warehouse.connection().createStatement();
                 ResultSet q = s.executeQuery("SELECT status, count(*) FROM heartbeat GROUP BY status")) {
                while (q.next()) {
                    byStatus.put(q.getString(1), q.getLong(2));
                }
            }
            assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of("up", 6L, "down", 6L, "pending", 6L, "maintenance", 4L));

            IndicatorResult r = city.compute(new DowntimePerIncident(), 2023);
            assertThat(r.denominator()).isEqualTo(2);
            assertThat(r.numerator()).isCloseTo(9.0 / 60, within(1e-9)); // 5 + 4 min
            assertThat(r.value()).isCloseTo(4.5 / 60, within(1e-9));
            assertThat(r.details()).containsEntry("planned_incidents", 1L).containsEntry("unplanned_incidents", 1L)
                    .containsEntry("open_incidents", 1L).containsEntry("data_gaps", 0);
            assertThat((double) r.details().get("planned_hours")).isCloseTo(4.0 / 60, within(1e-9));
            // Kuma 1.23 keeps 180 days unless told otherwise: nothing before February was left when it was read.
            assertThat(r.warnings()).containsExactly("warning.coverage", "warning.kuma_retention", "warning.open_incidents");
            // One monitor watched 21 minutes of the year's 8 760 hours.
            assertThat((double) r.details().get("coverage_share")).isCloseTo(21.0 / 60 / 8760, within(1e-12));
            // Watched 02:00-02:21 = 21 min; down 5 + 4 + the open one's minute up to its last check = 10 min,
            // 4 of them planned; available 11 of 21 minutes = 52.38 %.
            List<Object> portal = rows(r, "availability").get(0);
            assertThat(portal.get(0)).isEqualTo("Portal Satu Data");
            assertThat((double) portal.get(1)).isCloseTo(21.0 / 60, within(1e-9));
            assertThat((double) portal.get(2)).isCloseTo(10.0 / 60, within(1e-9));
            assertThat((double) portal.get(3)).isCloseTo(4.0 / 60, within(1e-9));
            assertThat((double) portal.get(4)).isCloseTo(100.0 * 11 / 21, within(1e-9));
        }
    }

    @Test
    void outagesOnThreeAssetsFromRegisterKumaAndPrometheusThatOverlapAreOneIncident() throws Exception {
        try (KumaDb kuma = new KumaDb(dir.resolve("kuma.db"))) {
            // Portal, every 5 min from 02:30 UTC: up, down from 02:35, up again at 03:35 = 60 min.
            kuma.monitor(1, "Portal Satu Data", 300).beats(1, "2023-05-01 02:30:00", 300, "UDDDDDDDDDDDDU");
        }
        try (TestCity city = new TestCity(dir)) {
            // The server, 10:00-11:00 WITA = 02:00-03:00 UTC: 60 min.
            city.load("incidents", "insiden.csv", null, REGISTER
                    + "1,Server Data Center,2023-05-01T10:00:00+08:00,2023-05-01T11:00:00+08:00,pemadaman listrik,Tidak\n");
            loadKuma(city);
            // The core switch in Prometheus, every 10 min: down from 03:10 UTC (1682910600) to the up at 03:50 = 40 min.
            city.load("heartbeats", "jaringan.json", null, """
                    {"status":"success","data":{"resultType":"matrix","result":[
                      {"metric":{"__name__":"probe_success","instance":"core-switch","job":"blackbox_icmp"},
                       "values":[[1682910000,"1"],[1682910600,"0"],[1682911200,"0"],[1682911800,"0"],[1682912400,"0"],[1682913000,"1"]]}
                    ]}}
                    """);
            // 02:00-03:00, 02:35-03:35 and 03:10-03:50 chain into one incident 02:00-03:50 = 110 min.
            IndicatorResult grouped = city.compute(new DowntimePerIncident(), 2023);
            assertThat(grouped.denominator()).isEqualTo(1);
            assertThat(grouped.numerator()).isCloseTo(110.0 / 60, within(1e-9));
            assertThat(rows(grouped, "incidents")).containsExactly(List.of(local("2023-05-01 10:00"), local("2023-05-01 11:50"),
                    "Portal Satu Data, Server Data Center, core-switch", "pemadaman listrik", "unplanned", "register+monitor", 110.0 / 60));

            IndicatorResult perAsset = city.compute(new DowntimePerIncident(), 2023, Map.of("group_overlapping", false));
            assertThat(perAsset.denominator()).isEqualTo(3);
            assertThat(perAsset.numerator()).isCloseTo(160.0 / 60, within(1e-9)); // 60 + 60 + 40
        }
    }

    @Test
    void aMonitorThatStopsReportingHasADataGapNotDowntime() throws Exception {
        try (KumaDb kuma = new KumaDb(dir.resolve("kuma.db"))) {
            // Kuma checks every 60 s (its interval): up, up, down 00:02, down 00:03, then nothing until 02:00 UTC.
            // 117 min of silence > 3 x 60 s: the last check stands for one interval, so the outage is 00:02-00:04
            // (2 min, not 118) and the gap 00:04-02:00 (116 min) = 08:04-10:00 WITA.
            kuma.monitor(1, "Server Email", 60)
                    .beats(1, "2023-10-02 00:00:00", 60, "UUDD")
                    .beats(1, "2023-10-02 02:00:00", 60, "UU");
        }
        try (TestCity city = new TestCity(dir)) {
            loadKuma(city);
            // The CSV gives no interval: the median time between checks is 10 min (10, 10, 10, 90, 10, 10), so the
            // 90 min silence after 08:30 is a gap 08:40-10:00 (80 min). Down 08:20-08:40 (20 min) before it; down again
            // at 10:00, up at 10:10 (10 min) after it: two outages, not one run across the gap.
            city.load("heartbeats", "heartbeat.csv", null, CHECKS
                    + "Portal,2023-10-03T08:00:00+08:00,up\n"
                    + "Portal,2023-10-03T08:10:00+08:00,up\n"
                    + "Portal,2023-10-03T08:20:00+08:00,down\n"
                    + "Portal,2023-10-03T08:30:00+08:00,down\n"
                    + "Portal,2023-10-03T10:00:00+08:00,down\n"
                    + "Portal,2023-10-03T10:10:00+08:00,up\n"
                    + "Portal,2023-10-03T10:20:00+08:00,up\n");
            IndicatorResult r = city.compute(new DowntimePerIncident(), 2023);
            assertThat(r.denominator()).isEqualTo(3);
            assertThat(r.numerator()).isCloseTo(32.0 / 60, within(1e-9)); // 2 + 20 + 10 min
            assertThat(r.details()).containsEntry("data_gaps", 2);
            assertThat((double) r.details().get("data_gap_hours")).isCloseTo(196.0 / 60, within(1e-9));
            assertThat(r.warnings()).containsExactly("warning.coverage", "warning.coarse_step", "warning.kuma_retention", "warning.data_gaps");
            // Two monitors watched 60 + 5 minutes of 2 x 8 760 hours; Portal's checks are 10 minutes apart.
            assertThat((double) r.details().get("coverage_share")).isCloseTo(65.0 / 60 / (2 * 8760), within(1e-12));
            assertThat(r.details()).containsEntry("step_minutes", 10.0).containsEntry("step_monitor", "Portal");
            assertThat(rows(r, "data_gaps")).containsExactly(
                    List.of("Portal", local("2023-10-03 08:40"), local("2023-10-03 10:00"), 80.0 / 60),
                    List.of("Server Email", local("2023-10-02 08:04"), local("2023-10-02 10:00"), 116.0 / 60));
            // Portal watched 08:00-08:40 and 10:00-10:20 = 60 min, 30 down: 50 %. Email watched 00:00-00:04 and
            // 02:00-02:01 = 5 min, 2 down: 60 %.
            List<List<Object>> availability = rows(r, "availability");
            assertThat(availability).extracting(row -> row.get(0)).containsExactly("Portal", "Server Email");
            assertThat((double) availability.get(0).get(4)).isCloseTo(50.0, within(1e-9));
            assertThat((double) availability.get(1).get(1)).isCloseTo(5.0 / 60, within(1e-9));
            assertThat((double) availability.get(1).get(4)).isCloseTo(60.0, within(1e-9));

            // However wide merge_gap is, it does not join outages across a gap.
            IndicatorResult wide = city.compute(new DowntimePerIncident(), 2023, Map.of("merge_gap", "3h"));
            assertThat(wide.denominator()).isEqualTo(3);
            // Tolerating silences up to 200 intervals (Email: 200 min > 117; Portal: 2000 min > 90), the runs go on
            // through the silence: Portal 08:20-10:10 and Email 00:02-02:00, 110 + 118 min over 2 incidents.
            IndicatorResult tolerant = city.compute(new DowntimePerIncident(), 2023, Map.of("gap_intervals", 200));
            assertThat(tolerant.denominator()).isEqualTo(2);
            assertThat(tolerant.numerator()).isCloseTo(228.0 / 60, within(1e-9));
        }
    }

    @Test
    void anIncidentBelongsToTheLocalYearItStarted() throws Exception {
        try (KumaDb kuma = new KumaDb(dir.resolve("kuma.db"))) {
            // Kuma writes UTC: down at 23:30 on 31 December 2023 UTC is 07:30 on 1 January 2024 WITA, so it is a
            // 2024 incident; up again at 00:00 UTC: 30 min.
            kuma.monitor(1, "Portal Satu Data", 300).beats(1, "2023-12-31 23:20:00", 300, "UUDDDDDDU");
        }
        try (TestCity city = new TestCity(dir)) {
            // 23:30 WITA on 31 December 2023 to 00:30 on 1 January: a 2023 incident, all of its hour.
            city.load("incidents", "insiden.csv", null, REGISTER
                    + "1,Server Data Center,2023-12-31T23:30:00+08:00,2024-01-01T00:30:00+08:00,pemadaman listrik,Tidak\n");
            loadKuma(city);
            assertThat(new DowntimePerIncident().years(city.warehouse.connection(), TestCity.CITY)).containsExactly(2023, 2024);

            IndicatorResult y2023 = city.compute(new DowntimePerIncident(), 2023);
            assertThat(y2023.denominator()).isEqualTo(1);
            assertThat(y2023.numerator()).isEqualTo(1.0);
            assertThat(rows(y2023, "monthly").get(11)).containsExactly(12, 1L, 1.0, 1.0);
            assertThat(rows(y2023, "availability")).isEmpty(); // the monitor's first check is in 2024, local time

            IndicatorResult y2024 = city.compute(new DowntimePerIncident(), 2024);
            assertThat(y2024.denominator()).isEqualTo(1);
            assertThat(y2024.numerator()).isEqualTo(0.5);
            assertThat(rows(y2024, "monthly").get(0)).containsExactly(1, 1L, 0.5, 0.5);
        }
    }

    @Test
    void aPrometheusYearAtAOneHourStepSaysItsStep() throws Exception {
        try (TestCity city = new TestCity(dir)) {
            // A year queried in one range query can be no finer than about 48 minutes: here 1 hour.
            // 1688169600 = 2023-07-01 00:00 UTC; down at 02:00 and 03:00, up at 04:00: 2 hours, as far as an hourly sample can tell.
            city.load("heartbeats", "tahun.json", null, """
                    {"status":"success","data":{"resultType":"matrix","result":[
                      {"metric":{"__name__":"probe_success","instance":"https://data.kota.go.id","job":"blackbox_http"},
                       "values":[[1688169600,"1"],[1688173200,"1"],[1688176800,"0"],[1688180400,"0"],[1688184000,"1"],[1688187600,"1"]]}
                    ]}}
                    """);
            IndicatorResult r = city.compute(new DowntimePerIncident(), 2023);
            assertThat(r.denominator()).isEqualTo(1);
            assertThat(r.numerator()).isEqualTo(2.0);
            assertThat(r.warnings()).contains("warning.coarse_step");
            assertThat(r.details()).containsEntry("step_minutes", 60.0).containsEntry("step_monitor", "https://data.kota.go.id");
            // A coarser limit accepts it.
            assertThat(city.compute(new DowntimePerIncident(), 2023, Map.of("max_step", "1h")).warnings()).doesNotContain("warning.coarse_step");
        }
    }

    /** Incident and gap times are local wall-clock times (the report labels the zone). */
    private static LocalDateTime local(String text) {
        return LocalDateTime.parse(text.replace(' ', 'T'));
    }
}
