package app.billfold.notify;

import app.billfold.identity.SignInLinkIssued;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * E-mails the links of sign-in creation and recovery, recorded in the transaction that made them
 * (invariant 5). Always by e-mail, whatever channels the customer chose: the link proves the address.
 */
@ApplicationScoped
public class SignInMail {

    @Inject
    Outbox outbox;

    @Inject
    java.time.Clock clock;

    void send(@Observes SignInLinkIssued link) {
        if (tooMany(link)) {
            // Whoever keeps asking for links to someone's address gets the same answer, and no more mail.
            return;
        }
        outbox.record(
                Channel.EMAIL,
                link.customerId(),
                link.email(),
                kind(link.kind()),
                link.language() == null ? "en" : link.language(),
                Map.of("name", link.name() == null ? "" : link.name(), "link", link.url()),
                // Each link is its own message (a second invitation is a new e-mail); the same link twice is one.
                "signin-link:" + link.kind() + ":" + link.customerId() + ":" + digest(link.url()));
    }

    /**
     * Tells the old address that the sign-in moved, naming the new one only in part: enough for its
     * owner to recognise their own change, not a gift to whoever holds the old mailbox.
     */
    void send(@Observes app.billfold.identity.SignInEmailChanged change) {
        outbox.record(
                Channel.EMAIL,
                change.customerId(),
                change.oldEmail(),
                "email_changed",
                change.language() == null ? "en" : change.language(),
                Map.of("name", change.name() == null ? "" : change.name(), "newEmail", masked(change.newEmail())),
                "email-changed:" + change.customerId() + ":" + digest(change.oldEmail() + ">" + change.newEmail()));
    }

    /** "ada@example.com" as "a•••@example.com". */
    static String masked(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "•••" : email.charAt(0) + "•••" + email.substring(at);
    }

    /** Three links of one kind to one address in an hour are enough. */
    private boolean tooMany(SignInLinkIssued link) {
        return OutboxMessage.count(
                        "recipient = ?1 and kind = ?2 and createdAt > ?3",
                        link.email(),
                        kind(link.kind()),
                        java.time.Instant.now(clock).minus(java.time.Duration.ofHours(1)))
                >= 3;
    }

    private static String digest(String url) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(url.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String kind(SignInLinkIssued.Kind kind) {
        return switch (kind) {
            case INVITATION -> "signin_invitation";
            case PASSWORD_RESET -> "password_reset";
            case STAFF_INVITATION -> "staff_invitation";
            case EMAIL_CHANGE -> "email_change";
        };
    }
}
