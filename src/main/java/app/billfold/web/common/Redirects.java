package app.billfold.web.common;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Post-redirect-get: after a successful change, the browser is sent to a page it may safely reload. */
public final class Redirects {

    private Redirects() {}

    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    public static Response seeOther(String path, String noticeKey) {
        return seeOther(Notice.to(path, noticeKey));
    }

    /** A local path to return to after signing in; anything else (another site) falls back. */
    public static String safeLocalPath(String candidate, String fallback) {
        if (candidate == null
                || !candidate.startsWith("/")
                || candidate.startsWith("//")
                || candidate.contains("\\")
                || candidate.contains("\r")
                || candidate.contains("\n")) {
            return fallback;
        }
        return candidate;
    }
}
