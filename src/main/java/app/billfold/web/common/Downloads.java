package app.billfold.web.common;

import app.billfold.einvoice.EInvoices;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/**
 * A delivered document as a response: shown inline when the browser can, never stored by a cache
 * (it is personal), but with the strong entity tag of its bytes, so that a client that kept it
 * asks with If-None-Match and gets 304 Not Modified instead of the file again.
 */
public final class Downloads {

    private Downloads() {}

    public static Response of(EInvoices.File file, String ifNoneMatch) {
        EntityTag tag = new EntityTag(file.etag());
        if (matches(ifNoneMatch, file.etag())) {
            return Response.notModified(tag).header("Cache-Control", "no-store").build();
        }
        boolean inline = file.mediaType().equals("application/pdf");
        return Response.ok(file.bytes(), file.mediaType())
                .tag(tag)
                .header(
                        "Content-Disposition",
                        (inline ? "inline" : "attachment") + "; filename=\"" + file.name() + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** If-None-Match: "*" or a comma-separated list of tags, weak ones compared weakly (RFC 9110 13.1.2). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("\"" + etag + "\"")) {
                return true;
            }
        }
        return false;
    }
}
