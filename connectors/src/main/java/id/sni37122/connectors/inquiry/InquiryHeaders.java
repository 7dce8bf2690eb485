package id.sni37122.connectors.inquiry;

import id.sni37122.connectors.table.TableOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The headers each inquiry format is known by. Only these fields are read, so a personal column
 * (Nama Pelapor, No HP, NIK, Judul, Isi Laporan) is never touched. A {@code *_time} field is a
 * time-of-day column read together with its date column ({@link DateAndTime}).
 */
final class InquiryHeaders {

    /** The native fields with the Indonesian headers cities' own exports use. */
    static final Map<String, List<String>> GENERIC = new LinkedHashMap<>();

    static {
        GENERIC.put("id", List.of("no tiket", "nomor tiket", "id laporan", "no laporan", "tiket"));
        GENERIC.put("channel", List.of("kanal", "saluran", "sumber", "media"));
        GENERIC.put("category", List.of("kategori", "jenis laporan", "topik"));
        GENERIC.put("kind", List.of("jenis", "klasifikasi"));
        GENERIC.put("submitted_at", List.of("tanggal laporan", "waktu laporan", "tanggal masuk", "tanggal pengaduan"));
        GENERIC.put("submitted_time", List.of("jam laporan", "waktu laporan", "jam masuk", "waktu masuk"));
        GENERIC.put("first_response_at", List.of("tanggal tindak lanjut", "waktu tindak lanjut", "tindak lanjut pertama", "tanggal respon",
                "tanggal tanggapan", "waktu tanggapan", "tanggapan pertama", "tanggal respons", "waktu respons", "waktu respon"));
        GENERIC.put("first_response_time", List.of("jam tindak lanjut", "waktu tindak lanjut", "jam tanggapan", "waktu tanggapan"));
        GENERIC.put("closed_at", List.of("tanggal selesai", "waktu selesai", "selesai"));
        GENERIC.put("closed_time", List.of("jam selesai", "waktu selesai"));
        GENERIC.put("agency", List.of("instansi", "instansi terdisposisi", "opd", "perangkat daerah", "disposisi"));
        GENERIC.put("status", List.of("status laporan"));
    }

    /**
     * SP4N-LAPOR!'s admin export (as public code that imports it reads it): the header starts with
     * {@code Tracking ID}; the submission is a date and a time column; no column holds a follow-up.
     * The older LAPOR-style headers stay known.
     */
    static final Map<String, List<String>> LAPOR = Map.of(
            "id", List.of("tracking id", "no. tiket", "id laporan", "nomor laporan"),
            "submitted_at", List.of("tanggal laporan masuk", "tanggal laporan", "waktu laporan", "tanggal dibuat"),
            "submitted_time", List.of("waktu laporan masuk", "jam laporan masuk"),
            "kind", List.of("klasifikasi laporan", "klasifikasi"),
            "channel", List.of("sumber laporan", "sumber", "kanal"),
            "category", List.of("kategori", "topik"),
            "agency", List.of("instansi terdisposisi", "instansi tujuan", "instansi"),
            "status", List.of("status laporan", "status"),
            "first_response_at", List.of("tanggal tindak lanjut", "tindak lanjut pertama", "tanggal tindak lanjut pertama"),
            "closed_at", List.of("tanggal selesai", "waktu selesai"));

    /**
     * NYC 311 open data (and look-alikes), the export's Title Case headers; the API's snake_case
     * ({@code unique_key}) matches them too. No first response: {@code Resolution Action Updated Date}
     * is the agency's last update (NYC's data dictionary), so closure stands in, and says so.
     */
    static final Map<String, List<String>> CSV311 = Map.of(
            "id", List.of("Unique Key"),
            "submitted_at", List.of("Created Date"),
            "closed_at", List.of("Closed Date"),
            "agency", List.of("Agency"),
            "category", List.of("Complaint Type"),
            "status", List.of("Status"),
            "channel", List.of("Open Data Channel Type"));

    /** A follow-up history ({@code format: responses}): one row per follow-up of a ticket. */
    static final Map<String, List<String>> FOLLOWUPS = new LinkedHashMap<>();

    static {
        FOLLOWUPS.put("id", List.of("tracking id", "no tiket", "nomor tiket", "id laporan", "no laporan", "nomor laporan", "tiket", "ticket"));
        FOLLOWUPS.put("responded_at", List.of("tanggal tindak lanjut", "tanggal tanggapan", "tanggal respons", "tanggal respon",
                "waktu tindak lanjut", "waktu tanggapan", "tanggal"));
        FOLLOWUPS.put("responded_time", List.of("waktu tindak lanjut", "jam tindak lanjut", "waktu tanggapan", "jam tanggapan", "jam"));
    }

    /** Fields whose presence means the file can say when an inquiry was answered. */
    static final List<String> RESPONSE_FIELDS = List.of("first_response_at", "closed_at");

    private InquiryHeaders() {
    }

    /** A preset's own headers first, then the generic ones; the config's {@code columns:} replace both. */
    static TableOptions options(Map<String, String> configColumns, Map<String, List<String>> preset) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        GENERIC.forEach((field, aliases) -> {
            List<String> all = new ArrayList<>(preset.getOrDefault(field, List.of()));
            all.addAll(aliases);
            fields.put(field, all);
        });
        return TableOptions.of(TableOptions.fields(configColumns, fields), Set.of("id", "submitted_at"));
    }

    static TableOptions followUps(Map<String, String> configColumns) {
        return TableOptions.of(TableOptions.fields(configColumns, FOLLOWUPS), Set.of("id", "responded_at"));
    }

    /** The first headers that would give a response time, for a message. */
    static List<String> responseExamples() {
        return List.of("Tanggal Tindak Lanjut", "Tanggal Tanggapan", "Tanggal Selesai");
    }
}
