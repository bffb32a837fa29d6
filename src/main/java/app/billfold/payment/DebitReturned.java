package app.billfold.payment;

import app.billfold.account.Account;
import app.billfold.account.AccountRepository;
import app.billfold.audit.AuditLog;
import app.billfold.common.AppMessages;
import app.billfold.common.LocalFormats;
import app.billfold.common.Money;
import app.billfold.common.PublicLinks;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceRepository;
import app.billfold.notify.CustomerNotice;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A bank debit that was processing came back unpaid. The bill was never counted as paid, so it is
 * simply open again; the customer is told why, in the same transaction. A revoked mandate can
 * never be debited again, so autopay stops on that method (the autopay retry policy handles the
 * other return reasons through the autopay run).
 */
@ApplicationScoped
public class DebitReturned {

    /** The bank's return reasons that mean the mandate no longer holds. */
    static final Set<String> MANDATE_GONE = Set.of("mandate_revoked", "revoked_mandate", "debit_not_authorized");

    @Inject
    AccountRepository accounts;

    @Inject
    InvoiceRepository invoices;

    @Inject
    CustomerNotice notice;

    @Inject
    PublicLinks links;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ChargeAttempt attempt) {
        Account account = accounts.findById(attempt.accountId);
        if (MANDATE_GONE.contains(attempt.declineCode) && attempt.token != null) {
            SavedMethod method = SavedMethod.find("token", attempt.token).firstResult();
            if (method != null) {
                for (Account onAutopay : accounts.list("autopayMethodId", method.id)) {
                    onAutopay.autopayMethodId = null;
                    onAutopay.autopaySince = null;
                    audit.record(
                            "system", "autopay.stop", "account:" + onAutopay.id, "mandate revoked: " + method.label());
                }
            }
        }
        audit.record("system", "payment.debit_returned", "account:" + account.id, attempt.declineCode);
        Invoice first = attempt.invoices.isEmpty() ? null : invoices.findById(attempt.invoices.get(0).invoiceId);
        if (first == null) {
            return;
        }
        var customer = account.customer;
        Locale locale = Locale.forLanguageTag(customer.language);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("name", customer.name);
        data.put("number", first.number);
        data.put("amount", LocalFormats.money(Money.of(attempt.amount, attempt.currency), locale));
        data.put("reason", reason(attempt.declineCode, locale));
        data.put("link", links.to("/portal/pay?account=" + account.id + "&invoice=" + first.id));
        data.put("reminderFor", String.valueOf(first.id));
        notice.send(customer, "autopay_failed", data, "debit-returned:" + attempt.id, CustomerNotice.ANY);
    }

    private static String reason(String code, Locale locale) {
        AppMessages words = MessageBundles.get(AppMessages.class, Localized.Literal.of(locale.getLanguage()));
        if (MANDATE_GONE.contains(code)) {
            return words.decline_mandate_revoked();
        }
        return switch (code == null ? "" : code) {
            case "insufficient_funds" -> words.decline_insufficient_funds();
            case "account_closed" -> words.decline_account_closed();
            default -> words.decline_generic_decline();
        };
    }
}
