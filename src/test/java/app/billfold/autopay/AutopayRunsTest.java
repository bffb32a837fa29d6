package app.billfold.autopay;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.identity.Role;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.payment.Autopay;
import app.billfold.payment.SavedMethods;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Run autopay now" from the console runs in the background and its page shows how far it got. */
@QuarkusTest
class AutopayRunsTest {

    @Inject
    TestData data;

    @Inject
    SavedMethods methods;

    @Inject
    Autopay autopay;

    @Inject
    SandboxGateway sandbox;

    @Inject
    AutopayRuns runs;

    @Test
    void aClerkStartsARunAndFollowsItToTheEnd() throws Exception {
        var lea = data.aCustomer().create();
        var card = methods.save(
                lea.id(), sandbox.tokenizeCard("4242424242424242", 12, 2030).token(), TestData.ACTOR);
        autopay.enrol(lea.id(), lea.account().id, card.id, TestData.ACTOR);
        Invoice due = data.anInvoice(lea.account())
                .withLine("Water", "1", "25.00", "0")
                .due("2026-03-10")
                .issue();

        String email = data.staff(Role.CLERK, "clerk-password-1");
        WebSession clerk = WebSession.signedIn(email, "clerk-password-1");
        Response started = clerk.post("/console/autopay/run", Map.of());
        assertThat(started.statusCode()).isEqualTo(303);
        String location = started.header("Location");
        assertThat(location).matches(".*/console/autopay/runs/\\d+");
        Long id = Long.valueOf(location.substring(location.lastIndexOf('/') + 1));

        AutopayRunRecord record = runs.record(id);
        assertThat(record.startedBy).isEqualTo(email);
        // The run goes on in another thread; wait for it to end (no time limit is asserted).
        while (record.running()) {
            Thread.sleep(100);
            record = runs.record(id);
        }
        assertThat(record.status).isEqualTo(AutopayRunRecord.FINISHED);
        assertThat(record.done).isEqualTo(record.due);
        assertThat(record.charged).isGreaterThanOrEqualTo(1);
        assertThat(data.fresh(() -> Invoice.<Invoice>findById(due.id).status)).isEqualTo(InvoiceStatus.PAID);

        String page = clerk.get(location).asString();
        assertThat(page)
                .contains("Autopay run " + id)
                .contains(record.done + " of " + record.due + " due bills tried")
                .doesNotContain("http-equiv=\"refresh\"")
                // A finished run no longer fetches itself again (js/progress.js).
                .doesNotContain("data-running");
        assertThat(clerk.get("/console/autopay").asString()).contains("/console/autopay/runs/" + id);
    }
}
