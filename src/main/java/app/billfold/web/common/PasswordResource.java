package app.billfold.web.common;

import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.InvalidInputException;
import app.billfold.common.NotFoundException;
import app.billfold.identity.IdentityMode;
import app.billfold.identity.PasswordReset;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
 * A forgotten password in local mode: ask for a link by e-mail address (the answer never says
 * whether the address has a sign-in), then choose a new password with the link. Keycloak mode has
 * its own screens, so these pages do not exist there.
 */
@Path("/password")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PasswordResource {

    @CheckedTemplate(basePath = "signin")
    static class Templates {
        static native TemplateInstance forgot(String email, FieldErrors errors);

        static native TemplateInstance forgotSent();

        static native TemplateInstance reset(String link, String email, FieldErrors errors);

        static native TemplateInstance resetDead();
    }

    @Inject
    IdentityMode mode;

    @Inject
    PasswordReset reset;

    @GET
    @Path("forgot")
    public TemplateInstance forgot() {
        requireLocal();
        return Templates.forgot("", new FieldErrors());
    }

    @POST
    @Path("forgot")
    public Response ask(@RestForm String email) {
        requireLocal();
        FieldErrors errors = new FieldErrors();
        String address = FormInput.email(errors, "email", email, true);
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.forgot(email == null ? "" : email.strip(), errors))
                    .build();
        }
        reset.request(address);
        return Response.ok(Templates.forgotSent()).build();
    }

    @GET
    @Path("reset")
    public Response form(@RestQuery String link) {
        requireLocal();
        return reset.read(link)
                .map(u -> Response.ok(Templates.reset(link, u.email, new FieldErrors()))
                        .build())
                .orElseGet(PasswordResource::dead);
    }

    @POST
    @Path("reset")
    public Response change(@RestForm String link, @RestForm String password, @RestForm String confirm) {
        requireLocal();
        var user = reset.read(link);
        if (user.isEmpty()) {
            return dead();
        }
        FieldErrors errors = new FieldErrors();
        if (password == null || !password.equals(confirm)) {
            errors.reject("confirm", "error_password_confirm");
        }
        try {
            errors.throwIfAny();
            reset.reset(link, password);
            return Redirects.seeOther("/", "notice_password_reset");
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.reset(link, user.get().email, e.errors()))
                    .build();
        } catch (NotFoundException e) {
            return dead();
        }
    }

    private static Response dead() {
        return Response.status(Response.Status.GONE)
                .entity(Templates.resetDead())
                .build();
    }

    private void requireLocal() {
        if (!mode.local()) {
            throw new NotFoundException("password reset in Keycloak mode");
        }
    }
}
