package app.billfold.account;

import app.billfold.audit.AuditLog;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Clerks' notes on customers and accounts. A note is never edited: a correction is a new note. */
@ApplicationScoped
public class CustomerNotes {

    static final int MAX_LENGTH = 2000;

    @Inject
    Customers customers;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /**
     * Writes a note on the customer, about the account when one is given (it must be theirs);
     * throws InvalidInputException (field "body") for an empty or too long note.
     */
    @Transactional
    public CustomerNote write(Long customerId, Long accountId, String body, String author) {
        Customer customer = customers.get(customerId);
        if (accountId != null && customers.accountsOf(customer.id).stream().noneMatch(a -> a.id.equals(accountId))) {
            throw new NotFoundException("account " + accountId + " of customer " + customerId);
        }
        FieldErrors errors = new FieldErrors();
        String text = FormInput.text(errors, "body", body, true, MAX_LENGTH);
        errors.throwIfAny();
        CustomerNote note = new CustomerNote();
        note.customerId = customer.id;
        note.accountId = accountId;
        note.writtenAt = Instant.now(clock);
        note.author = author;
        note.body = text;
        note.persist();
        audit.record(
                author,
                "note.write",
                accountId == null ? "customer:" + customer.id : "account:" + accountId,
                text.length() > 200 ? text.substring(0, 200) : text);
        return note;
    }

    /** Every note on the customer, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CustomerNote> ofCustomer(Long customerId) {
        return CustomerNote.list("customerId = ?1 order by writtenAt desc, id desc", customerId);
    }

    /** The notes about one account, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CustomerNote> ofAccount(Long accountId) {
        return CustomerNote.list("accountId = ?1 order by writtenAt desc, id desc", accountId);
    }
}
