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
 * Self-registration (Keycloak mode): the account number and postcode from a bill, and an e-mail.
 * In local mode customers get a sign-in through guest pay instead, so this page does not exist.
 */
@Path("/register")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class RegisterResource {

    @CheckedTemplate(basePath = "signin")
    static class Templates {
        static native TemplateInstance register(String accountNumber, String email, FieldErrors errors, String refusal);

        static native TemplateInstance registered();
    }

    @Inject
    IdentityMode mode;

    @Inject
    CustomerRegistration registration;

    @GET
    public TemplateInstance form() {
        requireKeycloak();
        return Templates.register("", "", new FieldErrors(), null);
    }

    @POST
    public Response register(
            @RestForm String accountNumber,
            @RestForm String postcode,
            @RestForm String email,
            HttpServerRequest request) {
        requireKeycloak();
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

    private void requireKeycloak() {
        if (mode.local()) {
            throw new app.billfold.common.NotFoundException("registration in local mode");
        }
    }
}
