package id.sni37122.connectors.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.Ingestor;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.Warehouse;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open311 GeoReport v2 answers as the specification writes them: its own XML and JSON examples of GET
 * Service Requests and of an error, copied from the spec page ({@code GeoReport/v2/index.md} in
 * open311/open311.github.io, see {@code georeport-v2/README.md} beside these resources), read by
 * content whatever the file is called.
 */
class Open311SpecTest {

    private static final CityContext CITY = new CityContext("uji", "Kota Uji", ZoneId.of("Asia/Makassar"));

    /** The spec's two requests, both at -08:00: "ticket status category agency channel submitted updated (UTC)". */
    private static final List<String> SPEC_REQUESTS = List.of(
            "638344 | closed | Sidewalk and Curb Issues | null | Open311 | 2010-04-14 14:37:38 | 2010-04-14 14:37:38",
            "638349 | open | Sidewalk and Curb Issues | null | Open311 | 2010-04-19 14:37:38 | 2010-04-19 14:37:38");

    @TempDir
    Path dir;

    private Path specExample(String name, String as) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("georeport-v2/" + name)) {
            Files.write(dir.resolve(as), in.readAllBytes());
        }
        return dir.resolve(as);
    }

    private FileOutcome load(String name, String format) throws Exception {
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
            return new Ingestor(w, CITY, Map.of(), new byte[32])
                    .ingest(List.of(new SourceSpec("inquiries", name, dir, format, null, Map.of(), Map.of())), null).files().get(0);
        }
    }

    private List<String> requests() throws Exception {
        List<String> out = new ArrayList<>();
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb")); Statement s = w.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT ticket, status, category, agency, channel, strftime(submitted_at, '%Y-%m-%d %H:%M:%S'), "
                     + "strftime(updated_at, '%Y-%m-%d %H:%M:%S') FROM inquiry ORDER BY ticket")) {
            while (r.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= 7; i++) {
                    cells.add(r.getString(i));
                }
                out.add(String.join(" | ", cells));
            }
        }
        return out;
    }

    @Test
    void theSpecsXmlExample() throws Exception {
        specExample("requests.xml", "requests.xml");
        FileOutcome outcome = load("requests.xml", null);
        assertThat(outcome.error()).isNull();
        assertThat(outcome.format()).isEqualTo("open311");
        assertThat(outcome.rowsLoaded()).isEqualTo(2);
        assertThat(requests()).containsExactlyElementsOf(SPEC_REQUESTS);
    }

    @Test
    void theSpecsJsonExampleWithItsLeadingZero() throws Exception {
        specExample("requests.json", "requests.json");
        FileOutcome outcome = load("requests.json", null);
        assertThat(outcome.error()).isNull();
        assertThat(requests()).containsExactlyElementsOf(SPEC_REQUESTS);
    }

    @Test
    void xmlIsKnownByItsContentUnderAnyName() throws Exception {
        specExample("requests.xml", "export-open311.json");
        assertThat(load("export-open311.json", "open311").rowsLoaded()).isEqualTo(2);
        assertThat(requests()).containsExactlyElementsOf(SPEC_REQUESTS);
    }

    @Test
    void theServiceRequestsWrapperAsAListAsRequestAndAsALoneRequest() throws Exception {
        Files.writeString(dir.resolve("a.json"), """
                {"service_requests": {"request": [
                  {"service_request_id": "A-1", "status": "closed", "service_name": "Lampu Jalan", "service_code": 007,
                   "requested_datetime": "2023-04-14T06:00:00+08:00", "updated_datetime": "2023-04-14T18:00:00+08:00",
                   "extended_attributes": {"channel": "android", "x": 1.5}}]}}
                """);
        Files.writeString(dir.resolve("b.json"), """
                {"service_requests": [{"service_request_id": "B-1", "status": "open", "service_name": "Sampah",
                   "requested_datetime": "2023-04-15T06:00:00+08:00", "updated_datetime": "2023-04-15T06:00:00+08:00"}]}
                """);
        Files.writeString(dir.resolve("c.json"), """
                {"service_requests": {"request": {"service_request_id": "C-1", "status": "fixed", "service_name": "Drainase",
                   "requested_datetime": "2023-04-16T06:00:00+08:00", "updated_datetime": "2023-04-17T06:00:00+08:00"}}}
                """);
        for (String name : List.of("a.json", "b.json", "c.json")) {
            assertThat(load(name, null).rowsLoaded()).as(name).isEqualTo(1);
        }
        // The channel from extended_attributes (GeoReport v2 Extensions page: San Francisco's "android").
        assertThat(requests()).containsExactly(
                "A-1 | closed | Lampu Jalan | null | android | 2023-04-13 22:00:00 | 2023-04-14 10:00:00",
                "B-1 | open | Sampah | null | Open311 | 2023-04-14 22:00:00 | 2023-04-14 22:00:00",
                "C-1 | fixed | Drainase | null | Open311 | 2023-04-15 22:00:00 | 2023-04-16 22:00:00");
    }

    @Test
    void theSpecsErrorAnswersFailTheirFileWithTheServicesOwnWords() throws Exception {
        specExample("errors.xml", "errors.xml");
        specExample("errors.json", "errors.json");
        for (String name : List.of("errors.xml", "errors.json")) {
            FileOutcome outcome = load(name, null);
            assertThat(outcome.status()).as(name).isEqualTo(FileOutcome.Status.FAILED);
            assertThat(outcome.error()).as(name).contains(name, "403 Invalid api_key received -- can't proceed with create_request.");
        }
        assertThat(requests()).isEmpty();
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb")); Statement s = w.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM source_file")) {
            r.next();
            assertThat(r.getLong(1)).as("a failed file is not recorded as loaded").isZero();
        }
    }

    @Test
    void brokenXmlAndOtherShapesAreNamed() throws Exception {
        Files.writeString(dir.resolve("broken.xml"), "<service_requests>\n<request><service_request_id>1</service_request_id>\n");
        Files.writeString(dir.resolve("other.json"), "{\"services\": []}");
        assertThat(load("broken.xml", null).error()).contains("broken.xml", "XML Open311 rusak");
        assertThat(load("other.json", null).error()).contains("other.json", "GeoReport v2");
    }
}
