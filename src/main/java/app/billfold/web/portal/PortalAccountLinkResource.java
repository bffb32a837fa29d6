package app.billfold.web.portal;

import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.identity.AnotherAccount;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
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
import org.jboss.resteasy.reactive.RestForm;

/** "Add another account": the account number and a fact of a recent bill, as at registration. */
@Path("/portal/accounts/add")
@RolesAllowed(Role.CUSTOMER_ROLE)
@Produces(MediaType.TEXT_HTML)
public class PortalAccountLinkResource {

    @CheckedTemplate(basePath = "portal/accounts")
    static class Templates {
        static native TemplateInstance add(String accountNumber, FieldErrors errors, String refusal);
    }

    @Inject
    CurrentUser user;

    @Inject
    AnotherAccount another;

    @GET
    public TemplateInstance form() {
        return Templates.add("", new FieldErrors(), null);
    }

    @POST
    public Response add(@RestForm String accountNumber, @RestForm String billFact, HttpServerRequest request) {
        String shown = accountNumber == null ? "" : accountNumber.strip();
        FieldErrors errors = new FieldErrors();
        FormInput.text(errors, "accountNumber", accountNumber, true, 40);
        FormInput.text(errors, "billFact", billFact, true, 40);
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.add(shown, errors, null))
                    .build();
        }
        try {
            var outcome = another.add(
                    user.customerId(),
                    user.email(),
                    accountNumber,
                    billFact,
                    request.remoteAddress().hostAddress());
            return switch (outcome) {
                case ALREADY_YOURS -> Redirects.seeOther("/portal", "notice_account_link_already_yours");
                case NO_MATCH -> refused(400, shown, "register_no_match");
                case CLAIMED -> refused(409, shown, "link_claimed");
                case ASK_THE_BILLER -> refused(409, shown, "link_ask_the_biller");
            };
        } catch (BusinessRuleException e) {
            return refused(429, shown, e.messageKey());
        }
    }

    private static Response refused(int status, String shown, String key) {
        return Response.status(status)
                .entity(Templates.add(shown, new FieldErrors(), key))
                .build();
    }
}
