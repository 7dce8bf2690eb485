package id.sni37122.connectors.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class IndonesianDatesTest {

    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");

    @Test
    void dayFirstSlashWithTimeIsLocal() {
        // 12 March 2023 14:05 WITA = 06:05 UTC
        assertThat(IndonesianDates.parseInstant("12/03/2023 14:05", WITA)).isEqualTo(Instant.parse("2023-03-12T06:05:00Z"));
    }

    @Test
    void dayFirstDashWithoutTime() {
        assertThat(IndonesianDates.parseDate("12-03-2023")).isEqualTo(LocalDate.of(2023, 3, 12));
        assertThat(IndonesianDates.parseInstant("12-03-2023", WITA)).isEqualTo(Instant.parse("2023-03-11T16:00:00Z"));
        assertThat(IndonesianDates.hasTime("12-03-2023")).isFalse();
    }

    @Test
    void indonesianMonthNamesWithDottedTime() {
        assertThat(IndonesianDates.parseInstant("12 Maret 2023 14.05", WITA)).isEqualTo(Instant.parse("2023-03-12T06:05:00Z"));
        assertThat(IndonesianDates.parseDate("1 Agt 2022")).isEqualTo(LocalDate.of(2022, 8, 1));
        assertThat(IndonesianDates.parseDate("30 Nop 2022")).isEqualTo(LocalDate.of(2022, 11, 30));
        assertThat(IndonesianDates.parseDate("5 Des 2023")).isEqualTo(LocalDate.of(2023, 12, 5));
        assertThat(IndonesianDates.parseDate("17 Mei 2023")).isEqualTo(LocalDate.of(2023, 5, 17));
    }

    @Test
    void zoneWordOverridesTheDefaultZone() {
        // 14:05 WIB = 07:05 UTC, whatever zone the source was configured with
        assertThat(IndonesianDates.parseInstant("12/03/2023 14:05 WIB", WITA)).isEqualTo(Instant.parse("2023-03-12T07:05:00Z"));
        assertThat(IndonesianDates.parseInstant("12 Maret 2023 14.05 WIT", WITA)).isEqualTo(Instant.parse("2023-03-12T05:05:00Z"));
    }

    @Test
    void isoWithAndWithoutOffset() {
        assertThat(IndonesianDates.parseInstant("2023-03-12T14:05:00+07:00", WITA)).isEqualTo(Instant.parse("2023-03-12T07:05:00Z"));
        assertThat(IndonesianDates.parseInstant("2023-03-12 14:05:00+0700", WITA)).isEqualTo(Instant.parse("2023-03-12T07:05:00Z"));
        assertThat(IndonesianDates.parseInstant("2023-03-12T14:05:00Z", WITA)).isEqualTo(Instant.parse("2023-03-12T14:05:00Z"));
        assertThat(IndonesianDates.parseInstant("2023-03-12 14:05", WITA)).isEqualTo(Instant.parse("2023-03-12T06:05:00Z"));
        assertThat(IndonesianDates.parseDate("2023-03-12")).isEqualTo(LocalDate.of(2023, 3, 12));
    }

    @Test
    void impossibleDatesAreErrorsNotRolledOver() {
        assertThatThrownBy(() -> IndonesianDates.parseDate("31/02/2023")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IndonesianDates.parseDate("2023-02-30")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IndonesianDates.parseInstant("12/03/2023 25:00", WITA)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IndonesianDates.parseDate("12 Maretz 2023")).isInstanceOf(DateTimeException.class)
                .hasMessageContaining("Maretz");
        assertThatThrownBy(() -> IndonesianDates.parseDate("kemarin")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IndonesianDates.parseDate(" ")).isInstanceOf(DateTimeException.class);
    }

    @Test
    void theCommonFormsReadDigitByDigitMeanWhatThePatternsMean() {
        // ISO local and day-first with slashes skip the regular expressions; neighbours of them still take the patterns.
        assertThat(IndonesianDates.parseInstant("2023-03-12T14:05:09.5", WITA)).isEqualTo(Instant.parse("2023-03-12T06:05:09.500Z"));
        assertThat(IndonesianDates.parseInstant("2023-03-12 14:05:09.123456789", WITA)).isEqualTo(Instant.parse("2023-03-12T06:05:09.123456789Z"));
        assertThat(IndonesianDates.parseInstant("12/03/2023 14:05:09", WITA)).isEqualTo(Instant.parse("2023-03-12T06:05:09Z"));
        assertThat(IndonesianDates.parseInstant("12/03/2023", WITA)).isEqualTo(Instant.parse("2023-03-11T16:00:00Z"));
        assertThat(IndonesianDates.hasTime("12/03/2023")).isFalse();
        assertThat(IndonesianDates.hasTime("2023-03-12 00:00")).isTrue();
        assertThat(IndonesianDates.parseInstant("12/03/2023 14.05", WITA)).isEqualTo(Instant.parse("2023-03-12T06:05:00Z"));
        assertThat(IndonesianDates.parseInstant("12/03/2023 14:05:09,5", WITA)).isEqualTo(Instant.parse("2023-03-12T06:05:09.500Z"));
        assertThat(IndonesianDates.parseInstant("2/3/2023 9:05", WITA)).isEqualTo(Instant.parse("2023-03-02T01:05:00Z"));
        assertThat(IndonesianDates.parseInstant("2023-03-12 14:05:09+07:00", WITA)).isEqualTo(Instant.parse("2023-03-12T07:05:09Z"));
        assertThat(IndonesianDates.parseInstant("12/03/2023 14:05 WIB", WITA)).isEqualTo(Instant.parse("2023-03-12T07:05:00Z"));
        assertThatThrownBy(() -> IndonesianDates.parseDate("2023-13-01")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IndonesianDates.parseInstant("2023-03-12 14:60", WITA)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IndonesianDates.parseInstant("2023-03-12 14:05:09.1234567890", WITA)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IndonesianDates.parseInstant("2023-03-12x14:05", WITA)).isInstanceOf(DateTimeException.class);
    }
}
