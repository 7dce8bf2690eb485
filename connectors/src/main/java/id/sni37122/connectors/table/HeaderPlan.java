package id.sni37122.connectors.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a load takes from a table, as {@code validate} shows it: which header becomes which field,
 * which headers are left (as personal data, or as unused), and which left-over header looks like
 * a date or a response and is probably a field the mapping missed.
 *
 * @param line          the header's line or row
 * @param fields        native field to the header read for it
 * @param personal      headers left because they hold personal data or free text (never read)
 * @param unused        the other headers no field reads
 * @param looksLikeTime unused or personal headers that look like a date, time, response or closure (not free text)
 */
public record HeaderPlan(long line, Map<String, String> fields, List<String> personal, List<String> unused,
                         List<String> looksLikeTime) {

    /** Words of headers that hold a person's identity or free text (SOURCES.md: names, phones, NIK, the complaint itself). */
    static final List<String> PERSONAL = List.of("nama", "name", "pelapor", "pengadu", "telepon", "telp", "tlp", "hp", "ponsel",
            "phone", "whatsapp", "wa", "nik", "ktp", "kk", "email", "e mail", "alamat", "address", "isi", "uraian", "deskripsi",
            "description", "keterangan", "judul", "pesan", "komentar", "ip");
    /** Words of headers that hold free text: "Isi Tindak Lanjut" is what was answered, never when. */
    static final List<String> FREE_TEXT = List.of("isi", "uraian", "deskripsi", "description", "keterangan", "judul", "pesan",
            "komentar");
    /** Words of headers that carry a moment: a submission, a response or a closure. */
    static final List<String> TIME = List.of("tanggal", "tgl", "waktu", "jam", "date", "time", "respon", "respons", "tanggap",
            "tanggapan", "tindak lanjut", "selesai", "closed", "response", "balas", "dibalas", "jawab", "dijawab", "updated");

    public static HeaderPlan of(TableReader.Header header) {
        List<String> read = List.copyOf(header.mapping().values());
        List<String> personal = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        List<String> time = new ArrayList<>();
        for (String h : header.allHeaders()) {
            if (read.contains(h)) {
                continue;
            }
            // The catalogue's "Nama Layanan" is read as a field above; left over, a name column is a person's.
            (hasWord(h, PERSONAL) ? personal : unused).add(h);
            if (hasWord(h, TIME) && !hasWord(h, FREE_TEXT)) {
                time.add(h);
            }
        }
        return new HeaderPlan(header.line(), new LinkedHashMap<>(header.mapping()), personal, unused, time);
    }

    private static boolean hasWord(String header, List<String> words) {
        String h = " " + TableReader.normalize(header) + " ";
        return words.stream().anyMatch(w -> h.contains(" " + w + " ") || !w.contains(" ") && h.contains(" " + w) && w.length() > 4);
    }
}
