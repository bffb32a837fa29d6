package app.billfold.web.console;

import app.billfold.account.Customer;
import app.billfold.account.Customers;
import app.billfold.audit.AuditLog;
import app.billfold.biller.Biller;
import app.billfold.common.FieldErrors;
import app.billfold.common.InvalidInputException;
import app.billfold.einvoice.BusinessDetailsForm;
import app.billfold.einvoice.BusinessParties;
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
import java.time.LocalDate;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/** The e-invoicing details of business customers, and the e-invoice export of a period. */
@Path("/console")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
@Produces(MediaType.TEXT_HTML)
public class ConsoleEInvoicingResource {

    @CheckedTemplate(basePath = "console/einvoicing")
    static class Templates {
        static native TemplateInstance buyer(
                Customer customer, BusinessDetailsForm form, String buyerReference, FieldErrors errors);

        static native TemplateInstance export(String from, String to, FieldErrors errors);
    }

    @Inject
    Biller biller;

    @Inject
    Customers customers;

    @Inject
    BusinessParties parties;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @GET
    @Path("customers/{id}/business")
    public TemplateInstance buyer(@RestPath Long id) {
        Customer customer = customers.get(id);
        return Templates.buyer(
                customer,
                BusinessDetailsForm.of(customer.business),
                customer.buyerReference == null ? "" : customer.buyerReference,
                new FieldErrors());
    }

    @POST
    @Path("customers/{id}/business")
    public Response saveBuyer(@RestPath Long id, @BeanParam BusinessPost details, @RestForm String buyerReference) {
        Customer customer = customers.get(id);
        try {
            parties.updateBuyer(id, details.form(), buyerReference, user.email());
            return Redirects.seeOther("/console/customers/" + id, "notice_customer_updated");
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.buyer(customer, details.form(), buyerReference, e.errors()))
                    .build();
        }
    }

    @GET
    @Path("einvoices")
    public TemplateInstance export() {
        LocalDate today = biller.today();
        return Templates.export(today.withDayOfMonth(1).toString(), today.toString(), new FieldErrors());
    }
}
