package app.billfold.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs short values that travel through the browser (a guest session, a checkout's state across
 * the processor's hosted form, links in e-mails) so that they come back unaltered and not after
 * they expire, and derives per-session secrets such as the anti-forgery token. Each use names its
 * purpose, so that a value signed for one cannot be replayed as another.
 */
@ApplicationScoped
public class Signer {

    @Inject
    SessionConfig config;

    @Inject
    Clock clock;

    public String sign(String purpose, String payload, Duration validFor) {
        String body = Instant.now(clock).plus(validFor).getEpochSecond() + "|" + payload;
        return b64(body.getBytes(StandardCharsets.UTF_8)) + "." + b64(mac(purpose, body));
    }

    /** The payload, if the value was signed for this purpose and has not expired. */
    public Optional<String> verify(String purpose, String value) {
        if (value == null) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        try {
            String body = new String(Base64.getUrlDecoder().decode(value.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = Base64.getUrlDecoder().decode(value.substring(dot + 1));
            int bar = body.indexOf('|');
            if (bar < 1 || !MessageDigest.isEqual(signature, mac(purpose, body))) {
                return Optional.empty();
            }
            if (Long.parseLong(body.substring(0, bar)) < Instant.now(clock).getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(body.substring(bar + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A keyed digest of the value for this purpose (HMAC-SHA256 with the server secret), URL-safe:
     * whoever lacks the secret can neither compute it nor tell the value from it.
     */
    public String digest(String purpose, String value) {
        return b64(mac(purpose, value));
    }

    private byte[] mac(String purpose, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal((purpose + ":" + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
