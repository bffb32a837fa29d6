package app.billfold.web.common;

import app.billfold.einvoice.EInvoices;
import jakarta.ws.rs.core.Response;

/** A generated file as a response: shown inline when the browser can, never cached. */
public final class Downloads {

    private Downloads() {}

    public static Response of(EInvoices.File file) {
        boolean inline = file.mediaType().equals("application/pdf");
        return Response.ok(file.bytes(), file.mediaType())
                .header(
                        "Content-Disposition",
                        (inline ? "inline" : "attachment") + "; filename=\"" + file.name() + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
