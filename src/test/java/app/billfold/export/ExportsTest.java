package app.billfold.export;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.common.Heartbeats;
import app.billfold.identity.Role;
import app.billfold.invoice.Invoice;
import app.billfold.notify.PrintQueue;
import app.billfold.report.AgingReport;
import app.billfold.support.Exported;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import com.lowagie.text.pdf.PdfReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Long exports run in the background, read a few rows at a time (the test profile reads 5 per
 * transaction and prints 4 bills per PDF), and hand out complete files: every document in the
 * zip, a line per account in the CSV, every bill in the print files, split to the printer's size.
 * Their page shows progress while they run; only staff download them; the same export asked for
 * while one is under way leads to that one; an export whose node died is closed as failed.
 */
@QuarkusTest
class ExportsTest {

    static final String PASSWORD = "exports-password";

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    PrintQueue print;

    @Inject
    AgingReport aging;

    @Inject
    Heartbeats heartbeats;

    @AfterEach
    void putBackTheClock() {
        clock.reset();
    }

    @Test
    void theEInvoiceZipOfAPeriodLongerThanAReadHasEveryDocument() throws IOException {
        clock.set(Instant.parse("2031-02-03T10:00:00Z"));
        var customer = data.aCustomer().create();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Invoice bill = data.anInvoice(customer.account()).due("2031-03-31").issue();
            expected.add(bill.number + ".pdf");
        }
        WebSession console = clerk();

        String job = Exported.request(console, Map.of("kind", "einvoices", "from", "2031-02-03", "to", "2031-02-03"));
        Document done = Jsoup.parse(Exported.awaitEnd(console, job));
        assertThat(done.selectFirst("progress").attr("max")).isEqualTo("12");
        assertThat(done.selectFirst("progress").attr("value")).isEqualTo("12");
        Response zip = console.get(job + "/file");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.contentType()).startsWith("application/zip");
        assertThat(zip.header("Cache-Control")).contains("no-store");
        assertThat(entries(zip.asByteArray()).keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theAgingCsvHasALinePerAccountOwingThenTheTotals() {
        for (int i = 0; i < 7; i++) {
            var customer = data.aCustomer().create();
            data.anInvoice(customer.account()).withLine("Water", "1", "3", "0").issue();
        }
        int owing = data.fresh(
                () -> aging.asOf(LocalDate.parse("2026-06-30")).rows().size());
        assertThat(owing).isGreaterThan(5);

        String csv = Exported.download(clerk(), Map.of("kind", "aging", "asOf", "2026-06-30"))
                .asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(owing + 2);
        assertThat(lines.get(0)).startsWith("account,customer,current");
        assertThat(lines.get(lines.size() - 1)).startsWith("TOTAL,");
    }

    @Test
    void aPrintBatchComesAsPdfsOfThePrintersSizeAndOnlyStaffDownloadIt() throws IOException {
        print.markPrinted(
                data.fresh(() -> print.waiting().stream().map(i -> i.id).toList()), TestData.ACTOR);
        var paper = data.aCustomer().withLogin(PASSWORD).create();
        for (int i = 0; i < 10; i++) {
            data.anInvoice(paper.account()).withLine("Water", "1", "4", "0").issue();
        }
        WebSession console = clerk();
        String job = Exported.request(console, Map.of("kind", "print"));
        Exported.awaitEnd(console, job);
        Response batch = console.get(job + "/file");
        assertThat(batch.contentType()).startsWith("application/zip");
        Map<String, byte[]> files = entries(batch.asByteArray());
        assertThat(files.keySet()).containsExactly("paper-bills-001.pdf", "paper-bills-002.pdf", "paper-bills-003.pdf");
        List<Integer> pages = new ArrayList<>();
        for (byte[] pdf : files.values()) {
            pages.add(new PdfReader(pdf).getNumberOfPages());
        }
        assertThat(pages).containsExactly(4, 4, 2);

        WebSession customer = WebSession.signedIn(paper.email(), PASSWORD);
        assertThat(customer.get(job + "/file").statusCode()).isEqualTo(403);
        assertThat(customer.get(job).statusCode()).isEqualTo(403);

        assertThat(console.post(job + "/printed", Map.of()).statusCode()).isEqualTo(303);
        assertThat(data.fresh(() -> print.waiting())).isEmpty();
    }

    @Test
    void theSameExportAskedAgainFollowsTheOneUnderWayAndADeadNodesExportIsClosed() {
        Long stuck = QuarkusTransaction.requiringNew().call(() -> {
            ExportJob job = new ExportJob();
            job.kind = ExportKind.AGING;
            job.params = "asOf=2030-01-01";
            job.status = ExportStatus.RUNNING;
            job.requestedBy = TestData.ACTOR;
            job.requestedAt = clock.now();
            job.node = "a-node-that-dies";
            job.heartbeatAt = clock.now();
            job.total = 10;
            job.done = 3;
            job.persist();
            return job.id;
        });
        WebSession console = clerk();
        Document running = Jsoup.parse(console.get("/console/exports/" + stuck).asString());
        assertThat(running.select("#run[data-running]"))
                .as("follows itself while under way")
                .hasSize(1);
        assertThat(running.select("meta[http-equiv=refresh]")).isEmpty();
        assertThat(running.selectFirst("progress").attr("value")).isEqualTo("3");
        assertThat(running.selectFirst("progress").attr("max")).isEqualTo("10");

        String again = Exported.request(console, Map.of("kind", "aging", "asOf", "2030-01-01"));
        assertThat(again).isEqualTo("/console/exports/" + stuck);
        assertThat(data.fresh(() -> ExportJob.count("params", "asOf=2030-01-01")))
                .isEqualTo(1L);

        // The node stops beating: past the stale limit another node closes its export as failed.
        clock.advance(java.time.Duration.ofMinutes(2));
        heartbeats.closeStale();
        ExportJob closed = data.fresh(() -> ExportJob.<ExportJob>findById(stuck));
        assertThat(closed.status).isEqualTo(ExportStatus.FAILED);
        assertThat(closed.error).contains("a-node-that-dies");
        Document failed = Jsoup.parse(console.get("/console/exports/" + stuck).asString());
        assertThat(failed.select("#run[data-running]")).isEmpty();
        assertThat(failed.select("[role=alert]")).hasSize(1);

        String fresh = Exported.request(console, Map.of("kind", "aging", "asOf", "2030-01-01"));
        assertThat(fresh).isNotEqualTo("/console/exports/" + stuck);
        assertThat(Exported.awaitEnd(console, fresh)).contains("Ready to download");
    }

    private WebSession clerk() {
        return WebSession.signedIn(data.staff(Role.CLERK, PASSWORD), PASSWORD);
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
