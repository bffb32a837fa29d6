package app.billfold.web.common;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses every state-changing request whose form does not carry the token of this session (or,
 * signed out, of this browser's pre-session id): see {@link CsrfToken}. Signed third-party
 * callbacks (under /webhooks/) prove themselves otherwise and are exempt.
 */
public class CsrfFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    CsrfToken csrf;

    @Inject
    ErrorPages errorPages;

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())
                || request.getUriInfo().getPath().startsWith("/webhooks/")) {
            return null;
        }
        String expected = csrf.expected();
        String submitted = submittedToken(request);
        if (expected == null
                || submitted == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8))) {
            return errorPages.page(Response.Status.FORBIDDEN, "error_csrf_title", "error_csrf_text");
        }
        return null;
    }

    private static String submittedToken(ResteasyReactiveContainerRequestContext request) {
        String header = request.getHeaderString("X-CSRF-Token");
        if (header != null) {
            return header;
        }
        ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
        Object value = context.getFormParameter(CsrfToken.FIELD, true, false);
        return value instanceof String s ? s : null;
    }
}
