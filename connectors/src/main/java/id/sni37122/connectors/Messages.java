package id.sni37122.connectors;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing text, in Bahasa Indonesia by default and English with {@code language: en}.
 *
 * <p>A key's first segment names its bundle: {@code portal.bad_date} lives in
 * {@code id/sni37122/connectors/portal/messages.properties}, {@code cli.x} in
 * {@code id/sni37122/cli/messages.properties}, and {@code connectors.x} in
 * {@code id/sni37122/connectors/messages.properties}. So each package keeps its own texts.
 * The base file is Indonesian; {@code messages_en.properties} is English.
 */
public final class Messages {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static volatile Locale locale = Locale.forLanguageTag("id");

    private Messages() {
    }

    /** "id" (default) or "en". */
    public static void setLanguage(String language) {
        locale = "en".equalsIgnoreCase(language) ? Locale.ENGLISH : Locale.forLanguageTag("id");
    }

    public static Locale locale() {
        return locale;
    }

    public static boolean english() {
        return "en".equals(locale.getLanguage());
    }

    /** The text for {@code key} with {@link MessageFormat} arguments; the key itself if unknown. */
    public static String get(String key, Object... args) {
        String pattern = pattern(key);
        if (pattern == null) {
            return args.length == 0 ? key : key + " " + java.util.Arrays.toString(args);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** True when some bundle defines {@code key}. */
    public static boolean has(String key) {
        return pattern(key) != null;
    }

    private static String pattern(String key) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            return null;
        }
        String prefix = key.substring(0, dot);
        for (String base : new String[] {
                "id.sni37122.connectors." + prefix + ".messages", "id.sni37122." + prefix + ".messages"}) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(base, locale, Messages.class.getClassLoader(), NO_FALLBACK);
                if (bundle.containsKey(key)) {
                    return bundle.getString(key);
                }
            } catch (MissingResourceException ignored) {
                // no bundle under this base: try the next
            }
        }
        return null;
    }
}
