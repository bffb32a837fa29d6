package app.billfold.web.guest;

import app.billfold.account.Account;
import app.billfold.biller.Biller;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.InvalidInputException;
import app.billfold.common.Money;
import app.billfold.common.NotFoundException;
import app.billfold.common.PublicLinks;
import app.billfold.identity.Signer;
import app.billfold.identity.UserSessions;
import app.billfold.invoice.AccountBalances;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.Invoices;
import app.billfold.payment.ChargeAttempt;
import app.billfold.payment.ChargeStatus;
import app.billfold.payment.GuestAccess;
import app.billfold.payment.GuestPayment;
import app.billfold.payment.PayNow;
import app.billfold.payment.Payment;
import app.billfold.payment.Payments;
import app.billfold.payment.ReceiptNotice;
import app.billfold.payment.gateway.MethodKind;
import app.billfold.payment.sandbox.SandboxOrder;
import app.billfold.web.common.Checkout;
import app.billfold.web.common.Cookies;
import app.billfold.web.common.CsrfToken;
import app.billfold.web.common.Declines;
import app.billfold.web.common.HostedForm;
import app.billfold.web.common.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Guest pay: the account number and postcode from the bill open a short session on that one account,
 * which pays once. Card and bank details are typed on the processor's hosted form.
 */
@Path("/guest")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class GuestResource {

    public static final String COOKIE = "billfold-guest";
    static final String SESSION = "guest-session";
    static final String CHECKOUT = "guest-checkout";
    static final String KEY_PREFIX = "guest-";

    record GuestForm(
            List<Long> invoices, String amount, String method, boolean autopay, String email, boolean paperless) {}

    @CheckedTemplate(basePath = "guest")
    static class Templates {
        static native TemplateInstance start(String accountNumber, String refusal);

        static native TemplateInstance pay(
                Account account,
                List<Invoice> payable,
                GuestForm form,
                String key,
                FieldErrors errors,
                String refusal,
                LocalDate today,
                Money total);

        static native TemplateInstance receipt(
                Payment payment,
                Money stillOwed,
                boolean hasSignIn,
                String copyEmail,
                String paperlessEmail,
                FieldErrors errors);

        static native TemplateInstance manage(
                Account account, String link, String email, boolean mayRegister, FieldErrors errors, String refusal);
    }

    @Inject
    GuestAccess access;

    @Inject
    GuestPayment guestPayment;

    @Inject
    PayNow payNow;

    @Inject
    Invoices invoices;

    @Inject
    Payments payments;

    @Inject
    Signer signer;

    @Inject
    Cookies cookies;

    @Inject
    Biller biller;

    @Inject
    PublicLinks links;

    @Inject
    app.billfold.payment.Autopay autopay;

    @Inject
    app.billfold.account.Customers customers;

    @Inject
    app.billfold.identity.LocalAccounts registration;

    @Inject
    UserSessions sessions;

    @Inject
    CsrfToken csrf;

    @Inject
    ReceiptNotice receiptNotice;

    @Inject
    AccountBalances balances;

    @GET
    public TemplateInstance start() {
        return Templates.start("", null);
    }

    @POST
    public Response open(@RestForm String accountNumber, @RestForm String postcode, HttpServerRequest request) {
        String shown = accountNumber == null ? "" : accountNumber.strip();
        try {
            return access.open(accountNumber, postcode, request.remoteAddress().hostAddress())
                    .map(id -> Response.seeOther(java.net.URI.create("/guest/pay"))
                            .cookie(cookies.scoped(COOKIE, signer.sign(SESSION, id, Duration.ofMinutes(30)), "/guest"))
                            .build())
                    .orElseGet(() -> Response.status(Response.Status.BAD_REQUEST)
                            .entity(Templates.start(shown, "error_guest_no_match"))
                            .build());
        } catch (BusinessRuleException e) {
            return Response.status(429)
                    .entity(Templates.start(shown, e.messageKey()))
                    .build();
        }
    }

    @GET
    @Path("pay")
    public TemplateInstance payPage(@CookieParam(COOKIE) String cookie) {
        Account account = access.account(sessionId(cookie));
        List<Invoice> payable = invoices.payableForAccount(account.id);
        GuestForm form = new GuestForm(payable.stream().map(i -> i.id).toList(), "", "new-card", false, "", false);
        return Templates.pay(
                account,
                payable,
                form,
                HostedForm.newKey(KEY_PREFIX),
                new FieldErrors(),
                null,
                biller.today(),
                payNow.formTotal(account.id, form.invoices(), form.amount()));
    }

    @POST
    @Path("pay")
    public Response pay(
            @CookieParam(COOKIE) String cookie,
            @RestForm List<Long> invoice,
            @RestForm String amount,
            @RestForm String method,
            @RestForm boolean autopay,
            @RestForm String email,
            @RestForm boolean paperless,
            @RestForm String key) {
        String session = sessionId(cookie);
        Account account = access.account(session);
        GuestForm form =
                new GuestForm(invoice == null ? List.of() : invoice, amount, method, autopay, email, paperless);
        LinkedHashMap<Long, BigDecimal> parts;
        String confirmTo = "";
        try {
            parts = payNow.parts(account.id, form.invoices(), amount);
            if (autopay && account.isOnAutopay()) {
                // What the customer set up stays as it is: nothing is charged or changed.
                return refused(Response.Status.CONFLICT, account, form, new FieldErrors(), "error_guest_autopay_on");
            }
            if (autopay || paperless) {
                FieldErrors errors = new FieldErrors();
                confirmTo = FormInput.email(errors, "email", email, true);
                if (paperless && errors.isEmpty() && !guestPayment.billsMayGoTo(account.id, confirmTo)) {
                    errors.reject("email", "error_guest_paperless_email");
                }
                errors.throwIfAny();
            }
        } catch (InvalidInputException e) {
            return refused(Response.Status.BAD_REQUEST, account, form, e.errors(), null);
        }
        String idempotencyKey = HostedForm.keyOf(key, KEY_PREFIX, "a" + account.id);
        String state = signer.sign(
                CHECKOUT,
                new Checkout(
                                session,
                                account.id,
                                idempotencyKey,
                                parts,
                                autopay,
                                autopay,
                                confirmTo,
                                paperless,
                                new Checkout.Typed(
                                        form.invoices(), amount, "new-bank".equals(method) ? "new-bank" : "new-card"))
                        .encode(),
                Duration.ofMinutes(30));
        if (payNow.paysOnProcessorPage()) {
            String url;
            try {
                url = guestPayment.openOnPage(
                        session,
                        parts,
                        "new-bank".equals(method) ? MethodKind.BANK : MethodKind.CARD,
                        autopay,
                        confirmTo,
                        idempotencyKey,
                        links.to("/guest/pay/return?state=" + URLEncoder.encode(state, StandardCharsets.UTF_8)),
                        links.to("/guest/pay"));
            } catch (BusinessRuleException e) {
                return refused(Response.Status.SERVICE_UNAVAILABLE, account, form, new FieldErrors(), e.messageKey());
            }
            return url == null
                    ? Redirects.seeOther("/guest/pay/return?state=" + URLEncoder.encode(state, StandardCharsets.UTF_8))
                    : Response.seeOther(java.net.URI.create(url)).build();
        }
        BigDecimal total = parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        String order = new SandboxOrder(Money.of(total, biller.settings().currency), "/guest/pay").signedBy(signer);
        return HostedForm.redirect("new-bank".equals(method), "/guest/pay/return", state, order);
    }

    @GET
    @Path("pay/return")
    public Response back(@CookieParam(COOKIE) String cookie, @RestQuery String state, @RestQuery String token) {
        String session = sessionId(cookie);
        Checkout checkout = signer.verify(CHECKOUT, state)
                .map(Checkout::decode)
                .filter(c -> c.owner().equals(session))
                .orElseThrow(() -> new NotFoundException("checkout"));
        Long paidBefore = alreadyPaid(checkout.key());
        if (paidBefore != null) {
            return Redirects.seeOther("/guest/receipts/" + paidBefore);
        }
        Account account = access.account(session);
        // After a decline the form comes back as the guest filled it in.
        GuestForm form = new GuestForm(
                checkout.typed().invoices(),
                checkout.typed().amount(),
                checkout.typed().method(),
                checkout.autopay(),
                checkout.email(),
                checkout.paperless());
        ChargeAttempt attempt;
        try {
            attempt = payNow.paysOnProcessorPage()
                    ? guestPayment.finishOnPage(session, checkout.autopay(), checkout.email(), checkout.key())
                    : guestPayment.pay(
                            session, checkout.parts(), token, checkout.autopay(), checkout.email(), checkout.key());
        } catch (BusinessRuleException e) {
            return refused(Response.Status.CONFLICT, account, form, new FieldErrors(), e.messageKey());
        }
        if (checkout.paperless()
                && (attempt.status == ChargeStatus.SUCCEEDED || attempt.status == ChargeStatus.PROCESSING)) {
            guestPayment.goPaperless(account.id, checkout.email());
        }
        if (attempt.status == ChargeStatus.SUCCEEDED && attempt.paymentId != null) {
            return Redirects.seeOther("/guest/receipts/" + attempt.paymentId);
        }
        if (attempt.status == ChargeStatus.FAILED) {
            return refused(
                    Response.Status.PAYMENT_REQUIRED, account, form, new FieldErrors(), Declines.messageKey(attempt));
        }
        return refused(Response.Status.ACCEPTED, account, form, new FieldErrors(), "pending_text");
    }

    @GET
    @Path("receipts/{id}")
    public TemplateInstance receipt(@CookieParam(COOKIE) String cookie, @RestPath Long id) {
        return receiptPage(guestReceipt(cookie, id), "", "", new FieldErrors());
    }

    /** A copy of the receipt to the address the guest types (a few per payment at most). */
    @POST
    @Path("receipts/{id}/email")
    public Response emailReceipt(@CookieParam(COOKIE) String cookie, @RestPath Long id, @RestForm String copyEmail) {
        Payment payment = guestReceipt(cookie, id);
        FieldErrors errors = new FieldErrors();
        String to = FormInput.email(errors, "copyEmail", copyEmail, true);
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(receiptPage(payment, copyEmail, "", errors))
                    .build();
        }
        boolean sent = receiptNotice.sendCopy(payment.id, to);
        return Redirects.seeOther(
                "/guest/receipts/" + payment.id, sent ? "notice_receipt_sent" : "notice_receipt_copies_used");
    }

    /** Paperless from the receipt, as on the pay form: to the address on file only. */
    @POST
    @Path("receipts/{id}/paperless")
    public Response paperless(
            @CookieParam(COOKIE) String cookie,
            @RestPath Long id,
            @RestForm boolean paperless,
            @RestForm String paperlessEmail) {
        Payment payment = guestReceipt(cookie, id);
        if (!paperless) {
            return Redirects.seeOther("/guest/receipts/" + payment.id);
        }
        FieldErrors errors = new FieldErrors();
        String email = FormInput.email(errors, "paperlessEmail", paperlessEmail, true);
        if (errors.isEmpty() && !guestPayment.billsMayGoTo(payment.account.id, email)) {
            errors.reject("paperlessEmail", "error_guest_paperless_email");
        }
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(receiptPage(payment, "", paperlessEmail, errors))
                    .build();
        }
        guestPayment.goPaperless(payment.account.id, email);
        return Redirects.seeOther("/guest/receipts/" + payment.id, "notice_paperless_on");
    }

    private Payment guestReceipt(String cookie, Long id) {
        Long accountId = access.accountOfAnySession(sessionId(cookie));
        return payments.onAccount(accountId, id);
    }

    private TemplateInstance receiptPage(Payment payment, String copyEmail, String paperlessEmail, FieldErrors errors) {
        Account account = payment.account;
        return Templates.receipt(
                payment,
                balances.forAccount(account).due(),
                registration.hasSignIn(account.customer.id),
                copyEmail == null ? "" : copyEmail,
                paperlessEmail == null ? "" : paperlessEmail,
                errors);
    }

    /**
     * The page the autopay confirmation links to: stop autopay for that one account, or create a
     * sign-in when the link went to the customer's address on file (else it says how to get one).
     */
    @GET
    @Path("autopay")
    public TemplateInstance manage(@RestQuery String link) {
        ManageLink manage = manageLink(link);
        return managePage(manage, link, new FieldErrors(), null);
    }

    @POST
    @Path("autopay/stop")
    public Response stopAutopay(@RestForm String link) {
        ManageLink manage = manageLink(link);
        autopay.stop(manage.account().customer.id, manage.account().id, "guest:" + manage.email());
        try {
            manageLink(link);
        } catch (NotFoundException e) {
            // A notice's link ends with the enrolment it was made for.
            return Redirects.seeOther("/guest", "notice_autopay_off");
        }
        return Redirects.seeOther(
                "/guest/autopay?link=" + URLEncoder.encode(link, StandardCharsets.UTF_8), "notice_autopay_off");
    }

    /**
     * Creates a sign-in for the e-mail the link was sent to, when it is the customer's address on
     * file, and signs it in.
     */
    @POST
    @Path("register")
    public Response register(
            @RestForm String link, @RestForm String password, @RestForm String confirm, HttpServerRequest request) {
        ManageLink manage = manageLink(link);
        FieldErrors errors = new FieldErrors();
        if (password != null && !password.equals(confirm)) {
            errors.reject("confirm", "error_password_confirm");
        }
        try {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            var user = registration.register(manage.email(), password, manage.account().customer.id);
            String token =
                    sessions.start(user.id, request.remoteAddress().hostAddress(), request.getHeader("User-Agent"));
            csrf.rotate();
            return Response.seeOther(java.net.URI.create("/portal"))
                    .cookie(cookies.session(token))
                    .build();
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(managePage(manage, link, e.errors(), null))
                    .build();
        } catch (BusinessRuleException e) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(managePage(manage, link, errors, e.messageKey()))
                    .build();
        }
    }

    private TemplateInstance managePage(ManageLink manage, String link, FieldErrors errors, String refusal) {
        boolean mayRegister = registration.mayRegister(manage.email(), manage.account().customer.id);
        return Templates.manage(manage.account(), link, manage.email(), mayRegister, errors, refusal);
    }

    record ManageLink(Account account, String email) {}

    /**
     * A confirmation's link (account and address, valid two weeks), or a debit notice's (also the
     * moment autopay was switched on: it holds while that enrolment lasts, and no longer).
     */
    private ManageLink manageLink(String link) {
        String[] f = signer.verify(GuestPayment.MANAGE_LINK, link)
                .map(v -> v.split("\\|", 3))
                .filter(v -> v.length >= 2)
                .orElseThrow(() -> new NotFoundException("link"));
        Account account = customers.account(Long.valueOf(f[0]));
        if (f.length == 3
                && (account.autopaySince == null || account.autopaySince.toEpochMilli() != Long.parseLong(f[2]))) {
            throw new NotFoundException("link");
        }
        return new ManageLink(account, f[1]);
    }

    /** A reload of the return page after paying shows the receipt again instead of failing. */
    private Long alreadyPaid(String key) {
        return payments.paymentOfAttempt(key);
    }

    private String sessionId(String cookie) {
        return signer.verify(SESSION, cookie).orElseThrow(() -> new NotFoundException("guest session"));
    }

    private Response refused(
            Response.Status status, Account account, GuestForm form, FieldErrors errors, String refusal) {
        return Response.status(status)
                .entity(Templates.pay(
                        account,
                        invoices.payableForAccount(account.id),
                        form,
                        HostedForm.newKey(KEY_PREFIX),
                        errors,
                        refusal,
                        biller.today(),
                        payNow.formTotal(account.id, form.invoices(), form.amount())))
                .build();
    }
}
