package app.billfold.web.common;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;

/** Post-redirect-get: after a successful change, the browser is sent to a page it may safely reload. */
public final class Redirects {

    private Redirects() {}

    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    public static Response seeOther(String path, String noticeKey) {
        return seeOther(Notice.to(path, noticeKey));
    }

    /**
     * A local path to return to after signing in; anything else (another site, or text that is not a
     * well-formed path, such as a space or a stray %) falls back. Our own pages only ever send
     * percent-encoded ASCII, so anything outside printable ASCII is refused too.
     */
    public static String safeLocalPath(String candidate, String fallback) {
        if (candidate == null
                || !candidate.startsWith("/")
                || candidate.startsWith("//")
                || candidate.contains("\\")
                || !candidate.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return fallback;
        }
        try {
            URI uri = new URI(candidate);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? candidate : fallback;
        } catch (URISyntaxException e) {
            return fallback;
        }
    }
}
