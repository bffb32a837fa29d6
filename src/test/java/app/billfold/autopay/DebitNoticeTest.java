package app.billfold.autopay;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.audit.AuditLog;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.notify.EmailComposer;
import app.billfold.notify.OutboxMessage;
import app.billfold.payment.Autopay;
import app.billfold.payment.SavedMethod;
import app.billfold.payment.SavedMethods;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No automatic debit without a notice the notice period before (3 days here, the default), the
 * debit day moving when a bill comes too late for that; "pay this one myself" from the notice and
 * from the portal; a guest's manage link that lasts while autopay is on.
 */
@QuarkusTest
class DebitNoticeTest {

    @Inject
    TestData data;

    @Inject
    AutopayRun run;

    @Inject
    SavedMethods methods;

    @Inject
    Autopay autopay;

    @Inject
    SandboxGateway sandbox;

    @Inject
    TestClock clock;

    @Inject
    AuditLog audit;

    @Inject
    EmailComposer composer;

    @BeforeEach
    void threeDays() {
        QuarkusMock.installMockForType(
                new NoticePeriod() {
                    @Override
                    public int days() {
                        return 3;
                    }
                },
                NoticePeriod.class);
    }

    @AfterEach
    void reset() {
        clock.reset();
        data.fresh(() ->
                AutopaySchedule.update("status = ?1 where status = ?2", AutopayStatus.DONE, AutopayStatus.SCHEDULED));
        data.fresh(
                () -> app.billfold.account.Account.update("autopayMethodId = null where autopayMethodId is not null"));
    }

    record Enrolled(TestData.CreatedCustomer customer, SavedMethod method) {}

    Enrolled enrolled(TestData.CustomerBuilder builder) {
        var customer = builder.create();
        SavedMethod card = methods.save(
                customer.id(),
                sandbox.tokenizeCard("4242424242424242", 12, 2030).token(),
                TestData.ACTOR);
        autopay.enrol(customer.id(), customer.account().id, card.id, TestData.ACTOR);
        return new Enrolled(customer, card);
    }

    @Test
    void aBillIssuedOnItsDueDateIsDebitedOnlyThreeDaysAfterItsNotice() {
        var late = enrolled(data.aCustomer().paperless());
        Invoice bill = data.anInvoice(late.customer().account())
                .due("2026-03-10")
                .withLine("Water", "1", "40", "0")
                .issue();
        var early = enrolled(data.aCustomer().paperless());
        Invoice ahead = data.anInvoice(early.customer().account())
                .due("2026-03-20")
                .withLine("Water", "1", "25", "0")
                .issue();

        run.run(); // 03-10: the notices go, nothing is charged
        assertThat(sandbox.chargesFor(late.method().token)).isZero();
        OutboxMessage notice = notice(late.customer().id());
        assertThat(notice.kind).isEqualTo("autopay_notice");
        assertThat(EmailComposer.payload(notice.payload))
                .containsEntry(
                        "due",
                        app.billfold.common.LocalFormats.date(
                                LocalDate.parse("2026-03-13"), java.util.Locale.forLanguageTag("en")))
                .containsKey("skipLink");
        assertThat(debitOn(bill)).isEqualTo(LocalDate.parse("2026-03-13"));
        String text = rendered(notice);
        assertThat(text)
                .contains("Pay this one myself")
                .contains(EmailComposer.payload(notice.payload).get("skipLink"))
                .contains("Manage autopay"); // a guest: no sign-in
        assertThat(debitOn(ahead)).isEqualTo(LocalDate.parse("2026-03-20")); // in time: its due date

        clock.advance(Duration.ofDays(2)); // 03-12
        run.run();
        assertThat(sandbox.chargesFor(late.method().token)).isZero();
        clock.advance(Duration.ofDays(1)); // 03-13
        run.run();
        run.run();
        assertThat(sandbox.chargesFor(late.method().token)).isEqualTo(1);
        assertThat(status(bill)).isEqualTo(InvoiceStatus.PAID);
        assertThat(data.fresh(() -> OutboxMessage.count(
                        "customerId = ?1 and kind = 'autopay_notice'",
                        late.customer().id())))
                .isEqualTo(1); // one notice, not one per run
        assertThat(sandbox.chargesFor(early.method().token)).isZero();
    }

    @Test
    void payThisOneMyselfFromTheNoticeLeavesTheBillToTheCustomer() {
        var ida = enrolled(data.aCustomer().paperless());
        Invoice bill = data.anInvoice(ida.customer().account())
                .due("2026-03-15")
                .withLine("Water", "1", "30", "0")
                .issue();
        run.run();
        String skipLink =
                EmailComposer.payload(notice(ida.customer().id()).payload).get("skipLink");
        URI uri = URI.create(skipLink);
        String path = uri.getRawPath() + "?" + uri.getRawQuery();

        WebSession guest = new WebSession();
        String page = guest.get(path).asString();
        assertThat(page).contains("Pay this one myself").contains(bill.number);
        String link = java.net.URLDecoder.decode(
                uri.getRawQuery().substring("link=".length()), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(guest.post("/guest/autopay/skip", Map.of("link", link + "x")).statusCode())
                .isEqualTo(404);
        assertThat(guest.post("/guest/autopay/skip", Map.of("link", link)).statusCode())
                .isEqualTo(303);
        assertThat(guest.get(path).asString()).contains("You chose to pay this bill yourself");

        clock.advance(Duration.ofDays(10));
        run.run();
        assertThat(sandbox.chargesFor(ida.method().token)).isZero();
        assertThat(status(bill)).isEqualTo(InvoiceStatus.OPEN);
        assertThat(audit.forSubject("account:" + ida.customer().account().id))
                .filteredOn(e -> e.action.equals("autopay.skip"))
                .singleElement()
                .satisfies(e -> assertThat(e.detail).isEqualTo(bill.number));
        // Autopay goes on for the next bill.
        assertThat(data.fresh(() -> app.billfold.account.Account.<app.billfold.account.Account>findById(
                                ida.customer().account().id)
                        .autopayMethodId))
                .isNotNull();
    }

    @Test
    void payThisOneMyselfFromThePortalInOneClick() {
        var jo = enrolled(data.aCustomer().paperless().withLogin("jo-password"));
        Invoice bill = data.anInvoice(jo.customer().account())
                .due("2026-03-20")
                .withLine("Water", "1", "30", "0")
                .issue();
        WebSession portal = WebSession.signedIn(jo.customer().email(), "jo-password");
        assertThat(portal.get("/portal/invoices/" + bill.number).asString())
                .contains("Autopay will pay this bill")
                .contains("/portal/invoices/" + bill.number + "/pay-myself");
        assertThat(portal.post("/portal/invoices/" + bill.number + "/pay-myself", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(portal.get("/portal/invoices/" + bill.number).asString())
                .contains("You chose to pay this bill yourself");

        // Someone else's bill cannot be skipped.
        var other = enrolled(data.aCustomer());
        Invoice theirs = data.anInvoice(other.customer().account())
                .due("2026-03-25")
                .withLine("Water", "1", "30", "0")
                .issue();
        assertThat(portal.post("/portal/invoices/" + theirs.number + "/pay-myself", Map.of())
                        .statusCode())
                .isEqualTo(404);

        clock.advance(Duration.ofDays(12));
        run.run();
        assertThat(sandbox.chargesFor(jo.method().token)).isZero();
        assertThat(sandbox.chargesFor(other.method().token)).isZero(); // its debit day has not come
        // A signed-in customer's notice carries no sign-in-free manage link (the bill of another
        // who has a sign-in is noticed too).
        assertThat(data.fresh(() -> OutboxMessage.count(
                        "customerId = ?1 and kind = 'autopay_notice'",
                        jo.customer().id())))
                .isZero(); // skipped before the run: no notice needed
    }

    @Test
    void aGuestsNoticeCarriesAManageLinkThatLastsWhileAutopayIsOn() {
        var guest = enrolled(data.aCustomer().paperless());
        data.anInvoice(guest.customer().account())
                .due("2026-03-20")
                .withLine("Water", "1", "30", "0")
                .issue();
        run.run();
        String manageLink =
                EmailComposer.payload(notice(guest.customer().id()).payload).get("manageLink");
        assertThat(manageLink).isNotNull();
        URI uri = URI.create(manageLink);
        String path = uri.getRawPath() + "?" + uri.getRawQuery();

        clock.advance(Duration.ofDays(200)); // long after a confirmation link would have expired
        WebSession browser = new WebSession();
        assertThat(browser.get(path).statusCode()).isEqualTo(200);

        autopay.stop(guest.customer().id(), guest.customer().account().id, TestData.ACTOR);
        assertThat(browser.get(path).statusCode()).isEqualTo(404);
        // Switched on again: the old link stays dead.
        autopay.enrol(guest.customer().id(), guest.customer().account().id, guest.method().id, TestData.ACTOR);
        assertThat(browser.get(path).statusCode()).isEqualTo(404);
    }

    /** The e-mail the dispatcher would send for the message: its plain-text body. */
    private String rendered(OutboxMessage message) {
        var context = io.quarkus.arc.Arc.container().requestContext();
        context.activate();
        try {
            return data.fresh(
                    () -> composer.compose(OutboxMessage.findById(message.id)).getText());
        } finally {
            context.terminate();
        }
    }

    private OutboxMessage notice(Long customerId) {
        return data.fresh(() -> OutboxMessage.<OutboxMessage>find(
                        "customerId = ?1 and kind = 'autopay_notice' order by id", customerId)
                .firstResult());
    }

    private LocalDate debitOn(Invoice bill) {
        return data.fresh(() -> DebitNotice.<DebitNotice>findById(bill.id).debitOn);
    }

    private InvoiceStatus status(Invoice bill) {
        return data.fresh(() -> Invoice.<Invoice>findById(bill.id).status);
    }
}
