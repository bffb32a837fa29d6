package app.billfold.web.portal;

import app.billfold.biller.Biller;
import app.billfold.common.Page;
import app.billfold.common.Paging;
import app.billfold.einvoice.EInvoices;
import app.billfold.einvoice.IssuedDocuments;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.invoice.CreditNotes;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.Invoices;
import app.billfold.payment.PaymentAllocation;
import app.billfold.payment.Payments;
import app.billfold.web.common.Downloads;
import app.billfold.web.common.PageLinks;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The customer's bills: list with filters, one bill, and its PDF. Only the signed-in customer's own. */
@Path("/portal/invoices")
@RolesAllowed(Role.CUSTOMER_ROLE)
public class PortalInvoiceResource {

    /** Bills a page: two years of monthly bills on one account. */
    static final int PAGE_SIZE = 24;

    @CheckedTemplate(basePath = "portal/invoices")
    static class Templates {
        static native TemplateInstance list(List<Invoice> invoices, PageLinks pages, String filter, LocalDate today);

        static native TemplateInstance detail(
                Invoice invoice,
                List<PaymentAllocation> payments,
                LocalDate today,
                List<app.billfold.invoice.CreditNote> creditNotes);
    }

    @Inject
    CurrentUser user;

    @Inject
    Invoices invoices;

    @Inject
    Payments payments;

    @Inject
    Biller biller;

    @Inject
    IssuedDocuments documents;

    @Inject
    CreditNotes creditNotes;

    @Inject
    app.billfold.autopay.DebitNotices debitNotices;

    /** "Pay this one myself": autopay leaves this bill alone; the customer pays it when they like. */
    @jakarta.ws.rs.POST
    @Path("{number}/pay-myself")
    public Response payMyself(@RestPath String number) {
        debitNotices.skipForCustomer(user.customerId(), number, user.email());
        return app.billfold.web.common.Redirects.seeOther("/portal/invoices/" + number, "notice_autopay_skipped");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@RestQuery String status, @RestQuery String page) {
        Invoices.Filter filter = Invoices.Filter.parse(status == null ? "all" : status);
        String shown = filter.name().toLowerCase(java.util.Locale.ROOT);
        Page<Invoice> bills = invoices.forCustomer(user.customerId(), filter, Paging.of(page, PAGE_SIZE));
        return Templates.list(
                bills.items(), PageLinks.of("/portal/invoices", Map.of("status", shown), bills), shown, biller.today());
    }

    @GET
    @Path("{number}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@RestPath String number) {
        Invoice invoice = invoices.forCustomerByNumber(user.customerId(), number);
        return Templates.detail(
                invoice, payments.allocationsFor(invoice.id), biller.today(), creditNotes.forInvoice(invoice.id));
    }

    /**
     * The bill as Factur-X (pdf: a PDF for anyone, with its structured data inside) or, for a
     * business customer's accounts payable, as Peppol BIS Billing 3.0 UBL (xml) or CII (cii.xml).
     */
    @GET
    @Path("{number:[^/.]+}.{format:pdf|xml|cii\\.xml}")
    @Produces({"application/pdf", "application/xml"})
    public Response file(
            @RestPath String number, @RestPath String format, @RestHeader("If-None-Match") String ifNoneMatch) {
        Invoice invoice = invoices.forCustomerByNumber(user.customerId(), number);
        EInvoices.Format kind = switch (format) {
            case "pdf" -> EInvoices.Format.FACTURX;
            case "xml" -> EInvoices.Format.UBL;
            default -> EInvoices.Format.CII;
        };
        if (kind == EInvoices.Format.CII && !EInvoices.offersUbl(invoice)) {
            throw new app.billfold.common.NotFoundException("CII is offered to business customers");
        }
        return Downloads.of(documents.ofInvoice(invoice, kind), ifNoneMatch);
    }
}
