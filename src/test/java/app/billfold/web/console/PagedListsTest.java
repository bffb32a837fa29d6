package app.billfold.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.audit.AuditLog;
import app.billfold.autopay.AutopaySchedule;
import app.billfold.autopay.AutopayStatus;
import app.billfold.identity.Role;
import app.billfold.invoice.Invoice;
import app.billfold.notify.OutboxMessage;
import app.billfold.notify.PrintQueue;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Pages people read: the adoption chart's legend shows each line's colour and dash beside its
 * name, with the figures in a table a screen reader reads; the audit trail, the message log, a
 * customer's bills and payment history, the aging report, the print queue, the customers found,
 * and failed autopays come a page at a time, with previous and next links that keep the
 * list's filters.
 */
@QuarkusTest
class PagedListsTest {

    @Inject
    TestData data;

    @Inject
    AuditLog audit;

    @Inject
    TestClock clock;

    @Inject
    PrintQueue print;

    @Test
    void theAdoptionLegendShowsEachLinesColourAndDashAndTheFiguresAreATable() {
        String clerk = data.staff(Role.CLERK, "paged-lists-pw");
        Document page = Jsoup.parse(WebSession.signedIn(clerk, "paged-lists-pw")
                .get("/console/reports/adoption")
                .asString());
        List<Element> lines = page.select("figure.chart > svg polyline");
        List<Element> samples = page.select(".legend li svg line");
        assertThat(lines).hasSize(4);
        assertThat(samples).hasSize(4);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(samples.get(i).attr("stroke")).isEqualTo(lines.get(i).attr("stroke"));
            assertThat(samples.get(i).attr("stroke-dasharray"))
                    .isEqualTo(lines.get(i).attr("stroke-dasharray"));
        }
        assertThat(page.select(".legend li").eachText())
                .containsExactly("Paperless", "Autopay", "Saved method", "Paid online");
        assertThat(samples.stream().map(s -> s.attr("stroke")).distinct()).hasSize(4);
        assertThat(samples.stream().map(s -> s.attr("stroke-dasharray")).distinct())
                .hasSize(4);
        Element chart = page.selectFirst("figure.chart > svg");
        Element table = page.getElementById(chart.attr("aria-describedby"));
        assertThat(table).isNotNull();
        assertThat(table.tagName()).isEqualTo("caption");
        assertThat(page.select("table th[scope=row]")).hasSize(12);
    }

    @Test
    void theAuditTrailComesInPagesThatKeepTheFilter() {
        String actor = "pager-" + UUID.randomUUID() + "@billfold.test";
        data.fresh(() -> {
            for (int i = 0; i < 60; i++) {
                audit.record(actor, "note.write", "customer:1", "entry " + i);
            }
            return null;
        });
        String clerk = data.staff(Role.CLERK, "paged-lists-pw");
        WebSession console = WebSession.signedIn(clerk, "paged-lists-pw");
        Document first =
                Jsoup.parse(console.get("/console/audit?actor=" + actor).asString());
        assertThat(first.select("tbody tr")).hasSize(50);
        assertThat(first.selectFirst("a[rel=prev]")).isNull();
        String next = first.selectFirst("a[rel=next]").attr("href");
        assertThat(next).contains("actor=" + actor.replace("@", "%40")).contains("page=2");

        Document second = Jsoup.parse(console.get(asTyped(next)).asString());
        assertThat(second.select("tbody tr")).hasSize(10);
        assertThat(second.selectFirst("a[rel=next]")).isNull();
        assertThat(second.selectFirst("a[rel=prev]").attr("href")).contains("page=1");
        assertThat(second.text()).contains("entry 0").doesNotContain("entry 59");
    }

    @Test
    void theMessageLogComesInPagesThatKeepTheFilter() {
        String to = "pager-" + UUID.randomUUID() + "@example.com";
        data.fresh(() -> {
            for (int i = 0; i < 55; i++) {
                OutboxMessage m = new OutboxMessage();
                m.channel = "EMAIL";
                m.recipient = to;
                m.kind = "invoice_issued";
                m.language = "en";
                m.payload = "";
                m.dedupeKey = to + "-" + i;
                m.status = "SKIPPED";
                m.createdAt = clock.now();
                m.nextAttemptAt = clock.now();
                m.persist();
            }
            return null;
        });
        String clerk = data.staff(Role.CLERK, "paged-lists-pw");
        WebSession console = WebSession.signedIn(clerk, "paged-lists-pw");
        Document first = Jsoup.parse(
                console.get("/console/messages?status=SKIPPED&to=" + to).asString());
        assertThat(first.select("tbody tr")).hasSize(50);
        String next = first.selectFirst("a[rel=next]").attr("href");
        assertThat(next).contains("status=SKIPPED").contains("page=2");
        Document second = Jsoup.parse(console.get(asTyped(next)).asString());
        assertThat(second.select("tbody tr")).hasSize(5);
        assertThat(second.selectFirst("a[rel=prev]")).isNotNull();
        // A page number that is none shows the first page, never an error.
        assertThat(console.get("/console/messages?to=" + to + "&page=abc").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aCustomersBillsAndPaymentsComeInPages() {
        var ivy = data.aCustomer().withLogin("paged-lists-pw").create();
        for (int i = 0; i < 26; i++) {
            data.anInvoice(ivy.account()).withLine("Water", "1", "2", "0").issue();
        }
        for (int i = 0; i < 25; i++) {
            data.pay(ivy.account(), "2");
        }
        WebSession portal = WebSession.signedIn(ivy.email(), "paged-lists-pw");
        Document bills = Jsoup.parse(portal.get("/portal/invoices?status=paid").asString());
        assertThat(bills.select("tbody tr")).hasSize(24);
        String next = bills.selectFirst("a[rel=next]").attr("href");
        assertThat(next).contains("status=paid").contains("page=2");
        assertThat(Jsoup.parse(portal.get(next).asString()).select("tbody tr")).hasSize(1);

        Document payments = Jsoup.parse(portal.get("/portal/payments").asString());
        assertThat(payments.select("tbody tr")).hasSize(24);
        String more = payments.selectFirst("a[rel=next]").attr("href");
        assertThat(Jsoup.parse(portal.get(more).asString()).select("tbody tr")).hasSize(1);
    }

    @Test
    void theAgingPrintQueueCustomersAutopayAndDisputeListsComeInPages() {
        data.fresh(
                () -> print.markPrinted(print.waiting().stream().map(i -> i.id).toList(), TestData.ACTOR));
        clock.reset();
        String tag = "Pager" + UUID.randomUUID().toString().substring(0, 6);
        List<Invoice> bills = new ArrayList<>();
        List<Long> accounts = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            var customer = data.aCustomer().named(tag + " " + i).create();
            accounts.add(customer.account().id);
            bills.add(data.anInvoice(customer.account())
                    .withLine("Water", "1", "5", "0")
                    .issue());
        }
        data.fresh(() -> {
            for (int i = 0; i < bills.size(); i++) {
                AutopaySchedule failed = new AutopaySchedule();
                failed.invoiceId = bills.get(i).id;
                failed.accountId = accounts.get(i);
                failed.status = AutopayStatus.FAILED;
                failed.tries = 3;
                failed.firstTryOn = LocalDate.parse("2026-03-01");
                failed.nextTryOn = LocalDate.parse("2026-03-05");
                failed.lastDeclineCode = "card_declined";
                failed.updatedAt = clock.now();
                failed.persist();
            }
            return null;
        });
        String clerk = data.staff(Role.CLERK, "paged-lists-pw");
        WebSession console = WebSession.signedIn(clerk, "paged-lists-pw");

        // The aging report: a page of accounts, the totals of all of them on every page.
        Document aging = Jsoup.parse(
                console.get("/console/reports/aging?asOf=2026-06-30").asString());
        assertThat(aging.select("tbody tr")).hasSize(50);
        String agingNext = aging.selectFirst("a[rel=next]").attr("href");
        assertThat(agingNext).contains("asOf=2026-06-30").contains("page=2");
        Document agingSecond = Jsoup.parse(console.get(asTyped(agingNext)).asString());
        assertThat(agingSecond.select("tbody tr")).isNotEmpty();
        assertThat(agingSecond.select("tfoot").text())
                .isEqualTo(aging.select("tfoot").text());
        assertThat(agingSecond.select("tbody tr td a").first().text())
                .isGreaterThan(aging.select("tbody tr td a").last().text());

        // The print queue: 52 bills wait, 50 on the first page.
        Document queue = Jsoup.parse(console.get("/console/print").asString());
        assertThat(queue.select("tbody tr")).hasSize(50);
        assertThat(queue.text()).contains("52 paper bills");
        Document queueSecond =
                Jsoup.parse(console.get(asTyped(queue.selectFirst("a[rel=next]").attr("href")))
                        .asString());
        assertThat(queueSecond.select("tbody tr")).hasSize(2);

        // The customers found by a term, the term kept from page to page.
        Document found = Jsoup.parse(console.get("/console/customers?q=" + tag).asString());
        assertThat(found.select("tbody tr")).hasSize(50);
        String foundNext = found.selectFirst("a[rel=next]").attr("href");
        assertThat(foundNext).contains("q=" + tag).contains("page=2");
        assertThat(Jsoup.parse(console.get(asTyped(foundNext)).asString()).select("tbody tr"))
                .hasSize(2);
        // With no term, the newest customers a page at a time.
        assertThat(Jsoup.parse(console.get("/console/customers").asString()).selectFirst("a[rel=next]"))
                .isNotNull();

        // Failed autopays: a page, and the next keeps the other list's page.
        Document autopay = Jsoup.parse(console.get("/console/autopay").asString());
        Element failedTable = autopay.select("table").first();
        assertThat(failedTable.select("tbody tr")).hasSize(50);
        String autopayNext = autopay.selectFirst("a[rel=next]").attr("href");
        assertThat(autopayNext).contains("expiringPage=1").contains("page=2");
        Document autopaySecond = Jsoup.parse(console.get(asTyped(autopayNext)).asString());
        assertThat(autopaySecond.select("table").first().select("tbody tr")).isNotEmpty();
    }

    @Test
    void anAccountsBillsComeInPagesOnItsPage() {
        var kai = data.aCustomer().create();
        for (int i = 0; i < 51; i++) {
            data.anInvoice(kai.account()).withLine("Water", "1", "2", "0").draft();
        }
        String clerk = data.staff(Role.CLERK, "paged-lists-pw");
        WebSession console = WebSession.signedIn(clerk, "paged-lists-pw");
        Document first =
                Jsoup.parse(console.get("/console/accounts/" + kai.account().id).asString());
        assertThat(first.select("a[href^=/console/invoices/]")).hasSize(50);
        String next = first.selectFirst("a[rel=next]").attr("href");
        assertThat(next).contains("page=2").contains("paymentsPage=1");
        Document second = Jsoup.parse(console.get(asTyped(next)).asString());
        assertThat(second.select("a[href^=/console/invoices/]")).hasSize(1);
    }

    /** A link as a browser sends it: Rest Assured encodes the query itself, so it gets it decoded. */
    private static String asTyped(String href) {
        return java.net.URLDecoder.decode(href, java.nio.charset.StandardCharsets.UTF_8);
    }
}
