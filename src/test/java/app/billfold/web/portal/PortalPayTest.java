package app.billfold.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.Account;
import app.billfold.account.AccountRepository;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.invoice.Invoices;
import app.billfold.payment.LedgerCheck;
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
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A signed-in customer pays through the hosted form, saves the card and enrols in autopay on the way. */
@QuarkusTest
class PortalPayTest {

    static final String CARD = "4242424242424242";

    @Inject
    TestData data;

    @Inject
    Invoices invoices;

    @Inject
    AccountRepository accounts;

    @Inject
    SavedMethods methods;

    @Inject
    SandboxGateway sandbox;

    @Inject
    LedgerCheck ledger;

    @Test
    void payingANewCardWithTheAutopayTickEnrolsTheAccountAndChargesOnce() throws Exception {
        var grace = data.aCustomer().withLogin("grace-pw").create();
        Invoice water = data.anInvoice(grace.account())
                .withLine("Water", "1", "40", "0")
                .issue();
        Invoice power = data.anInvoice(grace.account())
                .withLine("Power", "1", "25.50", "0")
                .issue();
        WebSession browser = WebSession.signedIn(grace.email(), "grace-pw");

        String page = browser.get("/portal/pay").asString();
        assertThat(page).contains("Pay my bills automatically on the due date with this card");
        assertThat(page).doesNotContain("id=\"f-autopay\" name=\"autopay\" value=\"true\" checked");
        String key = page.replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");

        Response toProcessor = browser.post(
                "/portal/pay",
                Map.of(
                        "account",
                        grace.account().id,
                        "invoice",
                        List.of(water.id, power.id),
                        "amount",
                        "",
                        "method",
                        "new-card",
                        "save",
                        "true",
                        "autopay",
                        "true",
                        "key",
                        key));
        assertThat(toProcessor.statusCode()).isEqualTo(303);
        String hosted = path(toProcessor.header("Location"));
        assertThat(hosted).startsWith("/sandbox/checkout?kind=card");

        String form = browser.get(hosted).asString();
        String state = form.replaceAll("(?s).*name=\"state\" value=\"([^\"]+)\".*", "$1");
        Response back = browser.post(
                "/sandbox/checkout",
                Map.of(
                        "kind",
                        "card",
                        "return",
                        "/portal/pay/return",
                        "state",
                        state.replace("&#61;", "="),
                        "number",
                        "4242 4242 4242 4242",
                        "expMonth",
                        "12",
                        "expYear",
                        "2030",
                        "cvc",
                        "123"));
        assertThat(back.statusCode()).isEqualTo(303);
        String returnPath = path(back.header("Location"));
        assertThat(returnPath).startsWith("/portal/pay/return?token=tok_card_").doesNotContain("4242424242");

        Response paid = browser.get(returnPath);
        assertThat(paid.statusCode()).isEqualTo(303);
        String receiptPath = path(paid.header("Location"));
        String receipt = browser.get(receiptPath).asString();
        assertThat(receipt)
                .contains("Thank you: €65.50 received.")
                .contains(water.number)
                .contains(power.number);
        assertThat(receipt).contains("Autopay is on");

        // Reloading the return page pays nothing twice.
        assertThat(path(browser.get(returnPath).header("Location"))).isEqualTo(receiptPath);
        String token = returnPath.replaceAll(".*token=([^&]+).*", "$1");
        assertThat(sandbox.chargesFor(token)).isEqualTo(1);

        assertThat(data.fresh(() -> invoices.get(water.id).status)).isEqualTo(InvoiceStatus.PAID);
        assertThat(data.fresh(() -> invoices.get(power.id).status)).isEqualTo(InvoiceStatus.PAID);
        List<SavedMethod> saved = data.fresh(() -> methods.of(grace.id()));
        assertThat(saved).singleElement().satisfies(m -> {
            assertThat(m.last4).isEqualTo("4242");
            assertThat(m.brand).isEqualTo("visa");
            assertThat(m.isDefault).isTrue();
        });
        Account account = data.fresh(() -> accounts.findById(grace.account().id));
        assertThat(account.autopayMethodId).isEqualTo(saved.get(0).id);

        // Autopay off is one click.
        Response off =
                browser.post("/portal/autopay", Map.of("account", grace.account().id, "back", "/portal/settings"));
        assertThat(off.statusCode()).isEqualTo(303);
        assertThat(data.fresh(() -> accounts.findById(grace.account().id).autopayMethodId))
                .isNull();
        assertThat(ledger.mismatches()).isEmpty();

        assertNoCardNumberStored();
    }

    @Test
    void aDeclinedCardShowsWhyAndChangesNothing() {
        var ben = data.aCustomer().withLogin("ben-pw").create();
        Invoice water =
                data.anInvoice(ben.account()).withLine("Water", "1", "40", "0").issue();
        WebSession browser = WebSession.signedIn(ben.email(), "ben-pw");
        browser.get("/portal/pay");
        String hosted = path(browser.post(
                        "/portal/pay",
                        Map.of("account", ben.account().id, "invoice", water.id, "amount", "15", "method", "new-card"))
                .header("Location"));
        String state = browser.get(hosted).asString().replaceAll("(?s).*name=\"state\" value=\"([^\"]+)\".*", "$1");
        String returnPath = path(browser.post(
                        "/sandbox/checkout",
                        Map.of(
                                "kind",
                                "card",
                                "return",
                                "/portal/pay/return",
                                "state",
                                state,
                                "number",
                                "4000000000009995",
                                "expMonth",
                                "1",
                                "expYear",
                                "2031",
                                "cvc",
                                "999"))
                .header("Location"));
        Response declined = browser.get(returnPath);
        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(declined.asString()).contains("declined for insufficient funds");
        assertThat(data.fresh(() -> invoices.get(water.id).balance)).isEqualByComparingTo("40");
        assertThat(data.fresh(() -> methods.of(ben.id()))).isEmpty();
    }

    @Test
    void aSavedMethodPaysPartOfABillInOneStep() {
        var ada = data.aCustomer().withLogin("ada-pw").create();
        Invoice water =
                data.anInvoice(ada.account()).withLine("Water", "1", "90", "0").issue();
        SavedMethod card =
                methods.save(ada.id(), sandbox.tokenizeCard(CARD, 12, 2030).token(), TestData.ACTOR);
        WebSession browser = WebSession.signedIn(ada.email(), "ada-pw");
        assertThat(browser.get("/portal/pay").asString()).contains("value=\"saved-" + card.id + "\" checked");

        Response tooMuch = browser.post(
                "/portal/pay",
                Map.of(
                        "account",
                        ada.account().id,
                        "invoice",
                        water.id,
                        "amount",
                        "90.01",
                        "method",
                        "saved-" + card.id));
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(tooMuch.asString()).contains("This is more than the chosen bills owe.");

        Response paid = browser.post(
                "/portal/pay",
                Map.of(
                        "account",
                        ada.account().id,
                        "invoice",
                        water.id,
                        "amount",
                        "30,00",
                        "method",
                        "saved-" + card.id));
        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(browser.get(path(paid.header("Location"))).asString()).contains("€30.00");
        Invoice after = data.fresh(() -> invoices.get(water.id));
        assertThat(after.status).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(after.balance).isEqualByComparingTo("60");
    }

    @Test
    void savedMethodsAreMadeDefaultAndRemovedAndAnExpiredCardIsFlagged() {
        var hal = data.aCustomer().withLogin("hal-pw").create();
        SavedMethod visa =
                methods.save(hal.id(), sandbox.tokenizeCard(CARD, 12, 2030).token(), TestData.ACTOR);
        SavedMethod old = methods.save(
                hal.id(), sandbox.tokenizeCard("5555555555554444", 1, 2026).token(), TestData.ACTOR);
        WebSession browser = WebSession.signedIn(hal.email(), "hal-pw");
        assertThat(browser.post(
                                "/portal/autopay",
                                Map.of(
                                        "account",
                                        hal.account().id,
                                        "method",
                                        visa.id,
                                        "autopay",
                                        "true",
                                        "back",
                                        "/portal/settings"))
                        .statusCode())
                .isEqualTo(303);
        String settings = browser.get("/portal/settings").asString();
        assertThat(settings)
                .contains("Visa \u2022\u2022\u2022\u2022 4242, expires 12/2030")
                .contains("Expired")
                .contains("Charged to Visa \u2022\u2022\u2022\u2022 4242, expires 12/2030.");
        assertThat(browser.post(
                                "/portal/autopay",
                                Map.of(
                                        "account",
                                        hal.account().id,
                                        "method",
                                        old.id,
                                        "autopay",
                                        "true",
                                        "back",
                                        "/portal/settings"))
                        .statusCode())
                .isEqualTo(409);

        browser.post("/portal/settings/methods/" + old.id + "/default", Map.of());
        assertThat(data.fresh(() -> methods.of(hal.id())).get(0).id).isEqualTo(old.id);
        browser.post("/portal/settings/methods/" + visa.id + "/remove", Map.of("then", "stop"));
        assertThat(data.fresh(() -> methods.of(hal.id()))).extracting(m -> m.id).containsExactly(old.id);
        assertThat(data.fresh(() -> accounts.findById(hal.account().id).autopayMethodId))
                .isNull();
    }

    @Test
    void nobodyPaysOrSeesAnotherCustomersAccount() {
        var ada = data.aCustomer().withLogin("ada-pw2").create();
        var ben = data.aCustomer().withLogin("ben-pw2").create();
        data.anInvoice(ben.account()).issue();
        SavedMethod bens =
                methods.save(ben.id(), sandbox.tokenizeCard(CARD, 12, 2030).token(), TestData.ACTOR);
        WebSession asAda = WebSession.signedIn(ada.email(), "ada-pw2");
        assertThat(asAda.get("/portal/pay?account=" + ben.account().id).statusCode())
                .isEqualTo(404);
        asAda.get("/portal/pay");
        assertThat(asAda.post(
                                "/portal/pay",
                                Map.of("account", ben.account().id, "invoice", "1", "method", "saved-" + bens.id))
                        .statusCode())
                .isEqualTo(404);
        assertThat(asAda.post("/portal/settings/methods/" + bens.id + "/remove", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(asAda.post(
                                "/portal/autopay",
                                Map.of("account", ben.account().id, "method", bens.id, "autopay", "true"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theHostedFormRefusesNumbersItDoesNotKnowAndPastExpiryDates() {
        WebSession browser = new WebSession();
        browser.get("/sandbox/checkout?kind=card&return=/portal/pay/return&state=x");
        Response unknown = browser.post(
                "/sandbox/checkout",
                Map.of(
                        "kind",
                        "card",
                        "return",
                        "/portal/pay/return",
                        "state",
                        "x",
                        "number",
                        "1234 5678 9012 3456",
                        "expMonth",
                        "12",
                        "expYear",
                        "2030",
                        "cvc",
                        "123"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.asString()).contains("not one of the sandbox").doesNotContain("1234 5678 9012 3456");
        Response expired = browser.post(
                "/sandbox/checkout",
                Map.of(
                        "kind",
                        "card",
                        "return",
                        "https://evil.example/",
                        "state",
                        "x",
                        "number",
                        CARD,
                        "expMonth",
                        "1",
                        "expYear",
                        "2020",
                        "cvc",
                        "123"));
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(expired.asString()).contains("This card has expired.");
    }

    /** Invariant 6: the card number appears in neither the database nor the log. */
    private static void assertNoCardNumberStored() throws Exception {
        // Every row of every table as text: what pg_dump --data-only would show, without needing pg_dump.
        StringBuilder sql = new StringBuilder();
        try (Connection c = PostgresTestDatabase.connect();
                Statement s = c.createStatement();
                ResultSet tables = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            for (String table : names) {
                try (ResultSet rows = s.executeQuery("select t::text from \"" + table + "\" t")) {
                    while (rows.next()) {
                        sql.append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        assertThat(sql.toString()).contains("tok_card_").doesNotContain(CARD).doesNotContain("4242 4242 4242 4242");
        String log = Files.readString(Path.of("target/quarkus-test.log"));
        assertThat(log).doesNotContain(CARD).doesNotContain("4242 4242 4242 4242");
    }

    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }
}
