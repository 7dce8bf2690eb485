import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Properties;

/** Prints the rows loaded into a benchmark warehouse (source_file.rows_loaded, summed). Usage: java -cp JAR bench/CountRows.java WAREHOUSE */
public class CountRows {
    public static void main(String[] args) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0], readOnly);
             ResultSet r = c.createStatement().executeQuery("SELECT coalesce(sum(rows_loaded), 0) FROM source_file")) {
            r.next();
            System.out.println(r.getLong(1));
        }
    }
}
