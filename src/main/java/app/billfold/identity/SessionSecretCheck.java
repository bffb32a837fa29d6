package app.billfold.identity;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;

/**
 * Refuses to start in production with a short session secret: every HMAC Billfold computes (the
 * anti-forgery tokens, signed links, SMS codes) and the OIDC state cookie rest on it.
 */
@ApplicationScoped
public class SessionSecretCheck {

    static final int MIN_BYTES = 32;

    @Inject
    SessionConfig config;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        check(!LaunchMode.current().isDevOrTest(), config.secret());
    }

    static void check(boolean production, String secret) {
        int bytes = secret == null ? 0 : secret.getBytes(StandardCharsets.UTF_8).length;
        if (production && bytes < MIN_BYTES) {
            throw new IllegalStateException("BILLFOLD_SESSION_SECRET is " + bytes + " bytes long; it must be at least "
                    + MIN_BYTES + " bytes (for example: openssl rand -base64 48), the same on every node");
        }
    }
}
