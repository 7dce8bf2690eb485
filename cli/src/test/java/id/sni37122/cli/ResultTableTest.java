package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    @AfterEach
    void backToIndonesian() {
        Messages.setLanguage("id");
    }

    /** Counts have no decimals; other numbers all of theirs, so 6,80 lines up under 8,43. */
    @Test
    void numbersInIndonesianAndEnglish() {
        Messages.setLanguage("id");
        assertThat(ResultTable.number(6965.0, 2)).isEqualTo("6.965");
        assertThat(ResultTable.number(6.8, 2)).isEqualTo("6,80");
        assertThat(ResultTable.number(826.5249, 2)).isEqualTo("826,52");
        assertThat(ResultTable.number(0.3, 1)).isEqualTo("0,3");
        assertThat(ResultTable.number(null, 2)).isEqualTo("-");
        Messages.setLanguage("en");
        assertThat(ResultTable.number(6965.0, 2)).isEqualTo("6,965");
        assertThat(ResultTable.number(6.8, 2)).isEqualTo("6.80");
    }
}
