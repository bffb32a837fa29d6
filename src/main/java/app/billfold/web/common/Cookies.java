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

    public NewCookie session(long userId) {
        return base(SessionCookie.NAME, sessions.issue(userId))
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

    /** Lax, like the session, so that arriving from a link in an e-mail does not replace it. */
    public NewCookie csrf(String token) {
        return base(CsrfToken.COOKIE, token).sameSite(NewCookie.SameSite.LAX).build();
    }

    /** A short-lived cookie sent only under one path (the guest session lives under /guest). */
    public NewCookie scoped(String name, String value, String path) {
        return base(name, value).path(path).sameSite(NewCookie.SameSite.LAX).build();
    }

    private NewCookie.Builder base(String name, String value) {
        return new NewCookie.Builder(name).value(value).path("/").httpOnly(true).secure(sessions.secure());
    }
}
