package app.billfold.web.console;

import app.billfold.account.Account;
import app.billfold.account.AccountForm;
import app.billfold.account.Customers;
import app.billfold.biller.Biller;
import app.billfold.common.FieldErrors;
import app.billfold.common.InvalidInputException;
import app.billfold.common.Page;
import app.billfold.common.Paging;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.invoice.AccountBalance;
import app.billfold.invoice.AccountBalances;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.Invoices;
import app.billfold.payment.OfflinePaymentForm;
import app.billfold.payment.Payment;
import app.billfold.payment.PaymentMethod;
import app.billfold.payment.Payments;
import app.billfold.payment.RecordOfflinePayment;
import app.billfold.web.common.PageLinks;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** An account as a clerk sees it: its invoices and payments; editing it; recording a payment. */
@Path("/console")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
@Produces(MediaType.TEXT_HTML)
public class ConsoleAccountResource {

    @CheckedTemplate(basePath = "console/accounts")
    static class Templates {
        static native TemplateInstance detail(
                Account account,
                AccountBalance balance,
                List<Invoice> invoices,
                PageLinks invoicePages,
                List<Payment> payments,
                PageLinks paymentPages,
                LocalDate today,
                List<app.billfold.billing.Subscription> subscriptions,
                List<app.billfold.billing.Plan> plans,
                FieldErrors errors,
                java.util.Map<String, String> posted,
                CustomerCare.OfAccount care);

        static native TemplateInstance payment(
                Account account,
                List<Invoice> payable,
                OfflinePaymentForm form,
                PaymentMethod[] methods,
                FieldErrors errors,
                LocalDate today);
    }

    @Inject
    Customers customers;

    @Inject
    AccountBalances balances;

    @Inject
    Invoices invoices;

    @Inject
    Payments payments;

    @Inject
    RecordOfflinePayment recordPayment;

    @Inject
    Biller biller;

    @Inject
    app.billfold.billing.Subscriptions subscriptions;

    @Inject
    app.billfold.billing.Plans plans;

    @Inject
    CurrentUser user;

    @Inject
    CustomerCare care;

    @GET
    @Path("accounts/{id}")
    public TemplateInstance detail(@RestPath Long id, @RestQuery String page, @RestQuery String paymentsPage) {
        return page(
                id,
                new FieldErrors(),
                java.util.Map.of(),
                Paging.of(page, PAGE_SIZE),
                Paging.of(paymentsPage, PAGE_SIZE));
    }

    /** An account's bills, and its payments, a page each. */
    static final int PAGE_SIZE = 50;

    /**
     * The account page, with the errors of one of its small forms (subscribe, refund credit) beside
     * their fields and what was typed in them.
     */
    TemplateInstance page(Long id, FieldErrors errors, java.util.Map<String, String> posted) {
        return page(id, errors, posted, Paging.of(null, PAGE_SIZE), Paging.of(null, PAGE_SIZE));
    }

    private TemplateInstance page(
            Long id,
            FieldErrors errors,
            java.util.Map<String, String> posted,
            Paging invoicePaging,
            Paging paymentPaging) {
        Account account = customers.account(id);
        Page<Invoice> bills = invoices.forAccount(id, invoicePaging);
        Page<Payment> paid = payments.forAccount(id, paymentPaging);
        String path = "/console/accounts/" + id;
        return Templates.detail(
                account,
                balances.forAccount(account),
                bills.items(),
                PageLinks.of(path, java.util.Map.of("paymentsPage", paid.number()), bills),
                paid.items(),
                PageLinks.of(path, java.util.Map.of("page", bills.number()), paid, "paymentsPage"),
                biller.today(),
                subscriptions.ofAccount(id),
                plans.all(),
                errors,
                posted,
                care.of(account));
    }

    /** The account page again, 400, after one of its forms was refused. */
    Response refused(Long id, InvalidInputException e, java.util.Map<String, String> posted) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(page(id, e.errors(), posted))
                .build();
    }

    @GET
    @Path("accounts/{id}/edit")
    public TemplateInstance edit(@RestPath Long id) {
        Account account = customers.account(id);
        return ConsoleCustomerResource.Templates.accountForm(
                account.customer, id, AccountForm.of(account), new FieldErrors());
    }

    @POST
    @Path("accounts/{id}")
    public Response update(
            @RestPath Long id,
            @RestForm String accountNumber,
            @RestForm String serviceAddress,
            @RestForm String postcode,
            @RestForm String status,
            @RestForm String city) {
        Account account = customers.account(id);
        AccountForm form = new AccountForm(accountNumber, serviceAddress, postcode, status, city == null ? "" : city);
        try {
            customers.updateAccount(id, form, user.email());
            return Redirects.seeOther("/console/accounts/" + id, "notice_account_updated");
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(ConsoleCustomerResource.Templates.accountForm(account.customer, id, form, e.errors()))
                    .build();
        }
    }

    @GET
    @Path("accounts/{id}/payments/new")
    public TemplateInstance newPayment(@RestPath Long id) {
        Account account = customers.account(id);
        OfflinePaymentForm blank = new OfflinePaymentForm("", biller.today().toString(), "CHEQUE", "", Map.of());
        return paymentPage(account, blank, new FieldErrors());
    }

    @POST
    @Path("accounts/{id}/payments")
    public Response recordPayment(
            @RestPath Long id,
            @RestForm String amount,
            @RestForm String receivedOn,
            @RestForm String method,
            @RestForm String reference,
            @RestForm List<String> allocationInvoice,
            @RestForm List<String> allocationAmount) {
        Account account = customers.account(id);
        // The form repeats (invoice id, amount) pairs, one per open invoice.
        Map<Long, String> split = new HashMap<>();
        for (int i = 0; i < Math.min(allocationInvoice.size(), allocationAmount.size()); i++) {
            try {
                split.put(Long.valueOf(allocationInvoice.get(i)), allocationAmount.get(i));
            } catch (NumberFormatException ignored) {
                // Not an id this form wrote; such a pair cannot name an open invoice.
            }
        }
        OfflinePaymentForm form = new OfflinePaymentForm(amount, receivedOn, method, reference, split);
        try {
            recordPayment.record(id, form, user.email());
            return Redirects.seeOther("/console/accounts/" + id, "notice_payment_recorded");
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(paymentPage(account, form, e.errors()))
                    .build();
        }
    }

    private TemplateInstance paymentPage(Account account, OfflinePaymentForm form, FieldErrors errors) {
        return Templates.payment(
                account,
                invoices.payableForAccount(account.id),
                form,
                PaymentMethod.OFFLINE.toArray(PaymentMethod[]::new),
                errors,
                biller.today());
    }
}
