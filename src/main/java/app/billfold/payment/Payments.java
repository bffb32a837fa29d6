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

    /** A page of the account's payments, newest first. */
    public app.billfold.common.Page<Payment> forAccount(Long accountId, app.billfold.common.Paging paging) {
        return paging.of(payments.find("account.id = ?1 order by receivedOn desc, id desc", accountId)
                .range(paging.first(), paging.first() + paging.rows() - 1)
                .list());
    }

    /** A payment on one of the customer's own accounts; anyone else's is not found. */
    public Payment receipt(Long customerId, Long paymentId) {
        return payments.find("id = ?1 and account.customer.id = ?2", paymentId, customerId)
                .firstResultOptional()
                .orElseThrow(() -> new app.billfold.common.NotFoundException("payment " + paymentId));
    }

    public Payment get(Long paymentId) {
        return payments.findByIdOptional(paymentId)
                .orElseThrow(() -> new app.billfold.common.NotFoundException("payment " + paymentId));
    }

    /** A payment on one account (a guest's receipt); any other is not found. */
    public Payment onAccount(Long accountId, Long paymentId) {
        return payments.find("id = ?1 and account.id = ?2", paymentId, accountId)
                .firstResultOptional()
                .orElseThrow(() -> new app.billfold.common.NotFoundException("payment " + paymentId));
    }

    /** The payment an attempt made, if it succeeded. */
    public Long paymentOfAttempt(String key) {
        ChargeAttempt attempt = ChargeAttempt.find("idempotencyKey", key).firstResult();
        return attempt == null ? null : attempt.paymentId;
    }

    /** A page of the payments on the customer's accounts, newest first. */
    public app.billfold.common.Page<Payment> forCustomer(Long customerId, app.billfold.common.Paging paging) {
        return paging.of(payments.find("account.customer.id = ?1 order by receivedOn desc, id desc", customerId)
                .range(paging.first(), paging.first() + paging.rows() - 1)
                .list());
    }

    public ChargeAttempt attempt(Long customerId, String key) {
        ChargeAttempt attempt = ChargeAttempt.find("idempotencyKey", key).firstResult();
        if (attempt == null
                || payments.getEntityManager()
                                .createQuery(
                                        "select count(a) from Account a where a.id = ?1 and a.customer.id = ?2",
                                        Long.class)
                                .setParameter(1, attempt.accountId)
                                .setParameter(2, customerId)
                                .getSingleResult()
                        == 0) {
            throw new app.billfold.common.NotFoundException("attempt");
        }
        return attempt;
    }

    public List<PaymentAllocation> allocationsFor(Long invoiceId) {
        return payments.allocationsForInvoice(invoiceId);
    }
}
