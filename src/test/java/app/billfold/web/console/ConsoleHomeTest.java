package app.billfold.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.billing.BillingRun;
import app.billfold.billing.BillingRuns;
import app.billfold.identity.Role;
import app.billfold.invoice.Invoice;
import app.billfold.notify.Outbox;
import app.billfold.notify.OutboxMessage;
import app.billfold.report.Dashboard;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console's home: each figure moves with what it counts and links to the list behind it. */
@QuarkusTest
class ConsoleHomeTest {

    @Inject
    TestData data;

    @Inject
    Dashboard dashboard;

    @Inject
    Outbox outbox;

    @Inject
    BillingRuns runs;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachFigureCountsWhatItsListShowsAndLinksToIt() {
        // The figures of tomorrow, before this test's bills exist; then the bills, issued today.
        clock.advance(Duration.ofDays(1));
        Dashboard.Figures before = dashboard.today();
        clock.reset();
        var kim = data.aCustomer().create();
        Invoice dueToday = data.anInvoice(kim.account())
                .withLine("Water", "1", "12.00", "0")
                .due("2026-03-11")
                .issue();
        Invoice overdue = data.anInvoice(kim.account())
                .withLine("Water", "1", "30.00", "0")
                .due("2026-03-10")
                .issue();
        // Tomorrow the first is due that day and the second a day late.
        clock.advance(Duration.ofDays(1));
        Long dead = data.fresh(() -> {
            outbox.email(kim.email(), "payment_receipt", "en", Map.of("name", "Kim"), "home-test:" + kim.id());
            OutboxMessage message =
                    OutboxMessage.find("dedupeKey", "home-test:" + kim.id()).firstResult();
            message.status = "DEAD";
            return message.id;
        });
        BillingRun run = runs.run("clerk@example.com");

        Dashboard.Figures after = dashboard.today();
        assertThat(after.dueToday().count()).isEqualTo(before.dueToday().count() + 1);
        assertThat(after.dueToday().owed().amount())
                .isEqualByComparingTo(before.dueToday().owed().amount().add(new BigDecimal("12.00")));
        assertThat(after.overdue().count()).isEqualTo(before.overdue().count() + 1);
        assertThat(after.overdue().owed().amount())
                .isEqualByComparingTo(before.overdue().owed().amount().add(new BigDecimal("30.00")));
        assertThat(after.deadMessages()).isEqualTo(before.deadMessages() + 1);
        assertThat(after.paperWaiting()).isEqualTo(before.paperWaiting() + 2);
        assertThat(after.lastRun().id).isEqualTo(run.id);

        String email = data.staff(Role.CLERK, "clerk-password-1");
        WebSession clerk = WebSession.signedIn(email, "clerk-password-1");
        assertThat(clerk.get("/").header("Location")).endsWith("/console");
        String home = clerk.get("/console").asString();
        assertThat(home)
                .contains("<h1>Today</h1>")
                .contains("href=\"/console/invoices?due=due-today\"><span class=\"figure\">"
                        + after.dueToday().count() + "</span> bills due today, ")
                .contains("href=\"/console/invoices?due=overdue\"><span class=\"figure\">"
                        + after.overdue().count() + "</span>")
                .contains("href=\"/console/messages?status=DEAD\"><span class=\"figure\">" + after.deadMessages())
                .contains("href=\"/console/print\"><span class=\"figure\">" + after.paperWaiting())
                .contains("href=\"/console/autopay\"")
                .contains("href=\"/console/billing/runs/" + run.id + "\">Last billing run:");

        String today = clerk.get("/console/invoices?due=due-today").asString();
        assertThat(today).contains(dueToday.number).doesNotContain(overdue.number);
        String late = clerk.get("/console/invoices?due=overdue").asString();
        assertThat(late)
                .contains(overdue.number)
                .doesNotContain(dueToday.number)
                .contains(kim.account().number);

        WebSession french = WebSession.signedIn(email, "clerk-password-1");
        french.post("/language", Map.of("lang", "fr", "back", "/console"));
        assertThat(french.get("/console").asString()).contains("<h1>Aujourd&#39;hui</h1>");
        assertThat(dead).isNotNull();
    }
}
