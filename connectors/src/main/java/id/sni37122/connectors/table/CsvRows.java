package id.sni37122.connectors.table;

import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV export read as a stream. Encoding (UTF-8 with or without BOM, else Windows-1252) and
 * delimiter (comma, semicolon, tab) are detected from the file unless given: the encoding by one
 * quick pass over the bytes, the delimiter from the first lines, so only a small prefix is ever
 * held in memory.
 */
final class CsvRows implements RowSource {

    /** Enough of the file to see its title rows and header. */
    private static final int PREFIX_BYTES = 64 * 1024;

    private final Path file;
    private final Charset charset;
    private final int skip;
    private final char delimiter;

    private CsvRows(Path file, Charset charset, int skip, char delimiter) {
        this.file = file;
        this.charset = charset;
        this.skip = skip;
        this.delimiter = delimiter;
    }

    static CsvRows open(Path file, TableOptions options) throws IOException, SourceException {
        byte[] prefix;
        try (InputStream in = Files.newInputStream(file)) {
            prefix = in.readNBytes(PREFIX_BYTES);
        }
        if (prefix.length == 0) {
            throw new SourceException(file, Messages.get("connectors.empty_file"));
        }
        Charset charset = options.charset();
        int skip = 0;
        if (prefix.length >= 3 && (prefix[0] & 0xff) == 0xEF && (prefix[1] & 0xff) == 0xBB && (prefix[2] & 0xff) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (prefix.length >= 2 && ((prefix[0] & 0xff) == 0xFF && (prefix[1] & 0xff) == 0xFE
                || (prefix[0] & 0xff) == 0xFE && (prefix[1] & 0xff) == 0xFF)) {
            charset = StandardCharsets.UTF_16;
        }
        if (looksBinary(prefix)) {
            throw new SourceException(file, Messages.get("connectors.not_text"));
        }
        if (charset == null) {
            charset = isValidUtf8(file) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        }
        char delimiter = options.delimiter() != null ? options.delimiter()
                : sniffDelimiter(new String(prefix, skip, prefix.length - skip, charset));
        return new CsvRows(file, charset, skip, delimiter);
    }

    char delimiter() {
        return delimiter;
    }

    @Override
    public boolean shiftable() {
        return true;
    }

    @Override
    public void read(Sink sink) throws IOException, SQLException, SourceException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true).get();
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(skip);
        try (Reader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
             CSVParser parser = CSVParser.parse(reader, format)) {
            Iterator<CSVRecord> it = parser.iterator();
            long nextLine = 1;
            while (true) {
                CSVRecord record;
                try {
                    if (!it.hasNext()) {
                        return;
                    }
                    record = it.next();
                } catch (RuntimeException e) {
                    // Commons CSV gives up on a broken quote: nothing after it can be trusted.
                    throw new SourceException(file, nextLine, null, Messages.get("connectors.csv_broken", SourceException.plainMessage(e)), e);
                }
                long line = nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                Object[] cells = new Object[record.size()];
                for (int i = 0; i < cells.length; i++) {
                    String value = record.get(i);
                    cells[i] = value.isEmpty() ? null : value;
                }
                if (!sink.row(line, Arrays.asList(cells))) {
                    return;
                }
            }
        }
    }

    /** One pass over the bytes: a Windows-1252 export is rarely valid UTF-8 beyond plain ASCII. */
    private static boolean isValidUtf8(Path file) throws IOException {
        try (Reader r = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            char[] buffer = new char[1 << 16];
            while (r.read(buffer) >= 0) {
                // reading is the check
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** NUL bytes never occur in a text export; they mean a binary file (or a zip) named .csv. */
    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 4096);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    static char sniffDelimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        // Title rows may precede the header: look at the first few lines and keep the best.
        int best = ',';
        int bestCount = 0;
        String[] lines = text.split("\n", 12);
        for (int l = 0; l < Math.min(lines.length, 11); l++) {
            for (char c : new char[] {',', ';', '\t'}) {
                int count = countOutsideQuotes(lines[l], c);
                if (count > bestCount) {
                    bestCount = count;
                    best = c;
                }
            }
        }
        return bestCount == 0 && first.indexOf(';') >= 0 ? ';' : (char) best;
    }

    private static int countOutsideQuotes(String line, char c) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                n++;
            }
        }
        return n;
    }
}
