package id.sni37122.indicators;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Every indicator on the class path, in ISO order. Adding one is adding a class and its SQL. */
public final class Indicators {

    private Indicators() {
    }

    public static List<Indicator> all() {
        return ServiceLoader.load(Indicator.class, Indicators.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(Indicator::code, Indicators::compareCodes))
                .toList();
    }

    public static Indicator byCode(String code) {
        return all().stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown indicator " + code));
    }

    /** Compares "10.2" before "10.10". */
    public static int compareCodes(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** The years a query lists (its first column), for an indicator's {@link Indicator#years}; params bound in order. */
    public static List<Integer> years(java.sql.Connection warehouse, String sql, Object... params) throws java.sql.SQLException {
        List<Integer> years = new java.util.ArrayList<>();
        try (java.sql.PreparedStatement p = warehouse.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            try (java.sql.ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    years.add(r.getInt(1));
                }
            }
        }
        return years;
    }
}
