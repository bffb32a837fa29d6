package app.billfold.web.console;

import app.billfold.biller.Biller;
import app.billfold.billing.LateFees;
import app.billfold.common.FieldErrors;
import app.billfold.common.InvalidInputException;
import app.billfold.common.Money;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.invoice.CreditNotes;
import app.billfold.invoice.Invoices;
import app.billfold.payment.Payment;
import app.billfold.payment.Payments;
import app.billfold.payment.ReversePayment;
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
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Clerks reverse an offline payment that did not stand (with the returned-payment fee of the
 * policy if they ask for it), and write off what a bill still owes. A refusal by rule (already
 * reversed, nothing owed) comes back as a page saying why (ErrorMappers).
 */
@Path("/console")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
@Produces(MediaType.TEXT_HTML)
public class ConsoleReversalResource {

    record ReverseForm(String reason, boolean chargeFee) {}

    @CheckedTemplate(basePath = "console/payments")
    static class Templates {
        static native TemplateInstance reverse(Payment payment, Money fee, ReverseForm form, FieldErrors errors);
    }

    @Inject
    ReversePayment reversals;

    @Inject
    CreditNotes creditNotes;

    @Inject
    Payments payments;

    @Inject
    LateFees feePolicy;

    @Inject
    Invoices invoices;

    @Inject
    Biller biller;

    @Inject
    CurrentUser user;

    @GET
    @Path("payments/{id}/reverse")
    public TemplateInstance form(@RestPath Long id) {
        return Templates.reverse(payments.get(id), fee(), new ReverseForm("", false), new FieldErrors());
    }

    @POST
    @Path("payments/{id}/reverse")
    public Response reverse(@RestPath Long id, @RestForm String reason, @RestForm String chargeFee) {
        Payment payment = payments.get(id);
        ReverseForm form = new ReverseForm(reason, "on".equals(chargeFee) || "true".equals(chargeFee));
        try {
            reversals.reverse(id, reason, form.chargeFee(), user.email());
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.reverse(payment, fee(), form, e.errors()))
                    .build();
        }
        return Redirects.seeOther("/console/accounts/" + payment.account.id, "notice_account_updated");
    }

    @POST
    @Path("invoices/{id}/write-off")
    public Response writeOff(@RestPath Long id, @RestForm String reason) {
        try {
            creditNotes.writeOff(id, reason, user.email());
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(ConsoleInvoiceResource.Templates.detail(
                            invoices.get(id),
                            payments.allocationsFor(id),
                            biller.today(),
                            null,
                            new FieldErrors().reject("writeOffReason", "error_write_off_reason"),
                            Map.of("writeOffReason", reason == null ? "" : reason)))
                    .build();
        }
        return Redirects.seeOther("/console/invoices/" + id, "notice_account_updated");
    }

    /** The returned-payment fee of the policy, or null when there is none. */
    private Money fee() {
        var policy = feePolicy.policy();
        return policy.chargesReturnedPayments()
                ? Money.of(policy.returnedPaymentFee, biller.settings().currency)
                : null;
    }
}
