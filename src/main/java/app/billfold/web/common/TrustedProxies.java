package app.billfold.web.common;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns BILLFOLD_TRUSTED_PROXIES (billfold.trusted-proxies: addresses or CIDR ranges of the reverse
 * proxies in front of Billfold) into Quarkus's forwarded-header settings, so that the client
 * address used by guest pay's lockout, sign-in throttling and sessions is the real client's. Quarkus
 * trusts every peer when forwarding is on and its list is empty, so forwarding is switched on only
 * with a list: empty means no proxy is trusted and X-Forwarded-For is ignored from everyone.
 * Registered in META-INF/services; the operator's own quarkus.http.proxy.* settings still win.
 */
public class TrustedProxies implements ConfigSourceFactory {

    public static final String PROPERTY = "billfold.trusted-proxies";
    /** Above application.properties (250), below environment variables (300). */
    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue value = context.getValue(PROPERTY);
        String list = value == null || value.getValue() == null
                ? ""
                : value.getValue().strip();
        if (list.isEmpty()) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(
                Map.of(
                        "quarkus.http.proxy.proxy-address-forwarding", "true",
                        "quarkus.http.proxy.allow-x-forwarded", "true",
                        "quarkus.http.proxy.trusted-proxies", list),
                "billfold-trusted-proxies",
                ORDINAL));
    }
}
