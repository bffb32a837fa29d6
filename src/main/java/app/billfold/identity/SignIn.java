package app.billfold.identity;

import app.billfold.audit.AuditLog;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Local sign-in with e-mail and password. A try that must wait (see {@link SignInThrottle}) is
 * refused before the password is looked at; a wrong one counts against the e-mail and the client
 * address, is counted in metrics and written to the audit trail (the e-mail typed and the address,
 * never the password); a right one starts a new session (a new id at every sign-in) and, for
 * clerks and admins, is audited too.
 */
@ApplicationScoped
public class SignIn {

    /** What came of a try. */
    public sealed interface Outcome {}

    /** Signed in: the browser keeps {@code token}; {@code home} is where the user lands. */
    public record SignedIn(String token, Role role) implements Outcome {}

    /** Wrong e-mail or password (which of the two is never said). */
    public record Refused() implements Outcome {}

    /** Too many failures: no try before {@code until}. */
    public record MustWait(Instant until) implements Outcome {}

    @Inject
    LocalAccounts accounts;

    @Inject
    SignInThrottle throttle;

    @Inject
    UserSessions sessions;

    @Inject
    AuditLog audit;

    @Inject
    MeterRegistry metrics;

    public Outcome attempt(String email, String password, String client, String userAgent) {
        String typed = email == null ? "" : email.strip();
        Optional<Instant> wait = throttle.waitUntil(typed, client);
        if (wait.isPresent()) {
            failure("throttled");
            return new MustWait(wait.get());
        }
        Optional<AppUser> verified = accounts.verify(typed, password);
        if (verified.isEmpty()) {
            failure("wrong_password");
            QuarkusTransaction.requiringNew().run(() -> {
                throttle.failed(typed, client);
                audit.record(actor(typed), "sign-in.failed", "email:" + cut(typed, 110), "from " + client);
            });
            return new Refused();
        }
        AppUser user = verified.get();
        String token = QuarkusTransaction.requiringNew().call(() -> {
            throttle.succeeded(typed);
            if (user.role != Role.CUSTOMER) {
                audit.record(user.email, "sign-in", "user:" + user.id, "from " + client);
            }
            return sessions.start(user.id, client, userAgent);
        });
        return new SignedIn(token, user.role);
    }

    private void failure(String reason) {
        metrics.counter("billfold.sign_in.failures", "reason", reason).increment();
    }

    private static String actor(String typed) {
        return typed.isEmpty() ? "(no e-mail)" : cut(typed, 254);
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
