package app.billfold.web.common;

import app.billfold.common.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The previous and next links of a paged list; each keeps the list's filters. */
public record PageLinks(String previous, String next, int number) {

    /** Links under {@code path} with the filters (blank ones left out) and the page's number. */
    public static PageLinks of(String path, Map<String, ?> filters, Page<?> page) {
        StringBuilder base = new StringBuilder(path).append('?');
        filters.forEach((name, value) -> {
            String text = value == null ? "" : value.toString();
            if (!text.isBlank()) {
                base.append(encode(name)).append('=').append(encode(text)).append('&');
            }
        });
        return new PageLinks(
                page.hasPrevious() ? base + "page=" + (page.number() - 1) : null,
                page.hasNext() ? base + "page=" + (page.number() + 1) : null,
                page.number());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
