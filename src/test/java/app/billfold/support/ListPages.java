package app.billfold.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A paged list's page that shows something, found by following its next links as a clerk would. */
public final class ListPages {

    private ListPages() {}

    /** The first page from {@code path} on that {@code shows}, or the last page when none does. */
    public static String find(WebSession console, String path, Predicate<Document> shows) {
        while (true) {
            String html = console.get(path).asString();
            Document page = Jsoup.parse(html);
            if (shows.test(page)) {
                return html;
            }
            Element next = page.selectFirst("a[rel=next]");
            if (next == null) {
                return html;
            }
            path = URLDecoder.decode(next.attr("href"), StandardCharsets.UTF_8);
        }
    }
}
