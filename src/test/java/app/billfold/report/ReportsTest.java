package app.billfold.report;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.Customers;
import app.billfold.autopay.AutopayRun;
import app.billfold.identity.Role;
import app.billfold.payment.Autopay;
import app.billfold.payment.OfflinePaymentForm;
import app.billfold.payment.RecordOfflinePayment;
import app.billfold.payment.SavedMethods;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.support.AgingPages;
import app.billfold.support.Exported;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The aging report on fixed dates, the adoption figures on known data, and the audit trail page. */
@QuarkusTest
class ReportsTest {

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    AgingReport aging;

    @Inject
    AdoptionReport adoption;

    @Inject
    RecordOfflinePayment payments;

    @Inject
    Customers customers;

    @Inject
    SavedMethods methods;

    @Inject
    Autopay autopay;

    @Inject
    AutopayRun autopayRun;

    @Inject
    SandboxGateway sandbox;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void agingPutsWhatWasOwedOnTheDayInTheBucketOfItsLateness() {
        var ola = data.aCustomer().named("Ola Aging").create();
        Long account = ola.account().id;
        data.anInvoice(ola.account())
                .due("2026-03-12")
                .withLine("A", "1", "100", "0")
                .issue(); // 110 days late
        data.anInvoice(ola.account())
                .due("2026-04-10")
                .withLine("B", "1", "20", "0")
                .issue(); // 81
        data.anInvoice(ola.account())
                .due("2026-05-15")
                .withLine("C", "1", "30", "0")
                .issue(); // 46
        data.anInvoice(ola.account())
                .due("2026-06-20")
                .withLine("D", "1", "40", "0")
                .issue(); // 10
        data.anInvoice(ola.account())
                .due("2026-07-05")
                .withLine("E", "1", "50", "0")
                .issue(); // not yet due
        clock.set(Instant.parse("2026-04-01T10:00:00Z"));
        payments.record(account, new OfflinePaymentForm("60", "2026-04-01", "CHEQUE", "", Map.of()), TestData.ACTOR);

        AgingReport.Row june = row(aging.asOf(LocalDate.parse("2026-06-30")), account);
        assertThat(june.over90()).isEqualByComparingTo("40"); // 100 less the 60 paid on the oldest bill
        assertThat(june.days61to90()).isEqualByComparingTo("20");
        assertThat(june.days31to60()).isEqualByComparingTo("30");
        assertThat(june.days1to30()).isEqualByComparingTo("40");
        assertThat(june.current()).isEqualByComparingTo("50");
        assertThat(june.total()).isEqualByComparingTo("180");

        // Before the cheque arrived the whole first bill was owed, and it was 19 days late.
        AgingReport.Row march = row(aging.asOf(LocalDate.parse("2026-03-31")), account);
        assertThat(march.days1to30()).isEqualByComparingTo("100");
        assertThat(march.current()).isEqualByComparingTo("140");
        assertThat(march.total()).isEqualByComparingTo("240");

        // Before the bills were issued nothing was owed.
        assertThat(aging.asOf(LocalDate.parse("2026-03-09")).rows())
                .noneMatch(r -> r.accountId().equals(account));

        String clerk = data.staff(Role.CLERK, "clerk-password");
        var console = WebSession.signedIn(clerk, "clerk-password");
        var csv = Exported.download(console, Map.of("kind", "aging", "asOf", "2026-06-30"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.asString())
                .startsWith("account,customer,current,1-30,31-60,61-90,90+,total")
                .contains(ola.account().number + ",Ola Aging,50.00,40.00,30.00,20.00,40.00,180.00");
        assertThat(AgingPages.find(console, "2026-06-30", ola.account().number))
                .contains(ola.account().number)
                .contains("€180.00");
        assertThat(console.get("/console/reports/aging?asOf=June").statusCode()).isEqualTo(400);
        assertThat(console.post("/console/exports", Map.of("kind", "aging", "asOf", "June"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void adoptionCountsPaperlessAutopaySavedMethodsAndOnlinePaymentsOfTheMonth() {
        AdoptionReport.Month before = current();

        data.aCustomer().create(); // on paper, no autopay, no saved method
        var green = data.aCustomer().paperless().create();
        var auto = data.aCustomer().create();
        var card = methods.save(
                auto.id(), sandbox.tokenizeCard("4242424242424242", 12, 2030).token(), TestData.ACTOR);
        autopay.enrol(auto.id(), auto.account().id, card.id, TestData.ACTOR);
        data.anInvoice(auto.account())
                .due("2026-03-10")
                .withLine("Water", "1", "25", "0")
                .issue();
        data.anInvoice(green.account()).withLine("Water", "1", "15", "0").issue();
        data.pay(green.account(), "15");
        autopayRun.run(); // charges the autopay bill due today: an online payment

        AdoptionReport.Month after = current();
        assertThat(after.accounts() - before.accounts()).isEqualTo(3);
        assertThat(after.paperless() - before.paperless()).isEqualTo(1);
        assertThat(after.autopay() - before.autopay()).isEqualTo(1);
        assertThat(after.withMethod() - before.withMethod()).isEqualTo(1);
        assertThat(after.onlinePayments() - before.onlinePayments()).isEqualTo(1);
        assertThat(after.offlinePayments() - before.offlinePayments()).isEqualTo(1);
        assertThat(after.onlineAmount().subtract(before.onlineAmount())).isEqualByComparingTo("25");
        assertThat(after.offlineAmount().subtract(before.offlineAmount())).isEqualByComparingTo("15");

        // Turning paperless off again shows in the month's figures: the audit trail is the history.
        customers.setPaperless(green.id(), green.account().id, false, TestData.ACTOR);
        assertThat(current().paperless()).isEqualTo(before.paperless());
        assertThat(adoption.lastMonths(12)).hasSize(12);

        String clerk = data.staff(Role.CLERK, "clerk-password");
        assertThat(WebSession.signedIn(clerk, "clerk-password")
                        .get("/console/reports/adoption")
                        .asString())
                .contains("<svg")
                .contains("<polyline")
                .contains("2026-03");
    }

    @Test
    void theAuditTrailShowsEachClerkActionWithBeforeAndAfterAndFilters() {
        var pat = data.aCustomer().create();
        String clerk = data.staff(Role.CLERK, "clerk-password");
        var console = WebSession.signedIn(clerk, "clerk-password");
        console.post(
                "/console/accounts/" + pat.account().id,
                Map.of(
                        "number", pat.account().number,
                        "serviceAddress", "2 New Street",
                        "postcode", "75002",
                        "status", "ACTIVE"));
        customers.setPaperless(pat.id(), pat.account().id, true, clerk);

        String forAccount = console.get("/console/audit?subject=account:" + pat.account().id)
                .asString();
        assertThat(forAccount)
                .contains("account.update")
                .contains("paperless.on")
                .contains(clerk)
                .contains("paper") // before
                .contains("paperless"); // after
        assertThat(console.get("/console/audit?subject=account:" + pat.account().id + "&action=paperless")
                        .asString())
                .contains("paperless.on")
                .doesNotContain("account.update");
        assertThat(console.get("/console/audit?actor=" + clerk + "&from=2026-03-11")
                        .asString())
                .doesNotContain("account:" + pat.account().id + "<");
        assertThat(console.get("/console/audit?from=soon").statusCode()).isEqualTo(400);
        assertThat(console.get("/console/accounts/" + pat.account().id).asString())
                .contains("/console/audit?subject=account:" + pat.account().id);
    }

    private AdoptionReport.Month current() {
        var months = data.fresh(() -> adoption.lastMonths(1));
        return months.get(0);
    }

    private static AgingReport.Row row(AgingReport.Report report, Long accountId) {
        return report.rows().stream()
                .filter(r -> r.accountId().equals(accountId))
                .findFirst()
                .orElseThrow();
    }
}
