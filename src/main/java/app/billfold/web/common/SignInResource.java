package app.billfold.web.common;

import app.billfold.common.NotFoundException;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.IdentityMode;
import app.billfold.identity.LocalAccounts;
import app.billfold.identity.Role;
import app.billfold.identity.SessionCookie;
import app.billfold.identity.SessionEnd;
import app.billfold.identity.SignIn;
import app.billfold.identity.SignOut;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** The front door: sign in, sign out (here or everywhere), and the language switcher. */
@Path("/")
@PermitAll
public class SignInResource {

    @CheckedTemplate(basePath = "signin")
    static class Templates {
        static native TemplateInstance signin(String email, String next, boolean failed, Instant retryAt);
    }

    @Inject
    CurrentUser user;

    @Inject
    LocalAccounts accounts;

    @Inject
    SignIn signIn;

    @Inject
    SignOut signOut;

    @Inject
    Cookies cookies;

    @Inject
    CsrfToken csrf;

    @Inject
    IdentityMode mode;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home(@RestQuery String next) {
        if (user.isSignedIn()) {
            return Redirects.seeOther(user.home());
        }
        return Response.ok(Templates.signin("", Redirects.safeLocalPath(next, ""), false, null))
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
    public Response login(
            @RestForm String email,
            @RestForm String password,
            @RestForm String next,
            @CookieParam(SessionCookie.NAME) String current,
            HttpServerRequest request) {
        if (mode.keycloak()) {
            throw new NotFoundException("local sign-in in Keycloak mode");
        }
        String shownEmail = email == null ? "" : email;
        String back = Redirects.safeLocalPath(next, "");
        SignIn.Outcome outcome =
                signIn.attempt(email, password, request.remoteAddress().hostAddress(), request.getHeader("User-Agent"));
        if (outcome instanceof SignIn.MustWait wait) {
            long seconds = Math.max(
                    1, Duration.between(Instant.now(clock), wait.until()).toSeconds());
            return Response.status(429)
                    .header("Retry-After", seconds)
                    .entity(Templates.signin(shownEmail, back, false, wait.until()))
                    .build();
        }
        if (!(outcome instanceof SignIn.SignedIn signedIn)) {
            // One message for an unknown e-mail and a wrong password: no hint which it was.
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Templates.signin(shownEmail, back, true, null))
                    .build();
        }
        // A new session, never the one this browser had; its anti-forgery tokens change with it.
        signOut.here(current, SessionEnd.REPLACED);
        csrf.rotate();
        String home = signedIn.role() == Role.CUSTOMER ? "/portal" : "/console";
        return Response.seeOther(URI.create(Redirects.safeLocalPath(next, home)))
                .cookie(cookies.session(signedIn.token()))
                .build();
    }

    /** Keycloak mode sends signing out through here (the OIDC logout path); without a sign-in, home. */
    @GET
    @Path("logout")
    public Response afterLogout() {
        return Redirects.seeOther("/");
    }

    @POST
    @Path("logout")
    public Response logout(@CookieParam(SessionCookie.NAME) String current) {
        signOut.here(current, SessionEnd.SIGNED_OUT);
        csrf.rotate();
        return Response.seeOther(URI.create("/")).cookie(cookies.clearSession()).build();
    }

    /** Ends every session of the signed-in user, on every device, this one included. */
    @POST
    @Path("logout-everywhere")
    public Response logoutEverywhere() {
        if (user.isSignedIn()) {
            signOut.everywhere(user);
        }
        if (mode.keycloak()) {
            // On to the OIDC logout path, which also ends this browser's Keycloak session.
            return Redirects.seeOther("/logout");
        }
        csrf.rotate();
        return Response.seeOther(URI.create(Notice.to("/", "notice_signed_out_everywhere")))
                .cookie(cookies.clearSession())
                .build();
    }

    /** Remembers the chosen language in a cookie, and for a signed-in user in their profile too. */
    @POST
    @Path("language")
    public Response language(@RestForm String lang, @RestForm String back) {
        String chosen = lang != null && RequestLocale.SUPPORTED.contains(lang) ? lang : "en";
        if (user.isSignedIn() && user.userId() != null) {
            accounts.setLanguage(user.userId(), chosen);
        }
        return Response.seeOther(URI.create(Redirects.safeLocalPath(back, "/")))
                .cookie(cookies.language(chosen))
                .build();
    }
}
