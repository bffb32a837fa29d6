package app.billfold.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * What the packaged application needs, besides its database, to run under the browser tests:
 * a session key (production has no default) and cookies allowed over plain HTTP on localhost.
 */
public class BrowserAppConfig implements QuarkusTestResourceLifecycleManager {

    /** The packaged app's key for sessions and signed links. */
    public static final String SESSION_SECRET = "browser-test-session-key-not-for-production";

    @Override
    public Map<String, String> start() {
        return Map.of(
                "billfold.session.secret", SESSION_SECRET,
                "billfold.session.secure-cookie", "false",
                "billfold.public-url", TestPorts.app(),
                // The packaged app runs in production mode, where the sandbox must be allowed outright.
                "billfold.payments.sandbox-in-production", "true",
                // No SMTP server here: the packaged app writes its e-mails to the log.
                "quarkus.mailer.mock", "true");
    }

    @Override
    public void stop() {}
}
