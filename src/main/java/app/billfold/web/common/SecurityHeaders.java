package app.billfold.web.common;

import app.billfold.identity.SessionConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Set;

/**
 * Headers every response gets as it is written, whatever produced it (a page, a download, an error
 * page, a static file): Strict-Transport-Security while cookies are secure (the site is served over
 * HTTPS), and Cache-Control: no-store on every response to a signed-in user and on every document
 * download, so that no shared or browser cache keeps a bill or a report. The other security headers
 * (CSP, nosniff, framing, referrer) come from quarkus.http.header in application.properties.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String HSTS = "max-age=31536000; includeSubDomains";
    static final Set<String> DOCUMENT_TYPES = Set.of(
            "text/csv",
            "application/pdf",
            "application/zip",
            "application/xml",
            "text/xml",
            "application/octet-stream");

    @Inject
    SessionConfig session;

    void register(@Observes Filters filters) {
        filters.register(
                context -> {
                    context.addHeadersEndHandler(ignored -> finish(context));
                    context.next();
                },
                100);
    }

    private void finish(RoutingContext context) {
        MultiMap headers = context.response().headers();
        if (session.secureCookie()) {
            headers.set("Strict-Transport-Security", HSTS);
        }
        if (signedIn(context) || isDocument(headers)) {
            headers.set("Cache-Control", "no-store");
        }
    }

    private static boolean signedIn(RoutingContext context) {
        // The stylesheet is the same for everyone: it may be cached even when a signed-in page asks.
        // So is the logo, which carries its own Cache-Control and entity tag.
        if (context.normalizedPath().startsWith("/css/")
                || context.normalizedPath().equals("/brand/logo")) {
            return false;
        }
        return context.user() instanceof QuarkusHttpUser user
                && !user.getSecurityIdentity().isAnonymous();
    }

    private static boolean isDocument(MultiMap headers) {
        if (headers.contains("Content-Disposition")) {
            return true;
        }
        String type = headers.get("Content-Type");
        if (type == null) {
            return false;
        }
        int semicolon = type.indexOf(';');
        String bare =
                (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return DOCUMENT_TYPES.contains(bare) || bare.endsWith("+xml");
    }
}
