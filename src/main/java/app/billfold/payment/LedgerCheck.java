package app.billfold.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;

/**
 * Recomputes every issued invoice's paid amount and balance from the payment ledger (allocations of
 * succeeded payments, less refunds) and reports any invoice whose stored figures disagree. A void
 * invoice owes nothing. Credits taken off an invoice (credit allocations) count like payments.
 */
@ApplicationScoped
public class LedgerCheck {

    /** An invoice whose stored figures differ from what its ledger says. */
    public record Mismatch(
            Long invoiceId,
            String number,
            BigDecimal storedPaid,
            BigDecimal ledgerPaid,
            BigDecimal storedBalance,
            BigDecimal ledgerBalance,
            BigDecimal storedCredited,
            BigDecimal ledgerCredited) {}

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Mismatch> mismatches() {
        List<Object[]> rows = em.createQuery(
                        "select i.id, i.number, i.status, i.grossTotal, i.amountPaid, i.balance, "
                                + "coalesce((select sum(a.amount) from PaymentAllocation a where a.invoice = i "
                                + "and a.payment.status = app.billfold.payment.PaymentStatus.SUCCEEDED), 0) "
                                + "- coalesce((select sum(r.amount) from RefundAllocation r where r.invoiceId = i.id), 0), "
                                + "coalesce((select sum(c.amount) from app.billfold.invoice.CreditAllocation c"
                                + " where c.invoiceId = i.id), 0), i.amountCredited "
                                + "from Invoice i where i.status <> app.billfold.invoice.InvoiceStatus.DRAFT",
                        Object[].class)
                .getResultList();
        return rows.stream()
                .map(r -> {
                    BigDecimal gross = (BigDecimal) r[3];
                    BigDecimal ledgerPaid = (BigDecimal) r[6];
                    boolean isVoid = r[2] == app.billfold.invoice.InvoiceStatus.VOID;
                    BigDecimal ledgerCredited = (BigDecimal) r[7];
                    BigDecimal ledgerBalance = isVoid
                            ? BigDecimal.ZERO
                            : gross.subtract(ledgerPaid).subtract(ledgerCredited);
                    return new Mismatch(
                            (Long) r[0],
                            (String) r[1],
                            (BigDecimal) r[4],
                            ledgerPaid,
                            (BigDecimal) r[5],
                            ledgerBalance,
                            (BigDecimal) r[8],
                            ledgerCredited);
                })
                .filter(m -> m.storedCredited().compareTo(m.ledgerCredited()) != 0
                        || m.storedPaid().compareTo(m.ledgerPaid()) != 0
                        || m.storedBalance().compareTo(m.ledgerBalance()) != 0)
                .toList();
    }
}
