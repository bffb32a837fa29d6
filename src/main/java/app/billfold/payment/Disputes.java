package app.billfold.payment;

import app.billfold.account.AccountRepository;
import app.billfold.audit.AuditLog;
import app.billfold.biller.Biller;
import app.billfold.common.Page;
import app.billfold.common.Paging;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceRepository;
import app.billfold.payment.gateway.DisputeState;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import org.jboss.logging.Logger;

/**
 * Payers' disputes as the processor reports them. Acting on the dispute's current state (never on
 * the news that carried it), so events twice or out of order agree: a dispute seen for the first
 * time reopens the bills its payment settled and joins the clerk's queue; once closed its outcome is
 * recorded, and if it was won the money is back and pays the reopened bills again. Each step is in
 * the audit trail.
 */
@ApplicationScoped
public class Disputes {

    private static final Logger LOG = Logger.getLogger(Disputes.class);

    @Inject
    AccountRepository accounts;

    @Inject
    InvoiceRepository invoices;

    @Inject
    RefundPayment refunds;

    @Inject
    AuditLog audit;

    @Inject
    Biller biller;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Records the dispute as the processor holds it now. Returns null for a charge Billfold did not make. */
    public Dispute apply(DisputeState state) {
        Long accountId = QuarkusTransaction.requiringNew().call(() -> {
            Payment payment = paymentOf(state);
            return payment == null ? null : payment.account.id;
        });
        if (accountId == null) {
            LOG.debugf("Dispute %s is about a charge Billfold did not make", state.reference());
            return null;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            accounts.lock(accountId);
            Payment payment = paymentOf(state);
            Dispute dispute = Dispute.find("processorRef", state.reference()).firstResult();
            if (dispute == null) {
                dispute = open(payment, state);
            }
            dispute.processorStatus = state.processorStatus();
            dispute.evidenceDueBy = state.evidenceDueBy();
            if (dispute.isOpen() && (state.won() || state.lost())) {
                close(dispute, payment, state.won());
            }
            return dispute;
        });
    }

    private Payment paymentOf(DisputeState state) {
        if (state.chargeReference() == null) {
            return null;
        }
        return Payment.<Payment>find("gatewayRef = ?1 order by id", state.chargeReference())
                .firstResult();
    }

    private Dispute open(Payment payment, DisputeState state) {
        Dispute dispute = new Dispute();
        dispute.processorRef = state.reference();
        dispute.payment = payment;
        dispute.accountId = payment.account.id;
        dispute.amount = state.amount();
        dispute.currency = state.currency();
        dispute.reason = state.reason();
        dispute.status = Dispute.Status.OPEN;
        dispute.openedAt = Instant.now(clock);
        // The processor took the money back: the bills it paid owe it again.
        Refund taken = refunds.takenBack(payment, state.amount(), state.reference(), "dispute: " + state.reason());
        dispute.refundId = taken == null ? null : taken.id;
        dispute.persist();
        audit.record(
                "system",
                "payment.dispute_opened",
                "account:" + payment.account.id,
                payment.methodLabel + " " + state.amount() + " " + state.currency() + ": " + state.reason() + " ("
                        + state.reference() + ")");
        return dispute;
    }

    /**
     * Records the outcome. Won: the money is back, so it pays again what the dispute reopened (the
     * same bills first, then the account's other open bills, oldest first).
     */
    private void close(Dispute dispute, Payment payment, boolean won) {
        dispute.status = won ? Dispute.Status.WON : Dispute.Status.LOST;
        dispute.closedAt = Instant.now(clock);
        String detail = dispute.processorRef + " " + dispute.amount + " " + dispute.currency;
        if (won && dispute.refundId != null) {
            Refund taken = Refund.findById(dispute.refundId);
            Payment back = reinstate(payment, taken);
            dispute.reinstatedBy = back == null ? null : back.id;
            if (back == null || back.amount.compareTo(taken.amount) < 0) {
                detail += "; " + (back == null ? BigDecimal.ZERO : back.amount) + " paid bills again, the rest"
                        + " found nothing owed";
            }
        }
        audit.record(
                "system", won ? "payment.dispute_won" : "payment.dispute_lost", "account:" + dispute.accountId, detail);
    }

    private Payment reinstate(Payment original, Refund taken) {
        Map<Invoice, BigDecimal> open = new LinkedHashMap<>();
        for (RefundAllocation part : RefundAllocation.<RefundAllocation>list("refundId", taken.id)) {
            Invoice invoice = invoices.findById(part.invoiceId);
            if (invoice.status.isPayable()) {
                open.merge(invoice, part.amount.min(invoice.balance), BigDecimal::add);
            }
        }
        for (Invoice other : invoices.listPayableForAccount(original.account.id)) {
            open.putIfAbsent(other, other.balance);
        }
        Payment payment = new Payment();
        payment.account = original.account;
        payment.currency = original.currency;
        payment.receivedOn = biller.today();
        payment.method = original.method;
        payment.gatewayRef = original.gatewayRef;
        payment.methodLabel = original.methodLabel;
        payment.mandateRef = original.mandateRef;
        payment.reference = "dispute won";
        payment.status = PaymentStatus.SUCCEEDED;
        payment.recordedBy = "system";
        payment.createdAt = Instant.now(clock);
        BigDecimal left = taken.amount;
        BigDecimal allocated = BigDecimal.ZERO;
        for (Map.Entry<Invoice, BigDecimal> part : open.entrySet()) {
            BigDecimal amount = part.getValue().min(part.getKey().balance).min(left);
            if (amount.signum() <= 0) {
                continue;
            }
            part.getKey().applyPayment(amount);
            PaymentAllocation allocation = new PaymentAllocation();
            allocation.payment = payment;
            allocation.invoice = part.getKey();
            allocation.amount = amount;
            payment.allocations.add(allocation);
            left = left.subtract(amount);
            allocated = allocated.add(amount);
        }
        if (allocated.signum() == 0) {
            return null;
        }
        payment.amount = allocated;
        payment.persist();
        em.flush();
        return payment;
    }

    /** The clerk's queue: open disputes first (the soonest evidence deadline first), then the closed, latest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Dispute> queue() {
        return queue(new Paging(1, Integer.MAX_VALUE - 1)).items();
    }

    /** A page of the clerk's queue, ordered as {@link #queue()}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Dispute> queue(Paging paging) {
        return paging.of(Dispute.getEntityManager()
                .createQuery(
                        "select d from Dispute d order by case when d.status = :open then 0 else 1 end,"
                                + " case when d.status = :open then d.evidenceDueBy end nulls last,"
                                + " d.closedAt desc nulls last, case when d.status = :open then d.id else -d.id end",
                        Dispute.class)
                .setParameter("open", Dispute.Status.OPEN)
                .setFirstResult(paging.first())
                .setMaxResults(paging.rows())
                .getResultList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long openCount() {
        return Dispute.count("status", Dispute.Status.OPEN);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Dispute> forAccount(Long accountId) {
        return Dispute.list("accountId = ?1 order by id desc", accountId);
    }
}
