package app.billfold.web.common;

import app.billfold.identity.IdentityAttributes;
import app.billfold.identity.Signer;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The anti-forgery token of this page's forms, bound to who is asking: for a signed-in user an HMAC
 * (with the server secret) of their session, for an anonymous browser an HMAC of a random
 * pre-session id kept in an HttpOnly cookie. A forged cross-site post cannot read the token, and a
 * value planted in the browser (cookie and field alike) is worth nothing, because only the server
 * can derive a token from an id. The pre-session id is replaced at sign-in and at sign-out, so a
 * token from before either no longer works.
 */
@RequestScoped
@Named("csrf")
public class CsrfToken {

    public static final String COOKIE = "billfold-csrf";
    public static final String FIELD = "csrf";
    private static final String PURPOSE = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    HttpHeaders headers;

    @Inject
    SecurityIdentity identity;

    @Inject
    Signer signer;

    private String preSessionId;
    private boolean fresh;

    /** The token to put in a form; gives an anonymous browser a pre-session id (a cookie) if it has none. */
    public String token() {
        return signer.digest(PURPOSE, binding(true));
    }

    public String field() {
        return FIELD;
    }

    /** The token this request's form must carry, or null when there is nothing it could be bound to. */
    String expected() {
        String binding = binding(false);
        return binding == null ? null : signer.digest(PURPOSE, binding);
    }

    /** A new pre-session id, at sign-in and sign-out: tokens handed out before no longer match. */
    public void rotate() {
        preSessionId = newId();
        fresh = true;
    }

    /** The pre-session id to set as a cookie, when this request made a new one. */
    String newPreSessionId() {
        return fresh ? preSessionId : null;
    }

    private String binding(boolean create) {
        String session = identity.isAnonymous() ? null : identity.getAttribute(IdentityAttributes.SESSION_KEY);
        if (session != null) {
            return "session:" + session;
        }
        if (preSessionId == null) {
            preSessionId = fromCookie();
            if (preSessionId == null && create) {
                rotate();
            }
        }
        return preSessionId == null ? null : "anonymous:" + preSessionId;
    }

    private String fromCookie() {
        Cookie cookie = headers.getCookies().get(COOKIE);
        return cookie == null
                        || cookie.getValue().length() < 40
                        || cookie.getValue().length() > 64
                ? null
                : cookie.getValue();
    }

    private static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
