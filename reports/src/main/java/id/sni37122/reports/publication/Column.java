package id.sni37122.reports.publication;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of the results CSV, in order, with their English and Indonesian headers. The
 * headers are the file's contract with other programs: the reader takes either language.
 */
enum Column {
    CITY("city", "kota"),
    CITY_NAME("city_name", "nama_kota"),
    TIME_ZONE("time_zone", "zona_waktu"),
    YEAR("year", "tahun"),
    INDICATOR("indicator", "indikator"),
    INDICATOR_NAME("indicator_name", "nama_indikator"),
    VALUE("value", "nilai"),
    UNIT("unit", "satuan"),
    NUMERATOR("numerator", "pembilang"),
    NUMERATOR_UNIT("numerator_unit", "satuan_pembilang"),
    DENOMINATOR("denominator", "penyebut"),
    DENOMINATOR_UNIT("denominator_unit", "satuan_penyebut"),
    COVERAGE("coverage", "cakupan"),
    WARNINGS("warnings", "peringatan"),
    WARNING_TEXTS("warning_texts", "teks_peringatan"),
    RULES("rules", "aturan"),
    SOURCES("sources", "berkas_sumber"),
    TOOL_VERSION("tool_version", "versi_alat"),
    COMPUTED_AT("computed_at", "dihitung_pada"),
    CONTENT_SHA256("content_sha256", "sha256_isi");

    /** Between warning keys and between warning texts in one cell. */
    static final String LIST_SEPARATOR = " | ";

    final String english;
    final String indonesian;

    Column(String english, String indonesian) {
        this.english = english;
        this.indonesian = indonesian;
    }

    String header(boolean english) {
        return english ? this.english : indonesian;
    }

    static List<String> headers(boolean english) {
        return Arrays.stream(values()).map(c -> c.header(english)).toList();
    }
}
