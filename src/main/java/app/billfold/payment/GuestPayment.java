package app.billfold.payment;

import app.billfold.account.Account;
import app.billfold.identity.Signer;
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
        String actor = "guest" + (email == null || email.isBlank() ? "" : ":" + email);
        // The card is saved when autopay is ticked; enrolment and its confirmation follow together.
        ChargeAttempt attempt = payNow.withNewToken(
                customerId, account.id, parts, token, autopay, false, key, actor, ChargePurpose.GUEST);
        if (attempt.status == ChargeStatus.SUCCEEDED) {
            access.markUsed(sessionId);
            if (autopay) {
                SavedMethod method = SavedMethod.find("token", token).firstResult();
                String link = signer.sign(MANAGE_LINK, account.id + "|" + email, LINK_VALIDITY);
                autopayEnrolment.enrolAndConfirm(
                        customerId,
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
        return attempt;
    }
}
