package id.sni37122.reports.publication;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.Messages;
import id.sni37122.indicators.Indicator;
import id.sni37122.indicators.Indicators;
import id.sni37122.reports.CityFigure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Reads a city's publication back: the results CSV (either language) or its JSON twin. The
 * self-hash is checked first: an edited file is refused, never half-trusted.
 */
public final class PublicationReader {

    private PublicationReader() {
    }

    /** True for a file name that {@code report} gives a publication ({@code …-hasil.csv}, {@code …-hasil.json}). */
    public static boolean isPublicationName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith("-hasil.csv") || name.endsWith("-hasil.json");
    }

    /** True for a file {@link #read} takes: a {@code .csv} or {@code .json}. */
    public static boolean isPublicationFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".json");
    }

    /**
     * @param shownAs the file as the user named it, for messages and for each figure's source
     */
    public static Publication read(Path file, String shownAs) throws PublicationException, IOException {
        byte[] bytes = Files.readAllBytes(file);
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? json(file, shownAs, bytes) : csv(file, shownAs, bytes);
    }

    private static Publication json(Path file, String shownAs, byte[] bytes) throws PublicationException {
        JsonTwin.Document d;
        try {
            d = JsonTwin.JSON.readValue(bytes, JsonTwin.Document.class);
        } catch (JacksonException e) {
            throw new PublicationException(file, Messages.get("reports.publication_unreadable", shownAs, e.getOriginalMessage()));
        }
        if (!JsonTwin.FORMAT.equals(d.format()) || d.city() == null || d.results() == null) {
            throw new PublicationException(file, Messages.get("reports.publication_not", shownAs));
        }
        checkHash(file, shownAs, bytes, d.contentSha256());
        CityContext city = city(file, shownAs, d.city().code(), d.city().name(), d.city().timeZone());
        Instant computedAt = instant(file, shownAs, d.computedAt());
        List<CityFigure> figures = new ArrayList<>();
        for (JsonTwin.Result r : d.results()) {
            figures.add(new CityFigure(city, r.year(), r.indicator(), r.value(), r.numerator(), r.denominator(), r.unit(),
                    r.numeratorUnit(), r.denominatorUnit(), r.coverage(), r.warnings(), r.rules(), shownAs, computedAt,
                    d.toolVersion()));
        }
        return new Publication(file, city, d.language(), d.toolVersion(), computedAt,
                d.sources() == null ? List.of() : d.sources(), figures);
    }

    private static Publication csv(Path file, String shownAs, byte[] bytes) throws PublicationException, IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        boolean english = firstLine.startsWith(Column.CITY.english + ",");
        if (!english && !firstLine.startsWith(Column.CITY.indonesian + ";")) {
            throw new PublicationException(file, Messages.get("reports.publication_not", shownAs));
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(english ? ',' : ';').setHeader().setSkipHeaderRecord(true).get();
        Map<Column, Integer> at = new EnumMap<>(Column.class);
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (Column c : Column.values()) {
                Integer i = parser.getHeaderMap().get(c.header(english));
                if (i == null) {
                    throw new PublicationException(file, Messages.get("reports.publication_column", shownAs, c.header(english)));
                }
                at.put(c, i);
            }
            rows = parser.getRecords();
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new PublicationException(file, Messages.get("reports.publication_unreadable", shownAs, e.getMessage()));
        }
        if (rows.isEmpty()) {
            throw new PublicationException(file, Messages.get("reports.publication_not", shownAs));
        }
        // Every row carries the same hash; it is checked before any cell is believed.
        Cells first = new Cells(file, shownAs, rows.get(0), at, english);
        checkHash(file, shownAs, bytes, first.text(Column.CONTENT_SHA256));
        CityContext city = city(file, shownAs, first.text(Column.CITY), first.text(Column.CITY_NAME), first.text(Column.TIME_ZONE));
        Instant computedAt = instant(file, shownAs, first.text(Column.COMPUTED_AT));
        String toolVersion = first.text(Column.TOOL_VERSION);
        List<CityFigure> figures = new ArrayList<>();
        Map<String, Publication.SourceFile> sources = new LinkedHashMap<>();
        for (CSVRecord row : rows) {
            Cells cells = new Cells(file, shownAs, row, at, english);
            String indicatorCode = cells.text(Column.INDICATOR);
            Indicator indicator = indicator(file, shownAs, row, indicatorCode);
            double numerator = cells.number(Column.NUMERATOR);
            double denominator = cells.number(Column.DENOMINATOR);
            // The value column is rounded for reading; the indicator's own formula gives it back in full.
            Double value = cells.optionalNumber(Column.VALUE) == null ? null : indicator.value(numerator, denominator);
            figures.add(new CityFigure(city, (int) cells.number(Column.YEAR), indicatorCode, value, numerator, denominator,
                    cells.text(Column.UNIT), cells.text(Column.NUMERATOR_UNIT), cells.text(Column.DENOMINATOR_UNIT),
                    cells.optionalNumber(Column.COVERAGE), cells.warnings(), cells.json(Column.RULES, new TypeReference<>() { }),
                    shownAs, computedAt, toolVersion));
            for (Publication.SourceFile s : cells.json(Column.SOURCES, new TypeReference<List<Publication.SourceFile>>() { })) {
                sources.put(s.kind() + "/" + s.path(), s);
            }
        }
        return new Publication(file, city, english ? "en" : "id", toolVersion, computedAt, List.copyOf(sources.values()), figures);
    }

    private static void checkHash(Path file, String shownAs, byte[] bytes, String claimed) throws PublicationException {
        if (!SelfHash.matches(bytes, claimed)) {
            throw new PublicationException(file, Messages.get("reports.publication_edited", shownAs));
        }
    }

    private static CityContext city(Path file, String shownAs, String code, String name, String zone) throws PublicationException {
        try {
            return new CityContext(code, name, ZoneId.of(zone));
        } catch (DateTimeException | NullPointerException e) {
            throw new PublicationException(file, Messages.get("reports.publication_not", shownAs));
        }
    }

    private static Instant instant(Path file, String shownAs, String text) throws PublicationException {
        try {
            return Instant.parse(text);
        } catch (DateTimeException | NullPointerException e) {
            throw new PublicationException(file, Messages.get("reports.publication_not", shownAs));
        }
    }

    private static Indicator indicator(Path file, String shownAs, CSVRecord row, String code) throws PublicationException {
        try {
            return Indicators.byCode(code);
        } catch (IllegalArgumentException e) {
            throw new PublicationException(file, Messages.get("reports.publication_indicator", shownAs, row.getRecordNumber() + 1, code));
        }
    }

    /** One CSV row's cells by column, with errors that name the file, line and column. */
    private record Cells(Path file, String shownAs, CSVRecord row, Map<Column, Integer> at, boolean english) {

        String text(Column c) {
            return row.get(at.get(c));
        }

        double number(Column c) throws PublicationException {
            Double d = optionalNumber(c);
            if (d == null) {
                throw bad(c);
            }
            return d;
        }

        Double optionalNumber(Column c) throws PublicationException {
            try {
                return Decimals.parse(text(c));
            } catch (NumberFormatException e) {
                throw bad(c);
            }
        }

        List<CityFigure.Warning> warnings() {
            String keys = text(Column.WARNINGS);
            if (keys.isBlank()) {
                return List.of();
            }
            List<String> k = Arrays.asList(keys.split(" \\| "));
            List<String> t = Arrays.asList(text(Column.WARNING_TEXTS).split(" \\| "));
            List<CityFigure.Warning> out = new ArrayList<>();
            for (int i = 0; i < k.size(); i++) {
                out.add(new CityFigure.Warning(k.get(i), t.size() == k.size() ? t.get(i) : k.get(i)));
            }
            return out;
        }

        <T> T json(Column c, TypeReference<T> type) throws PublicationException {
            try {
                return JsonTwin.JSON.readValue(text(c), type);
            } catch (JacksonException e) {
                throw bad(c);
            }
        }

        private PublicationException bad(Column c) {
            return new PublicationException(file, Messages.get("reports.publication_cell", shownAs, row.getRecordNumber() + 1,
                    c.header(english), text(c)));
        }
    }
}
