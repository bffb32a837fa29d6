package app.billfold.support;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The aging report's page that lists an account, found by following the next links as a clerk would. */
public final class AgingPages {

    private AgingPages() {}

    public static String find(WebSession console, String asOf, String accountNumber) {
        String path = "/console/reports/aging?asOf=" + asOf;
        while (true) {
            String html = console.get(path).asString();
            Document page = Jsoup.parse(html);
            if (!page.select("tbody a:containsOwn(" + accountNumber + ")").isEmpty()) {
                return html;
            }
            Element next = page.selectFirst("a[rel=next]");
            if (next == null) {
                return html;
            }
            path = java.net.URLDecoder.decode(next.attr("href"), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
