package app.billfold.web.console;

import app.billfold.biller.Biller;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.InvalidInputException;
import app.billfold.einvoice.EInvoices;
import app.billfold.einvoice.IssuedDocuments;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.invoice.CreditNotes;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.Invoices;
import app.billfold.payment.Payments;
import app.billfold.payment.RefundPayment;
import app.billfold.web.common.Redirects;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/** Credit notes on an invoice's page, and refunding an account's credit. */
@Path("/console")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
@Produces(MediaType.TEXT_HTML)
public class ConsoleCreditResource {

    @Inject
    CreditNotes creditNotes;

    @Inject
    RefundPayment refunds;

    @Inject
    Invoices invoices;

    @Inject
    Payments payments;

    @Inject
    Biller biller;

    @Inject
    CurrentUser user;

    @Inject
    IssuedDocuments documents;

    @Inject
    ConsoleAccountResource accountPages;

    /** A credit note as Factur-X (pdf), CII or Peppol UBL (cii.xml, ubl.xml). */
    @jakarta.ws.rs.GET
    @Path("credit-notes/{id:\\d+}.{format:pdf|cii\\.xml|ubl\\.xml}")
    @Produces({"application/pdf", "application/xml"})
    public Response creditNoteFile(
            @RestPath Long id, @RestPath String format, @RestHeader("If-None-Match") String ifNoneMatch) {
        app.billfold.invoice.CreditNote note = app.billfold.invoice.CreditNote.findById(id);
        if (note == null) {
            throw new app.billfold.common.NotFoundException("credit note " + id);
        }
        return app.billfold.web.common.Downloads.of(
                documents.ofCreditNote(note, EInvoices.Format.byExtension(format)), ifNoneMatch);
    }

    /** Form fields "quantity.{lineId}" give the quantity to credit per line; blank ones are left out. */
    @POST
    @Path("invoices/{id}/credit-notes")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response credit(@RestPath Long id, MultivaluedMap<String, String> form) {
        Map<Long, String> quantities = new HashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("quantity.") && !values.isEmpty()) {
                try {
                    quantities.put(Long.valueOf(name.substring("quantity.".length())), values.get(0));
                } catch (NumberFormatException e) {
                    // not one of the invoice's lines: ignored
                }
            }
        });
        String reason = form.getFirst("reason");
        try {
            creditNotes.issue(id, quantities, reason, user.email());
        } catch (InvalidInputException e) {
            // Named for this form on a page with several reasons: each error beside its field.
            FieldErrors errors = new FieldErrors();
            e.errors()
                    .asMap()
                    .forEach((field, key) -> errors.reject(
                            switch (field) {
                                case "reason" -> "creditReason";
                                case "lines" -> "creditLines";
                                default -> field;
                            },
                            key));
            Map<String, String> posted = new HashMap<>();
            quantities.forEach((line, quantity) -> posted.put("quantity." + line, quantity));
            posted.put("creditReason", reason == null ? "" : reason);
            return refused(id, null, errors, posted);
        } catch (BusinessRuleException e) {
            return refused(id, e.messageKey(), new FieldErrors(), Map.of());
        }
        return Redirects.seeOther("/console/invoices/" + id, "notice_account_updated");
    }

    @POST
    @Path("accounts/{id}/credit-refund")
    public Response refundCredit(@RestPath Long id, @RestForm String amount, @RestForm String reason) {
        // A refusal by rule (nothing to refund) comes back as a page saying why (ErrorMappers).
        try {
            refunds.refundCredit(id, amount, reason, user.email());
        } catch (InvalidInputException e) {
            return accountPages.refused(
                    id, e, Map.of("amount", amount == null ? "" : amount, "reason", reason == null ? "" : reason));
        }
        return Redirects.seeOther("/console/accounts/" + id, "notice_refunded");
    }

    private Response refused(Long invoiceId, String key, FieldErrors errors, Map<String, String> posted) {
        Invoice invoice = invoices.get(invoiceId);
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(ConsoleInvoiceResource.Templates.detail(
                        invoice, payments.allocationsFor(invoiceId), biller.today(), key, errors, posted))
                .build();
    }
}
