package app.billfold.web.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps only the well-formed entries of Accept-Language and Accept before any page sees them. The
 * REST layer parses both strictly while it renders a template (in a response filter, past every
 * exception mapper), so one odd entry, such as a quality value with four decimals, used to turn any
 * page into a 500. A browser's header is always well formed and passes unchanged; from a malformed
 * one the good entries are kept, and with none left the header is dropped (English, any type).
 */
@ApplicationScoped
public class NegotiationHeaders {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUALITY = "(?:;\\s*[qQ]\\s*=\\s*(?:0(?:\\.\\d{0,3})?|1(?:\\.0{0,3})?))?";
    private static final Pattern LANGUAGE =
            Pattern.compile("(?:\\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)\\s*" + QUALITY);
    private static final Pattern MEDIA_RANGE = Pattern.compile(TOKEN + "/" + TOKEN + "(?:\\s*;\\s*(?![qQ]\\s*=)" + TOKEN
            + "=(?:" + TOKEN + "|\"[^\"\\\\]*\"))*\\s*" + QUALITY);
    private static final int MAX_ENTRIES = 32;

    void register(@Observes Filters filters) {
        filters.register(
                context -> {
                    clean(context, "Accept-Language", LANGUAGE);
                    clean(context, "Accept", MEDIA_RANGE);
                    context.next();
                },
                1000);
    }

    private static void clean(RoutingContext context, String name, Pattern entry) {
        MultiMap headers = context.request().headers();
        List<String> values = headers.getAll(name);
        if (values.isEmpty()) {
            return;
        }
        List<String> kept = new ArrayList<>();
        boolean changed = values.size() > 1;
        for (String value : values) {
            for (String part : value.split(",")) {
                String trimmed = part.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (kept.size() < MAX_ENTRIES && entry.matcher(trimmed).matches()) {
                    kept.add(trimmed);
                } else {
                    changed = true;
                }
            }
        }
        if (kept.isEmpty()) {
            headers.remove(name);
        } else if (changed) {
            headers.set(name, String.join(", ", kept));
        }
    }
}
