package app.billfold.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed value of the session cookie: user id and expiry, with an HMAC so it cannot be forged.
 * Nothing secret is inside, and no server-side session store is needed, so any node can serve any
 * request.
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "billfold-session";

    @Inject
    SessionConfig config;

    @Inject
    Clock clock;

    public String issue(long userId) {
        long expires = Instant.now(clock).plus(config.timeout()).getEpochSecond();
        String payload = userId + ":" + expires;
        return b64(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64(sign(payload));
    }

    /** The user id, if the value is authentic and not expired. */
    public Optional<Long> verify(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(value.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = Base64.getUrlDecoder().decode(value.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                return Optional.empty();
            }
            String[] parts = payload.split(":");
            if (parts.length != 2
                    || Long.parseLong(parts[1]) < Instant.now(clock).getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(parts[0]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public long maxAgeSeconds() {
        return config.timeout().toSeconds();
    }

    public boolean secure() {
        return config.secureCookie();
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(("session:" + payload).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
