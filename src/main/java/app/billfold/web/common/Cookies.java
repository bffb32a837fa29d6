package app.billfold.web.common;

import app.billfold.identity.SessionCookie;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

/** The cookies Billfold sets, each with the same hardening: HttpOnly, SameSite, Secure in production. */
@ApplicationScoped
public class Cookies {

    @Inject
    SessionCookie sessions;

    /** The browser's id of a server-side session: worthless once the server ended that session. */
    public NewCookie session(String token) {
        return base(SessionCookie.NAME, token)
                .maxAge((int) sessions.maxAgeSeconds())
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    public NewCookie clearSession() {
        return base(SessionCookie.NAME, "")
                .maxAge(0)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    public NewCookie language(String language) {
        return base(RequestLocale.COOKIE, language)
                .maxAge(60 * 60 * 24 * 365)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    /**
     * The anonymous browser's pre-session id, to which the forms of signed-out pages are bound.
     * Lax, like the session, so that arriving from a link in an e-mail does not replace it.
     */
    public NewCookie csrf(String preSessionId) {
        return base(CsrfToken.COOKIE, preSessionId)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    /** A short-lived cookie sent only under one path (the guest session lives under /guest). */
    public NewCookie scoped(String name, String value, String path) {
        return base(name, value).path(path).sameSite(NewCookie.SameSite.LAX).build();
    }

    private NewCookie.Builder base(String name, String value) {
        return new NewCookie.Builder(name).value(value).path("/").httpOnly(true).secure(sessions.secure());
    }
}
