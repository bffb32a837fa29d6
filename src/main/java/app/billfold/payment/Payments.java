package app.billfold.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reading payments: an account's history, and what settled one invoice. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Payments {

    @Inject
    PaymentRepository payments;

    public List<Payment> forAccount(Long accountId) {
        return payments.listForAccount(accountId);
    }

    public List<PaymentAllocation> allocationsFor(Long invoiceId) {
        return payments.allocationsForInvoice(invoiceId);
    }
}
