package app.billfold.invoice;

import app.billfold.account.Account;
import app.billfold.account.Customer;
import app.billfold.account.Customers;
import app.billfold.audit.AuditLog;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.LocalFormats;
import app.billfold.common.PublicLinks;
import app.billfold.notify.Channel;
import app.billfold.notify.CustomerNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Sends an account's latest bill again, as a clerk does when a customer on the phone says it never
 * arrived: the same e-bill (with its PDF) on the customer's channels, whether the account is
 * paperless or not. Each resend is a message of its own in the log.
 */
@ApplicationScoped
public class ResendBill {

    private static final Set<InvoiceStatus> SENT =
            Set.of(InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID);

    @Inject
    Customers customers;

    @Inject
    InvoiceRepository invoices;

    @Inject
    CustomerNotice notice;

    @Inject
    PublicLinks links;

    @Inject
    AuditLog audit;

    /** The bill a resend would send: the account's last issued one, not voided. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<Invoice> lastBill(Long accountId) {
        List<Invoice> issued = invoices.listForAccount(accountId).stream()
                .filter(i -> SENT.contains(i.status))
                .toList();
        return issued.stream()
                .max(Comparator.comparing((Invoice i) -> i.issuedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(i -> i.id));
    }

    /**
     * Records the e-bill again; refused (BusinessRuleException) when the account has no issued bill
     * or no channel reaches the customer. Returns the bill sent.
     */
    @Transactional
    public Invoice resend(Long accountId, String actor) {
        Account account = customers.account(accountId);
        Invoice invoice = lastBill(accountId).orElseThrow(() -> new BusinessRuleException("console_error_no_bill"));
        Customer customer = account.customer;
        Locale locale = Locale.forLanguageTag(customer.language);
        Set<Channel> sent = notice.send(
                customer,
                "invoice_issued",
                Map.of(
                        "name", customer.name,
                        "number", invoice.number,
                        "amount", LocalFormats.money(invoice.gross(), locale),
                        "due", LocalFormats.date(invoice.dueDate, locale),
                        "link", links.to("/portal/invoices/" + invoice.number),
                        "invoiceId", String.valueOf(invoice.id)),
                "invoice-resent:" + invoice.id + ":" + UUID.randomUUID(),
                CustomerNotice.ANY);
        if (sent.isEmpty()) {
            throw new BusinessRuleException("console_error_unreachable");
        }
        audit.record(actor, "invoice.resend", "invoice:" + invoice.id, invoice.number + " by " + sent);
        return invoice;
    }
}
