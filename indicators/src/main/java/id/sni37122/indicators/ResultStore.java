package id.sni37122.indicators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Keeps every computed result in the warehouse, for history and trends. */
public final class ResultStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection connection;

    public ResultStore(Connection connection) {
        this.connection = connection;
    }

    public void save(Long runId, List<IndicatorResult> results) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT INTO indicator_result VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)")) {
            for (IndicatorResult r : results) {
                p.setObject(1, runId);
                p.setString(2, r.city());
                p.setInt(3, r.year());
                p.setString(4, r.indicator());
                p.setObject(5, r.value());
                p.setDouble(6, r.numerator());
                p.setDouble(7, r.denominator());
                p.setString(8, r.unit());
                p.setString(9, JSON.writeValueAsString(r.rules()));
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** The latest stored result per year for one city and indicator, oldest year first. */
    public List<HistoryPoint> history(String city, String indicator) throws SQLException {
        List<HistoryPoint> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(SqlHistory.SQL)) {
            p.setString(1, city);
            p.setString(2, indicator);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new HistoryPoint(r.getInt(1), (Double) r.getObject(2), r.getDouble(3), r.getDouble(4)));
                }
            }
        }
        return out;
    }

    /** One year of an indicator's history. */
    public record HistoryPoint(int year, Double value, double numerator, double denominator) {
    }

    private static final class SqlHistory {
        static final String SQL = id.sni37122.connectors.SqlResource.load(ResultStore.class, "result_history.sql");
    }
}
