package app.billfold.web.common;

import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.identity.CustomerRegistration;
import app.billfold.identity.IdentityMode;
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

/**
 * Self-registration: in Keycloak mode the account number and postcode from a bill, and an e-mail;
 * in local mode the account number and a fact from a recent bill (its number or amount), and an
 * e-mail, confirmed by a single-use link to the address on file ({@link
 * app.billfold.identity.LocalRegistration}).
 */
@Path("/register")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class RegisterResource {

    @CheckedTemplate(basePath = "signin")
    static class Templates {
        static native TemplateInstance register(String accountNumber, String email, FieldErrors errors, String refusal);

        static native TemplateInstance registered();

        static native TemplateInstance registerLocal(
                String accountNumber, String email, FieldErrors errors, String refusal);
    }

    @Inject
    IdentityMode mode;

    @Inject
    CustomerRegistration registration;

    @Inject
    app.billfold.identity.LocalRegistration local;

    @GET
    public TemplateInstance form() {
        if (mode.local()) {
            return Templates.registerLocal("", "", new FieldErrors(), null);
        }
        return Templates.register("", "", new FieldErrors(), null);
    }

    @POST
    public Response register(
            @RestForm String accountNumber,
            @RestForm String postcode,
            @RestForm String billFact,
            @RestForm String email,
            HttpServerRequest request) {
        if (mode.local()) {
            return registerLocal(accountNumber, billFact, email, request);
        }
        String shownNumber = accountNumber == null ? "" : accountNumber.strip();
        String shownEmail = email == null ? "" : email.strip();
        FieldErrors errors = new FieldErrors();
        String address = FormInput.email(errors, "email", email, true);
        FormInput.text(errors, "accountNumber", accountNumber, true, 40);
        FormInput.text(errors, "postcode", postcode, true, 20);
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.register(shownNumber, shownEmail, errors, null))
                    .build();
        }
        try {
            var outcome = registration.register(
                    accountNumber, postcode, address, request.remoteAddress().hostAddress());
            if (outcome == CustomerRegistration.Outcome.NO_MATCH) {
                return Response.status(Response.Status.BAD_REQUEST)
                        .entity(Templates.register(shownNumber, shownEmail, errors, "error_guest_no_match"))
                        .build();
            }
        } catch (BusinessRuleException e) {
            return Response.status(429)
                    .entity(Templates.register(shownNumber, shownEmail, errors, e.messageKey()))
                    .build();
        }
        return Response.ok(Templates.registered()).build();
    }

    /**
     * Local mode: the account number and a fact from a recent bill. An unknown account or a wrong
     * fact get one answer; an account already claimed says so (not by whom); else "check your inbox".
     */
    private Response registerLocal(String accountNumber, String billFact, String email, HttpServerRequest request) {
        String shownNumber = accountNumber == null ? "" : accountNumber.strip();
        String shownEmail = email == null ? "" : email.strip();
        FieldErrors errors = new FieldErrors();
        FormInput.text(errors, "accountNumber", accountNumber, true, 40);
        FormInput.text(errors, "billFact", billFact, true, 40);
        String address = FormInput.email(errors, "email", email, true);
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.registerLocal(shownNumber, shownEmail, errors, null))
                    .build();
        }
        try {
            var outcome = local.register(
                    accountNumber, billFact, address, request.remoteAddress().hostAddress());
            return switch (outcome) {
                case NO_MATCH ->
                    Response.status(Response.Status.BAD_REQUEST)
                            .entity(Templates.registerLocal(shownNumber, shownEmail, errors, "register_no_match"))
                            .build();
                case ALREADY_CLAIMED ->
                    Response.status(Response.Status.CONFLICT)
                            .entity(Templates.registerLocal(shownNumber, shownEmail, errors, "register_claimed"))
                            .build();
                case CHECK_INBOX -> Response.ok(Templates.registered()).build();
            };
        } catch (BusinessRuleException e) {
            return Response.status(429)
                    .entity(Templates.registerLocal(shownNumber, shownEmail, errors, e.messageKey()))
                    .build();
        }
    }
}
