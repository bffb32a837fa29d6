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
 * sends it with every form, does not follow redirects so tests can see them. The token is bound to
 * the session (or the pre-session id of a signed-out browser), so when a response changes either
 * cookie (signing in or out) the next form first fetches a page for the new token, as a browser
 * would have shown one.
 */
public class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final CookieFilter cookies = new CookieFilter();
    /** The address the tests' reverse proxy connects from (billfold.trusted-proxies in the test profile). */
    public static final String PROXY_ADDRESS = "127.0.0.2";

    private final Map<String, String> cookieValues = new java.util.HashMap<>();
    private String forwardedFor;
    private String csrf;
    private boolean stale;

    public static WebSession signedIn(String email, String password) {
        WebSession session = new WebSession();
        session.get("/");
        Response login = session.post("/login", Map.of("email", email, "password", password));
        if (login.statusCode() != 303) {
            throw new AssertionError("sign-in failed for " + email + ": " + login.statusCode());
        }
        return session;
    }

    /**
     * A browser at {@code clientAddress} reaching Billfold through the trusted reverse proxy: each
     * request comes from the proxy's address with X-Forwarded-For naming the client.
     */
    public static WebSession behindProxy(String clientAddress) {
        WebSession session = new WebSession();
        session.forwardedFor = clientAddress;
        return session;
    }

    public RequestSpecification request() {
        RequestSpecification spec = given().filter(cookies).redirects().follow(false);
        if (forwardedFor != null) {
            spec = spec.config(fromAddress(PROXY_ADDRESS)).header("X-Forwarded-For", forwardedFor);
        }
        return spec;
    }

    /** Rest Assured's client connecting from this local address (any of 127.0.0.0/8 on Linux). */
    public static io.restassured.config.RestAssuredConfig fromAddress(String address) {
        try {
            return io.restassured.RestAssured.config()
                    .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                            .setParam(
                                    org.apache.http.conn.params.ConnRoutePNames.LOCAL_ADDRESS,
                                    java.net.InetAddress.getByName(address)));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    public Response get(String path) {
        Response response = request().get(path);
        remember(response);
        return response;
    }

    public Response post(String path, Map<String, ?> form) {
        freshToken();
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
        freshToken();
        return csrf;
    }

    /** Fetches a page (the front door, and where it leads) when the token in hand may be out of date. */
    private void freshToken() {
        if (csrf != null && !stale) {
            return;
        }
        Response page = get("/");
        for (int hops = 0; hops < 3 && page.statusCode() / 100 == 3 && page.header("Location") != null; hops++) {
            page = get(page.header("Location"));
        }
    }

    /** The value of a cookie this browser was last given, as someone with the device could copy it. */
    public String cookie(String name) {
        return cookieValues.get(name);
    }

    private void remember(Response response) {
        for (String set : response.headers().getValues("Set-Cookie")) {
            int equals = set.indexOf('=');
            int end = set.indexOf(';');
            String name = set.substring(0, equals);
            cookieValues.put(name, set.substring(equals + 1, end < 0 ? set.length() : end));
            if (name.equals("billfold-session") || name.equals("billfold-csrf")) {
                stale = true;
            }
        }
        String contentType = response.contentType();
        if (contentType != null && contentType.startsWith("text/html")) {
            Matcher m = CSRF.matcher(response.asString());
            if (m.find()) {
                csrf = m.group(1);
                stale = false;
            }
        }
    }
}
