package app.billfold.web.console;

import app.billfold.billing.LateFeePolicy;
import app.billfold.billing.LateFees;
import app.billfold.common.FieldErrors;
import app.billfold.common.InvalidInputException;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.web.common.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/** The late fee policy (admins) and waiving a fee (clerks). */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleLateFeesResource {

    @CheckedTemplate(basePath = "console/settings")
    static class Templates {
        static native TemplateInstance lateFees(LateFees.PolicyForm form, FieldErrors errors);
    }

    @Inject
    LateFees lateFees;

    @Inject
    CurrentUser user;

    @GET
    @Path("late-fees")
    @RolesAllowed(Role.ADMIN_ROLE)
    public TemplateInstance policy() {
        LateFeePolicy p = lateFees.policy();
        return Templates.lateFees(
                new LateFees.PolicyForm(
                        p.kind,
                        p.amount.stripTrailingZeros().toPlainString(),
                        String.valueOf(p.graceDays),
                        p.repeat,
                        p.cap == null ? "" : p.cap.toPlainString(),
                        p.returnedPaymentFee == null ? "" : p.returnedPaymentFee.toPlainString()),
                new FieldErrors());
    }

    @POST
    @Path("late-fees")
    @RolesAllowed(Role.ADMIN_ROLE)
    public Response save(
            @RestForm String kind,
            @RestForm String amount,
            @RestForm String graceDays,
            @RestForm String repeat,
            @RestForm String cap,
            @RestForm String returnedFee) {
        var form = new LateFees.PolicyForm(kind, amount, graceDays, repeat, cap, returnedFee);
        try {
            lateFees.updatePolicy(form, user.email());
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.lateFees(form, e.errors()))
                    .build();
        }
        return Redirects.seeOther("/console/late-fees", "notice_settings_saved");
    }

    /** Refused with a page saying why when the fee is paid in part or voided already (ErrorMappers). */
    @POST
    @Path("invoices/{id}/waive-fee")
    @RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
    public Response waive(@RestPath Long id, @RestForm String reason) {
        lateFees.waive(id, reason, user.email());
        return Redirects.seeOther("/console/invoices/" + id, "notice_invoice_voided");
    }
}
