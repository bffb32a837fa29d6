package app.billfold.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.AccountRepository;
import app.billfold.identity.Role;
import app.billfold.invoice.Invoice;
import app.billfold.notify.Outbox;
import app.billfold.notify.OutboxMessage;
import app.billfold.payment.OfflinePaymentForm;
import app.billfold.payment.Payment;
import app.billfold.payment.RecordOfflinePayment;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Receipts that lead somewhere: the bills paid and what is still owed, a copy by e-mail, paperless,
 * a guest's right next step; one payment reference on the receipt, the bill and the console; a
 * clerk's payment with its method and reference.
 */
@QuarkusTest
class ReceiptsTest {

    @Inject
    TestData data;

    @Inject
    AccountRepository accounts;

    @Inject
    Outbox outbox;

    @Inject
    RecordOfflinePayment offline;

    @AfterEach
    void forgetTries() {
        data.fresh(() -> accounts.getEntityManager()
                .createNativeQuery("delete from guest_attempt")
                .executeUpdate());
    }

    @Test
    void aReceiptListsTheBillsSaysWhatRemainsSendsACopyAndShowsOneReferenceEverywhere() {
        var kim = data.aCustomer().withLogin("kim-pw").create();
        Invoice water = data.anInvoice(kim.account())
                .due("2026-04-01")
                .withLine("Water", "1", "40", "0")
                .issue();
        Invoice power = data.anInvoice(kim.account())
                .due("2026-04-20")
                .withLine("Power", "1", "25", "0")
                .issue();
        WebSession portal = WebSession.signedIn(kim.email(), "kim-pw");
        String page = portal.get("/portal/pay").asString();
        String key = page.replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");
        Response toProcessor = portal.post(
                "/portal/pay",
                Map.of(
                        "account",
                        kim.account().id,
                        "invoice",
                        List.of(water.id, power.id),
                        "amount",
                        "50",
                        "method",
                        "new-card",
                        "key",
                        key));
        String receipt = PaperlessAtPaymentTest.finishOnSandbox(
                portal, PaperlessAtPaymentTest.path(toProcessor.header("Location")), "4242424242424242");
        assertThat(receipt)
                .contains("Thank you: €50.00 received.")
                .contains(water.number)
                .contains(power.number)
                .contains("Still to pay on account " + kim.account().number + ": €15.00.")
                .contains("E-mail me a copy</button>")
                .contains("A copy goes to " + kim.email() + ".");

        Payment payment = data.fresh(
                () -> Payment.<Payment>find("account.id", kim.account().id).firstResult());
        String reference = payment.gatewayRef;
        assertThat(reference).isNotBlank();
        assertThat(receipt).contains("<dd>" + reference + "</dd>");
        assertThat(portal.get("/portal/invoices/" + power.number).asString()).contains(">" + reference + "</td>");
        assertThat(portal.get("/portal/payments").asString()).contains(">" + reference + "</td>");
        WebSession clerk = WebSession.signedIn(data.staff(Role.CLERK, "clerk-pw-123456"), "clerk-pw-123456");
        assertThat(clerk.get("/console/accounts/" + kim.account().id).asString())
                .contains("<td>" + reference + "</td>");

        // A copy by e-mail, to the address on file; a few at most.
        for (int i = 0; i < 3; i++) {
            Response copy = portal.post("/portal/receipts/" + payment.id + "/email", Map.of());
            assertThat(copy.statusCode()).isEqualTo(303);
            assertThat(copy.header("Location")).contains("notice=notice_receipt_sent");
        }
        assertThat(portal.post("/portal/receipts/" + payment.id + "/email", Map.of())
                        .header("Location"))
                .contains("notice=notice_receipt_copies_used");
        List<OutboxMessage> copies = data.fresh(() -> outbox.forRecipient(kim.email()).stream()
                .filter(m -> m.dedupeKey.startsWith("receipt-copy:" + payment.id + ":"))
                .toList());
        assertThat(copies).hasSize(3).allSatisfy(m -> assertThat(m.kind).isEqualTo("payment_receipt"));

        // Someone else's receipt cannot be mailed.
        var other = data.aCustomer().withLogin("other-pw").create();
        assertThat(WebSession.signedIn(other.email(), "other-pw")
                        .post("/portal/receipts/" + payment.id + "/email", Map.of())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aClerksPaymentShowsItsMethodAndReferenceToTheCustomer() {
        var lou = data.aCustomer().withLogin("lou-pw").create();
        data.anInvoice(lou.account()).withLine("Water", "1", "30", "0").issue();
        Payment cheque = data.fresh(() -> offline.record(
                lou.account().id,
                new OfflinePaymentForm("30.00", "2026-03-09", "CHEQUE", "000777", Map.of()),
                TestData.ACTOR));
        WebSession portal = WebSession.signedIn(lou.email(), "lou-pw");
        String receipt = portal.get("/portal/receipts/" + cheque.id).asString();
        assertThat(receipt)
                .contains("<dd>Cheque</dd>")
                .contains("<dd>000777</dd>")
                .contains("Nothing more to pay on account " + lou.account().number + ".");
        assertThat(portal.get("/portal/payments").asString()).contains("Cheque").contains(">000777</td>");
    }

    @Test
    void aGuestReceiptLeadsToTheRightNextStep() {
        var mo = data.aCustomer().create();
        Invoice water =
                data.anInvoice(mo.account()).withLine("Water", "1", "18", "0").issue();
        data.anInvoice(mo.account()).withLine("Power", "1", "7", "0").issue();
        WebSession guest = new WebSession();
        guest.get("/guest");
        guest.post("/guest", Map.of("accountNumber", mo.account().number, "postcode", "75001"));
        String page = guest.get("/guest/pay").asString();
        String key = page.replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");
        Response toProcessor = guest.post("/guest/pay", Map.of("invoice", water.id, "method", "new-card", "key", key));
        String receipt = PaperlessAtPaymentTest.finishOnSandbox(
                guest, PaperlessAtPaymentTest.path(toProcessor.header("Location")), "4242424242424242");
        assertThat(receipt)
                .contains(water.number)
                .contains("Still to pay on account " + mo.account().number + ": €7.00.")
                .contains("href=\"/register\"")
                .doesNotContain("Next time, sign in");
        String receiptPath =
                "/guest/receipts/" + receipt.replaceAll("(?s).*action=\"/guest/receipts/(\\d+)/email\".*", "$1");

        Response noAddress = guest.post(receiptPath + "/email", Map.of("copyEmail", "nope"));
        assertThat(noAddress.statusCode()).isEqualTo(400);
        assertThat(noAddress.asString()).contains("id=\"e-copyEmail\"");
        assertThat(guest.post(receiptPath + "/email", Map.of("copyEmail", "payer@example.com"))
                        .header("Location"))
                .contains("notice=notice_receipt_sent");
        assertThat(data.fresh(() -> outbox.forRecipient("payer@example.com"))).isNotEmpty();

        Response wrongAddress = guest.post(
                receiptPath + "/paperless", Map.of("paperless", "true", "paperlessEmail", "payer@example.com"));
        assertThat(wrongAddress.statusCode()).isEqualTo(400);
        assertThat(wrongAddress.asString()).contains("id=\"e-paperlessEmail\"");
        assertThat(guest.post(receiptPath + "/paperless", Map.of("paperless", "true", "paperlessEmail", mo.email()))
                        .statusCode())
                .isEqualTo(303);
        assertThat(data.fresh(() -> accounts.findById(mo.account().id).paperless))
                .isTrue();
        assertThat(guest.get(receiptPath).asString()).contains("Paperless is on");

        // Once the customer has a sign-in, the guest is asked to sign in, not to create one.
        data.fresh(() -> {
            app.billfold.identity.AppUser.getEntityManager()
                    .createNativeQuery("insert into app_user (email, password_hash, role, customer_id, enabled,"
                            + " created_at) values (?1, 'x', 'CUSTOMER', ?2, true, now())")
                    .setParameter(1, mo.email())
                    .setParameter(2, mo.id())
                    .executeUpdate();
            return null;
        });
        assertThat(guest.get(receiptPath).asString())
                .contains("Next time, sign in")
                .doesNotContain("href=\"/register\"");
    }
}
