package app.billfold.billing;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.Account;
import app.billfold.account.Customer;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.LineInput;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Texts Billfold writes onto bills from Java (shares by days, usage bands, late fees) come in the
 * customer's language, so a French bill holds no English.
 */
@QuarkusTest
class BillsInTheCustomersLanguageTest {

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    LateFees lateFees;

    @AfterEach
    void reset() {
        lateFees.updatePolicy(new LateFees.PolicyForm("NONE", "0", "10", "ONCE", ""), TestData.ACTOR);
        clock.reset();
    }

    @Test
    void sharesByDaysAndUsageBandsSpeakTheCustomersLanguage() {
        assertThat(descriptions("fr"))
                .containsExactly(
                        "Abonnement (21/31 jours, 2026-01-01 – 2026-01-31)",
                        "Eau (0–10 m3) (2026-01-01 – 2026-01-31)",
                        "Eau (au-delà de 10 m3) (2026-01-01 – 2026-01-31)");
        assertThat(descriptions("en"))
                .containsExactly(
                        "Abonnement (21/31 days, 2026-01-01 – 2026-01-31)",
                        "Eau (0–10 m3) (2026-01-01 – 2026-01-31)",
                        "Eau (over 10 m3) (2026-01-01 – 2026-01-31)");
    }

    @Test
    void aLateFeeOnAFrenchBillIsInFrench() {
        lateFees.updatePolicy(new LateFees.PolicyForm("FIXED", "5", "0", "MONTHLY", ""), TestData.ACTOR);
        var zoe = data.aCustomer().speaking("fr").create();
        Invoice bill = data.anInvoice(zoe.account())
                .due("2026-03-12")
                .withLine("Eau", "1", "40", "0")
                .issue();
        clock.set(Instant.parse("2026-03-14T10:00:00Z"));
        lateFees.run();
        String fee = QuarkusTransaction.requiringNew()
                .call(() -> Invoice.<Invoice>find("account.id = ?1 and id <> ?2", zoe.account().id, bill.id)
                        .firstResult()
                        .lines
                        .get(0)
                        .description);
        assertThat(fee).isEqualTo("Pénalité de retard pour la facture " + bill.number + " (mois 1)");
    }

    /** The lines of January for a plan started on the 11th, with 14 m3 used, for a customer speaking this. */
    private static List<String> descriptions(String language) {
        Customer customer = new Customer();
        customer.language = language;
        Account account = new Account();
        account.customer = customer;
        Plan plan = new Plan();
        PlanLine base = new PlanLine();
        base.id = 1L;
        base.description = "Abonnement";
        base.kind = "FIXED";
        base.unitPrice = new BigDecimal("31");
        base.taxRate = BigDecimal.ZERO;
        PlanLine water = new PlanLine();
        water.id = 2L;
        water.description = "Eau";
        water.kind = "METERED";
        water.unit = "m3";
        water.unitPrice = new BigDecimal("1.5");
        water.taxRate = BigDecimal.ZERO;
        PlanTier first = new PlanTier();
        first.upTo = BigDecimal.TEN;
        first.unitPrice = new BigDecimal("1.5");
        PlanTier rest = new PlanTier();
        rest.unitPrice = new BigDecimal("2");
        water.tiers = List.of(first, rest);
        plan.lines = List.of(base, water);
        Subscription subscription = new Subscription();
        subscription.account = account;
        subscription.plan = plan;
        subscription.startsOn = LocalDate.parse("2026-01-11");
        return PeriodCharges.lines(
                        subscription,
                        new BillingPeriod(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01")),
                        Map.of(2L, new BigDecimal("14")),
                        "EUR")
                .stream()
                .map(LineInput::description)
                .toList();
    }
}
