package id.sni37122.connectors.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What validate says about a table's headers. */
class HeaderPlanTest {

    @Test
    void aFreeTextColumnIsNeverSuggestedAsAResponseTime() {
        // SP4N-LAPOR!'s follow-up history: "Isi Tindak Lanjut" is the follow-up's text, personal and never read;
        // "Tgl Balas" is a date nobody mapped.
        TableReader.Header header = new TableReader.Header(1,
                Map.of("id", "Tracking ID", "responded_at", "Tanggal Tindak Lanjut"),
                List.of("Tracking ID", "Tanggal Tindak Lanjut", "Isi Tindak Lanjut", "Tgl Balas", "Nama Petugas"));
        HeaderPlan plan = HeaderPlan.of(header);
        assertThat(plan.personal()).containsExactly("Isi Tindak Lanjut", "Nama Petugas");
        assertThat(plan.looksLikeTime()).containsExactly("Tgl Balas");
    }
}
