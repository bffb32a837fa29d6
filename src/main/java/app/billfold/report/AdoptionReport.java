package app.billfold.report;

import app.billfold.audit.AuditEntry;
import app.billfold.biller.Biller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far customers have taken up self-service, month by month: the share of active accounts on
 * paperless, on autopay and with a saved payment method at each month's end, and how many payments
 * came in online (through the payment processor: portal, guest pay, autopay) versus offline
 * (recorded by a clerk: cheque, cash, transfer, card at the counter) during the month.
 * Paperless and autopay at a past month's end are read from the audit trail (every switch is
 * recorded with its time); saved methods from when they were saved, as far as they are still kept.
 */
@ApplicationScoped
public class AdoptionReport {

    /** One month's figures; the shares are whole percentages of the accounts active at its end. */
    public record Month(
            YearMonth month,
            long accounts,
            long paperless,
            long autopay,
            long withMethod,
            long onlinePayments,
            long offlinePayments,
            BigDecimal onlineAmount,
            BigDecimal offlineAmount) {

        public int paperlessShare() {
            return share(paperless, accounts);
        }

        public int autopayShare() {
            return share(autopay, accounts);
        }

        public int methodShare() {
            return share(withMethod, accounts);
        }

        public int onlineShare() {
            return share(onlinePayments, onlinePayments + offlinePayments);
        }

        private static int share(long part, long whole) {
            return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Biller biller;

    @Inject
    Clock clock;

    /** The last {@code months} months, oldest first, the current month (so far) last. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Month> lastMonths(int months) {
        ZoneId zone = biller.settings().zone();
        YearMonth current = YearMonth.from(biller.today());
        Instant now = Instant.now(clock);
        // The month so far counts everything up to and including this moment.
        Instant until = now.plusMillis(1);
        // Every paperless and autopay switch, read once and replayed up to each month's end.
        List<AuditEntry> switches = em.createQuery(
                        "select e from AuditEntry e where e.action in ?1 and e.subject like 'account:%'"
                                + " and e.at < ?2 order by e.at, e.id",
                        AuditEntry.class)
                .setParameter(1, List.of("paperless.on", "paperless.off", "autopay.enrol", "autopay.stop"))
                .setParameter(2, until)
                .getResultList();
        List<Month> result = new ArrayList<>();
        for (int back = months - 1; back >= 0; back--) {
            YearMonth month = current.minusMonths(back);
            Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            result.add(month(month, end.isAfter(now) ? until : end, switches));
        }
        return result;
    }

    private Month month(YearMonth month, Instant end, List<AuditEntry> switches) {
        List<Long> accounts = ids("select id from account where status = 'ACTIVE' and created_at < ?1", end);
        Map<Long, Boolean> paperless = state(switches, "paperless.on", "paperless.off", end);
        Map<Long, Boolean> autopay = state(switches, "autopay.enrol", "autopay.stop", end);
        List<Long> withMethod = ids(
                "select a.id from account a where a.status = 'ACTIVE' and a.created_at < ?1 and exists"
                        + " (select 1 from saved_method m where m.customer_id = a.customer_id"
                        + " and m.removed = false and m.created_at < ?1)",
                end);
        long onPaper = accounts.stream()
                .filter(id -> paperless.getOrDefault(id, false))
                .count();
        long onAutopay =
                accounts.stream().filter(id -> autopay.getOrDefault(id, false)).count();
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        Object[] online = payments(first, last, true);
        Object[] offline = payments(first, last, false);
        return new Month(
                month,
                accounts.size(),
                onPaper,
                onAutopay,
                withMethod.size(),
                ((Number) online[0]).longValue(),
                ((Number) offline[0]).longValue(),
                (BigDecimal) online[1],
                (BigDecimal) offline[1]);
    }

    /** Each account's last switch before the moment: true after an "on" action, false after "off". */
    private static Map<Long, Boolean> state(List<AuditEntry> switches, String on, String off, Instant before) {
        Map<Long, Boolean> state = new HashMap<>();
        for (AuditEntry entry : switches) {
            if (!entry.at.isBefore(before)) {
                break;
            }
            if (entry.action.equals(on) || entry.action.equals(off)) {
                state.put(Long.valueOf(entry.subject.substring("account:".length())), entry.action.equals(on));
            }
        }
        return state;
    }

    private Object[] payments(LocalDate first, LocalDate last, boolean online) {
        return (Object[]) em.createNativeQuery("select count(*), coalesce(sum(amount), 0) from payment"
                        + " where received_on between ?1 and ?2 and gateway_ref is "
                        + (online ? "not null" : "null"))
                .setParameter(1, first)
                .setParameter(2, last)
                .getSingleResult();
    }

    private List<Long> ids(String sql, Instant end) {
        return em.createNativeQuery(sql).setParameter(1, end).getResultList().stream()
                .map(id -> ((Number) id).longValue())
                .toList();
    }
}
