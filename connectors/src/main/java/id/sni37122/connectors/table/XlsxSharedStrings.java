package id.sni37122.connectors.table;

import java.util.ArrayList;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared strings (ECMA-376 part 1, 18.4: {@code <si>} items of {@code <t>} runs,
 * phonetic {@code <rPh>} runs left out) as plain strings. POI's ReadOnlySharedStringsTable hands
 * each one out wrapped in a new rich-text XML object: about a third of the CPU of a 200 000-row
 * catalogue went into making them.
 */
final class XlsxSharedStrings extends DefaultHandler {

    private final List<String> strings = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean inItem;
    private boolean inText;
    private boolean inPhonetic;

    List<String> strings() {
        return strings;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "si" -> {
                inItem = true;
                text.setLength(0);
            }
            case "rPh" -> inPhonetic = true;
            case "t" -> inText = inItem && !inPhonetic;
            default -> {
                // runs' formatting is not text
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inText) {
            text.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "si" -> {
                inItem = false;
                strings.add(text.toString());
            }
            case "rPh" -> inPhonetic = false;
            case "t" -> inText = false;
            default -> {
                // nothing to close
            }
        }
    }
}
