package id.sni37122.connectors.table;

/**
 * What a shared-string cell ({@code t="s"}, its value an index) reads as: the string, or, while
 * a large workbook is first looked through for the strings its read columns use, a
 * {@link Ref} to the index.
 */
interface XlsxStrings {

    Object cell(int index);

    /** A shared-string cell not yet resolved: which string it is. */
    record Ref(int index) {
    }

    /** Every shared-string cell as its index. */
    XlsxStrings REFS = Ref::new;
}
