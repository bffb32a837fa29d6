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

    @Inject
    app.billfold.biller.Biller biller;

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

    @Test
    void blocksTakenAtOnceAreConsecutiveAndARolledBackBlockIsGivenBackWhole() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<List<String>>> blocks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            blocks.add(pool.submit(() -> {
                start.await();
                return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                        .call(() -> biller.takeInvoiceNumbers(40));
            }));
        }
        start.countDown();
        Set<Long> taken = new TreeSet<>();
        for (Future<List<String>> block : blocks) {
            List<Long> numbers = block.get().stream()
                    .map(n -> Long.parseLong(n.substring(4)))
                    .toList();
            assertThat(numbers).hasSize(40);
            // Each block is a run of consecutive numbers.
            assertThat(numbers.get(39) - numbers.get(0)).isEqualTo(39);
            taken.addAll(numbers);
        }
        pool.shutdown();
        assertThat(taken).hasSize(120);
        long last = ((TreeSet<Long>) taken).last();
        assertThat(last - ((TreeSet<Long>) taken).first()).isEqualTo(119);

        try {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                biller.takeInvoiceNumbers(25);
                throw new IllegalStateException("the chunk failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back, with its block
        }
        String next = data.anInvoice(data.aCustomer().create().account()).issue().number;
        assertThat(Long.parseLong(next.substring(4))).isEqualTo(last + 1);
    }
}
