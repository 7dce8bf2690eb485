package id.sni37122.connectors.inquiry;

import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.table.TableReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * GeoReport v2's XML: {@code <service_requests><request>…</request>…</service_requests>}, or
 * {@code <errors><error><code/><description/></error></errors>}. Read as a stream (StAX), one
 * request at a time, with DTDs and external entities off.
 */
final class Open311Xml {

    private static final Set<String> FIELDS = Set.of("service_request_id", "service_name", "agency_responsible", "status",
            "requested_datetime", "updated_datetime");

    private Open311Xml() {
    }

    static void read(Path file, TableReader.RowConsumer consumer) throws IOException, SQLException, SourceException {
        // The JDK's own parser, whatever StAX provider is on the class path (Aalto, for XLSX sheets,
        // registers itself): its errors are the XMLStreamExceptions caught below, with their line.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                xml.nextTag();
                switch (xml.getLocalName()) {
                    case "service_requests" -> requests(xml, consumer);
                    case "errors" -> throw errors(file, xml);
                    default -> throw new SourceException(file, xml.getLocation().getLineNumber(), null, Messages.get("inquiry.open311_shape"));
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new SourceException(file, line, null, Messages.get("inquiry.open311_broken_xml", plain(e)), e);
        }
    }

    private static void requests(XMLStreamReader xml, TableReader.RowConsumer consumer)
            throws XMLStreamException, SQLException, SourceException {
        while (xml.nextTag() == XMLStreamReader.START_ELEMENT) {
            long line = xml.getLocation().getLineNumber();
            if (!xml.getLocalName().equals("request")) {
                skip(xml);
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            while (xml.nextTag() == XMLStreamReader.START_ELEMENT) {
                String name = xml.getLocalName();
                if (FIELDS.contains(name)) {
                    fields.put(name, xml.getElementText().strip());
                } else if (name.equals("extended_attributes")) {
                    fields.put("channel", child(xml, "channel"));
                } else {
                    skip(xml); // description, address, media_url…: never read
                }
            }
            consumer.accept(Open311Requests.row(line, fields));
        }
    }

    private static SourceException errors(Path file, XMLStreamReader xml) throws XMLStreamException {
        long line = xml.getLocation().getLineNumber();
        List<String> errors = new ArrayList<>();
        while (xml.nextTag() == XMLStreamReader.START_ELEMENT) {
            Map<String, String> error = new HashMap<>();
            while (xml.nextTag() == XMLStreamReader.START_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("code") || name.equals("description")) {
                    error.put(name, xml.getElementText().strip());
                } else {
                    skip(xml);
                }
            }
            errors.add(error.get("code") + " " + error.get("description"));
        }
        return Open311Requests.errorAnswer(file, line, errors);
    }

    /** The text of one child element of the current element, the rest skipped; the reader ends on its end tag. */
    private static String child(XMLStreamReader xml, String wanted) throws XMLStreamException {
        String value = null;
        while (xml.nextTag() == XMLStreamReader.START_ELEMENT) {
            if (xml.getLocalName().equals(wanted)) {
                value = xml.getElementText().strip();
            } else {
                skip(xml);
            }
        }
        return value;
    }

    /** Skips the current element whole, nested ones and text included. */
    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamReader.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static String plain(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int i = m.indexOf("Message: ");
        return i >= 0 ? m.substring(i + 9) : m;
    }
}
