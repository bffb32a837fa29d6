package app.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.invoice.InvoiceRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Invariant 2 over everything the suite did: after every other test has paid, refunded, retried and
 * raced, every invoice's balance still equals what the ledger says. Runs last (see
 * junit-platform.properties).
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class LedgerAfterSuiteTest {

    @Inject
    LedgerCheck ledger;

    @Inject
    InvoiceRepository invoices;

    @Test
    void everyBalanceMatchesTheLedger() {
        assertThat(invoices.count()).isGreaterThan(50);
        assertThat(ledger.mismatches()).isEmpty();
    }
}
