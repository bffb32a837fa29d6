package app.billfold.web.console;

import app.billfold.account.Account;
import app.billfold.account.Customers;
import app.billfold.biller.Biller;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.InvalidInputException;
import app.billfold.einvoice.EInvoices;
import app.billfold.einvoice.IssuedDocuments;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.invoice.DraftForm;
import app.billfold.invoice.DraftInvoices;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.invoice.Invoices;
import app.billfold.invoice.IssueInvoice;
import app.billfold.invoice.VoidInvoice;
import app.billfold.payment.PaymentAllocation;
import app.billfold.payment.Payments;
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
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Draft, issue, void and print invoices. */
@Path("/console")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
@Produces(MediaType.TEXT_HTML)
public class ConsoleInvoiceResource {

    /** Blank rows offered under the lines already on a draft. */
    static final int BLANK_ROWS = 3;

    @CheckedTemplate(basePath = "console/invoices")
    static class Templates {
        static native TemplateInstance draft(
                Account account,
                Long invoiceId,
                DraftForm form,
                FieldErrors errors,
                String refusal,
                java.util.Collection<String> problems);

        /**
         * The invoice page; {@code errors} and {@code posted} are those of its credit-note or
         * write-off form when one was refused (fields named creditLines, quantity.{lineId},
         * creditReason, writeOffReason: the page has several forms with a reason).
         */
        static native TemplateInstance detail(
                Invoice invoice,
                List<PaymentAllocation> payments,
                LocalDate today,
                String refusal,
                FieldErrors errors,
                java.util.Map<String, String> posted);

        static native TemplateInstance confirm(Invoice invoice);
    }

    @Inject
    Customers customers;

    @Inject
    Invoices invoices;

    @Inject
    DraftInvoices drafts;

    @Inject
    IssueInvoice issueInvoice;

    @Inject
    VoidInvoice voidInvoice;

    @Inject
    Payments payments;

    @Inject
    IssuedDocuments documents;

    @Inject
    Biller biller;

    @Inject
    CurrentUser user;

    @GET
    @Path("accounts/{accountId}/invoices/new")
    public TemplateInstance newDraft(@RestPath Long accountId) {
        Account account = customers.account(accountId);
        DraftForm blank = new DraftForm(biller.today().plusDays(14).toString(), List.of())
                .withBlankRows(BLANK_ROWS, drafts.defaultRate());
        return Templates.draft(account, null, blank, new FieldErrors(), null, List.of());
    }

    @POST
    @Path("accounts/{accountId}/invoices")
    public Response createDraft(@RestPath Long accountId, @jakarta.ws.rs.BeanParam DraftPost post) {
        Account account = customers.account(accountId);
        DraftForm form = post.form();
        return save(account, null, form, post.action, () -> drafts.create(accountId, form, user.email()).id);
    }

    @GET
    @Path("invoices/{id}")
    public TemplateInstance show(@RestPath Long id, @RestQuery String rows) {
        Invoice invoice = invoices.get(id);
        if (invoice.status == InvoiceStatus.DRAFT) {
            int blank = "more".equals(rows) ? BLANK_ROWS + 5 : BLANK_ROWS;
            return Templates.draft(
                    invoice.account,
                    id,
                    DraftForm.of(invoice).withBlankRows(blank, drafts.defaultRate()),
                    new FieldErrors(),
                    null,
                    List.of());
        }
        return Templates.detail(
                invoice, payments.allocationsFor(id), biller.today(), null, new FieldErrors(), java.util.Map.of());
    }

    /** Saves a draft; "more" asks for more blank rows, "issue" saves and shows what issuing will do. */
    @POST
    @Path("invoices/{id}")
    public Response saveDraft(@RestPath Long id, @jakarta.ws.rs.BeanParam DraftPost post) {
        Invoice invoice = invoices.get(id);
        DraftForm form = post.form();
        return save(invoice.account, id, form, post.action, () -> drafts.update(id, form, user.email()).id);
    }

    /** What issuing this draft will send: the clerk confirms it before the bill takes its number. */
    @GET
    @Path("invoices/{id}/issue")
    public Response confirmIssue(@RestPath Long id) {
        Invoice invoice = invoices.get(id);
        if (invoice.status != InvoiceStatus.DRAFT) {
            return Redirects.seeOther("/console/invoices/" + id);
        }
        return Response.ok(Templates.confirm(invoice)).build();
    }

    @POST
    @Path("invoices/{id}/issue")
    public Response issue(@RestPath Long id) {
        try {
            issueInvoice.issue(id, user.email());
            return Redirects.seeOther("/console/invoices/" + id, "notice_invoice_issued");
        } catch (InvalidInputException e) {
            return problems(id, e);
        } catch (BusinessRuleException e) {
            Invoice draft = invoices.get(id);
            return draftPage(
                    Response.Status.CONFLICT,
                    draft.account,
                    id,
                    DraftForm.of(draft).withBlankRows(BLANK_ROWS, drafts.defaultRate()),
                    new FieldErrors(),
                    e.messageKey());
        }
    }

    @POST
    @Path("invoices/{id}/void")
    public Response voidIt(@RestPath Long id) {
        try {
            voidInvoice.voidInvoice(id, user.email());
            return Redirects.seeOther("/console/invoices/" + id, "notice_invoice_voided");
        } catch (BusinessRuleException e) {
            Invoice invoice = invoices.get(id);
            return Response.status(Response.Status.CONFLICT)
                    .entity(Templates.detail(
                            invoice,
                            payments.allocationsFor(id),
                            biller.today(),
                            e.messageKey(),
                            new FieldErrors(),
                            java.util.Map.of()))
                    .build();
        }
    }

    @POST
    @Path("invoices/{id}/discard")
    public Response discard(@RestPath Long id) {
        Long accountId = drafts.discard(id, user.email());
        return Redirects.seeOther("/console/accounts/" + accountId, "notice_draft_discarded");
    }

    /** The bill as Factur-X (pdf: the PDF everyone reads, with its EN 16931 XML inside), CII or UBL. */
    @GET
    @Path("invoices/{id:\\d+}.{format:pdf|cii\\.xml|ubl\\.xml}")
    @Produces({"application/pdf", "application/xml"})
    public Response file(@RestPath Long id, @RestPath String format, @RestHeader("If-None-Match") String ifNoneMatch) {
        return app.billfold.web.common.Downloads.of(
                documents.ofInvoice(invoices.get(id), EInvoices.Format.byExtension(format)), ifNoneMatch);
    }

    /** Saves the draft, then does what the pressed button asked; a refusal re-renders the form. */
    private Response save(Account account, Long invoiceId, DraftForm form, String action, Supplier<Long> saving) {
        Long id;
        try {
            id = saving.get();
        } catch (InvalidInputException e) {
            return draftPage(
                    Response.Status.BAD_REQUEST,
                    account,
                    invoiceId,
                    form.withBlankRows(1, drafts.defaultRate()),
                    e.errors(),
                    null);
        } catch (BusinessRuleException e) {
            return draftPage(
                    Response.Status.CONFLICT,
                    account,
                    invoiceId,
                    form.withBlankRows(1, drafts.defaultRate()),
                    new FieldErrors(),
                    e.messageKey());
        }
        if ("issue".equals(action)) {
            try {
                issueInvoice.check(id);
            } catch (InvalidInputException e) {
                return problems(id, e);
            }
            // Issuing numbers the bill for good: the clerk sees what will be issued first.
            return Redirects.seeOther("/console/invoices/" + id + "/issue");
        }
        if ("more".equals(action)) {
            return Redirects.seeOther("/console/invoices/" + id + "?rows=more");
        }
        return Redirects.seeOther("/console/invoices/" + id, "notice_draft_saved");
    }

    /** The draft again, with what keeps its e-invoice from passing. */
    private Response problems(Long id, InvalidInputException e) {
        Invoice draft = invoices.get(id);
        return Response.status(Response.Status.CONFLICT)
                .entity(Templates.draft(
                        draft.account,
                        id,
                        DraftForm.of(draft).withBlankRows(BLANK_ROWS, drafts.defaultRate()),
                        new FieldErrors(),
                        null,
                        e.errors().messageKeys()))
                .build();
    }

    private static Response draftPage(
            Response.Status status,
            Account account,
            Long invoiceId,
            DraftForm form,
            FieldErrors errors,
            String refusal) {
        return Response.status(status)
                .entity(Templates.draft(account, invoiceId, form, errors, refusal, List.of()))
                .build();
    }
}
