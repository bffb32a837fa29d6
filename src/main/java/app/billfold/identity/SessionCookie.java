package app.billfold.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The signed value of the session cookie: the user id, with an expiry, signed so that it cannot be
 * forged. Nothing secret is inside, and no server-side session store is needed, so any node can
 * serve any request.
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "billfold-session";
    private static final String PURPOSE = "session";

    @Inject
    SessionConfig config;

    @Inject
    Signer signer;

    public String issue(long userId) {
        return signer.sign(PURPOSE, String.valueOf(userId), config.timeout());
    }

    /** The user id, if the value is authentic and not expired. */
    public Optional<Long> verify(String value) {
        try {
            return signer.verify(PURPOSE, value).map(Long::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public long maxAgeSeconds() {
        return config.timeout().toSeconds();
    }

    public boolean secure() {
        return config.secureCookie();
    }
}
