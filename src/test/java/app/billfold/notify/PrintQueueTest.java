package app.billfold.notify;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.identity.Role;
import app.billfold.invoice.Invoice;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import com.lowagie.text.pdf.PdfReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Paper bills go to the print queue, paperless ones by e-mail; the customer switches with one box. */
@QuarkusTest
class PrintQueueTest {

    @Inject
    TestData data;

    @Inject
    PrintQueue queue;

    @Inject
    Outbox outbox;

    @Test
    void paperBillsArePrintedFromOneMergedPdfAndPaperlessOnesAreMailed() throws Exception {
        queue.markPrinted(
                data.fresh(() -> queue.waiting().stream().map(i -> i.id).toList()), TestData.ACTOR);
        var paper = data.aCustomer().create();
        var digital = data.aCustomer().paperless().create();
        Invoice first = data.anInvoice(paper.account()).issue();
        Invoice second = data.anInvoice(paper.account()).issue();
        Invoice mailed = data.anInvoice(digital.account()).issue();

        assertThat(data.fresh(() -> queue.waiting())).extracting(i -> i.id).containsExactly(first.id, second.id);
        assertThat(data.fresh(() -> outbox.forRecipient(paper.email()))).isEmpty();
        assertThat(data.fresh(() -> outbox.forRecipient(digital.email())))
                .extracting(m -> m.kind)
                .containsExactly("invoice_issued");

        String clerk = data.staff(Role.CLERK, "clerk-pw");
        WebSession console = WebSession.signedIn(clerk, "clerk-pw");
        assertThat(console.get("/console/print").asString())
                .contains(first.number)
                .contains(second.number)
                .doesNotContain(mailed.number);
        Response pdf = console.get("/console/print/bills.pdf?invoice=" + first.id + "&invoice=" + second.id);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        PdfReader merged = new PdfReader(pdf.asByteArray());
        assertThat(merged.getNumberOfPages()).isEqualTo(2);

        console.get("/console/print");
        assertThat(console.post("/console/print/done", Map.of("invoice", List.of(first.id, second.id)))
                        .statusCode())
                .isEqualTo(303);
        assertThat(data.fresh(() -> queue.waiting())).isEmpty();
    }

    @Test
    void theCustomerTicksPaperlessOnTheSettingsPage() {
        var ivy = data.aCustomer().withLogin("ivy-pw").create();
        WebSession portal = WebSession.signedIn(ivy.email(), "ivy-pw");
        assertThat(portal.get("/portal/settings").asString())
                .contains("Send bills for account " + ivy.account().number + " by e-mail only, no paper");
        assertThat(portal.post(
                                "/portal/paperless",
                                Map.of("account", ivy.account().id, "paperless", "true", "back", "/portal/settings"))
                        .statusCode())
                .isEqualTo(303);
        Invoice bill = data.anInvoice(ivy.account()).issue();
        assertThat(data.fresh(() -> outbox.forRecipient(ivy.email())))
                .extracting(m -> m.kind)
                .containsExactly("invoice_issued");
        assertThat(data.fresh(() -> queue.waiting())).extracting(i -> i.id).doesNotContain(bill.id);

        var other = data.aCustomer().create();
        assertThat(portal.post("/portal/paperless", Map.of("account", other.account().id, "paperless", "true"))
                        .statusCode())
                .isEqualTo(404);
    }
}
