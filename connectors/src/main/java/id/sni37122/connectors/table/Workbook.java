package id.sni37122.connectors.table;

import java.util.List;

/** A spreadsheet's sheets, each readable as a {@link RowSource}: XLSX streamed, or a legacy .xls. */
interface Workbook extends AutoCloseable {

    /** One sheet as the workbook lists it; {@code id} is how the workbook finds it again. */
    record Sheet(String name, String id, boolean hidden) {
    }

    /** Every sheet, in the workbook's order. */
    List<Sheet> sheets();

    /**
     * One sheet's rows, merged cells filled with their merged value. {@code options} say which
     * header will be looked for: a reader may use them to hold only what the load will read.
     */
    RowSource rows(Sheet sheet, TableOptions options);

    @Override
    void close();
}
