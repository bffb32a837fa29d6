package app.billfold.payment;

import app.billfold.invoice.CreditAllocation;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.UnallocatedPayments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account credit held by payments: what a succeeded payment brought beyond what its
 * allocations settled and what of it was refunded as account credit. Only a clerk's offline
 * payment can hold any (a card or bank payment is allocated in full, and an excess is refunded at
 * once). A later bill takes it as an allocation of that same payment, so the bill shows the cheque
 * that paid it, the ledger check counts it as paid, and reversing the cheque reopens the bill.
 */
@ApplicationScoped
public class PaymentCredit implements UnallocatedPayments {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public BigDecimal available(Long accountId) {
        return held(accountId).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyTo(Invoice invoice) {
        for (Map.Entry<Long, BigDecimal> held : held(invoice.account.id).entrySet()) {
            if (invoice.balance.signum() <= 0) {
                return;
            }
            BigDecimal take = held.getValue().min(invoice.balance);
            Payment payment = em.find(Payment.class, held.getKey());
            invoice.applyPayment(take);
            PaymentAllocation allocation = new PaymentAllocation();
            allocation.payment = payment;
            allocation.invoice = invoice;
            allocation.amount = take;
            payment.allocations.add(allocation);
            em.persist(allocation);
            em.flush();
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public BigDecimal refunded(Long accountId, Long refundId, BigDecimal amount) {
        BigDecimal left = amount;
        for (Map.Entry<Long, BigDecimal> held : held(accountId).entrySet()) {
            BigDecimal take = held.getValue().min(left);
            if (take.signum() <= 0) {
                break;
            }
            CreditAllocation part = new CreditAllocation();
            part.paymentId = held.getKey();
            part.refundId = refundId;
            part.amount = take;
            part.createdAt = Instant.now(clock);
            part.persist();
            left = left.subtract(take);
        }
        em.flush();
        return amount.subtract(left);
    }

    /** Whether some of this payment's money went back to the customer as account credit. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean partlyRefunded(Long paymentId) {
        return CreditAllocation.count("paymentId", paymentId) > 0;
    }

    /** Payment id to what it still holds, oldest payment first; payments holding nothing left out. */
    private Map<Long, BigDecimal> held(Long accountId) {
        List<Object[]> rows = em.createQuery(
                        "select p.id, p.amount"
                                + " - coalesce((select sum(a.amount) from PaymentAllocation a where a.payment = p), 0)"
                                + " - coalesce((select sum(c.amount) from CreditAllocation c where c.paymentId = p.id), 0)"
                                + " from Payment p where p.account.id = ?1 and p.status = ?2 order by p.id",
                        Object[].class)
                .setParameter(1, accountId)
                .setParameter(2, PaymentStatus.SUCCEEDED)
                .getResultList();
        Map<Long, BigDecimal> held = new LinkedHashMap<>();
        for (Object[] row : rows) {
            BigDecimal rest = (BigDecimal) row[1];
            if (rest.signum() > 0) {
                held.put((Long) row[0], rest);
            }
        }
        return held;
    }
}
