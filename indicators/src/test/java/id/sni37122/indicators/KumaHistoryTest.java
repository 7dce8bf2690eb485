package id.sni37122.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.SourceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10.4 from a year of Uptime Kuma heartbeats written the way Kuma writes them ({@link KumaYear},
 * into Kuma's real empty 1.23.17 and 2.0.0 databases) and pruned the way Kuma prunes them.
 *
 * <p>The year 2025, Kota Uji (WITA, UTC+8): [2024-12-31 16:00, 2025-12-31 16:00) UTC, 8 760 hours.
 * Every monitor is checked from the year's first instant; all times below are UTC.
 * <ul>
 *   <li>1 "Portal Satu Data", every 900 s, one retry: fails 03-10 02:00-04:00, so PENDING at 02:00,
 *       DOWN from 02:15, UP at 04:00: 105 min; maintenance 06-01 01:00-03:00: 120 min, planned; fails
 *       11-20 10:00-11:30: PENDING 10:00, DOWN from 10:15 to 11:30: 75 min.</li>
 *   <li>2 "e-Office", every 900 s, its interval edited to 60 s on 12-01 (the monitor table shows
 *       only 60 s), no retries: fails 12-05 06:00-07:00: 60 min.</li>
 *   <li>3 "Portal Satu Data" too (a second monitor of that name, always up): a monitor of its own.</li>
 *   <li>Kuma stopped 08-10 00:00 to 08-12 00:00: 48 hours of no data on each monitor.</li>
 * </ul>
 * The whole year: 4 incidents, 105 + 120 + 75 + 60 = 360 min, 90 min = 1.5 h per incident;
 * each monitor watched 8 760 - 48 = 8 712 hours, coverage 8 712 / 8 760.
 */
class KumaHistoryTest {

    static final String FROM = "2024-12-31T16:00:00Z";
    static final String READ = "2026-01-01T00:00:00Z";

    @TempDir
    Path dir;

    static KumaYear year(KumaYear.Release release) {
        return KumaYear.kotaUji(release);
    }

    private static FileOutcome load(TestCity city, String name) throws Exception {
        FileOutcome out = city.load(new SourceSpec("heartbeats", name, city.dir, "uptime-kuma", null, Map.of(), Map.of()));
        assertThat(out.status().loaded()).as(String.valueOf(out.error())).isTrue();
        return out;
    }

    static void assertWholeYear(IndicatorResult r) {
        assertThat(r.denominator()).isEqualTo(4);
        assertThat(r.numerator()).isCloseTo(6.0, within(1e-9));
        assertThat(r.value()).isCloseTo(1.5, within(1e-9));
        assertThat(r.details()).containsEntry("planned_incidents", 1L).containsEntry("open_incidents", 0L)
                .containsEntry("coverage_monitors", 3).containsEntry("data_gaps", 3);
        assertThat((double) r.details().get("data_gap_hours")).isCloseTo(3 * 48.0, within(1e-9));
        // The second "Portal Satu Data" is its own monitor, shown with its key.
        assertThat(r.breakdown("availability").rows()).extracting(row -> row.get(0)).containsExactly(
                "Portal Satu Data [uptime-kuma:1@1718158441]", "e-Office", "Portal Satu Data [uptime-kuma:3@1718158443]");
        assertThat(r.breakdown("incidents").rows()).extracting(row -> row.get(0)).containsExactly(
                LocalDateTime.parse("2025-03-10T10:15"), LocalDateTime.parse("2025-06-01T09:00"), LocalDateTime.parse("2025-11-20T18:15"), LocalDateTime.parse("2025-12-05T14:00"));
    }

    @Test
    void aKuma123DatabaseKeepingEverythingGivesTheWholeYearAndAnEditedIntervalChangesNothing() throws Exception {
        year(KumaYear.Release.V1_23).keepDays(0).write(dir.resolve("kuma.db"), FROM, READ);
        try (TestCity city = new TestCity(dir)) {
            FileOutcome out = load(city, "kuma.db");
            assertThat(out.details()).containsEntry("kuma_version", "1.x").containsEntry("keep_days", 0);
            IndicatorResult r = city.compute(new DowntimePerIncident(), 2025);
            assertWholeYear(r);
            assertThat((double) r.details().get("coverage_share")).isCloseTo(8712.0 / 8760, within(1e-9));
            assertThat(r.details()).containsEntry("kuma_keep_days", 0).doesNotContainKey("kuma_kept_since");
            // Only the Kuma stop is a gap: the 900 s checks before the edit are not read against today's 60 s.
            assertThat(r.breakdown("data_gaps").rows()).extracting(row -> row.get(1)).containsOnly(LocalDateTime.parse("2025-08-10T08:00"));
            // Checks 15 minutes apart are coarser than the default max_step of 5 minutes: said, not hidden.
            assertThat(r.warnings()).containsExactlyInAnyOrder("warning.coverage", "warning.data_gaps", "warning.coarse_step");
            assertThat(r.details()).containsEntry("step_minutes", 15.0);
            assertThat(city.compute(new DowntimePerIncident(), 2025, Map.of("max_step", "15m")).warnings()).doesNotContain("warning.coarse_step");
        }
    }

    @Test
    void aPrunedKuma2DatabaseGivesTheSameYearFromItsStatusChangesAndDailyStats() throws Exception {
        Path file = year(KumaYear.Release.V2).write(dir.resolve("kuma.db"), FROM, READ);
        try (TestCity city = new TestCity(dir)) {
            FileOutcome out = load(city, "kuma.db");
            assertThat(out.details()).containsEntry("kuma_version", "2.x").containsEntry("keep_days", 365);
            // What Kuma kept: each monitor's status changes since 2025-01-01 00:00 and its last day of checks.
            assertThat(out.rowsLoaded()).isLessThan(1440 + 2 * 100 + 20);
            IndicatorResult r = city.compute(new DowntimePerIncident(), 2025);
            assertWholeYear(r);
            // Kuma had deleted everything before 2025-01-01 00:00 UTC (08:00 WITA): 8 hours of each monitor's year.
            assertThat((double) r.details().get("coverage_share")).isCloseTo((8760.0 - 48 - 8) / 8760, within(1e-9));
            assertThat(r.details()).containsEntry("kuma_keep_days", 365).containsEntry("kuma_raw_hours", 24)
                    .containsEntry("kuma_kept_since", "2025-01-01 07:59");
            assertThat(r.warnings()).containsExactlyInAnyOrder("warning.coverage", "warning.data_gaps", "warning.kuma_retention",
                    "warning.coarse_step");
        }
        assertThat(Files.exists(file)).isTrue();
    }

    @Test
    void aKuma123DatabaseOf180DaysCoversHalfTheYearAndSaysSo() throws Exception {
        year(KumaYear.Release.V1_23).write(dir.resolve("kuma.db"), FROM, READ);
        try (TestCity city = new TestCity(dir)) {
            load(city, "kuma.db");
            IndicatorResult r = city.compute(new DowntimePerIncident(), 2025);
            // Kept from 2025-07-05 00:00: only the portal's 75 min and e-Office's 60 min.
            assertThat(r.denominator()).isEqualTo(2);
            assertThat(r.numerator()).isCloseTo(135.0 / 60, within(1e-9));
            // Watched 2025-07-05 00:00 to 12-31 16:00 (179 days and 16 hours) less the 48-hour stop: 4 264 of 8 760 hours.
            assertThat((double) r.details().get("coverage_share")).isCloseTo(4264.0 / 8760, within(1e-9)).isLessThan(0.6);
            assertThat(r.details()).containsEntry("kuma_keep_days", 180).containsEntry("kuma_kept_since", "2025-07-05 07:59");
            assertThat(r.warnings()).contains("warning.coverage", "warning.kuma_retention");
        }
    }

    @Test
    void aLiveDatabaseReadAgainAfterKumaPrunedItKeepsTheYear() throws Exception {
        KumaYear kuma = year(KumaYear.Release.V1_23);
        try (TestCity city = new TestCity(dir)) {
            // Read three times as Kuma (180 days) had it: on 1 June, 1 November and 1 January.
            kuma.write(dir.resolve("kuma.db"), FROM, "2025-06-01T00:00:00Z");
            FileOutcome first = load(city, "kuma.db");
            assertThat(first.status()).isEqualTo(FileOutcome.Status.LOADED);
            kuma.write(dir.resolve("kuma.db"), FROM, "2025-11-01T00:00:00Z");
            FileOutcome second = load(city, "kuma.db");
            assertThat(second.status()).isEqualTo(FileOutcome.Status.APPENDED);
            assertThat(second.note()).contains("tetap tersimpan");
            // 1 June to 1 November: 153 days of 96 checks on each of the three monitors, less Kuma's 48 hours away.
            long beats = 3 * (153 * 96 - 48 * 4);
            assertThat(second.rowsLoaded()).isEqualTo(beats);
            assertThat(second.details().get("already_loaded")).isNotEqualTo(0L);
            kuma.write(dir.resolve("kuma.db"), FROM, READ);
            assertThat(load(city, "kuma.db").status()).isEqualTo(FileOutcome.Status.APPENDED);

            IndicatorResult r = city.compute(new DowntimePerIncident(), 2025);
            assertWholeYear(r);
            assertThat((double) r.details().get("coverage_share")).isCloseTo(8712.0 / 8760, within(1e-9));
            // The first read held 180 days back from 31 May 23:45: the whole year since.
            assertThat(r.warnings()).doesNotContain("warning.kuma_retention");
        }
    }

    @Test
    void twoMonitorsOfOneNameAreNotOneTimeline() throws Exception {
        // Had they been one, the always-up twin's checks would end the portal's outages at its next check.
        year(KumaYear.Release.V1_23).keepDays(0).write(dir.resolve("kuma.db"), FROM, READ);
        try (TestCity city = new TestCity(dir)) {
            load(city, "kuma.db");
            IndicatorResult r = city.compute(new DowntimePerIncident(), 2025);
            List<List<Object>> byAsset = r.breakdown("by_asset").rows();
            assertThat(byAsset).extracting(row -> row.get(0)).containsExactly("Portal Satu Data [uptime-kuma:1@1718158441]", "e-Office");
            assertThat(byAsset.get(0).get(1)).isEqualTo(3L);
            assertThat((double) byAsset.get(0).get(2)).isCloseTo(5.0, within(1e-9)); // 105 + 120 + 75 min
        }
    }

    @Test
    void aReloadOrAChangedSettingRereadsTheDatabaseAndKeepsWhatKumaHasPruned() throws Exception {
        KumaYear kuma = year(KumaYear.Release.V1_23);
        try (TestCity city = new TestCity(dir)) {
            kuma.write(dir.resolve("kuma.db"), FROM, "2025-06-01T00:00:00Z");
            load(city, "kuma.db");
            kuma.write(dir.resolve("kuma.db"), FROM, "2025-11-01T00:00:00Z");
            load(city, "kuma.db");
            // In January Kuma (180 days) holds 5 July 00:00 on; the operator asks for a reload.
            kuma.write(dir.resolve("kuma.db"), FROM, READ);
            FileOutcome reload = city.reload(new SourceSpec("heartbeats", "kuma.db", dir, "uptime-kuma", null, Map.of(), Map.of()));
            assertThat(reload.status()).as(String.valueOf(reload.error())).isEqualTo(FileOutcome.Status.REPLACED);
            // Kept: each monitor's beats from 2024-12-31 16:00 to 2025-07-05 00:00, 185 days and 8 hours of one every 15 minutes.
            long kept = 3L * (185 * 24 + 8) * 4;
            assertThat(reload.details()).containsEntry("kept_from_earlier_loads", kept);
            assertThat(reload.note()).contains("--reload", "53376", "tetap tersimpan");
            assertWholeYear(city.compute(new DowntimePerIncident(), 2025));
            assertThat(beats(city)).isEqualTo(kept + reload.rowsLoaded());

            // A changed read setting reads it again the same way: nothing lost, nothing twice.
            FileOutcome rezoned = city.load(new SourceSpec("heartbeats", "kuma.db", dir, "uptime-kuma", ZoneId.of("Asia/Jakarta"), Map.of(), Map.of()));
            assertThat(rezoned.status()).isEqualTo(FileOutcome.Status.REPLACED);
            assertThat(rezoned.note()).contains("timezone: Asia/Makassar → Asia/Jakarta", "tetap tersimpan");
            assertThat(beats(city)).isEqualTo(kept + reload.rowsLoaded());
            IndicatorResult r = city.compute(new DowntimePerIncident(), 2025);
            assertWholeYear(r);
            assertThat((double) r.details().get("coverage_share")).isCloseTo(8712.0 / 8760, within(1e-9));
        }
    }

    @Test
    void aWarehouseFromBeforeMonitorIdsIsReadOnWithoutAMonitorTwice() throws Exception {
        KumaYear kuma = year(KumaYear.Release.V1_23).keepDays(0);
        try (TestCity city = new TestCity(dir)) {
            kuma.write(dir.resolve("kuma.db"), FROM, "2025-06-01T00:00:00Z");
            load(city, "kuma.db");
            // Before migration 010 a monitor was its name: 010 gave those rows their name as key.
            try (Statement s = city.warehouse.connection().createStatement()) {
                s.executeUpdate("UPDATE heartbeat SET monitor_key = monitor, important = NULL");
            }
            long before = beats(city);
            kuma.write(dir.resolve("kuma.db"), FROM, READ);
            FileOutcome next = load(city, "kuma.db");
            assertThat(next.status()).isEqualTo(FileOutcome.Status.APPENDED);
            // e-Office's rows take its id's key and the read goes on after them; the two monitors named
            // "Portal Satu Data" were one timeline then: kuma.db still holds all of theirs, so they are read again apart.
            assertThat(next.note()).contains("'Portal Satu Data'", "2 monitor");
            assertWholeYear(city.compute(new DowntimePerIncident(), 2025));
            try (Statement s = city.warehouse.connection().createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT monitor_key), "
                         + "(SELECT count(*) FROM (SELECT DISTINCT monitor_key, ts FROM heartbeat)) FROM heartbeat")) {
                r.next();
                assertThat(r.getLong(2)).isEqualTo(3);
                assertThat(r.getLong(1)).as("no heartbeat twice").isEqualTo(r.getLong(3)).isGreaterThan(before);
            }
        }
    }

    private static long beats(TestCity city) throws Exception {
        try (Statement s = city.warehouse.connection().createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM heartbeat")) {
            r.next();
            return r.getLong(1);
        }
    }
}
