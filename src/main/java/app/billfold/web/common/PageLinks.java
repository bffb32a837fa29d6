package app.billfold.web.common;

import app.billfold.common.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The previous and next links of a paged list; each keeps the list's filters. */
public record PageLinks(String previous, String next, int number) {

    /** Links under {@code path} with the filters (blank ones left out) and the page's number. */
    public static PageLinks of(String path, Map<String, ?> filters, Page<?> page) {
        return of(path, filters, page, "page");
    }

    /**
     * The same for one of several lists on a page, each paged by its own query parameter
     * ({@code parameter}); the filters carry the others' page numbers.
     */
    public static PageLinks of(String path, Map<String, ?> filters, Page<?> page, String parameter) {
        StringBuilder base = new StringBuilder(path).append('?');
        filters.forEach((name, value) -> {
            String text = value == null ? "" : value.toString();
            if (!text.isBlank()) {
                base.append(encode(name)).append('=').append(encode(text)).append('&');
            }
        });
        return new PageLinks(
                page.hasPrevious() ? base + parameter + "=" + (page.number() - 1) : null,
                page.hasNext() ? base + parameter + "=" + (page.number() + 1) : null,
                page.number());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
