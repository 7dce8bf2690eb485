package id.sni37122.connectors;

import java.util.regex.Pattern;

/**
 * A database source's JDBC url ({@code jdbc:mariadb://host:3306/kuma?…}) as it may be shown and
 * recorded: without a password, whether written as a {@code password=} parameter or as
 * {@code user:password@} before the host. It names the source in {@code source_file.path}, in
 * messages and in the report.
 */
public final class DatabaseUrl {

    private static final Pattern USER_INFO = Pattern.compile("(//)[^/@?]*:[^/@?]*@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;](?:password|pwd)\\d*=)[^&;]*");

    private DatabaseUrl() {
    }

    /** The url with every password replaced by {@code ***}. */
    public static String shown(String url) {
        String s = USER_INFO.matcher(url.strip()).replaceAll("$1***@");
        return PASSWORD_PARAM.matcher(s).replaceAll("$1***");
    }

    /** Whether the url itself carries a password (it belongs in a file or an environment variable instead). */
    public static boolean holdsPassword(String url) {
        return !shown(url).equals(url.strip());
    }
}
