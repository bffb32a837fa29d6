package app.billfold.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The anti-forgery token is bound to the session (or to a signed-out browser's pre-session id): a
 * pair of cookie and field planted by an attacker is refused, and so is a token from before signing
 * in or out, or from another person's session.
 */
@QuarkusTest
class CsrfTest {

    static final String PLANTED = "a".repeat(43);

    @Inject
    TestData data;

    @Test
    void aPlantedCookieAndFieldPairIsRefusedSignedOutAndSignedIn() {
        Response anonymous = plantedLanguageSwitch(new WebSession());
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(anonymous.asString()).contains("Form expired");

        var mo = data.aCustomer().withLogin("mo-csrf-password").create();
        WebSession signedIn = WebSession.signedIn(mo.email(), "mo-csrf-password");
        assertThat(plantedLanguageSwitch(signedIn).statusCode()).isEqualTo(403);
    }

    @Test
    void aTokenFromBeforeSigningInOrOutIsRefusedAfterIt() {
        var nat = data.aCustomer().withLogin("nat-csrf-password").create();
        WebSession browser = new WebSession();
        String signedOutToken = browser.csrfToken();
        browser.post("/login", Map.of("email", nat.email(), "password", "nat-csrf-password"));

        assertThat(switchLanguage(browser, signedOutToken).statusCode()).isEqualTo(403);
        String signedInToken = browser.csrfToken();
        assertThat(signedInToken).isNotEqualTo(signedOutToken);
        assertThat(switchLanguage(browser, signedInToken).statusCode()).isEqualTo(303);

        browser.post("/logout", Map.of());
        assertThat(switchLanguage(browser, signedInToken).statusCode()).isEqualTo(403);
        assertThat(switchLanguage(browser, browser.csrfToken()).statusCode()).isEqualTo(303);
    }

    @Test
    void aTokenFromAnotherPersonsSessionIsRefused() {
        var oz = data.aCustomer().withLogin("oz-csrf-password").create();
        var pia = data.aCustomer().withLogin("pia-csrf-password").create();
        WebSession ozBrowser = WebSession.signedIn(oz.email(), "oz-csrf-password");
        WebSession piaBrowser = WebSession.signedIn(pia.email(), "pia-csrf-password");

        assertThat(switchLanguage(piaBrowser, ozBrowser.csrfToken()).statusCode())
                .isEqualTo(403);
        assertThat(switchLanguage(piaBrowser, piaBrowser.csrfToken()).statusCode())
                .isEqualTo(303);
    }

    @Test
    void anonymousFormsKeepTheirProtectionWithAPreSessionId() {
        WebSession browser = new WebSession();
        Response page = browser.get("/guest");
        String preSession = browser.cookie("billfold-csrf");
        assertThat(preSession).hasSizeGreaterThanOrEqualTo(43);
        assertThat(page.asString()).doesNotContain("value=\"" + preSession + "\"");
        var quinn = data.aCustomer().create();
        Map<String, String> bill = Map.of("accountNumber", quinn.account().number, "postcode", "75001");
        assertThat(browser.postWithoutToken("/guest", bill).statusCode()).isEqualTo(403);
        assertThat(browser.post("/guest", bill).statusCode()).isEqualTo(303);
    }

    private static Response plantedLanguageSwitch(WebSession browser) {
        return browser.request()
                .cookie("billfold-csrf", PLANTED)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", PLANTED)
                .formParam("lang", "fr")
                .formParam("back", "/")
                .post("/language");
    }

    private static Response switchLanguage(WebSession browser, String token) {
        return browser.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", token)
                .formParam("lang", "en")
                .formParam("back", "/")
                .post("/language");
    }
}
