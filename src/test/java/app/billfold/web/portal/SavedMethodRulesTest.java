package app.billfold.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.Account;
import app.billfold.account.AccountRepository;
import app.billfold.identity.Role;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.invoice.Invoices;
import app.billfold.notify.Outbox;
import app.billfold.notify.OutboxMessage;
import app.billfold.payment.Autopay;
import app.billfold.payment.SavedMethod;
import app.billfold.payment.SavedMethods;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.support.PostgresTestDatabase;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, saved methods: a method is kept only after a charge or a check went through; the same
 * card typed again updates the saved one; a guest's payment never changes what the customer set up.
 */
@QuarkusTest
class SavedMethodRulesTest {

    static final String VISA = "4242424242424242";
    static final String MASTERCARD = "5555555555554444";
    static final String DECLINED = "4000000000000002";

    @Inject
    TestData data;

    @Inject
    Invoices invoices;

    @Inject
    AccountRepository accounts;

    @Inject
    SavedMethods methods;

    @Inject
    Autopay autopay;

    @Inject
    SandboxGateway sandbox;

    @Inject
    Outbox outbox;

    @AfterEach
    void forgetTries() {
        data.fresh(() -> accounts.getEntityManager()
                .createNativeQuery("delete from guest_attempt")
                .executeUpdate());
    }

    @Test
    void aHardDeclinedCardIsNeitherSavedNorOfferedAndAutopayStaysOff() {
        var ivy = data.aCustomer().withLogin("ivy-pw").create();
        Invoice water =
                data.anInvoice(ivy.account()).withLine("Water", "1", "40", "0").issue();
        WebSession browser = WebSession.signedIn(ivy.email(), "ivy-pw");

        Response declined = payWithNewCard(browser, ivy.account().id, water, DECLINED, "12", "2030", true);
        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(declined.asString()).contains("Your card was declined.");
        assertThat(data.fresh(() -> methods.of(ivy.id()))).isEmpty();
        assertThat(data.fresh(() -> accounts.findById(ivy.account().id).autopayMethodId))
                .isNull();
        assertThat(browser.get("/portal/pay").asString()).doesNotContain("saved-");

        // Added on the settings page, the processor's check refuses it before it is kept.
        Response added = addOnSettingsPage(browser, DECLINED);
        assertThat(added.statusCode()).isEqualTo(402);
        assertThat(added.asString()).contains("Your card was declined.");
        assertThat(data.fresh(() -> methods.of(ivy.id()))).isEmpty();
    }

    @Test
    void afterADeclineThePayFormComesBackAsTyped() {
        var ned = data.aCustomer().withLogin("ned-pw").create();
        Invoice water =
                data.anInvoice(ned.account()).withLine("Water", "1", "40", "0").issue();
        Invoice power =
                data.anInvoice(ned.account()).withLine("Power", "1", "25", "0").issue();
        Invoice gas =
                data.anInvoice(ned.account()).withLine("Gas", "1", "10", "0").issue();
        WebSession browser = WebSession.signedIn(ned.email(), "ned-pw");
        String page = browser.get("/portal/pay?account=" + ned.account().id).asString();
        Response toProcessor = browser.post(
                "/portal/pay",
                Map.of(
                        "account",
                        ned.account().id,
                        "invoice",
                        List.of(water.id, power.id),
                        "amount",
                        "45,50",
                        "method",
                        "new-card",
                        "autopay",
                        "true",
                        "key",
                        keyOf(page)));
        String hosted = path(toProcessor.header("Location"));
        Response declined =
                browser.get(throughSandbox(browser, hosted, "/portal/pay/return", "4000000000009995", "12", "2030"));
        assertThat(declined.statusCode()).isEqualTo(402);
        String again = declined.asString();
        assertThat(again)
                .contains("declined for insufficient funds")
                .contains("value=\"45,50\"")
                .containsPattern("value=\"" + water.id + "\"[^>]*checked")
                .containsPattern("value=\"" + power.id + "\"[^>]*checked")
                .doesNotContainPattern("value=\"" + gas.id + "\"[^>]*checked")
                .contains("value=\"new-card\" checked")
                .contains("id=\"f-autopay\" name=\"autopay\" value=\"true\" checked")
                .doesNotContain("id=\"f-save\" name=\"save\" value=\"true\" checked");

        // A guest's form comes back the same way.
        WebSession guest = openGuest(ned.account());
        String guestPage = guest.get("/guest/pay").asString();
        String guestHosted = path(guest.post(
                        "/guest/pay",
                        Map.of(
                                "invoice",
                                List.of(power.id, gas.id),
                                "amount",
                                "12.00",
                                "method",
                                "new-card",
                                "key",
                                keyOf(guestPage)))
                .header("Location"));
        Response guestDeclined =
                guest.get(throughSandbox(guest, guestHosted, "/guest/pay/return", DECLINED, "12", "2030"));
        assertThat(guestDeclined.statusCode()).isEqualTo(402);
        assertThat(guestDeclined.asString())
                .contains("Your card was declined.")
                .contains("value=\"12.00\"")
                .containsPattern("value=\"" + power.id + "\"[^>]*checked")
                .containsPattern("value=\"" + gas.id + "\"[^>]*checked")
                .doesNotContainPattern("value=\"" + water.id + "\"[^>]*checked");
    }

    @Test
    void theSameCardTypedAgainUpdatesTheSavedOneInsteadOfAddingATwin() {
        var joe = data.aCustomer().withLogin("joe-pw").create();
        Invoice water =
                data.anInvoice(joe.account()).withLine("Water", "1", "40", "0").issue();
        WebSession browser = WebSession.signedIn(joe.email(), "joe-pw");

        assertThat(addOnSettingsPage(browser, VISA, "11", "2029").statusCode()).isEqualTo(303);
        SavedMethod first = data.fresh(() -> methods.of(joe.id())).get(0);
        assertThat(first.fingerprint).startsWith("fp_");

        // The same card, reissued with a new expiry, typed to pay with "save" ticked.
        Response paid = payWithNewCard(browser, joe.account().id, water, VISA, "12", "2031", false);
        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(data.fresh(() -> invoices.get(water.id).status)).isEqualTo(InvoiceStatus.PAID);
        assertThat(addOnSettingsPage(browser, VISA, "12", "2031").statusCode()).isEqualTo(303);
        assertThat(addOnSettingsPage(browser, MASTERCARD, "10", "2030").statusCode())
                .isEqualTo(303);

        List<SavedMethod> saved = data.fresh(() -> methods.of(joe.id()));
        assertThat(saved).hasSize(2);
        assertThat(saved.get(0).id).isEqualTo(first.id);
        assertThat(saved.get(0).isDefault).isTrue();
        assertThat(saved.get(0).expMonth).isEqualTo(12);
        assertThat(saved.get(0).expYear).isEqualTo(2031);
        assertThat(saved.get(1).last4).isEqualTo("4444");
    }

    @Test
    void aGuestPaymentLeavesTheCustomersDefaultAndAutopayAlone() {
        var kim = data.aCustomer().create();
        Invoice water =
                data.anInvoice(kim.account()).withLine("Water", "1", "30", "0").issue();
        Invoice power =
                data.anInvoice(kim.account()).withLine("Power", "1", "20", "0").issue();
        SavedMethod own =
                methods.save(kim.id(), sandbox.tokenizeCard(VISA, 12, 2030).token(), TestData.ACTOR);
        autopay.enrol(kim.id(), kim.account().id, own.id, TestData.ACTOR);

        // Autopay already on: the guest is told, and nothing is charged or changed.
        WebSession guest = openGuest(kim.account());
        String page = guest.get("/guest/pay").asString();
        assertThat(page)
                .contains("This account already pays its bills automatically")
                .doesNotContain("name=\"autopay\"");
        Response refused = guest.post(
                "/guest/pay",
                Map.of(
                        "invoice",
                        water.id,
                        "method",
                        "new-card",
                        "autopay",
                        "true",
                        "email",
                        "someone@example.com",
                        "key",
                        keyOf(page)));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.asString()).contains("Nothing was charged or changed");
        assertThat(data.fresh(() -> invoices.get(water.id).balance)).isEqualByComparingTo("30");

        // Paying without autopay with another card keeps the customer's own setup.
        Response paid = guestPays(guest, water, MASTERCARD, false, "");
        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(data.fresh(() -> invoices.get(water.id).status)).isEqualTo(InvoiceStatus.PAID);
        Account after = data.fresh(() -> accounts.findById(kim.account().id));
        assertThat(after.autopayMethodId).isEqualTo(own.id);
        assertThat(data.fresh(() -> methods.of(kim.id())))
                .singleElement()
                .satisfies(m -> assertThat(m.isDefault).isTrue());

        // Autopay off: a guest may start it, with a card that is kept but does not become the default.
        autopay.stop(kim.id(), kim.account().id, TestData.ACTOR);
        WebSession another = openGuest(kim.account());
        Response enrolled = guestPays(another, power, MASTERCARD, true, "kim-guest@example.com");
        assertThat(enrolled.statusCode()).isEqualTo(303);
        List<SavedMethod> saved = data.fresh(() -> methods.of(kim.id()));
        assertThat(saved).hasSize(2);
        SavedMethod guests =
                saved.stream().filter(m -> m.last4.equals("4444")).findFirst().orElseThrow();
        assertThat(guests.isDefault).isFalse();
        assertThat(saved.stream().filter(m -> m.isDefault).map(m -> m.id)).containsExactly(own.id);
        assertThat(data.fresh(() -> accounts.findById(kim.account().id).autopayMethodId))
                .isEqualTo(guests.id);
    }

    @Test
    void removingTheMethodAutopayUsesAsksFirstOffersAnotherAndSaysWhenAutopayEnds() {
        var max =
                data.aCustomer().textable("06 55 44 33 21").withLogin("max-pw").create();
        SavedMethod visa =
                methods.save(max.id(), sandbox.tokenizeCard(VISA, 12, 2030).token(), TestData.ACTOR);
        SavedMethod master = methods.save(
                max.id(), sandbox.tokenizeCard(MASTERCARD, 10, 2031).token(), TestData.ACTOR);
        autopay.enrol(max.id(), max.account().id, visa.id, TestData.ACTOR);
        WebSession browser = WebSession.signedIn(max.email(), "max-pw");

        String ask =
                browser.get("/portal/settings/methods/" + visa.id + "/remove").asString();
        assertThat(ask)
                .contains("Remove Visa \u2022\u2022\u2022\u2022 4242, expires 12/2030?")
                .contains("Autopay pays the bills of these accounts with it")
                .contains(max.account().number)
                .contains("<option value=\"" + master.id + "\"")
                .contains("Remove it and stop autopay");

        // Without a choice nothing changes: the question comes back.
        Response unanswered = browser.post("/portal/settings/methods/" + visa.id + "/remove", Map.of());
        assertThat(unanswered.statusCode()).isEqualTo(409);
        assertThat(unanswered.asString()).contains("Nothing was changed");
        assertThat(data.fresh(() -> methods.of(max.id()))).hasSize(2);

        // Another saved method takes over autopay in the same step.
        Response moved = browser.post(
                "/portal/settings/methods/" + visa.id + "/remove", Map.of("then", "switch", "autopayWith", master.id));
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(browser.get(path(moved.header("Location"))).asString())
                .contains("Autopay now pays with the method you chose")
                .contains("Charged to Mastercard \u2022\u2022\u2022\u2022 4444, expires 10/2031.");
        assertThat(data.fresh(() -> methods.of(max.id()))).extracting(m -> m.id).containsExactly(master.id);
        assertThat(data.fresh(() -> accounts.findById(max.account().id).autopayMethodId))
                .isEqualTo(master.id);

        // The last one: autopay ends, the page says so and a notice of its own goes out.
        assertThat(browser.get("/portal/settings/methods/" + master.id + "/remove")
                        .asString())
                .contains("You have no other saved method that autopay could use.");
        Response stopped = browser.post("/portal/settings/methods/" + master.id + "/remove", Map.of("then", "stop"));
        assertThat(stopped.statusCode()).isEqualTo(303);
        assertThat(browser.get(path(stopped.header("Location"))).asString())
                .contains("Autopay is now off: your bills are no longer paid automatically.");
        assertThat(data.fresh(() -> methods.of(max.id()))).isEmpty();
        assertThat(data.fresh(() -> accounts.findById(max.account().id).autopayMethodId))
                .isNull();
        List<String> notices = data.fresh(() -> OutboxMessage.<OutboxMessage>list("customerId", max.id()).stream()
                .filter(m -> m.kind.equals("autopay_method_removed"))
                .map(m -> m.channel + " " + m.payload)
                .toList());
        assertThat(notices)
                .hasSize(2)
                .allSatisfy(n -> assertThat(n)
                        .contains("account=" + max.account().number)
                        .contains("method=Mastercard \u2022\u2022\u2022\u2022 4444, expires 10/2031"));
        assertThat(notices).anySatisfy(n -> assertThat(n).startsWith("EMAIL"));
        assertThat(notices).anySatisfy(n -> assertThat(n).startsWith("SMS"));
    }

    @Test
    void methodsAreNamedInTheReadersLanguageWithTheirExpiry() {
        var eve = data.aCustomer().speaking("fr").withLogin("eve-pw").create();
        SavedMethod card =
                methods.save(eve.id(), sandbox.tokenizeCard(VISA, 3, 2030).token(), TestData.ACTOR);
        methods.save(eve.id(), sandbox.tokenizeBankAccount("000123456789").token(), TestData.ACTOR);
        autopay.enrol(eve.id(), eve.account().id, card.id, TestData.ACTOR);
        data.anInvoice(eve.account()).withLine("Eau", "1", "12", "0").issue();
        WebSession browser = WebSession.signedIn(eve.email(), "eve-pw");

        String visa = "Visa \u2022\u2022\u2022\u2022 4242, expire fin 03/2030";
        assertThat(browser.get("/portal/settings").asString())
                .contains(visa)
                .contains("compte bancaire \u2022\u2022\u2022\u2022 6789")
                .contains("D\u00e9bit\u00e9 sur " + visa)
                .doesNotContain(">visa ")
                .doesNotContain("bank \u2022");
        assertThat(browser.get("/portal/pay").asString()).contains(visa);
        assertThat(data.fresh(() -> outbox.forRecipient(eve.email()).stream()
                        .filter(m -> m.kind.equals("autopay_confirmation"))
                        .map(m -> m.payload)
                        .toList()))
                .singleElement()
                .asString()
                .contains("method=" + visa);

        String clerkEmail = data.staff(Role.CLERK, "clerk-pw-names");
        WebSession clerk = WebSession.signedIn(clerkEmail, "clerk-pw-names");
        assertThat(clerk.get("/console/accounts/" + eve.account().id).asString())
                .contains("Visa \u2022\u2022\u2022\u2022 4242, expires 03/2030");
    }

    /** V32 merges twins saved before fingerprints: the one autopay uses stays, the default if a twin was. */
    @Test
    void twinsSavedBeforeFingerprintsBecomeOne() throws Exception {
        var lee = data.aCustomer().create();
        SavedMethod older =
                methods.save(lee.id(), sandbox.tokenizeCard(VISA, 12, 2030).token(), TestData.ACTOR);
        SavedMethod other = methods.save(
                lee.id(), sandbox.tokenizeCard(MASTERCARD, 12, 2030).token(), TestData.ACTOR);
        autopay.enrol(lee.id(), lee.account().id, older.id, TestData.ACTOR);
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V32__method_fingerprints.sql"));
        try (Connection c = PostgresTestDatabase.connect();
                Statement s = c.createStatement()) {
            // As before V32: no fingerprints, and a newer twin of the Visa that is the default.
            s.executeUpdate(
                    "update saved_method set fingerprint = null, is_default = false where customer_id = " + lee.id());
            s.executeUpdate("insert into saved_method (customer_id, kind, token, brand, last4, exp_month, exp_year,"
                    + " is_default, removed, created_at) select customer_id, kind, token || '-twin', brand, last4,"
                    + " exp_month, exp_year, true, false, created_at from saved_method where id = " + older.id);
            for (String statement : migration
                    .substring(migration.indexOf("create table saved_method_twin"))
                    .split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
        List<SavedMethod> left = data.fresh(() -> methods.of(lee.id()));
        assertThat(left).extracting(m -> m.id).containsExactly(older.id, other.id);
        assertThat(left.get(0).isDefault).isTrue();
        assertThat(data.fresh(() -> accounts.findById(lee.account().id).autopayMethodId))
                .isEqualTo(older.id);
    }

    private Response payWithNewCard(
            WebSession browser,
            Long accountId,
            Invoice invoice,
            String number,
            String month,
            String year,
            boolean autopay) {
        String page = browser.get("/portal/pay?account=" + accountId).asString();
        Map<String, Object> form = new HashMap<>(Map.of(
                "account", accountId, "invoice", invoice.id, "method", "new-card", "save", "true", "key", keyOf(page)));
        if (autopay) {
            form.put("autopay", "true");
        }
        String hosted = path(browser.post("/portal/pay", form).header("Location"));
        return browser.get(throughSandbox(browser, hosted, "/portal/pay/return", number, month, year));
    }

    private Response addOnSettingsPage(WebSession browser, String number) {
        return addOnSettingsPage(browser, number, "12", "2030");
    }

    private Response addOnSettingsPage(WebSession browser, String number, String month, String year) {
        String hosted =
                path(browser.get("/portal/settings/methods/new?kind=card").header("Location"));
        return browser.get(throughSandbox(browser, hosted, "/portal/settings/methods/added", number, month, year));
    }

    private WebSession openGuest(Account account) {
        WebSession guest = new WebSession();
        guest.get("/guest");
        Response opened = guest.post("/guest", Map.of("accountNumber", account.number, "postcode", "750 01"));
        assertThat(opened.statusCode()).isEqualTo(303);
        return guest;
    }

    private Response guestPays(WebSession guest, Invoice invoice, String number, boolean autopay, String email) {
        String page = guest.get("/guest/pay").asString();
        Map<String, Object> form =
                new HashMap<>(Map.of("invoice", invoice.id, "method", "new-card", "email", email, "key", keyOf(page)));
        if (autopay) {
            form.put("autopay", "true");
        }
        Response toProcessor = guest.post("/guest/pay", form);
        assertThat(toProcessor.statusCode()).isEqualTo(303);
        String hosted = path(toProcessor.header("Location"));
        return guest.get(throughSandbox(guest, hosted, "/guest/pay/return", number, "12", "2030"));
    }

    private static String throughSandbox(
            WebSession browser, String hosted, String returnTo, String number, String month, String year) {
        String state = browser.get(hosted).asString().replaceAll("(?s).*name=\"state\" value=\"([^\"]+)\".*", "$1");
        Response back = browser.post(
                "/sandbox/checkout",
                Map.of(
                        "kind",
                        "card",
                        "return",
                        returnTo,
                        "state",
                        state.replace("&#61;", "="),
                        "number",
                        number,
                        "expMonth",
                        month,
                        "expYear",
                        year,
                        "cvc",
                        "123"));
        assertThat(back.statusCode()).isEqualTo(303);
        return path(back.header("Location"));
    }

    private static String keyOf(String page) {
        return page.replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");
    }

    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }
}
