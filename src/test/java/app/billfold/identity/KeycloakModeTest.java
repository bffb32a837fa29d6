package app.billfold.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.billfold.account.AccountForm;
import app.billfold.account.AccountStatus;
import app.billfold.account.Customers;
import app.billfold.support.KeycloakServer;
import app.billfold.support.TestData;
import app.billfold.support.TestPorts;
import app.billfold.support.WebSession;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Keycloak mode against a real Keycloak: the authorization code flow with PKCE driven by a plain
 * HTTP client, roles, self-registration, clerk invites, disabling, and Keycloak going away.
 */
@QuarkusTest
@TestProfile(KeycloakModeProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakModeTest {

    static final String APP = TestPorts.app();
    static final String PASSWORD = "a-long-test-password-1";
    static GreenMail smtp;
    static Keycloak admin;

    @Inject
    TestData data;

    @Inject
    StaffMembers staff;

    @Inject
    Customers customers;

    @Inject
    AppUserRepository users;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(new ServerSetup(TestPorts.smtp(), null, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        admin = KeycloakBuilder.builder()
                .serverUrl(KeycloakServer.url())
                .realm("master")
                .grantType(OAuth2Constants.PASSWORD)
                .clientId("admin-cli")
                .username(KeycloakServer.ADMIN)
                .password(KeycloakServer.ADMIN_PASSWORD)
                .build();
    }

    @AfterAll
    static void stop() {
        admin.close();
        smtp.stop();
    }

    @Test
    @Order(1)
    void aCustomerSignsInThroughKeycloakWithPkceAndSeesOnlyTheirPortal() throws Exception {
        var ida = data.aCustomer().named("Ida Keycloak").create();
        String email = "ida-" + ida.id() + "@example.com";
        keycloakUser(email, "customer", ida.id());

        Browser browser = new Browser();
        HttpResponse<String> portal = browser.get(APP + "/portal");
        assertThat(portal.statusCode()).isEqualTo(303);
        assertThat(location(portal)).startsWith(APP + "/signin?next=");

        HttpResponse<String> toKeycloak = browser.get(location(portal));
        assertThat(toKeycloak.statusCode()).isEqualTo(302);
        String authorize = location(toKeycloak);
        assertThat(authorize)
                .startsWith(KeycloakServer.url() + "/realms/billfold/protocol/openid-connect/auth")
                .contains("code_challenge=")
                .contains("code_challenge_method=S256")
                .contains("client_id=billfold-web");

        browser.signInAtKeycloak(authorize, email, PASSWORD);
        assertThat(browser.lastLocation).isEqualTo("/portal");

        HttpResponse<String> page = browser.get(APP + "/portal");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(ida.account().number);
        assertThat(browser.get(APP + "/console/customers").statusCode()).isEqualTo(403);
        assertThat(browser.cookie("q_session").isHttpOnly()).isTrue();

        HttpResponse<String> logout = browser.postForm(APP + "/logout", Map.of());
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(location(logout))
                .startsWith(KeycloakServer.url() + "/realms/billfold/protocol/openid-connect/logout")
                .contains("post_logout_redirect_uri=");
        assertThat(browser.get(APP + "/portal").statusCode()).isEqualTo(303);
    }

    @Test
    @Order(2)
    void aClerkReachesTheConsoleButNotTheAdminPages() throws Exception {
        String email = "clerk-" + System.nanoTime() + "@example.com";
        keycloakUser(email, "clerk", null);
        Browser browser = new Browser();
        browser.signIn("/console/customers", email, PASSWORD);

        assertThat(browser.get(APP + "/console/customers").statusCode()).isEqualTo(200);
        assertThat(browser.get(APP + "/console/staff").statusCode()).isEqualTo(403);
        assertThat(browser.get(APP + "/portal").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(3)
    void registeringWithABillCreatesAKeycloakUserTiedToTheCustomerAndRevealsNothingTheSecondTime() throws Exception {
        var jon = data.aCustomer().create();
        String email = jon.email();
        WebSession visitor = new WebSession();
        Map<String, String> form = Map.of("accountNumber", jon.account().number, "postcode", "75001", "email", email);

        var first = visitor.post("/register", form);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.asString()).contains("Check your inbox");

        List<UserRepresentation> found = realm().users().searchByEmail(email, true);
        assertThat(found).hasSize(1);
        UserRepresentation user = found.get(0);
        assertThat(user.getAttributes()).containsEntry("billfold_customer_id", List.of(String.valueOf(jon.id())));
        assertThat(user.getRequiredActions()).containsExactlyInAnyOrder("VERIFY_EMAIL", "UPDATE_PASSWORD");
        assertThat(realm().users().get(user.getId()).roles().realmLevel().listEffective())
                .extracting(r -> r.getName())
                .contains("customer");
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(smtp.getReceivedMessagesForDomain("example.com"))
                .anyMatch(m -> recipient(m).equals(email));
        AppUser record = data.fresh(() -> users.findByEmail(email).orElseThrow());
        assertThat(record.keycloakId).isEqualTo(user.getId());
        assertThat(record.customer.id).isEqualTo(jon.id());

        int mails = smtp.getReceivedMessages().length;
        var second = new WebSession().post("/register", form);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.asString()).contains("Check your inbox");
        assertThat(realm().users().searchByEmail(email, true)).hasSize(1);
        assertThat(smtp.getReceivedMessages()).hasSize(mails);

        var wrong = new WebSession()
                .post(
                        "/register",
                        Map.of("accountNumber", jon.account().number, "postcode", "99999", "email", "other-" + email));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(realm().users().searchByEmail("other-" + email, true)).isEmpty();
    }

    @Test
    @Order(6)
    void aBillWithAnotherAddressThanTheOneOnFileCreatesNoSignInButSaysTheSame() throws Exception {
        var ned = data.aCustomer().create();
        String stranger = "stranger-" + ned.id() + "@example.com";
        int mails = smtp.getReceivedMessages().length;

        var answer = new WebSession()
                .post(
                        "/register",
                        Map.of("accountNumber", ned.account().number, "postcode", "75001", "email", stranger));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.asString()).contains("Check your inbox");
        assertThat(realm().users().searchByEmail(stranger, true)).isEmpty();
        assertThat(data.fresh(() -> users.findByEmail(stranger))).isEmpty();
        Thread.sleep(500);
        assertThat(smtp.getReceivedMessages()).hasSize(mails);
    }

    @Test
    @Order(7)
    void signingOutEverywhereEndsEveryKeycloakSessionOfTheUser() throws Exception {
        var vic = data.aCustomer().named("Vic Keycloak").create();
        String email = "vic-" + vic.id() + "@example.com";
        String id = keycloakUser(email, "customer", vic.id());
        Browser laptop = new Browser();
        laptop.signIn("/portal", email, PASSWORD);
        Browser phone = new Browser();
        phone.signIn("/portal", email, PASSWORD);
        assertThat(realm().users().get(id).getUserSessions()).hasSize(2);

        String page = phone.get(APP + "/portal").body();
        assertThat(page).contains("Sign out everywhere");
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        assertThat(phone.postForm(APP + "/logout-everywhere", Map.of("csrf", "forged-token"))
                        .statusCode())
                .as("the token is bound to this Keycloak session")
                .isEqualTo(403);

        HttpResponse<String> out = phone.postForm(APP + "/logout-everywhere", Map.of("csrf", token.group(1)));

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(realm().users().get(id).getUserSessions()).isEmpty();
        HttpResponse<String> logout = phone.get(Browser.absolute(location(out)));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(location(logout))
                .startsWith(KeycloakServer.url() + "/realms/billfold/protocol/openid-connect/logout");
    }

    @Test
    @Order(4)
    void anAdminInvitesAClerkAndDisablingTheClerkDisablesTheKeycloakUser() {
        String email = "invited-" + System.nanoTime() + "@example.com";

        AppUser clerk = staff.invite(email, "CLERK", TestData.ACTOR);

        UserRepresentation invited = realm().users().get(clerk.keycloakId).toRepresentation();
        assertThat(invited.getEmail()).isEqualTo(email);
        assertThat(invited.isEnabled()).isTrue();
        assertThat(invited.getRequiredActions()).contains("VERIFY_EMAIL", "UPDATE_PASSWORD");
        assertThat(invited.getAttributes() == null ? Map.of() : invited.getAttributes())
                .doesNotContainKey("billfold_customer_id");
        assertThat(realm().users().get(clerk.keycloakId).roles().realmLevel().listEffective())
                .extracting(r -> r.getName())
                .contains("clerk")
                .doesNotContain("admin", "customer");

        staff.setEnabled(clerk.id, false, TestData.ACTOR);

        assertThat(realm().users().get(clerk.keycloakId).toRepresentation().isEnabled())
                .isFalse();
        assertThat(data.fresh(() -> users.findById(clerk.id).enabled)).isFalse();
    }

    @Test
    @Order(5)
    void closingACustomerDisablesTheirKeycloakUser() {
        var kai = data.aCustomer().create();
        String email = kai.email();
        new WebSession()
                .post("/register", Map.of("accountNumber", kai.account().number, "postcode", "75001", "email", email));
        String keycloakId = data.fresh(() -> users.findByEmail(email).orElseThrow().keycloakId);

        customers.updateAccount(
                kai.account().id,
                new AccountForm(kai.account().number, "1 Test Street", "75001", "CLOSED"),
                TestData.ACTOR);

        assertThat(realm().users().get(keycloakId).toRepresentation().isEnabled())
                .isFalse();
    }

    @Test
    @Order(99)
    void withKeycloakDownPagesSaySoAndNothingIsLeftHalfDone() {
        var lou = data.aCustomer().create();
        String email = lou.email();
        KeycloakServer.halt();

        var registering = new WebSession()
                .post("/register", Map.of("accountNumber", lou.account().number, "postcode", "75001", "email", email));
        assertThat(registering.statusCode()).isEqualTo(503);
        assertThat(registering.asString()).contains("We cannot reach our sign-in service");
        assertThat(data.fresh(() -> users.findByEmail(email))).isEmpty();

        String clerk = "down-" + System.nanoTime() + "@example.com";
        assertThatThrownBy(() -> staff.invite(clerk, "CLERK", TestData.ACTOR))
                .isInstanceOf(KeycloakDirectory.Unavailable.class);
        assertThat(data.fresh(() -> users.findByEmail(clerk))).isEmpty();

        var registered = data.aCustomer().create();
        data.fresh(() -> {
            AppUser user = new AppUser();
            user.email = "kc-" + registered.id() + "@example.com";
            user.role = Role.CUSTOMER;
            user.customer = app.billfold.account.Customer.findById(registered.id());
            user.enabled = true;
            user.keycloakId = "00000000-0000-0000-0000-000000000000";
            user.createdAt = java.time.Instant.now();
            user.persist();
            return null;
        });
        assertThatThrownBy(() -> customers.updateAccount(
                        registered.account().id,
                        new AccountForm(registered.account().number, "1 Test Street", "75001", "CLOSED"),
                        TestData.ACTOR))
                .isInstanceOf(KeycloakDirectory.Unavailable.class);
        assertThat(data.fresh(() -> customers.accountsOf(registered.id()).get(0).status))
                .isEqualTo(AccountStatus.ACTIVE);
    }

    private static RealmResource realm() {
        return admin.realm("billfold");
    }

    /** A Keycloak user who has set a password and verified the address, with one realm role. */
    private static String keycloakUser(String email, String role, Long customerId) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEnabled(true);
        user.setEmailVerified(true);
        if (customerId != null) {
            user.setAttributes(Map.of("billfold_customer_id", List.of(String.valueOf(customerId))));
        }
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        String id;
        try (var created = realm().users().create(user)) {
            assertThat(created.getStatus()).isEqualTo(201);
            id = CreatedResponseUtil.getCreatedId(created);
        }
        realm().users()
                .get(id)
                .roles()
                .realmLevel()
                .add(List.of(realm().roles().get(role).toRepresentation()));
        return id;
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String recipient(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A browser without JavaScript: cookies kept, redirects followed by hand. */
    static final class Browser {
        static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieHandler() {
                    // Keycloak marks its cookies Secure; a browser sends them to http://localhost too.
                    @Override
                    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers)
                            throws java.io.IOException {
                        return cookies.get(URI.create(uri.toString().replaceFirst("^http:", "https:")), headers);
                    }

                    @Override
                    public void put(URI uri, Map<String, List<String>> headers) throws java.io.IOException {
                        cookies.put(uri, headers);
                    }
                })
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String lastLocation;

        HttpResponse<String> get(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String url, Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        static String absolute(String location) {
            return location.startsWith("http") ? location : APP + location;
        }

        java.net.HttpCookie cookie(String name) {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().startsWith(name))
                    .findFirst()
                    .orElseThrow();
        }

        /** From a protected page to signed in: Billfold, Keycloak's login form, and back. */
        void signIn(String path, String email, String password) throws Exception {
            HttpResponse<String> toSignIn = get(APP + path);
            HttpResponse<String> toKeycloak = get(absolute(location(toSignIn)));
            signInAtKeycloak(location(toKeycloak), email, password);
        }

        void signInAtKeycloak(String authorize, String email, String password) throws Exception {
            HttpResponse<String> loginPage = get(authorize);
            assertThat(loginPage.statusCode()).isEqualTo(200);
            Matcher action = FORM_ACTION.matcher(loginPage.body());
            assertThat(action.find()).as("Keycloak's login form").isTrue();
            HttpResponse<String> back = postForm(
                    action.group(1).replace("&amp;", "&"),
                    Map.of("username", email, "password", password, "credentialId", ""));
            assertThat(back.statusCode()).as("Keycloak accepted the password").isEqualTo(302);
            String callback = location(back);
            assertThat(callback).startsWith(APP + "/signin").contains("code=").contains("state=");
            // Billfold trades the code (with the PKCE verifier) for tokens, then restores the path.
            HttpResponse<String> exchanged = get(callback);
            assertThat(exchanged.statusCode()).isEqualTo(302);
            String restored = location(exchanged);
            HttpResponse<String> home = get(absolute(restored));
            assertThat(home.statusCode()).isEqualTo(303);
            lastLocation = location(home).replace(APP, "");
        }
    }
}
