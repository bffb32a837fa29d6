package app.billfold.payment;

import app.billfold.invoice.CreditAllocation;
import app.billfold.invoice.CreditNote;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes every issued invoice's paid amount and balance from the payment ledger (allocations of
 * succeeded payments, less refunds) and reports any invoice whose stored figures disagree. A void
 * invoice owes nothing. Credits taken off an invoice (credit allocations) count like payments. A
 * payment's money that its bills did not take is account credit, beside credit notes' rest.
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

    /** What one account stood at on a day, rebuilt from the ledger: bills owed, and credit not used. */
    public record Position(BigDecimal owed, BigDecimal credit) {}

    @Inject
    EntityManager em;

    @Inject
    app.billfold.biller.Biller biller;

    /**
     * Every account's position at the end of a day, walked entry by entry in Java from the ledger
     * (bills issued and not voided by then; payments received by then and not reversed by then;
     * refunds and credit moves made by then), so that the aging report, built in SQL, has something
     * independent to agree with. Accounts with neither debt nor credit are left out.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Position> asOf(LocalDate day) {
        Instant endOfDay =
                day.plusDays(1).atStartOfDay(biller.settings().zone()).toInstant();
        Map<Long, BigDecimal> owedByInvoice = new HashMap<>();
        Map<Long, Long> accountOf = new HashMap<>();
        for (Invoice invoice : em.createQuery(
                        "from Invoice i where i.status <> ?1 and i.issueDate <= ?2", Invoice.class)
                .setParameter(1, InvoiceStatus.DRAFT)
                .setParameter(2, day)
                .getResultList()) {
            if (invoice.voidedAt != null && invoice.voidedAt.isBefore(endOfDay)) {
                continue;
            }
            owedByInvoice.put(invoice.id, invoice.grossTotal);
            accountOf.put(invoice.id, invoice.account.id);
        }
        // A payment counted on the day holds as credit what its bills issued by then did not take.
        Map<Long, BigDecimal> heldByPayment = new HashMap<>();
        Map<Long, Long> accountOfPayment = new HashMap<>();
        for (Payment payment : em.createQuery("from Payment", Payment.class).getResultList()) {
            if (!payment.receivedOn.isAfter(day) && countsAt(payment, endOfDay)) {
                heldByPayment.put(payment.id, payment.amount);
                accountOfPayment.put(payment.id, payment.account.id);
            }
        }
        for (PaymentAllocation part : em.createQuery("from PaymentAllocation", PaymentAllocation.class)
                .getResultList()) {
            Payment payment = part.payment;
            if (!payment.receivedOn.isAfter(day) && countsAt(payment, endOfDay)) {
                owedByInvoice.computeIfPresent(part.invoice.id, (id, owed) -> owed.subtract(part.amount));
                if (!part.invoice.issueDate.isAfter(day)) {
                    heldByPayment.computeIfPresent(payment.id, (id, held) -> held.subtract(part.amount));
                }
            }
        }
        for (RefundAllocation part :
                em.createQuery("from RefundAllocation", RefundAllocation.class).getResultList()) {
            Refund refund = Refund.findById(part.refundId);
            if (refund.createdAt.isBefore(endOfDay)) {
                owedByInvoice.computeIfPresent(part.invoiceId, (id, owed) -> owed.add(part.amount));
            }
        }
        Map<Long, BigDecimal> creditByAccount = new HashMap<>();
        Map<Long, Long> accountOfNote = new HashMap<>();
        for (CreditNote note :
                em.createQuery("from CreditNote", CreditNote.class).getResultList()) {
            if (note.createdAt.isBefore(endOfDay)) {
                accountOfNote.put(note.id, note.accountId);
                creditByAccount.merge(note.accountId, note.grossTotal, BigDecimal::add);
            }
        }
        for (CreditAllocation part :
                em.createQuery("from CreditAllocation", CreditAllocation.class).getResultList()) {
            if (!part.createdAt.isBefore(endOfDay)) {
                continue;
            }
            if (part.paymentId != null) {
                heldByPayment.computeIfPresent(part.paymentId, (id, held) -> held.subtract(part.amount));
                continue;
            }
            creditByAccount.merge(accountOfNote.get(part.creditNoteId), part.amount.negate(), BigDecimal::add);
            if (part.invoiceId != null) {
                owedByInvoice.computeIfPresent(part.invoiceId, (id, owed) -> owed.subtract(part.amount));
            }
        }
        heldByPayment.forEach((paymentId, held) -> {
            if (held.signum() != 0) {
                creditByAccount.merge(accountOfPayment.get(paymentId), held, BigDecimal::add);
            }
        });
        Map<Long, Position> positions = new HashMap<>();
        owedByInvoice.forEach((invoiceId, owed) -> {
            if (owed.signum() > 0) {
                positions.merge(accountOf.get(invoiceId), new Position(owed, BigDecimal.ZERO), LedgerCheck::plus);
            }
        });
        creditByAccount.forEach((accountId, credit) -> {
            if (credit.signum() > 0) {
                positions.merge(accountId, new Position(BigDecimal.ZERO, credit), LedgerCheck::plus);
            }
        });
        return positions;
    }

    /** Whether a payment counted towards its bills at an instant (a reversal takes it back from then on). */
    static boolean countsAt(Payment payment, Instant instant) {
        return payment.status == PaymentStatus.SUCCEEDED
                || (payment.status == PaymentStatus.REVERSED && !payment.reversedAt.isBefore(instant));
    }

    private static Position plus(Position a, Position b) {
        return new Position(a.owed().add(b.owed()), a.credit().add(b.credit()));
    }

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
