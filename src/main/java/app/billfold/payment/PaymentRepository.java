package app.billfold.payment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<Payment, Long> {

    public List<Payment> listForAccount(Long accountId) {
        return list("account.id = ?1 order by receivedOn desc, id desc", accountId);
    }

    public List<PaymentAllocation> allocationsForInvoice(Long invoiceId) {
        return getEntityManager()
                .createQuery(
                        "select a from PaymentAllocation a join fetch a.payment p where a.invoice.id = ?1 order by p.receivedOn, p.id",
                        PaymentAllocation.class)
                .setParameter(1, invoiceId)
                .getResultList();
    }
}
