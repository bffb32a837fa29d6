package app.billfold.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.billfold.audit.AuditLog;
import app.billfold.common.BusinessRuleException;
import app.billfold.identity.Role;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Late fees: after the grace period, once or monthly up to a cap, never twice, and waivers. */
@QuarkusTest
class LateFeesTest {

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    LateFees lateFees;

    @Inject
    AuditLog audit;

    @AfterEach
    void noFeesForOtherTests() {
        clock.reset();
        policy("NONE", "0", "10", "ONCE", "");
    }

    @Test
    void aOneOffFeeComesTheDayAfterTheGracePeriodAndNeverTwice() {
        policy("FIXED", "5", "10", "ONCE", "");
        var ida = data.aCustomer().create();
        Invoice bill = data.anInvoice(ida.account())
                .due("2026-03-12")
                .withLine("Water", "1", "40", "0")
                .issue();

        clock.set(Instant.parse("2026-03-22T10:00:00Z")); // the tenth day of grace
        lateFees.run();
        assertThat(fees(ida.account().id)).isEmpty();

        clock.set(Instant.parse("2026-03-23T10:00:00Z"));
        lateFees.run();
        lateFees.run();
        clock.set(Instant.parse("2026-06-23T10:00:00Z"));
        lateFees.run();

        List<Invoice> fees = fees(ida.account().id);
        assertThat(fees).singleElement().satisfies(fee -> {
            assertThat(fee.grossTotal).isEqualByComparingTo("5");
            assertThat(fee.lines.get(0).description).isEqualTo("Late fee for invoice " + bill.number);
        });
    }

    @Test
    void monthlyFeesStopAtTheCapAndFeesAreNotChargedOnFees() {
        policy("PERCENT", "2", "0", "MONTHLY", "5");
        var jo = data.aCustomer().create();
        data.anInvoice(jo.account())
                .due("2026-03-12")
                .withLine("Water", "1", "100", "0")
                .issue();

        clock.set(Instant.parse("2026-05-13T10:00:00Z")); // months 1, 2 and 3 since the 13th of March
        lateFees.run();
        assertThat(fees(jo.account().id))
                .extracting(i -> i.grossTotal.setScale(2))
                .containsExactly(new BigDecimal("2.00"), new BigDecimal("2.00"), new BigDecimal("1.00"));

        clock.set(Instant.parse("2026-09-30T10:00:00Z"));
        lateFees.run();
        assertThat(fees(jo.account().id)).hasSize(3); // the cap is reached, and fees bear no fees
    }

    @Test
    void paidBillsGetNoFeeAndAWaiverVoidsTheFeeAndIsAudited() {
        policy("FIXED", "7.50", "3", "ONCE", "");
        var kim = data.aCustomer().create();
        data.anInvoice(kim.account())
                .due("2026-03-12")
                .withLine("Water", "1", "20", "0")
                .issue();
        data.pay(kim.account(), "20");
        var lou = data.aCustomer().create();
        data.anInvoice(lou.account())
                .due("2026-03-12")
                .withLine("Water", "1", "20", "0")
                .issue();

        clock.set(Instant.parse("2026-03-20T10:00:00Z"));
        lateFees.run();

        assertThat(fees(kim.account().id)).isEmpty();
        Invoice fee = fees(lou.account().id).get(0);
        String clerk = data.staff(Role.CLERK, "clerk-password");
        var console = WebSession.signedIn(clerk, "clerk-password");
        assertThat(console.get("/console/invoices/" + fee.id).asString()).contains("Waive this late fee");

        var waived = console.post("/console/invoices/" + fee.id + "/waive-fee", Map.of("reason", "first time late"));

        assertThat(waived.statusCode()).isEqualTo(303);
        assertThat(data.fresh(() -> Invoice.<Invoice>findById(fee.id).status)).isEqualTo(InvoiceStatus.VOID);
        assertThat(data.fresh(() -> audit.forSubject("account:" + lou.account().id)))
                .anySatisfy(e -> {
                    assertThat(e.action).isEqualTo("latefee.waive");
                    assertThat(e.actor).isEqualTo(clerk);
                    assertThat(e.detail).contains("first time late");
                    assertThat(e.after).isEqualTo("waived");
                });
        assertThatThrownBy(() -> lateFees.waive(fee.id, "again", clerk)).isInstanceOf(BusinessRuleException.class);
        lateFees.run();
        assertThat(fees(lou.account().id)).hasSize(1); // a waived fee is not charged again
    }

    @Test
    void theAdminFormRefusesABadPolicy() {
        String admin = data.staff(Role.ADMIN, "admin-password");
        var console = WebSession.signedIn(admin, "admin-password");
        var bad = console.post(
                "/console/late-fees",
                Map.of("kind", "PERCENT", "amount", "150", "graceDays", "-2", "repeat", "ONCE", "cap", ""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("aria-invalid=\"true\"");
        assertThat(data.fresh(() -> lateFees.policy().kind)).isEqualTo("NONE");
        assertThat(console.post(
                                "/console/late-fees",
                                Map.of("kind", "FIXED", "amount", "5", "graceDays", "10", "repeat", "ONCE", "cap", ""))
                        .statusCode())
                .isEqualTo(303);
        assertThat(data.fresh(() -> lateFees.policy().kind)).isEqualTo("FIXED");
    }

    private void policy(String kind, String amount, String grace, String repeat, String cap) {
        lateFees.updatePolicy(new LateFees.PolicyForm(kind, amount, grace, repeat, cap), TestData.ACTOR);
    }

    private List<Invoice> fees(Long accountId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Invoice> found = Invoice.list(
                    "account.id = ?1 and id in (select f.feeInvoiceId from LateFee f) order by id", accountId);
            found.forEach(i -> i.lines.size());
            return found;
        });
    }
}
