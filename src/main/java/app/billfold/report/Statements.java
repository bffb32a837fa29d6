package app.billfold.report;

import app.billfold.account.Account;
import app.billfold.account.AccountRepository;
import app.billfold.biller.Biller;
import app.billfold.common.Money;
import app.billfold.common.NotFoundException;
import app.billfold.invoice.CreditAllocation;
import app.billfold.invoice.CreditNote;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import app.billfold.payment.MethodName;
import app.billfold.payment.Payment;
import app.billfold.payment.PaymentAllocation;
import app.billfold.payment.PaymentStatus;
import app.billfold.payment.Refund;
import app.billfold.payment.RefundAllocation;
import app.billfold.report.Statement.Kind;
import app.billfold.report.Statement.Line;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds account statements from the ledger, with the rules the ledger check and the aging report
 * use for any day: a bill counts from its issue date until it is voided; a payment from the day it
 * was received until it is reversed, for its whole amount (what no bill took is account credit); a refund from when
 * it was made, for what the bills owe again; a credit note (and a write-off, which is one) lowers
 * the balance when issued, and credit later taken off a bill leaves the balance as it is, while
 * credit paid back to the customer raises it again. Only the account's own rows are read, walked
 * from its first bill to the end of the period, so the opening balance is what the ledger says at
 * the day before the period, and the closing one what it says at its last day.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Statements {

    /** The period when none is chosen: the last twelve months, today included. */
    public static final int DEFAULT_MONTHS = 12;

    @Inject
    EntityManager em;

    @Inject
    AccountRepository accounts;

    @Inject
    Biller biller;

    /** A movement before it is placed in order and given its running balance. */
    private record Entry(LocalDate date, Instant at, Kind kind, String reference, BigDecimal amount) {}

    /** The statement of one of the customer's accounts; NotFoundException for anyone else's. */
    public Statement forCustomer(Long customerId, String accountNumber, LocalDate from, LocalDate to) {
        Account account = accounts.findByNumber(accountNumber == null ? "" : accountNumber)
                .filter(a -> a.customer.id.equals(customerId))
                .orElseThrow(() -> new NotFoundException("account " + accountNumber));
        return of(account, from, to);
    }

    public Statement of(Account account, LocalDate from, LocalDate to) {
        String currency = biller.settings().currency;
        ZoneId zone = biller.settings().zone();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<Entry> entries = new ArrayList<>();
        Map<Long, BigDecimal> owedByBill = new HashMap<>();
        Map<Long, Invoice> voided = new HashMap<>();

        for (Invoice bill : em.createQuery(
                        "from Invoice i where i.account.id = :account and i.status <> :draft and i.issueDate <= :to",
                        Invoice.class)
                .setParameter("account", account.id)
                .setParameter("draft", InvoiceStatus.DRAFT)
                .setParameter("to", to)
                .getResultList()) {
            entries.add(new Entry(bill.issueDate, bill.issuedAt, Kind.BILL, bill.number, bill.grossTotal));
            owedByBill.put(bill.id, bill.grossTotal);
            if (bill.voidedAt != null && bill.voidedAt.isBefore(end)) {
                voided.put(bill.id, bill);
            }
        }

        // Payments: the whole amount from the day it was received (what no bill took is account
        // credit, which a later bill takes without moving the balance), then its reversal if any.
        for (Payment payment : em.createQuery(
                        "from Payment p where p.account.id = :account and p.receivedOn <= :to"
                                + " and p.status in :counted order by p.id",
                        Payment.class)
                .setParameter("account", account.id)
                .setParameter("to", to)
                .setParameter("counted", List.of(PaymentStatus.SUCCEEDED, PaymentStatus.REVERSED))
                .getResultList()) {
            String reference = reference(payment);
            entries.add(
                    new Entry(payment.receivedOn, payment.createdAt, Kind.PAYMENT, reference, payment.amount.negate()));
            if (payment.status == PaymentStatus.REVERSED
                    && payment.reversedAt != null
                    && payment.reversedAt.isBefore(end)) {
                entries.add(new Entry(
                        date(payment.reversedAt, zone),
                        payment.reversedAt,
                        Kind.PAYMENT_REVERSED,
                        reference,
                        payment.amount));
            }
        }
        // What each bill still owed, for a bill voided later.
        for (PaymentAllocation part : em.createQuery(
                        "select a from PaymentAllocation a join fetch a.payment p where a.invoice.account.id = :account"
                                + " and p.receivedOn <= :to and p.status in :counted order by p.id",
                        PaymentAllocation.class)
                .setParameter("account", account.id)
                .setParameter("to", to)
                .setParameter("counted", List.of(PaymentStatus.SUCCEEDED, PaymentStatus.REVERSED))
                .getResultList()) {
            Long billId = part.invoice.id;
            if (!owedByBill.containsKey(billId)) {
                continue;
            }
            owedByBill.merge(billId, part.amount.negate(), BigDecimal::add);
            Payment payment = part.payment;
            if (payment.status == PaymentStatus.REVERSED
                    && payment.reversedAt != null
                    && payment.reversedAt.isBefore(end)) {
                owedByBill.merge(billId, part.amount, BigDecimal::add);
            }
        }

        // Refunds: what the bills owe again.
        Map<Long, BigDecimal> refunded = new LinkedHashMap<>();
        Map<Long, Refund> refunds = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "select ra, r from RefundAllocation ra, Refund r where ra.refundId = r.id"
                                + " and r.createdAt < :end and ra.invoiceId in"
                                + " (select i.id from Invoice i where i.account.id = :account) order by r.id",
                        Object[].class)
                .setParameter("account", account.id)
                .setParameter("end", end)
                .getResultList()) {
            RefundAllocation part = (RefundAllocation) row[0];
            Refund refund = (Refund) row[1];
            if (!owedByBill.containsKey(part.invoiceId)) {
                continue;
            }
            refunded.merge(refund.id, part.amount, BigDecimal::add);
            refunds.put(refund.id, refund);
            owedByBill.merge(part.invoiceId, part.amount, BigDecimal::add);
        }
        refunded.forEach((id, amount) -> {
            Refund refund = refunds.get(id);
            // The clerk's reason stays in the console: it may not be written for the customer.
            entries.add(new Entry(date(refund.createdAt, zone), refund.createdAt, Kind.REFUND, null, amount));
        });

        // Credit notes lower the balance when issued; credit paid back raises it again.
        for (CreditNote note : em.createQuery(
                        "from CreditNote n where n.accountId = :account and n.createdAt < :end", CreditNote.class)
                .setParameter("account", account.id)
                .setParameter("end", end)
                .getResultList()) {
            entries.add(new Entry(
                    date(note.createdAt, zone),
                    note.createdAt,
                    note.isWriteOff() ? Kind.WRITE_OFF : Kind.CREDIT_NOTE,
                    note.number,
                    note.grossTotal.negate()));
        }
        for (CreditAllocation part : em.createQuery(
                        "from CreditAllocation c where c.invoiceId is null and c.createdAt < :end and (c.creditNoteId in"
                                + " (select n.id from CreditNote n where n.accountId = :account) or c.paymentId in"
                                + " (select p.id from Payment p where p.account.id = :account))",
                        CreditAllocation.class)
                .setParameter("account", account.id)
                .setParameter("end", end)
                .getResultList()) {
            entries.add(new Entry(date(part.createdAt, zone), part.createdAt, Kind.CREDIT_REFUNDED, null, part.amount));
        }
        // Credit taken off a bill before it was voided: the bill owed that much less when it went.
        for (CreditAllocation part : em.createQuery(
                        "from CreditAllocation c where c.invoiceId in :bills and c.createdAt < :end",
                        CreditAllocation.class)
                .setParameter("bills", voided.isEmpty() ? List.of(-1L) : List.copyOf(voided.keySet()))
                .setParameter("end", end)
                .getResultList()) {
            owedByBill.merge(part.invoiceId, part.amount.negate(), BigDecimal::add);
        }
        // A voided bill leaves the ledger: what it still owed comes off.
        voided.forEach((id, bill) -> entries.add(new Entry(
                date(bill.voidedAt, zone),
                bill.voidedAt,
                Kind.BILL_VOIDED,
                bill.number,
                owedByBill.get(id).negate())));

        entries.sort(Comparator.comparing(Entry::date)
                .thenComparing(e -> e.at() == null ? Instant.EPOCH : e.at())
                .thenComparing(Entry::kind));
        BigDecimal balance = BigDecimal.ZERO;
        for (Entry entry : entries) {
            if (entry.date().isBefore(from)) {
                balance = balance.add(entry.amount());
            }
        }
        Money opening = Money.of(balance, currency);
        List<Line> lines = new ArrayList<>();
        for (Entry entry : entries) {
            if (!entry.date().isBefore(from)) {
                balance = balance.add(entry.amount());
                lines.add(new Line(
                        entry.date(),
                        entry.kind(),
                        entry.reference() == null ? "" : entry.reference(),
                        Money.of(entry.amount(), currency),
                        Money.of(balance, currency)));
            }
        }
        return new Statement(
                account.id,
                account.number,
                account.serviceAddress,
                account.customer.name,
                currency,
                from,
                to,
                opening,
                lines,
                Money.of(balance, currency));
    }

    /** The default period: twelve months up to today. */
    public LocalDate[] defaultPeriod() {
        LocalDate today = biller.today();
        return new LocalDate[] {today.minusMonths(DEFAULT_MONTHS).plusDays(1), today};
    }

    private static String reference(Payment payment) {
        if (payment.methodLabel != null && !payment.methodLabel.isBlank()) {
            String method = MethodName.inWords(payment.methodLabel, payment.account.customer.language);
            return payment.reference == null || payment.reference.isBlank()
                    ? method
                    : method + " · " + payment.reference;
        }
        return payment.reference == null ? "" : payment.reference;
    }

    private static LocalDate date(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }
}
