package app.billfold.support;

import static io.restassured.RestAssured.given;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like client for HTTP tests: keeps cookies, reads the CSRF token from the last page and
 * sends it with every form, does not follow redirects so tests can see them.
 */
public class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final CookieFilter cookies = new CookieFilter();
    private String csrf;

    public static WebSession signedIn(String email, String password) {
        WebSession session = new WebSession();
        session.get("/");
        Response login = session.post("/login", Map.of("email", email, "password", password));
        if (login.statusCode() != 303) {
            throw new AssertionError("sign-in failed for " + email + ": " + login.statusCode());
        }
        return session;
    }

    public RequestSpecification request() {
        return given().filter(cookies).redirects().follow(false);
    }

    public Response get(String path) {
        Response response = request().get(path);
        remember(response);
        return response;
    }

    public Response post(String path, Map<String, ?> form) {
        if (csrf == null) {
            get("/");
        }
        RequestSpecification spec = request()
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf", csrf);
        form.forEach((name, value) -> {
            if (value instanceof Iterable<?> values) {
                values.forEach(v -> spec.formParam(name, v));
            } else {
                spec.formParam(name, value);
            }
        });
        Response response = spec.post(path);
        remember(response);
        return response;
    }

    /** Posts without the token, as a forged cross-site form would. */
    public Response postWithoutToken(String path, Map<String, ?> form) {
        RequestSpecification spec = request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        form.forEach(spec::formParam);
        return spec.post(path);
    }

    public String csrfToken() {
        return csrf;
    }

    private void remember(Response response) {
        String contentType = response.contentType();
        if (contentType != null && contentType.startsWith("text/html")) {
            Matcher m = CSRF.matcher(response.asString());
            if (m.find()) {
                csrf = m.group(1);
            }
        }
    }
}
