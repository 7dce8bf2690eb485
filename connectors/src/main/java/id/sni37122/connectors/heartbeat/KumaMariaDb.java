package id.sni37122.connectors.heartbeat;

import id.sni37122.connectors.DatabaseUrl;
import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.SourceSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * Uptime Kuma 2.x's MariaDB database ({@code url: jdbc:mariadb://host:3306/kuma}, MariaDB
 * Connector/J), opened to read only, in one REPEATABLE READ transaction so that the heartbeats and
 * stat tables read agree with each other while Kuma goes on writing. The password comes from a file
 * ({@code password_file}) or an environment variable ({@code password_env}), never from the config
 * or the url, and is never shown: messages name the url without it.
 */
final class KumaMariaDb {

    static final String USER = "user";
    static final String PASSWORD_FILE = "password_file";
    static final String PASSWORD_ENV = "password_env";
    /** Rows fetched at a time: a year of heartbeats is streamed, not held in memory. */
    static final int FETCH_ROWS = 10_000;

    private KumaMariaDb() {
    }

    /** Refuses, before anything loads, a url or options that cannot work. */
    static void check(SourceSpec spec) throws SourceException {
        String url = spec.url();
        if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:mariadb://")) {
            throw new SourceException(null, Messages.get("heartbeat.kuma_url", DatabaseUrl.shown(url)));
        }
        if (DatabaseUrl.holdsPassword(url)) {
            throw new SourceException(null, Messages.get("heartbeat.kuma_url_password", DatabaseUrl.shown(url)));
        }
        if (spec.options().containsKey(PASSWORD_FILE) && spec.options().containsKey(PASSWORD_ENV)) {
            throw new SourceException(null, Messages.get("heartbeat.kuma_two_passwords"));
        }
    }

    static Connection open(SourceSpec spec) throws SourceException {
        String shown = DatabaseUrl.shown(spec.url());
        Properties props = new Properties();
        Object user = spec.options().get(USER);
        if (user != null) {
            props.setProperty("user", user.toString());
        }
        String password = password(spec);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "15000");
        try {
            Connection c = DriverManager.getConnection(spec.url(), props);
            try {
                c.setReadOnly(true);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setAutoCommit(false);
                return c;
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new SourceException(null, 0, null, Messages.get("heartbeat.kuma_connect", shown, hidden(SourceException.plainMessage(e), password)), e);
        }
    }

    /** Ends the read-only transaction; a connection already broken has nothing left to undo. */
    static void close(Connection c) {
        try (c) {
            c.rollback();
        } catch (SQLException e) {
            // nothing was written through it
        }
    }

    /** An error while reading: the driver's words, without the password should they ever hold it. */
    static SourceException readFailed(SourceSpec spec, SQLException e) {
        String password;
        try {
            password = password(spec);
        } catch (SourceException x) {
            password = null;
        }
        return new SourceException(null, 0, null, Messages.get("heartbeat.kuma_db_failed", DatabaseUrl.shown(spec.url()),
                hidden(SourceException.plainMessage(e), password)), e);
    }

    /** Whether the exception is the Kuma database's (MariaDB Connector/J's), not the warehouse's. */
    static boolean fromDriver(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith("org.mariadb.jdbc.")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String hidden(String message, String password) {
        return password == null || password.isEmpty() ? message : message.replace(password, "***");
    }

    private static String password(SourceSpec spec) throws SourceException {
        Object file = spec.options().get(PASSWORD_FILE);
        if (file != null) {
            Path path = spec.baseDir().resolve(file.toString()).normalize();
            if (!Files.isRegularFile(path)) {
                throw new SourceException(path, Messages.get("heartbeat.kuma_password_file"));
            }
            try {
                // The file's first line: `echo secret > file` ends it with a newline that is no part of the password.
                return Files.readString(path, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            } catch (IOException e) {
                throw new SourceException(path, Messages.get("heartbeat.kuma_password_file_unreadable", SourceException.plainMessage(e)));
            }
        }
        Object env = spec.options().get(PASSWORD_ENV);
        if (env != null) {
            String value = System.getenv(env.toString());
            if (value == null) {
                throw new SourceException(null, Messages.get("heartbeat.kuma_password_env", env.toString()));
            }
            return value;
        }
        return null;
    }
}
