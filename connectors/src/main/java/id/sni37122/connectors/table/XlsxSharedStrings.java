package id.sni37122.connectors.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared strings (ECMA-376 part 1, 18.4: {@code <si>} items of {@code <t>} runs,
 * phonetic {@code <rPh>} runs left out) as plain strings: all of them, or only those whose index
 * is {@code wanted} (the columns a load reads), so that a large workbook's names, phone numbers
 * and complaint texts are never held. POI's ReadOnlySharedStringsTable hands each one out wrapped
 * in a new rich-text XML object: about a third of the CPU of a 200 000-row catalogue went into
 * making them.
 */
final class XlsxSharedStrings extends DefaultHandler implements XlsxStrings {

    private final BitSet wanted; // null: every string
    private final List<String> all = new ArrayList<>();
    private int[] indexes = new int[64];
    private String[] held = new String[64];
    private int count;
    private int index;
    private final StringBuilder text = new StringBuilder();
    private boolean inItem;
    private boolean inText;
    private boolean inPhonetic;

    XlsxSharedStrings(BitSet wanted) {
        this.wanted = wanted;
    }

    @Override
    public Object cell(int i) {
        if (wanted == null) {
            return all.get(i);
        }
        int at = Arrays.binarySearch(indexes, 0, count, i);
        // Not held: a cell of a column no field reads (the reader never looks at it), or past the end.
        return at >= 0 ? held[at] : "";
    }

    /** Strings held, for the test that large workbooks keep only what is read. */
    int held() {
        return wanted == null ? all.size() : count;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "si" -> {
                inItem = true;
                text.setLength(0);
            }
            case "rPh" -> inPhonetic = true;
            case "t" -> inText = inItem && !inPhonetic && (wanted == null || wanted.get(index));
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
                if (wanted == null) {
                    all.add(text.toString());
                } else if (wanted.get(index)) {
                    if (count == indexes.length) {
                        indexes = Arrays.copyOf(indexes, count * 2);
                        held = Arrays.copyOf(held, count * 2);
                    }
                    indexes[count] = index;
                    held[count++] = text.toString();
                }
                index++;
            }
            case "rPh" -> inPhonetic = false;
            case "t" -> inText = false;
            default -> {
                // nothing to close
            }
        }
    }
}
