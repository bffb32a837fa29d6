package app.billfold.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The session cookie: it carries only the random id of a server-side session ({@link UserSessions}),
 * so ending the session on the server ends it for every copy of the cookie.
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "billfold-session";

    @Inject
    SessionConfig config;

    /** The browser may keep it as long as the session's absolute limit; the server decides sooner. */
    public long maxAgeSeconds() {
        return config.timeout().toSeconds();
    }

    public boolean secure() {
        return config.secureCookie();
    }
}
