package app.billfold.web.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The anti-forgery token of this browser (double-submit cookie): kept in an HttpOnly, SameSite cookie and repeated in a hidden field of every form. A forged cross-site post cannot read the
 * cookie, so it cannot repeat the token.
 */
@RequestScoped
@Named("csrf")
public class CsrfToken {

    public static final String COOKIE = "billfold-csrf";
    public static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    HttpHeaders headers;

    private String token;
    private boolean fresh;

    /** The token to put in a form; creates one (to be set as a cookie) if the browser has none. */
    public String token() {
        if (token == null) {
            token = fromCookie();
            if (token == null) {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                fresh = true;
            }
        }
        return token;
    }

    public String field() {
        return FIELD;
    }

    String fromCookie() {
        Cookie cookie = headers.getCookies().get(COOKIE);
        return cookie == null || cookie.getValue().length() < 40 ? null : cookie.getValue();
    }

    boolean isFresh() {
        return fresh;
    }
}
