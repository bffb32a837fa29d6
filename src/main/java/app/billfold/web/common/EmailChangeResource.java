package app.billfold.web.common;

import app.billfold.common.BusinessRuleException;
import app.billfold.common.NotFoundException;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.EmailChange;
import app.billfold.identity.IdentityMode;
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
 * The link sent to a new sign-in address (local mode). Opening it shows what will change and a
 * button; only the button's post changes anything, so a mail scanner that opens links does not
 * confirm an address on the customer's behalf. The link alone proves control of the new address,
 * so it works in whichever browser the mail is read.
 */
@Path("/email-change")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class EmailChangeResource {

    @CheckedTemplate(basePath = "signin")
    static class Templates {
        static native TemplateInstance emailChange(String link, String newEmail);

        static native TemplateInstance emailChangeDead(String refusal);
    }

    @Inject
    IdentityMode mode;

    @Inject
    EmailChange change;

    @Inject
    CurrentUser user;

    @GET
    public Response form(@RestQuery String link) {
        requireLocal();
        return change.read(link)
                .map(p -> Response.ok(Templates.emailChange(link, p.newEmail())).build())
                .orElseGet(() -> dead(null));
    }

    @POST
    public Response confirm(@RestForm String link) {
        requireLocal();
        try {
            change.confirm(link);
        } catch (NotFoundException e) {
            return dead(null);
        } catch (BusinessRuleException e) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(Templates.emailChangeDead(e.messageKey()))
                    .build();
        }
        return Redirects.seeOther(user.isCustomer() ? "/portal/profile" : "/", "notice_profile_email_changed");
    }

    private static Response dead(String refusal) {
        return Response.status(Response.Status.GONE)
                .entity(Templates.emailChangeDead(refusal))
                .build();
    }

    private void requireLocal() {
        if (!mode.local()) {
            throw new NotFoundException("e-mail change in Keycloak mode");
        }
    }
}
