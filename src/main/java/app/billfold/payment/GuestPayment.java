package app.billfold.payment;

import app.billfold.account.Account;
import app.billfold.identity.Signer;
import app.billfold.payment.gateway.MethodKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    app.billfold.common.PublicLinks links;

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
        // The card is saved when autopay is ticked; enrolment and its confirmation follow together.
        ChargeAttempt attempt = payNow.withNewToken(
                customerId, account.id, parts, token, autopay, false, key, actor, ChargePurpose.GUEST);
        if (attempt.status == ChargeStatus.SUCCEEDED) {
            access.markUsed(sessionId);
            if (autopay) {
                enrol(account, SavedMethod.find("token", token).firstResult(), email, actor);
            }
        }
        return attempt;
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
        ChargeAttempt attempt = payNow.finishProcessorPage(account.customer.id, account.id, key, autopay, false, actor);
        if (attempt.status == ChargeStatus.SUCCEEDED || attempt.status == ChargeStatus.PROCESSING) {
            access.markUsed(sessionId);
            SavedMethod method = attempt.token == null
                    ? null
                    : SavedMethod.find("token", attempt.token).firstResult();
            if (autopay && method != null) {
                enrol(account, method, email, actor);
            }
        }
        return attempt;
    }

    private static String actorOf(String email) {
        return "guest" + (email == null || email.isBlank() ? "" : ":" + email);
    }

    private void enrol(Account account, SavedMethod method, String email, String actor) {
        String link = signer.sign(MANAGE_LINK, account.id + "|" + email, LINK_VALIDITY);
        autopayEnrolment.enrolAndConfirm(
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
                        method.label(),
                        "manage",
                        links.to("/guest/autopay?link=") + URLEncoder.encode(link, StandardCharsets.UTF_8)));
    }
}
