package app.billfold.payment;

import app.billfold.account.Account;
import app.billfold.account.AccountRepository;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Lets someone without a sign-in pay one account's bills, proving it with the account number and the
 * postcode printed on the bill. An unknown account and a wrong postcode get the same answer; five
 * failures in fifteen minutes, for one account or from one client address, lock further tries.
 * A session opened this way sees that one account and pays once.
 */
@ApplicationScoped
public class GuestAccess {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration SESSION = Duration.ofMinutes(30);

    @Inject
    AccountRepository accounts;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** A new guest session id for the account, or empty when the pair does not match. */
    @Transactional(dontRollbackOn = BusinessRuleException.class)
    public Optional<String> open(String accountNumber, String postcode, String client) {
        Instant now = Instant.now(clock);
        return prove(accountNumber, postcode, client).map(a -> {
            String id = UUID.randomUUID().toString();
            em.createNativeQuery(
                            "insert into guest_session (id, account_id, created_at, expires_at) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, id)
                    .setParameter(2, a.id)
                    .setParameter(3, now)
                    .setParameter(4, now.plus(SESSION))
                    .executeUpdate();
            return id;
        });
    }

    /**
     * The active account with this number and the postcode printed on its bills, or empty. Every
     * try counts towards the lockout: five failures per account number or per client address in
     * fifteen minutes refuse further tries (guest pay and self-registration share it).
     */
    @Transactional(dontRollbackOn = BusinessRuleException.class)
    public Optional<Account> prove(String accountNumber, String postcode, String client) {
        String number =
                accountNumber == null ? "" : accountNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        String address = client == null ? "unknown" : client;
        Instant now = Instant.now(clock);
        Instant since = now.minus(WINDOW);
        long byAccount = count("accountNumber", number, since);
        long byClient = count("clientAddress", address, since);
        if (byAccount >= MAX_FAILURES || byClient >= MAX_FAILURES) {
            throw new BusinessRuleException("error_guest_locked");
        }
        Optional<Account> account = accounts.findByNumber(number)
                .filter(a -> a.status == app.billfold.account.AccountStatus.ACTIVE)
                .filter(a -> normalise(a.postcode).equals(normalise(postcode)));
        record(number, address, account.isPresent(), now);
        return account;
    }

    /**
     * The active account with this number whose latest bills include one with this number, or whose
     * latest bill is for this amount: facts only a holder of a recent bill knows (unlike the postcode
     * on every envelope). Tries count towards the same lockout as {@link #prove}.
     */
    @Transactional(dontRollbackOn = BusinessRuleException.class)
    public Optional<Account> proveByBill(String accountNumber, String billFact, String client) {
        String number =
                accountNumber == null ? "" : accountNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        String address = client == null ? "unknown" : client;
        Instant now = Instant.now(clock);
        Instant since = now.minus(WINDOW);
        if (count("accountNumber", number, since) >= MAX_FAILURES
                || count("clientAddress", address, since) >= MAX_FAILURES) {
            throw new BusinessRuleException("error_guest_locked");
        }
        Optional<Account> account = accounts.findByNumber(number)
                .filter(a -> a.status == app.billfold.account.AccountStatus.ACTIVE)
                .filter(a -> knowsBill(a, billFact));
        record(number, address, account.isPresent(), now);
        return account;
    }

    private boolean knowsBill(Account account, String fact) {
        String typed = fact == null ? "" : fact.strip();
        if (typed.isEmpty()) {
            return false;
        }
        List<app.billfold.invoice.Invoice> recent = em.createQuery(
                        "from Invoice i where i.account.id = :account and i.status in :sent"
                                + " order by i.issuedAt desc, i.id desc",
                        app.billfold.invoice.Invoice.class)
                .setParameter("account", account.id)
                .setParameter(
                        "sent",
                        List.of(
                                app.billfold.invoice.InvoiceStatus.OPEN,
                                app.billfold.invoice.InvoiceStatus.PARTIALLY_PAID,
                                app.billfold.invoice.InvoiceStatus.PAID))
                .setMaxResults(3)
                .getResultList();
        if (recent.stream().anyMatch(i -> i.number.equalsIgnoreCase(typed.replaceAll("\\s", "")))) {
            return true;
        }
        String amount = typed.replaceAll("[^0-9,.]", "");
        // "42,50" or "42.50": the last separator is the decimal one.
        int sep = Math.max(amount.lastIndexOf(','), amount.lastIndexOf('.'));
        String plain =
                sep < 0 ? amount : amount.substring(0, sep).replaceAll("[,.]", "") + "." + amount.substring(sep + 1);
        try {
            return !recent.isEmpty()
                    && !plain.isEmpty()
                    && new java.math.BigDecimal(plain).compareTo(recent.get(0).grossTotal) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The one account a live, unused guest session may see. */
    @Transactional
    public Account account(String sessionId) {
        Object[] row = session(sessionId);
        if (row[2] != null) {
            throw new NotFoundException("guest session used");
        }
        return accounts.findById(((Number) row[0]).longValue());
    }

    /** The account of a session that may have paid already (for its receipt). */
    @Transactional
    public Long accountOfAnySession(String sessionId) {
        return ((Number) session(sessionId)[0]).longValue();
    }

    @Transactional
    public void markUsed(String sessionId) {
        em.createNativeQuery("update guest_session set used_at = ?1 where id = ?2 and used_at is null")
                .setParameter(1, Instant.now(clock))
                .setParameter(2, sessionId)
                .executeUpdate();
    }

    private Object[] session(String sessionId) {
        var rows = em.createNativeQuery("select account_id, expires_at, used_at from guest_session where id = ?1")
                .setParameter(1, sessionId == null ? "" : sessionId)
                .getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("guest session");
        }
        Object[] row = (Object[]) rows.get(0);
        Instant expires = row[1] instanceof java.sql.Timestamp t
                ? t.toInstant()
                : row[1] instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) row[1];
        if (expires.isBefore(Instant.now(clock))) {
            throw new NotFoundException("guest session expired");
        }
        return row;
    }

    private long count(String column, String value, Instant since) {
        String field = column.equals("accountNumber") ? "account_number" : "client_address";
        return ((Number) em.createNativeQuery("select count(*) from guest_attempt where " + field
                                + " = ?1 and succeeded = false and at > ?2")
                        .setParameter(1, value)
                        .setParameter(2, since)
                        .getSingleResult())
                .longValue();
    }

    private void record(String number, String client, boolean succeeded, Instant at) {
        em.createNativeQuery(
                        "insert into guest_attempt (account_number, client_address, succeeded, at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, number.length() > 40 ? number.substring(0, 40) : number)
                .setParameter(2, client.length() > 64 ? client.substring(0, 64) : client)
                .setParameter(3, succeeded)
                .setParameter(4, at)
                .executeUpdate();
    }

    static String normalise(String value) {
        return value == null ? "" : value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
