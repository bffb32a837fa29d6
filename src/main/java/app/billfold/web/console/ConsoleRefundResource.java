package app.billfold.web.console;

import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.InvalidInputException;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.payment.Payment;
import app.billfold.payment.Refund;
import app.billfold.payment.RefundPayment;
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
import java.math.BigDecimal;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/** Clerks refund a card or bank payment, fully or in part. */
@Path("/console/payments/{id}/refund")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
@Produces(MediaType.TEXT_HTML)
public class ConsoleRefundResource {

    record RefundForm(String amount, String reason) {}

    @CheckedTemplate(basePath = "console/payments")
    static class Templates {
        static native TemplateInstance refund(
                Payment payment, BigDecimal refundable, RefundForm form, FieldErrors errors, String refusal);
    }

    @Inject
    RefundPayment refunds;

    @Inject
    app.billfold.payment.Payments payments;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance form(@RestPath Long id) {
        Payment payment = payment(id);
        BigDecimal left = refunds.refundable(id);
        return Templates.refund(
                payment, left, new RefundForm(left.stripTrailingZeros().toPlainString(), ""), new FieldErrors(), null);
    }

    @POST
    public Response refund(@RestPath Long id, @RestForm String amount, @RestForm String reason) {
        Payment payment = payment(id);
        RefundForm form = new RefundForm(amount, reason);
        try {
            Refund refund = refunds.refund(id, amount, reason, user.email());
            return Redirects.seeOther(
                    "/console/accounts/" + payment.account.id,
                    refund.isPending() ? "notice_refund_pending" : "notice_refunded");
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.refund(payment, refunds.refundable(id), form, e.errors(), null))
                    .build();
        } catch (BusinessRuleException e) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(Templates.refund(payment, refunds.refundable(id), form, new FieldErrors(), e.messageKey()))
                    .build();
        }
    }

    private Payment payment(Long id) {
        return payments.get(id);
    }
}
