package id.sni37122.indicators;

import id.sni37122.connectors.Messages;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * An indicator's user-facing texts, from the properties bundle named after its class, in the
 * language chosen with {@link Messages#setLanguage}. A missing key shows as the key itself,
 * so a gap is visible rather than silent.
 */
public final class IndicatorLabels {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;

    private IndicatorLabels(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static IndicatorLabels of(Class<?> indicatorClass) {
        try {
            return new IndicatorLabels(ResourceBundle.getBundle(indicatorClass.getName(), Messages.locale(),
                    indicatorClass.getClassLoader(), NO_FALLBACK));
        } catch (MissingResourceException e) {
            return new IndicatorLabels(null);
        }
    }

    public String get(String key, Object... args) {
        if (bundle == null || !bundle.containsKey(key)) {
            return key;
        }
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Messages.locale()).format(args);
    }

    public boolean has(String key) {
        return bundle != null && bundle.containsKey(key);
    }

    /** The official name of the indicator. */
    public String name() {
        return get("name");
    }

    /** The localized unit. */
    public String unit() {
        return get("unit");
    }
}
