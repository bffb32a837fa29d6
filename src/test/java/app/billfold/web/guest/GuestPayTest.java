package app.billfold.web.guest;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.AccountRepository;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.invoice.Invoices;
import app.billfold.notify.Outbox;
import app.billfold.notify.OutboxMessage;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GuestPayTest {

    @Inject
    TestData data;

    @Inject
    Invoices invoices;

    @Inject
    AccountRepository accounts;

    @Inject
    Outbox outbox;

    @AfterEach
    void forgetTries() {
        // Every test client is 127.0.0.1: start each test with a clean slate for the address lockout.
        data.fresh(() -> accounts.getEntityManager()
                .createNativeQuery("delete from guest_attempt")
                .executeUpdate());
    }

    @Test
    void aGuestPaysOnceAndEnrolsInAutopayWithAnEmail() {
        var carol = data.aCustomer().create();
        Invoice water = data.anInvoice(carol.account())
                .withLine("Water", "1", "33.30", "0")
                .issue();
        WebSession guest = new WebSession();
        guest.get("/guest");
        Response opened = guest.post("/guest", Map.of("accountNumber", carol.account().number, "postcode", "750 01"));
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(path(opened.header("Location"))).isEqualTo("/guest/pay");

        String page = guest.get("/guest/pay").asString();
        assertThat(page).contains(water.number).contains("Pay my bills automatically on the due date with this card");
        String key = page.replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");

        Response noEmail = guest.post(
                "/guest/pay", Map.of("invoice", water.id, "method", "new-card", "autopay", "true", "key", key));
        assertThat(noEmail.statusCode()).isEqualTo(400);
        assertThat(noEmail.asString()).contains("id=\"e-email\"");

        String hosted = path(guest.post(
                        "/guest/pay",
                        Map.of(
                                "invoice",
                                water.id,
                                "method",
                                "new-card",
                                "autopay",
                                "true",
                                "email",
                                carol.email().toUpperCase(),
                                "key",
                                key))
                .header("Location"));
        String state = guest.get(hosted).asString().replaceAll("(?s).*name=\"state\" value=\"([^\"]+)\".*", "$1");
        String back = path(guest.post(
                        "/sandbox/checkout",
                        Map.of(
                                "kind",
                                "card",
                                "return",
                                "/guest/pay/return",
                                "state",
                                state,
                                "number",
                                "4242424242424242",
                                "expMonth",
                                "12",
                                "expYear",
                                "2030",
                                "cvc",
                                "123"))
                .header("Location"));
        Response paid = guest.get(back);
        assertThat(paid.statusCode()).isEqualTo(303);
        String receipt = guest.get(path(paid.header("Location"))).asString();
        assertThat(receipt).contains("Thank you: €33.30 received.").contains("Autopay is on");
        assertThat(data.fresh(() -> invoices.get(water.id).status)).isEqualTo(InvoiceStatus.PAID);
        assertThat(data.fresh(() -> accounts.findById(carol.account().id).autopayMethodId))
                .isNotNull();

        // The session paid once: it cannot pay again.
        assertThat(guest.get("/guest/pay").statusCode()).isEqualTo(404);

        List<OutboxMessage> mail = data.fresh(() -> outbox.forRecipient(carol.email()).stream()
                .filter(m -> m.kind.equals("autopay_confirmation"))
                .toList());
        assertThat(mail).singleElement().satisfies(m -> {
            assertThat(m.kind).isEqualTo("autopay_confirmation");
            assertThat(m.payload).contains("account=" + carol.account().number).contains("manage=");
        });
        String link = mail.get(0).payload.replaceAll("(?s).*/guest/autopay\\?link=([^\\n]+).*", "$1");
        String manage = "/guest/autopay?link=" + link;
        String decodedLink = URLDecoder.decode(link, StandardCharsets.UTF_8);

        WebSession holder = new WebSession();
        assertThat(holder.get(manage).asString()).contains("Autopay is on");
        holder.post("/guest/autopay/stop", Map.of("link", decodedLink));
        assertThat(data.fresh(() -> accounts.findById(carol.account().id).autopayMethodId))
                .isNull();

        // The link went to the address on file: it may create a sign-in, under the password rule.
        assertThat(holder.get(manage).asString())
                .contains("name=\"password\"")
                .contains("At least 12 characters (at most 128)");
        Response tooShort =
                holder.post("/guest/register", Map.of("link", decodedLink, "password", "short", "confirm", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.asString()).contains("This password is too short.");
        Response common = holder.post(
                "/guest/register", Map.of("link", decodedLink, "password", "Password1234", "confirm", "Password1234"));
        assertThat(common.statusCode()).isEqualTo(400);
        assertThat(common.asString()).contains("This password is among the most common ones");
        Response registered = holder.post(
                "/guest/register",
                Map.of("link", decodedLink, "password", "a-long-password", "confirm", "a-long-password"));
        assertThat(registered.statusCode()).isEqualTo(303);
        assertThat(holder.get("/portal").asString()).contains(carol.account().number);
        assertThat(new WebSession().get("/guest/autopay?link=forged").statusCode())
                .isEqualTo(404);
    }

    @Test
    void oneBillAndATypedAddressManageAutopayButNeverOpenTheCustomersPortal() {
        var hana = data.aCustomer().create();
        data.anInvoice(hana.account()).withLine("Water", "1", "12.00", "0").issue();
        String stranger = "someone-else-" + hana.id() + "@example.com";
        String link = autopayLink(hana, stranger);

        WebSession holder = new WebSession();
        String manage = holder.get("/guest/autopay?link=" + URLEncoder.encode(link, StandardCharsets.UTF_8))
                .asString();
        assertThat(manage)
                .contains("Autopay is on")
                .contains("which is not the e-mail address")
                .doesNotContain("name=\"password\"");

        Response refused = holder.post(
                "/guest/register", Map.of("link", link, "password", "a-long-password", "confirm", "a-long-password"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.asString())
                .contains("A sign-in can be created only for the e-mail address we hold for this customer.");
        assertThat(refused.getCookie("billfold-session")).isNull();
        assertThat(data.fresh(() -> app.billfold.identity.AppUser.count("email", stranger)))
                .isZero();

        // The link still manages autopay on that one account.
        holder.post("/guest/autopay/stop", Map.of("link", link));
        assertThat(data.fresh(() -> accounts.findById(hana.account().id).autopayMethodId))
                .isNull();
    }

    /** Pays the account's bills as a guest with autopay ticked and returns the link the e-mail carries. */
    private String autopayLink(TestData.CreatedCustomer customer, String email) {
        WebSession guest = new WebSession();
        guest.post("/guest", Map.of("accountNumber", customer.account().number, "postcode", "75001"));
        String page = guest.get("/guest/pay").asString();
        String key = page.replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");
        String invoice = page.replaceAll("(?s).*name=\"invoice\" value=\"([0-9]+)\".*", "$1");
        String hosted = path(guest.post(
                        "/guest/pay",
                        Map.of("invoice", invoice, "method", "new-card", "autopay", "true", "email", email, "key", key))
                .header("Location"));
        String state = guest.get(hosted).asString().replaceAll("(?s).*name=\"state\" value=\"([^\"]+)\".*", "$1");
        String back = path(guest.post(
                        "/sandbox/checkout",
                        Map.of(
                                "kind", "card",
                                "return", "/guest/pay/return",
                                "state", state,
                                "number", "4242424242424242",
                                "expMonth", "12",
                                "expYear", "2030",
                                "cvc", "123"))
                .header("Location"));
        assertThat(guest.get(back).statusCode()).isEqualTo(303);
        String payload = data.fresh(() -> outbox.forRecipient(email)).stream()
                .filter(m -> m.kind.equals("autopay_confirmation"))
                .findFirst()
                .orElseThrow()
                .payload;
        return URLDecoder.decode(
                payload.replaceAll("(?s).*/guest/autopay\\?link=([^\\n]+).*", "$1"), StandardCharsets.UTF_8);
    }

    @Test
    void anUnknownAccountAndAWrongPostcodeGetTheSameAnswerAndFiveFailuresLockTheAccount() {
        var dave = data.aCustomer().create();
        WebSession guest = new WebSession();
        guest.get("/guest");
        Response unknown = guest.post("/guest", Map.of("accountNumber", "9999999999", "postcode", "75001"));
        Response wrong = guest.post("/guest", Map.of("accountNumber", dave.account().number, "postcode", "99999"));
        assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(400);
        assertThat(message(unknown)).isEqualTo(message(wrong)).contains("We could not find a bill");
        // Four more wrong tries on the same account, as if from other addresses each time.
        for (int i = 0; i < 4; i++) {
            fromElsewhere();
            assertThat(guest.post("/guest", Map.of("accountNumber", dave.account().number, "postcode", "99999"))
                            .statusCode())
                    .isEqualTo(400);
        }
        fromElsewhere();
        Response locked = guest.post("/guest", Map.of("accountNumber", dave.account().number, "postcode", "75001"));
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.asString()).contains("Too many tries");
        assertThat(locked.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("billfold-guest="));
    }

    @Test
    void fiveFailuresFromOneAddressLockThatAddress() {
        var erin = data.aCustomer().create();
        WebSession guest = new WebSession();
        guest.get("/guest");
        for (int i = 0; i < 5; i++) {
            guest.post("/guest", Map.of("accountNumber", "100000000" + i, "postcode", "00000"));
        }
        Response locked = guest.post("/guest", Map.of("accountNumber", erin.account().number, "postcode", "75001"));
        assertThat(locked.statusCode()).isEqualTo(429);
    }

    @Test
    void aGuestSessionSeesOneAccountOnly() {
        var fay = data.aCustomer().create();
        var gus = data.aCustomer().create();
        Invoice gusBill = data.anInvoice(gus.account()).issue();
        WebSession guest = new WebSession();
        guest.get("/guest");
        guest.post("/guest", Map.of("accountNumber", fay.account().number, "postcode", "75001"));
        assertThat(guest.get("/guest/pay").asString()).doesNotContain(gusBill.number);
        assertThat(guest.get("/portal").statusCode()).isEqualTo(303);
        assertThat(new WebSession().get("/guest/pay").statusCode()).isEqualTo(404);
    }

    private void fromElsewhere() {
        data.fresh(() -> accounts.getEntityManager()
                .createNativeQuery("update guest_attempt set client_address = 'elsewhere'")
                .executeUpdate());
    }

    private static String message(Response response) {
        return response.asString().replaceAll("(?s).*role=\"alert\"><p>([^<]*)</p>.*", "$1");
    }

    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }
}
