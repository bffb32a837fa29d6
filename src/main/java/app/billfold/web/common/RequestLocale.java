package app.billfold.web.common;

import app.billfold.identity.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The language of this response: the signed-in user's choice, else the language cookie set by the
 * switcher, else the browser's Accept-Language, else English.
 */
@RequestScoped
@Named("requestLocale")
public class RequestLocale {

    public static final String COOKIE = "billfold-lang";
    public static final Set<String> SUPPORTED = Set.of("en", "fr");
    /** Languages written right to left; none is offered yet, but the layout is ready for them. */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "fa", "ur");

    @Inject
    CurrentUser user;

    @Inject
    HttpHeaders headers;

    private Locale locale;

    public Locale locale() {
        if (locale == null) {
            locale = Locale.forLanguageTag(resolve());
        }
        return locale;
    }

    public String language() {
        return locale().getLanguage();
    }

    public String dir() {
        return RIGHT_TO_LEFT.contains(language()) ? "rtl" : "ltr";
    }

    private String resolve() {
        if (user.isSignedIn() && user.language() != null && SUPPORTED.contains(user.language())) {
            return user.language();
        }
        Cookie cookie = headers.getCookies().get(COOKIE);
        if (cookie != null && SUPPORTED.contains(cookie.getValue())) {
            return cookie.getValue();
        }
        List<Locale> acceptable = headers.getAcceptableLanguages();
        for (Locale candidate : acceptable) {
            if (SUPPORTED.contains(candidate.getLanguage())) {
                return candidate.getLanguage();
            }
        }
        return "en";
    }
}
