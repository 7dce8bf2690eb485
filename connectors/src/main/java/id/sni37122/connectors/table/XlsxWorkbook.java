package id.sni37122.connectors.table;

import com.fasterxml.aalto.sax.SAXParserFactoryImpl;
import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTSheet;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STSheetState;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An XLSX workbook read through POI's event (SAX) API: a sheet's rows pass one at a time, so
 * memory stays bounded at any row count (the whole-workbook model took 4,7 GB for 200 000 rows).
 * Only the styles, the sheet list and shared strings are held. A workbook's shared strings are
 * held whole while they are small; a large table (a complaint export with its report texts) is
 * first looked through, and only the strings of the header search and of the columns its header
 * maps are held: names, phone numbers and free text are never in memory, and memory grows only
 * with the distinct text of the columns read. That costs a second pass over the sheet.
 */
final class XlsxWorkbook implements Workbook {

    /**
     * A larger uncompressed part is refused. Rows stream, so size is no memory risk; the limit
     * (with POI's compression-ratio check) stops a zip bomb from keeping a nightly run busy.
     */
    static final long MAX_ENTRY_BYTES = 4L * 1024 * 1024 * 1024;

    private final Path file;
    private final OPCPackage pkg;
    private final XSSFReader reader;
    /** Shared strings (uncompressed XML) up to this are held whole: a 200 000-row catalogue's are 12 MB. */
    static final long WHOLE_STRINGS_BYTES = 32L * 1024 * 1024;

    private final long wholeStringsBytes;
    private final long stringsBytes;
    private XlsxSharedStrings allStrings;
    private int held;
    private final StylesTable styles;
    private final boolean date1904;
    private final boolean recalculateOnLoad;
    private final List<Sheet> sheets;

    private XlsxWorkbook(Path file, OPCPackage pkg, long wholeStringsBytes) throws IOException, org.apache.xmlbeans.XmlException,
            org.apache.poi.openxml4j.exceptions.OpenXML4JException {
        this.file = file;
        this.pkg = pkg;
        this.reader = new XSSFReader(pkg);
        this.wholeStringsBytes = wholeStringsBytes;
        this.stringsBytes = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType()).stream()
                .mapToLong(PackagePart::getSize).max().orElse(0);
        this.styles = reader.getStylesTable();
        CTWorkbook workbook;
        try (InputStream in = reader.getWorkbookData()) {
            workbook = WorkbookDocument.Factory.parse(in, POIXMLTypeLoader.DEFAULT_XML_OPTIONS).getWorkbook();
        }
        this.date1904 = workbook.isSetWorkbookPr() && workbook.getWorkbookPr().getDate1904();
        // openpyxl and XlsxWriter write formulas without computing them and set this flag, so that
        // Excel computes them on opening: their stored results (none, or 0) are not results.
        this.recalculateOnLoad = workbook.isSetCalcPr() && workbook.getCalcPr().getFullCalcOnLoad();
        List<Sheet> list = new ArrayList<>();
        for (CTSheet s : workbook.getSheets().getSheetArray()) {
            list.add(new Sheet(s.getName(), s.getId(), s.isSetState() && s.getState() != STSheetState.VISIBLE));
        }
        this.sheets = List.copyOf(list);
    }

    /** The shared strings, all of them or only the {@code wanted} indexes. */
    private XlsxSharedStrings sharedStrings(BitSet wanted) throws IOException, SAXException,
            org.apache.poi.openxml4j.exceptions.OpenXML4JException {
        XlsxSharedStrings handler = new XlsxSharedStrings(wanted);
        try (InputStream in = reader.getSharedStringsData()) {
            if (in != null) {
                XMLReader xml = xmlReader();
                xml.setContentHandler(handler);
                xml.parse(new InputSource(in));
            }
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            // no shared-strings part: every text cell is inline
        }
        return handler;
    }

    static XlsxWorkbook open(Path file) throws SourceException {
        return open(file, WHOLE_STRINGS_BYTES);
    }

    /** With another limit for holding shared strings whole (0: always hold only what is read), for tests. */
    static XlsxWorkbook open(Path file, long wholeStringsBytes) throws SourceException {
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            return new XlsxWorkbook(file, pkg, wholeStringsBytes);
        } catch (Exception e) {
            if (pkg != null) {
                pkg.revert();
            }
            throw unreadable(file, e);
        }
    }

    /** A workbook POI cannot open, .xlsx or .xls: one message, and a zip bomb said as such. */
    static SourceException unreadable(Path file, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("Zip bomb")) {
                return new SourceException(file, 0, null, Messages.get("connectors.xlsx_zip_bomb"), e);
            }
        }
        return new SourceException(file, 0, null, Messages.get("connectors.xlsx_unreadable", SourceException.plainMessage(e)), e);
    }

    @Override
    public List<Sheet> sheets() {
        return sheets;
    }

    @Override
    public RowSource rows(Sheet sheet, TableOptions options) {
        return new RowSource() {
            @Override
            public void read(Sink sink) throws IOException, SQLException, SourceException {
                readSheet(sheet, options, sink);
            }

            @Override
            public boolean shiftable() {
                return false;
            }
        };
    }

    private void readSheet(Sheet sheet, TableOptions options, RowSource.Sink sink) throws IOException, SQLException, SourceException {
        List<CellRangeAddress> merged = new ArrayList<>();
        try {
            // <mergeCells> follows the rows in the sheet's XML, so it takes a first pass to know
            // which cells a merged value covers; most sheets have none, which a byte search tells.
            if (mentionsMerges(sheet)) {
                parse(sheet, new DefaultHandler() {
                    @Override
                    public void startElement(String uri, String localName, String qName, Attributes attributes) {
                        if ("mergeCell".equals(localName) && attributes.getValue("ref") != null) {
                            merged.add(CellRangeAddress.valueOf(attributes.getValue("ref")));
                        }
                    }
                });
            }
        } catch (SAXException | RuntimeException | org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
            throw unreadable(file, e);
        }
        XlsxStrings strings = stringsBytes <= wholeStringsBytes ? allStrings() : stringsRead(sheet, options, merged);
        held = ((XlsxSharedStrings) strings).held();
        rows(sheet, strings, merged, sink);
    }

    /** Shared strings held for the last sheet read. */
    int heldStrings() {
        return held;
    }

    private XlsxSharedStrings allStrings() throws SourceException {
        if (allStrings == null) {
            try {
                allStrings = sharedStrings(null);
            } catch (IOException | SAXException | RuntimeException | org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
                throw unreadable(file, e);
            }
        }
        return allStrings;
    }

    /**
     * For a large workbook, the shared strings the load can read: those of the rows the header
     * search looks at, and after the header those of the columns it maps (a merged value by its
     * top-left cell). The header is first found among the search rows, with their strings only.
     */
    private XlsxSharedStrings stringsRead(Sheet sheet, TableOptions options, List<CellRangeAddress> merged)
            throws IOException, SQLException, SourceException {
        Integer wanted = options.headerRow();
        BitSet head = new BitSet();
        int[] seen = {0};
        rows(sheet, XlsxStrings.REFS, merged, (line, cells) -> {
            refs(cells, null, head);
            return wanted != null && line < wanted || ++seen[0] < TableRows.HEADER_SEARCH_ROWS;
        });
        TableRows preview = new TableRows(file, options, null, row -> { }, false);
        rows(sheet, strings(head), merged, preview);
        if (preview.header() == null) {
            return allStrings(); // the load says what is missing
        }
        long headerLine = preview.header().line();
        int[] columns = preview.columnsRead();
        BitSet read = new BitSet();
        rows(sheet, XlsxStrings.REFS, merged, (line, cells) -> {
            refs(cells, line <= headerLine ? null : columns, read);
            return true;
        });
        return strings(read);
    }

    /** The shared-string indexes of a row's cells, of all or only of {@code columns}. */
    private static void refs(List<Object> cells, int[] columns, BitSet into) {
        if (columns == null) {
            cells.forEach(c -> {
                if (c instanceof XlsxStrings.Ref r) {
                    into.set(r.index());
                }
            });
            return;
        }
        for (int c : columns) {
            if (c < cells.size() && cells.get(c) instanceof XlsxStrings.Ref r) {
                into.set(r.index());
            }
        }
    }

    private XlsxSharedStrings strings(BitSet wanted) throws SourceException {
        try {
            return sharedStrings(wanted);
        } catch (IOException | SAXException | RuntimeException | org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
            throw unreadable(file, e);
        }
    }

    /** One pass over the sheet's rows into {@code sink}, until the sheet ends or the sink says stop. */
    private void rows(Sheet sheet, XlsxStrings strings, List<CellRangeAddress> merged, RowSource.Sink sink)
            throws IOException, SQLException, SourceException {
        try {
            parse(sheet, new XlsxSheetHandler(strings, styles, date1904, recalculateOnLoad, merged, sink));
        } catch (SAXException e) {
            Throwable cause = XlsxSheetHandler.signal(e);
            if (cause instanceof XlsxSheetHandler.Stop) {
                return; // the sink has what it needs
            }
            if (cause instanceof XlsxSheetHandler.Failure failure) {
                if (failure.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                throw (SourceException) failure.getCause();
            }
            throw unreadable(file, e);
        } catch (RuntimeException | org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
            throw unreadable(file, e);
        }
    }

    private static final byte[] MERGE_CELL = "mergeCell".getBytes(StandardCharsets.US_ASCII);

    /** Whether the sheet's XML holds the bytes "mergeCell" anywhere (a false alarm only costs the first pass). */
    private boolean mentionsMerges(Sheet sheet) throws IOException, org.apache.poi.openxml4j.exceptions.OpenXML4JException {
        try (InputStream in = reader.getSheet(sheet.id())) {
            byte[] buffer = new byte[1 << 16];
            int kept = 0;
            int n;
            while ((n = in.read(buffer, kept, buffer.length - kept)) > 0) {
                int end = kept + n;
                for (int i = 0; i + MERGE_CELL.length <= end; i++) {
                    if (buffer[i] == 'm' && Arrays.equals(buffer, i, i + MERGE_CELL.length, MERGE_CELL, 0, MERGE_CELL.length)) {
                        return true;
                    }
                }
                kept = Math.min(MERGE_CELL.length - 1, end);
                System.arraycopy(buffer, end - kept, buffer, 0, kept);
            }
            return false;
        }
    }

    private void parse(Sheet sheet, DefaultHandler handler) throws IOException, SAXException,
            org.apache.poi.openxml4j.exceptions.OpenXML4JException {
        try (InputStream in = reader.getSheet(sheet.id())) {
            XMLReader xml = xmlReader();
            xml.setContentHandler(handler);
            xml.parse(new InputSource(in));
        }
    }

    /**
     * Aalto's SAX parser: the JDK's took most of a 200 000-row catalogue's CPU (JFR). Aalto expands
     * no entity, internal or external, and reads no external DTD (an XLSX part has neither; a
     * planted entity is an error), which is what POI's XMLHelper otherwise ensures.
     */
    static XMLReader xmlReader() throws SAXException {
        SAXParserFactory factory = new SAXParserFactoryImpl();
        factory.setNamespaceAware(true);
        try {
            return factory.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException e) {
            throw new SAXException(e);
        }
    }

    @Override
    public void close() {
        pkg.revert(); // opened read-only: nothing to save
    }
}
