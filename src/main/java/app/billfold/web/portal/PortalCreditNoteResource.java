package app.billfold.web.portal;

import app.billfold.common.NotFoundException;
import app.billfold.einvoice.EInvoices;
import app.billfold.einvoice.IssuedDocuments;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.invoice.CreditNote;
import app.billfold.invoice.Invoices;
import app.billfold.web.common.Downloads;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/** A credit note on one of the customer's bills, as PDF (Factur-X) or, for businesses, Peppol UBL. */
@Path("/portal/credit-notes")
@RolesAllowed(Role.CUSTOMER_ROLE)
public class PortalCreditNoteResource {

    @Inject
    Invoices invoices;

    @Inject
    IssuedDocuments documents;

    @Inject
    CurrentUser user;

    @GET
    @Path("{number:[^/.]+}.{format:pdf|xml}")
    @Produces({"application/pdf", "application/xml"})
    public Response file(
            @RestPath String number, @RestPath String format, @RestHeader("If-None-Match") String ifNoneMatch) {
        CreditNote note = CreditNote.find("number", number).firstResult();
        if (note == null || !invoices.get(note.invoiceId).account.customer.id.equals(user.customerId())) {
            throw new NotFoundException("credit note " + number);
        }
        EInvoices.Format kind = "pdf".equals(format) ? EInvoices.Format.FACTURX : EInvoices.Format.UBL;
        return Downloads.of(documents.ofCreditNote(note, kind), ifNoneMatch);
    }
}
