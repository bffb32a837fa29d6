package app.billfold.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignInTest {

    @Inject
    TestData data;

    @Test
    void signsInWithAHardenedCookieAndSignsOut() {
        var ada = data.aCustomer().withLogin("right-password").create();
        WebSession browser = new WebSession();
        browser.get("/");
        Response login =
                browser.post("/login", Map.of("email", ada.email().toUpperCase(), "password", "right-password"));
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.header("Location")).endsWith("/portal");
        String cookie = login.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("billfold-session="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(browser.get("/portal").statusCode()).isEqualTo(200);
        assertThat(browser.get("/").header("Location")).endsWith("/portal");

        assertThat(browser.post("/logout", Map.of()).statusCode()).isEqualTo(303);
        assertThat(browser.get("/portal").statusCode()).isEqualTo(303);
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        var ada = data.aCustomer().withLogin("right-password").create();
        WebSession browser = new WebSession();
        Response wrong = browser.post("/login", Map.of("email", ada.email(), "password", "nope"));
        Response unknown = browser.post("/login", Map.of("email", "nobody@example.com", "password", "nope"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.asString()).contains("That e-mail and password do not match");
        assertThat(unknown.asString()).contains("That e-mail and password do not match");
        assertThat(wrong.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("billfold-session="));
    }

    @Test
    void aForgedSessionCookieIsIgnored() {
        Response response = new WebSession()
                .request()
                .cookie("billfold-session", "MTox.AAAA")
                .get("/portal");
        assertThat(response.statusCode()).isEqualTo(303);
    }

    @Test
    void goesBackToTheAskedPageButNeverToAnotherSite() {
        var ada = data.aCustomer().withLogin("pw-next").create();
        WebSession browser = new WebSession();
        Response local = browser.post(
                "/login", Map.of("email", ada.email(), "password", "pw-next", "next", "/portal/invoices?status=open"));
        assertThat(local.header("Location")).endsWith("/portal/invoices?status=open");
        Response offsite = new WebSession()
                .post("/login", Map.of("email", ada.email(), "password", "pw-next", "next", "//evil.example/x"));
        assertThat(offsite.header("Location")).endsWith("/portal").doesNotContain("evil");
    }

    @Test
    void pagesCarrySecurityHeaders() {
        Response page = new WebSession().get("/");
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
        String csrfCookie = page.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("billfold-csrf="))
                .findFirst()
                .orElseThrow();
        assertThat(csrfCookie).contains("HttpOnly");
    }

    @Test
    void aCustomerSeesThePortalInTheLanguageOfTheirBillsUntilTheyChooseAnother() {
        var claire = data.aCustomer().speaking("fr").withLogin("pw-fr").create();
        data.anInvoice(claire.account()).withLine("Eau", "1", "1234.5", "0").issue();
        WebSession browser = WebSession.signedIn(claire.email(), "pw-fr");
        String dashboard = browser.get("/portal").asString();
        assertThat(dashboard).contains("lang=\"fr\"").contains("Vos comptes").contains("1\u202f234,50\u00a0\u20ac");
        browser.post("/language", Map.of("lang", "en", "back", "/portal"));
        assertThat(browser.get("/portal").asString())
                .contains("lang=\"en\"")
                .contains("Your accounts")
                .contains("\u20ac1,234.50");
    }

    @Test
    void languageFollowsTheBrowserThenTheSwitcher() {
        WebSession browser = new WebSession();
        String french = browser.request()
                .header("Accept-Language", "fr-FR,fr;q=0.9")
                .get("/")
                .asString();
        assertThat(french).contains("lang=\"fr\"").contains("Se connecter");
        browser.get("/");
        Response switched = browser.post("/language", Map.of("lang", "fr", "back", "/"));
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(browser.get("/").asString()).contains("Connexion");
        browser.post("/language", Map.of("lang", "en", "back", "https://evil.example/"));
        assertThat(browser.get("/").asString()).contains("Sign in");
    }
}
