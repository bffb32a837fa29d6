package app.billfold.web.common;

import app.billfold.identity.AppUser;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.LocalAccounts;
import app.billfold.identity.Role;
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
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** The front door: sign in, sign out, and the language switcher. */
@Path("/")
@PermitAll
public class SignInResource {

    @CheckedTemplate(basePath = "signin")
    static class Templates {
        static native TemplateInstance signin(String email, String next, boolean failed);
    }

    @Inject
    CurrentUser user;

    @Inject
    LocalAccounts accounts;

    @Inject
    Cookies cookies;

    @Inject
    app.billfold.identity.IdentityMode mode;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home(@RestQuery String next) {
        if (user.isSignedIn()) {
            return Redirects.seeOther(user.home());
        }
        return Response.ok(Templates.signin("", Redirects.safeLocalPath(next, ""), false))
                .build();
    }

    /**
     * Keycloak mode: an HTTP permission (application.properties) makes this path need a sign-in, so
     * reaching it unsigned starts the OIDC code flow; back from Keycloak, go where the user was going.
     */
    @GET
    @Path("signin")
    public Response signin(@RestQuery String next) {
        if (!user.isSignedIn()) {
            return Redirects.seeOther("/");
        }
        return Redirects.seeOther(Redirects.safeLocalPath(next, user.home()));
    }

    @POST
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@RestForm String email, @RestForm String password, @RestForm String next) {
        if (mode.keycloak()) {
            throw new app.billfold.common.NotFoundException("local sign-in in Keycloak mode");
        }
        Optional<AppUser> verified = accounts.verify(email, password);
        if (verified.isEmpty()) {
            // One message for an unknown e-mail and a wrong password: no hint which it was.
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Templates.signin(email == null ? "" : email, Redirects.safeLocalPath(next, ""), true))
                    .build();
        }
        AppUser signedIn = verified.get();
        String home = signedIn.role == Role.CUSTOMER ? "/portal" : "/console";
        String target = Redirects.safeLocalPath(next, home);
        return Response.seeOther(java.net.URI.create(target))
                .cookie(cookies.session(signedIn.id))
                .build();
    }

    @POST
    @Path("logout")
    public Response logout() {
        return Response.seeOther(java.net.URI.create("/"))
                .cookie(cookies.clearSession())
                .build();
    }

    /** Remembers the chosen language in a cookie, and for a signed-in user in their profile too. */
    @POST
    @Path("language")
    public Response language(@RestForm String lang, @RestForm String back) {
        String chosen = RequestLocale.SUPPORTED.contains(lang) ? lang : "en";
        if (user.isSignedIn() && user.userId() != null) {
            accounts.setLanguage(user.userId(), chosen);
        }
        return Response.seeOther(java.net.URI.create(Redirects.safeLocalPath(back, "/")))
                .cookie(cookies.language(chosen))
                .build();
    }
}
