package app.billfold.web.common;

import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.InvalidInputException;
import app.billfold.common.NotFoundException;
import app.billfold.identity.SignInInvitation;
import app.billfold.identity.UserSessions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Where a clerk's sign-in invitation leads: choose a password, and the sign-in exists and is signed
 * in. A link that expired, was used, or names an address no longer on file says so (410).
 */
@Path("/invitation")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class InvitationResource {

    @CheckedTemplate(basePath = "signin")
    static class Templates {
        static native TemplateInstance invitation(String link, String email, FieldErrors errors);

        static native TemplateInstance invitationDead();
    }

    @Inject
    SignInInvitation invitation;

    @Inject
    UserSessions sessions;

    @Inject
    Cookies cookies;

    @Inject
    CsrfToken csrf;

    @GET
    public Response form(@RestQuery String link) {
        return invitation
                .read(link)
                .map(i -> Response.ok(Templates.invitation(link, i.email(), new FieldErrors()))
                        .build())
                .orElseGet(InvitationResource::dead);
    }

    @POST
    public Response accept(
            @RestForm String link, @RestForm String password, @RestForm String confirm, HttpServerRequest request) {
        var invited = invitation.read(link);
        if (invited.isEmpty()) {
            return dead();
        }
        FieldErrors errors = new FieldErrors();
        if (password == null || !password.equals(confirm)) {
            errors.reject("confirm", "error_password_confirm");
        }
        try {
            errors.throwIfAny();
            var user = invitation.accept(link, password);
            String token =
                    sessions.start(user.id, request.remoteAddress().hostAddress(), request.getHeader("User-Agent"));
            csrf.rotate();
            return Response.seeOther(java.net.URI.create("/portal"))
                    .cookie(cookies.session(token))
                    .build();
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.invitation(link, invited.get().email(), e.errors()))
                    .build();
        } catch (NotFoundException | BusinessRuleException e) {
            // Used or changed meanwhile (two tabs): the link is spent.
            return dead();
        }
    }

    private static Response dead() {
        return Response.status(Response.Status.GONE)
                .entity(Templates.invitationDead())
                .build();
    }
}
