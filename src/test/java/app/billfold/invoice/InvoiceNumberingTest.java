package app.billfold.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InvoiceNumberingTest {

    @Inject
    TestData data;

    @Inject
    IssueInvoice issuer;

    @Test
    void twentyConcurrentIssuesGetConsecutiveNumbersWithoutGapsOrDuplicates() throws Exception {
        // One account each, so that only the numbering itself makes the issues wait for one another.
        List<Long> draftIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            draftIds.add(data.anInvoice(data.aCustomer().create().account()).draft().id);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<String>> numbers = new ArrayList<>();
        for (Long id : draftIds) {
            numbers.add(pool.submit((Callable<String>) () -> {
                start.await();
                return issuer.issue(id, TestData.ACTOR).number;
            }));
        }
        start.countDown();
        Set<Long> issued = new TreeSet<>();
        for (Future<String> number : numbers) {
            String n = number.get();
            assertThat(n).matches("INV-\\d{6}");
            issued.add(Long.parseLong(n.substring(4)));
        }
        pool.shutdown();
        assertThat(issued).hasSize(20);
        long first = issued.iterator().next();
        assertThat(issued)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(first, first + 20)
                        .boxed()
                        .toList());
    }

    @Test
    void aRefusedIssueLeavesNoGap() {
        var customer = data.aCustomer().create();
        String before = data.anInvoice(customer.account()).issue().number;
        Invoice pastDue = data.anInvoice(customer.account()).due("2020-01-01").draft();
        try {
            issuer.issue(pastDue.id, TestData.ACTOR);
        } catch (app.billfold.common.BusinessRuleException expected) {
            assertThat(expected.messageKey()).isEqualTo("error_due_date_past");
        }
        String after = data.anInvoice(customer.account()).issue().number;
        assertThat(Long.parseLong(after.substring(4))).isEqualTo(Long.parseLong(before.substring(4)) + 1);
    }
}
