package app.billfold.web.portal;

import app.billfold.account.Account;
import app.billfold.account.Customers;
import app.billfold.biller.Biller;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.InvalidInputException;
import app.billfold.common.Money;
import app.billfold.common.Page;
import app.billfold.common.Paging;
import app.billfold.common.PublicLinks;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.identity.Signer;
import app.billfold.invoice.AccountBalance;
import app.billfold.invoice.AccountBalances;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.Invoices;
import app.billfold.payment.ChargeAttempt;
import app.billfold.payment.ChargePurpose;
import app.billfold.payment.ChargeStatus;
import app.billfold.payment.PayNow;
import app.billfold.payment.Payment;
import app.billfold.payment.Payments;
import app.billfold.payment.ReceiptNotice;
import app.billfold.payment.SavedMethod;
import app.billfold.payment.SavedMethods;
import app.billfold.payment.gateway.MethodKind;
import app.billfold.payment.sandbox.SandboxOrder;
import app.billfold.web.common.Checkout;
import app.billfold.web.common.Declines;
import app.billfold.web.common.HostedForm;
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
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Paying bills: choose bills and amount, a saved or new method, tick autopay if wanted, pay. A new
 * card or bank account is typed on the processor's hosted form, never here.
 */
@Path("/portal")
@RolesAllowed(Role.CUSTOMER_ROLE)
@Produces(MediaType.TEXT_HTML)
public class PortalPayResource {

    /** Payments a page of the history: two years of monthly payments. */
    static final int HISTORY_PAGE_SIZE = 24;

    static final String CHECKOUT = "checkout";
    static final String KEY_PREFIX = "pay-";
    static final Duration CHECKOUT_VALIDITY = Duration.ofMinutes(30);

    /** What the pay page shows again after a refusal. */
    record PayForm(
            List<Long> invoices, String amount, String method, boolean save, boolean autopay, boolean paperless) {}

    @CheckedTemplate(basePath = "portal/pay")
    static class Templates {
        static native TemplateInstance pay(
                List<AccountBalance> balances,
                Account account,
                List<Invoice> payable,
                List<SavedMethod> methods,
                PayForm form,
                String key,
                FieldErrors errors,
                String refusal,
                LocalDate today,
                Money total);

        static native TemplateInstance receipt(
                Payment payment, Account account, List<SavedMethod> methods, Money stillOwed);

        static native TemplateInstance pending(ChargeAttempt attempt);

        static native TemplateInstance history(List<Payment> payments, PageLinks pages);
    }

    @Inject
    CurrentUser user;

    @Inject
    PayNow payNow;

    @Inject
    SavedMethods methods;

    @Inject
    Payments payments;

    @Inject
    Invoices invoices;

    @Inject
    AccountBalances balances;

    @Inject
    Signer signer;

    @Inject
    Biller biller;

    @Inject
    PublicLinks links;

    @Inject
    Customers customers;

    @Inject
    ReceiptNotice receiptNotice;

    @GET
    @Path("pay")
    public TemplateInstance payPage(@RestQuery Long account, @RestQuery Long invoice) {
        List<AccountBalance> mine = balances.forCustomer(user.customerId());
        Long chosen = account != null
                ? account
                : mine.stream()
                        .filter(b -> b.openCount() > 0)
                        .map(b -> b.account().id)
                        .findFirst()
                        .orElse(mine.isEmpty() ? null : mine.get(0).account().id);
        if (chosen == null) {
            throw new app.billfold.common.NotFoundException("no account");
        }
        Account acct = payNow.account(user.customerId(), chosen);
        List<Invoice> payable = invoices.payableForAccount(acct.id);
        List<Long> ticked = invoice != null
                ? List.of(invoice)
                : payable.stream().map(i -> i.id).toList();
        List<SavedMethod> saved = methods.of(user.customerId());
        String method = saved.stream()
                .filter(m -> m.isDefault && !m.isExpiredOn(biller.today()))
                .findFirst()
                .map(m -> "saved-" + m.id)
                .orElse("new-card");
        return page(
                mine,
                acct,
                payable,
                saved,
                new PayForm(ticked, "", method, true, false, false),
                new FieldErrors(),
                null);
    }

    @POST
    @Path("pay")
    public Response pay(
            @RestForm Long account,
            @RestForm List<Long> invoice,
            @RestForm String amount,
            @RestForm String method,
            @RestForm boolean save,
            @RestForm boolean autopay,
            @RestForm boolean paperless,
            @RestForm String key) {
        if (account == null) {
            throw new app.billfold.common.NotFoundException("account");
        }
        Account acct = payNow.account(user.customerId(), account);
        PayForm form = new PayForm(invoice == null ? List.of() : invoice, amount, method, save, autopay, paperless);
        String idempotencyKey = HostedForm.keyOf(key, KEY_PREFIX, "c" + user.customerId());
        LinkedHashMap<Long, BigDecimal> parts;
        try {
            parts = payNow.parts(acct.id, form.invoices(), amount);
        } catch (InvalidInputException e) {
            return refused(Response.Status.BAD_REQUEST, acct, form, e.errors(), null);
        }
        String chosen = method == null ? "" : method;
        if (chosen.startsWith("saved-")) {
            Long methodId;
            try {
                methodId = Long.valueOf(chosen.substring("saved-".length()));
            } catch (NumberFormatException e) {
                return refused(
                        Response.Status.BAD_REQUEST,
                        acct,
                        form,
                        new FieldErrors().reject("method", "error_choice"),
                        null);
            }
            return outcome(
                    acct,
                    form,
                    () -> payNow.withSavedMethod(
                            user.customerId(),
                            acct.id,
                            parts,
                            methodId,
                            autopay,
                            idempotencyKey,
                            user.email(),
                            ChargePurpose.PAY_NOW));
        }
        if (!chosen.equals("new-card") && !chosen.equals("new-bank")) {
            return refused(
                    Response.Status.BAD_REQUEST, acct, form, new FieldErrors().reject("method", "error_choice"), null);
        }
        Checkout checkout = new Checkout(
                String.valueOf(user.customerId()),
                acct.id,
                idempotencyKey,
                parts,
                save,
                autopay,
                "",
                paperless,
                new Checkout.Typed(form.invoices(), amount, chosen));
        String state = signer.sign(CHECKOUT, checkout.encode(), CHECKOUT_VALIDITY);
        if (payNow.paysOnProcessorPage()) {
            return toProcessorPage(
                    acct, form, checkout, chosen.equals("new-bank") ? MethodKind.BANK : MethodKind.CARD, state);
        }
        String order = new SandboxOrder(
                        Money.of(checkout.total(), biller.settings().currency), "/portal/pay?account=" + acct.id)
                .signedBy(signer);
        return HostedForm.redirect(chosen.equals("new-bank"), "/portal/pay/return", state, order);
    }

    /** Stripe Checkout: the payer types and pays there, and comes back to the return page. */
    private Response toProcessorPage(Account acct, PayForm form, Checkout checkout, MethodKind kind, String state) {
        String url;
        try {
            url = payNow.openProcessorPage(
                    user.customerId(),
                    acct.id,
                    checkout.parts(),
                    kind,
                    checkout.save() || checkout.autopay(),
                    user.email(),
                    checkout.key(),
                    user.email(),
                    ChargePurpose.PAY_NOW,
                    links.to("/portal/pay/return?state=" + URLEncoder.encode(state, StandardCharsets.UTF_8)),
                    links.to("/portal/pay?account=" + acct.id));
        } catch (BusinessRuleException e) {
            return refused(Response.Status.SERVICE_UNAVAILABLE, acct, form, new FieldErrors(), e.messageKey());
        }
        if (url == null) {
            return outcome(acct, form, () -> finishProcessorPage(acct, checkout));
        }
        return Response.seeOther(URI.create(url)).build();
    }

    private ChargeAttempt finishProcessorPage(Account acct, Checkout checkout) {
        return payNow.finishProcessorPage(
                user.customerId(), acct.id, checkout.key(), checkout.save(), checkout.autopay(), user.email());
    }

    /** Back from the hosted form with a token: pay with it. Reloading pays nothing twice (same key). */
    @GET
    @Path("pay/return")
    public Response back(@RestQuery String state, @RestQuery String token) {
        Checkout checkout = signer.verify(CHECKOUT, state)
                .map(Checkout::decode)
                .filter(c -> c.owner().equals(String.valueOf(user.customerId())))
                .orElseThrow(() -> new app.billfold.common.NotFoundException("checkout"));
        Account acct = payNow.account(user.customerId(), checkout.accountId());
        // After a decline the form comes back as the payer filled it in.
        PayForm form = new PayForm(
                checkout.typed().invoices(),
                checkout.typed().amount(),
                checkout.typed().method(),
                checkout.save(),
                checkout.autopay(),
                checkout.paperless());
        if (payNow.paysOnProcessorPage()) {
            return outcome(acct, form, () -> finishProcessorPage(acct, checkout));
        }
        if (token == null || token.isBlank()) {
            return refused(Response.Status.BAD_REQUEST, acct, form, new FieldErrors(), "error_method_token");
        }
        return outcome(
                acct,
                form,
                () -> payNow.withNewToken(
                        user.customerId(),
                        acct.id,
                        checkout.parts(),
                        token,
                        checkout.save(),
                        checkout.autopay(),
                        checkout.key(),
                        user.email(),
                        ChargePurpose.PAY_NOW));
    }

    @GET
    @Path("receipts/{id}")
    public TemplateInstance receipt(@RestPath Long id) {
        Payment payment = payments.receipt(user.customerId(), id);
        return Templates.receipt(
                payment,
                payment.account,
                methods.of(user.customerId()),
                balances.forAccount(payment.account).due());
    }

    /** A copy of the receipt, to the customer's address on file. */
    @POST
    @Path("receipts/{id}/email")
    public Response emailReceipt(@RestPath Long id) {
        Payment payment = payments.receipt(user.customerId(), id);
        boolean sent = receiptNotice.sendCopy(payment.id, payment.account.customer.email);
        return Redirects.seeOther(
                "/portal/receipts/" + payment.id, sent ? "notice_receipt_sent" : "notice_receipt_copies_used");
    }

    /** Every payment on the customer's accounts, newest first, each linking to its receipt. */
    @GET
    @Path("payments")
    public TemplateInstance history(@RestQuery String page) {
        Page<Payment> shown = payments.forCustomer(user.customerId(), Paging.of(page, HISTORY_PAGE_SIZE));
        return Templates.history(shown.items(), PageLinks.of("/portal/payments", Map.of(), shown));
    }

    @GET
    @Path("pay/pending/{key}")
    public TemplateInstance pending(@RestPath String key) {
        return Templates.pending(payments.attempt(user.customerId(), key));
    }

    private Response outcome(Account acct, PayForm form, java.util.function.Supplier<ChargeAttempt> paying) {
        ChargeAttempt attempt;
        try {
            attempt = paying.get();
        } catch (BusinessRuleException e) {
            return refused(Response.Status.CONFLICT, acct, form, new FieldErrors(), e.messageKey());
        }
        boolean paid = attempt.status == ChargeStatus.SUCCEEDED && attempt.paymentId != null;
        if (form.paperless() && (paid || attempt.status == ChargeStatus.PROCESSING)) {
            // Like autopay, paperless ticked on the pay form starts once the payment went through.
            customers.setPaperless(user.customerId(), acct.id, true, user.email());
        }
        if (paid) {
            return Redirects.seeOther("/portal/receipts/" + attempt.paymentId);
        }
        if (attempt.status == ChargeStatus.FAILED) {
            return refused(
                    Response.Status.PAYMENT_REQUIRED, acct, form, new FieldErrors(), Declines.messageKey(attempt));
        }
        if (attempt.status == ChargeStatus.CANCELLED) {
            return refused(Response.Status.CONFLICT, acct, form, new FieldErrors(), "error_nothing_owed");
        }
        return Redirects.seeOther("/portal/pay/pending/" + attempt.idempotencyKey);
    }

    private Response refused(Response.Status status, Account acct, PayForm form, FieldErrors errors, String refusal) {
        return Response.status(status)
                .entity(page(
                        balances.forCustomer(user.customerId()),
                        acct,
                        invoices.payableForAccount(acct.id),
                        methods.of(user.customerId()),
                        form,
                        errors,
                        refusal))
                .build();
    }

    private TemplateInstance page(
            List<AccountBalance> mine,
            Account acct,
            List<Invoice> payable,
            List<SavedMethod> saved,
            PayForm form,
            FieldErrors errors,
            String refusal) {
        return Templates.pay(
                mine,
                acct,
                payable,
                saved,
                form,
                HostedForm.newKey(KEY_PREFIX),
                errors,
                refusal,
                biller.today(),
                payNow.formTotal(acct.id, form.invoices(), form.amount()));
    }
}
