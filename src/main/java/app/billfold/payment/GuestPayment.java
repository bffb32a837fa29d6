package app.billfold.payment;

import app.billfold.account.Account;
import app.billfold.account.AccountRepository;
import app.billfold.account.Customers;
import app.billfold.common.BusinessRuleException;
import app.billfold.identity.Signer;
import app.billfold.payment.gateway.MethodKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A guest paying one account's bills once. Ticking autopay (with an e-mail address) saves the card
 * for that account and enrols it, and records a confirmation with a signed, expiring link to manage
 * autopay and to create a sign-in.
 */
@ApplicationScoped
public class GuestPayment {

    public static final String MANAGE_LINK = "guest-autopay";
    static final Duration LINK_VALIDITY = Duration.ofDays(14);

    @Inject
    GuestAccess access;

    @Inject
    PayNow payNow;

    @Inject
    SavedMethods methods;

    @Inject
    Autopay autopayEnrolment;

    @Inject
    Signer signer;

    @Inject
    Customers customers;

    @Inject
    AccountRepository accounts;

    @Inject
    app.billfold.common.PublicLinks links;

    /**
     * Pays with a fresh token. Autopay, when ticked, is for an account not on autopay yet: a guest
     * never replaces what the customer set up (refused before anything is charged). The card is then
     * kept only once the charge went through, and never becomes the customer's default.
     */
    public ChargeAttempt pay(
            String sessionId,
            LinkedHashMap<Long, BigDecimal> parts,
            String token,
            boolean autopay,
            String email,
            String key) {
        Account account = access.account(sessionId);
        Long customerId = account.customer.id;
        String actor = actorOf(email);
        if (autopay) {
            refuseAutopayIfOn(account);
            PayNow.Paid paid =
                    payNow.payAndKeep(customerId, account.id, parts, token, false, key, actor, ChargePurpose.GUEST);
            if (paid.attempt().status == ChargeStatus.SUCCEEDED) {
                access.markUsed(sessionId);
            }
            if (paid.method() != null) {
                enrol(account, paid.method(), email, actor);
            }
            return paid.attempt();
        }
        ChargeAttempt attempt = payNow.withNewToken(
                customerId, account.id, parts, token, false, false, key, actor, ChargePurpose.GUEST);
        if (attempt.status == ChargeStatus.SUCCEEDED) {
            access.markUsed(sessionId);
        }
        return attempt;
    }

    /**
     * Guest autopay is for an account without it: an account already on autopay keeps what its
     * customer chose, and the guest is told so (BusinessRuleException), nothing changed.
     */
    public void refuseAutopayIfOn(Account account) {
        if (account.isOnAutopay()) {
            throw new BusinessRuleException("error_guest_autopay_on");
        }
    }

    /** Opens the processor's page (Stripe Checkout) for a guest's payment; null when already paid. */
    public String openOnPage(
            String sessionId,
            LinkedHashMap<Long, BigDecimal> parts,
            MethodKind kind,
            boolean autopay,
            String email,
            String key,
            String returnUrl,
            String cancelUrl) {
        Account account = access.account(sessionId);
        if (autopay) {
            refuseAutopayIfOn(account);
        }
        return payNow.openProcessorPage(
                account.customer.id,
                account.id,
                parts,
                kind,
                autopay,
                email,
                key,
                actorOf(email),
                ChargePurpose.GUEST,
                returnUrl,
                cancelUrl);
    }

    /** Back from the processor's page: records the outcome and, once paid, enrols autopay as asked. */
    public ChargeAttempt finishOnPage(String sessionId, boolean autopay, String email, String key) {
        Account account = access.account(sessionId);
        String actor = actorOf(email);
        PayNow.Paid paid = payNow.finishAndKeep(account.customer.id, key, autopay, false, actor);
        ChargeAttempt attempt = paid.attempt();
        if (attempt.status == ChargeStatus.SUCCEEDED || attempt.status == ChargeStatus.PROCESSING) {
            access.markUsed(sessionId);
            if (autopay && paid.method() != null) {
                enrol(account, paid.method(), email, actor);
            }
        }
        return attempt;
    }

    /**
     * Whether paperless bills may go to the address a guest typed: only when it is the address on
     * file. Anyone holding a paper bill can pay it, but must not be able to send the customer's
     * bills elsewhere; changing the address takes a sign-in.
     */
    @Transactional
    public boolean billsMayGoTo(Long accountId, String email) {
        String onFile = accounts.findById(accountId).customer.email;
        return onFile != null && email != null && onFile.strip().equalsIgnoreCase(email.strip());
    }

    /** Paperless ticked on the guest's pay form, once the payment went through. */
    @Transactional
    public void goPaperless(Long accountId, String email) {
        if (billsMayGoTo(accountId, email)) {
            customers.setPaperless(accounts.findById(accountId).customer.id, accountId, true, actorOf(email));
        }
    }

    private static String actorOf(String email) {
        return "guest" + (email == null || email.isBlank() ? "" : ":" + email);
    }

    private void enrol(Account account, SavedMethod method, String email, String actor) {
        String link = signer.sign(MANAGE_LINK, account.id + "|" + email, LINK_VALIDITY);
        autopayEnrolment.enrolGuestAndConfirm(
                account.customer.id,
                account.id,
                method.id,
                actor,
                email,
                a -> Map.of(
                        "name",
                        a.customer.name,
                        "account",
                        a.number,
                        "method",
                        method.inWords(a.customer.language),
                        "manage",
                        links.to("/guest/autopay?link=") + URLEncoder.encode(link, StandardCharsets.UTF_8)));
    }
}
