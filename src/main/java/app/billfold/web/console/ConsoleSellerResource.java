package app.billfold.web.console;

import app.billfold.biller.Biller;
import app.billfold.common.FieldErrors;
import app.billfold.common.InvalidInputException;
import app.billfold.einvoice.BusinessParties;
import app.billfold.einvoice.SellerForm;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.web.common.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/** The biller as the seller on e-invoices: address, identifiers, bank account. */
@Path("/console/settings/einvoicing")
@RolesAllowed(Role.ADMIN_ROLE)
@Produces(MediaType.TEXT_HTML)
public class ConsoleSellerResource {

    @CheckedTemplate(basePath = "console/einvoicing")
    static class Templates {
        static native TemplateInstance seller(SellerForm form, FieldErrors errors);
    }

    @Inject
    Biller biller;

    @Inject
    BusinessParties parties;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance seller() {
        return Templates.seller(SellerForm.of(biller.settings()), new FieldErrors());
    }

    @POST
    public Response saveSeller(
            @BeanParam BusinessPost details,
            @RestForm String iban,
            @RestForm String bic,
            @RestForm String operationCategory) {
        SellerForm form = new SellerForm(details.form(), iban, bic, operationCategory);
        try {
            parties.updateSeller(form, user.email());
            return Redirects.seeOther("/console/settings/einvoicing", "notice_settings_saved");
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.seller(form, e.errors()))
                    .build();
        }
    }
}
