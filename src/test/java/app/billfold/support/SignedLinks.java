package app.billfold.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Links signed as the application signs those in its e-mails (app.billfold.identity.Signer, with
 * the browser tests' key), for a page whose e-mail only a nightly job sends: the journey opens the
 * link that e-mail would carry.
 */
public final class SignedLinks {

    private SignedLinks() {}

    public static String sign(String purpose, String payload, Duration validFor) {
        String body = Instant.now().plus(validFor).getEpochSecond() + "|" + payload;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(BrowserAppConfig.SESSION_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((purpose + ":" + body).getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return b64.encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
