package app.billfold.web.common;

import app.billfold.common.BusinessRuleException;
import app.billfold.common.InvalidInputException;
import app.billfold.common.NotFoundException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns failures into pages a person can read, in their language, with no stack trace. Pages that
 * can do better (re-render a form with the errors) catch the exception themselves first.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @Inject
    ErrorPages pages;

    @Inject
    app.billfold.identity.IdentityMode mode;

    /** Where the REST layer reads a request's body, query and headers before any of our code runs. */
    private static final List<String> REQUEST_READING = List.of(
            "org.jboss.resteasy.reactive.server.core.multipart.",
            "org.jboss.resteasy.reactive.server.handlers.FormBodyHandler",
            "org.jboss.resteasy.reactive.common.util.URLUtils",
            "org.jboss.resteasy.reactive.common.headers.HeaderUtil");

    /**
     * A request whose form, multipart body or query cannot be read (a stray %, a charset that does
     * not exist, a body cut short): the client's fault, answered 400 like any other bad input.
     */
    static boolean unreadableRequest(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.UnsupportedEncodingException
                    || cause instanceof java.nio.charset.UnsupportedCharsetException
                    || cause instanceof java.nio.charset.IllegalCharsetNameException) {
                return true;
            }
            for (StackTraceElement frame : cause.getStackTrace()) {
                if (REQUEST_READING.stream().anyMatch(frame.getClassName()::startsWith)) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return pages.page(Response.Status.NOT_FOUND, "error_not_found_title", "error_not_found_text");
    }

    @ServerExceptionMapper
    public Response notFound(jakarta.ws.rs.NotFoundException e) {
        return pages.page(Response.Status.NOT_FOUND, "error_not_found_title", "error_not_found_text");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return pages.page(Response.Status.FORBIDDEN, "error_forbidden_title", "error_forbidden_text");
    }

    /** Not signed in: go to the sign-in page, and come back here afterwards. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response signIn(UriInfo uri) {
        String next = uri.getRequestUri().getRawPath();
        String query = uri.getRequestUri().getRawQuery();
        if (query != null) {
            next += "?" + query;
        }
        // In Keycloak mode straight on to Keycloak's sign-in page (through /signin), else to ours.
        String signIn = mode.keycloak() ? "/signin?next=" : "/?next=";
        return Response.seeOther(
                        URI.create(signIn + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8)))
                .build();
    }

    /** Keycloak could not be reached: say so plainly; the services have changed nothing. */
    @ServerExceptionMapper
    public Response keycloakDown(app.billfold.identity.KeycloakDirectory.Unavailable e) {
        LOG.warn("Keycloak unavailable", e);
        return pages.unavailable();
    }

    @ServerExceptionMapper
    public Response refused(BusinessRuleException e) {
        return pages.page(Response.Status.CONFLICT, "error_refused_title", e.messageKey());
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        return pages.page(Response.Status.BAD_REQUEST, "error_invalid_title", "error_invalid_text");
    }

    /**
     * What the REST layer itself refuses keeps its status: a client (or a proxy, or a monitoring
     * check) told "400 invalid" for a wrong method or media type would look for the fault in the
     * wrong place. 401 goes to sign-in like our own checks; 405 keeps an Allow header when the refusal has one.
     */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return pages.page(Response.Status.INTERNAL_SERVER_ERROR, "error_server_title", "error_server_text");
        }
        return switch (status) {
            case 401 -> signIn(uri);
            case 403 -> forbidden((ForbiddenException) null);
            case 404 -> notFound((NotFoundException) null);
            case 405 ->
                withAllow(
                        pages.page(Response.Status.METHOD_NOT_ALLOWED, "error_method_title", "error_method_text"),
                        e.getResponse());
            case 406 -> pages.page(Response.Status.NOT_ACCEPTABLE, "error_invalid_title", "error_not_acceptable_text");
            case 415 ->
                pages.page(Response.Status.UNSUPPORTED_MEDIA_TYPE, "error_invalid_title", "error_media_type_text");
            default -> pages.page(Response.Status.BAD_REQUEST, "error_invalid_title", "error_invalid_text");
        };
    }

    private static Response withAllow(Response page, Response refused) {
        String allow = refused.getHeaderString("Allow");
        return allow == null
                ? page
                : Response.fromResponse(page).header("Allow", allow).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (unreadableRequest(e)) {
            LOG.debugf("Unreadable request: %s", e);
            return pages.page(Response.Status.BAD_REQUEST, "error_invalid_title", "error_invalid_text");
        }
        LOG.error("Unexpected failure", e);
        return pages.page(Response.Status.INTERNAL_SERVER_ERROR, "error_server_title", "error_server_text");
    }
}
