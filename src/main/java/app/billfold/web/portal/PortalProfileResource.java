package app.billfold.web.portal;

import app.billfold.account.Customer;
import app.billfold.account.Customers;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.InvalidInputException;
import app.billfold.common.NotFoundException;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Device;
import app.billfold.identity.EmailChange;
import app.billfold.identity.IdentityMode;
import app.billfold.identity.OwnPassword;
import app.billfold.identity.Role;
import app.billfold.identity.SessionEnd;
import app.billfold.identity.UserSession;
import app.billfold.identity.UserSessions;
import app.billfold.notify.SmsConsents;
import app.billfold.web.common.Cookies;
import app.billfold.web.common.CsrfToken;
import app.billfold.web.common.Notice;
import app.billfold.web.common.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The customer's profile in local mode: a new password (the current one first), a new sign-in
 * address (confirmed by a link sent to it), where the phone number and SMS consent are kept (the
 * preferences page, which already confirms a number by code), and the browsers signed in, each of
 * which can be ended. In Keycloak mode the sign-in is Keycloak's, so the page sends the customer to
 * Keycloak's account console instead.
 */
@Path("/portal/profile")
@RolesAllowed(Role.CUSTOMER_ROLE)
@Produces(MediaType.TEXT_HTML)
public class PortalProfileResource {

    /** A live session as the page lists it. */
    public record SessionRow(
            Long id, Device device, Instant startedAt, Instant lastSeenAt, String address, boolean current) {}

    /** What the forms show again after a refusal: the address typed, never a password. */
    public record Typed(String email) {}

    @CheckedTemplate(basePath = "portal/profile")
    static class Templates {
        static native TemplateInstance profile(
                Customer customer,
                boolean smsConfirmed,
                List<SessionRow> sessions,
                Typed typed,
                FieldErrors passwordErrors,
                FieldErrors emailErrors,
                String refusal);

        static native TemplateInstance keycloak(String accountConsole);
    }

    @Inject
    CurrentUser user;

    @Inject
    IdentityMode mode;

    @Inject
    Customers customers;

    @Inject
    SmsConsents consents;

    @Inject
    UserSessions sessions;

    @Inject
    OwnPassword password;

    @Inject
    EmailChange emailChange;

    @Inject
    Cookies cookies;

    @Inject
    CsrfToken csrf;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @GET
    public TemplateInstance show() {
        if (mode.keycloak()) {
            return Templates.keycloak(realmUrl + "/account");
        }
        return page(new Typed(""), new FieldErrors(), new FieldErrors(), null);
    }

    @POST
    @Path("password")
    public Response changePassword(
            @RestForm String current, @RestForm String password, @RestForm String confirm, HttpServerRequest request) {
        requireLocal();
        try {
            String token = this.password.change(
                    user.userId(),
                    current,
                    password,
                    confirm,
                    request.remoteAddress().hostAddress(),
                    request.getHeader("User-Agent"));
            // Every session ended, this one too; this browser carries on in a new one.
            csrf.rotate();
            return Response.seeOther(URI.create(Notice.to("/portal/profile", "notice_profile_password_changed")))
                    .cookie(cookies.session(token))
                    .build();
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(new Typed(""), e.errors(), new FieldErrors(), null))
                    .build();
        } catch (BusinessRuleException e) {
            return Response.status(429)
                    .entity(page(new Typed(""), new FieldErrors(), new FieldErrors(), e.messageKey()))
                    .build();
        }
    }

    @POST
    @Path("email")
    public Response changeEmail(@RestForm String current, @RestForm String email, HttpServerRequest request) {
        requireLocal();
        Typed typed = new Typed(email == null ? "" : email.strip());
        FieldErrors errors = new FieldErrors();
        String address = FormInput.email(errors, "email", email, true);
        try {
            errors.throwIfAny();
            emailChange.request(
                    user.userId(), current, address, request.remoteAddress().hostAddress());
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(typed, new FieldErrors(), e.errors(), null))
                    .build();
        } catch (BusinessRuleException e) {
            return Response.status(429)
                    .entity(page(typed, new FieldErrors(), new FieldErrors(), e.messageKey()))
                    .build();
        }
        return Redirects.seeOther("/portal/profile", "notice_profile_email_sent");
    }

    /** Ends one session of this customer's (a lost phone, a shared computer); their own ends by signing out. */
    @POST
    @Path("sessions/{id}/end")
    public Response endSession(@RestPath Long id) {
        requireLocal();
        if (id.equals(user.sessionId())) {
            return Redirects.seeOther("/portal/profile");
        }
        sessions.end(user.userId(), id, SessionEnd.ENDED_ELSEWHERE);
        return Redirects.seeOther("/portal/profile", "notice_profile_session_ended");
    }

    @POST
    @Path("sessions/end-others")
    public Response endOthers() {
        requireLocal();
        sessions.endOthers(user.userId(), user.sessionId(), SessionEnd.ENDED_ELSEWHERE);
        return Redirects.seeOther("/portal/profile", "notice_profile_sessions_ended");
    }

    private TemplateInstance page(Typed typed, FieldErrors passwordErrors, FieldErrors emailErrors, String refusal) {
        Customer customer = customers.get(user.customerId());
        Long here = user.sessionId();
        List<SessionRow> rows = sessions.live(user.userId()).stream()
                .map(s -> row(s, here))
                .sorted((a, b) -> Boolean.compare(b.current(), a.current()))
                .toList();
        return Templates.profile(
                customer, consents.allows(customer.phone), rows, typed, passwordErrors, emailErrors, refusal);
    }

    private static SessionRow row(UserSession session, Long here) {
        return new SessionRow(
                session.id,
                Device.of(session.userAgent),
                session.createdAt,
                session.lastSeenAt,
                session.clientAddress,
                session.id.equals(here));
    }

    private void requireLocal() {
        if (!mode.local()) {
            throw new NotFoundException("profile changes in Keycloak mode");
        }
    }
}
