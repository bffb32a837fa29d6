package app.billfold.web.common;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The pages shown instead of what was asked for: not found, forbidden, refused, failed. */
@ApplicationScoped
public class ErrorPages {

    @CheckedTemplate(basePath = "error")
    static class Templates {
        static native TemplateInstance error(int status, String titleKey, String textKey);

        static native TemplateInstance unavailable();
    }

    /** The sign-in service (Keycloak) is down: 503, nothing done, try again later. */
    public Response unavailable() {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Retry-After", "60")
                .entity(Templates.unavailable())
                .build();
    }

    public Response page(Response.Status status, String titleKey, String textKey) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status.getStatusCode(), titleKey, textKey))
                .build();
    }
}
