package app.billfold.autopay;

import app.billfold.common.AppMessages;
import app.billfold.common.LocalFormats;
import app.billfold.common.PublicLinks;
import app.billfold.invoice.Invoice;
import app.billfold.notify.CustomerNotice;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tells the customer that autopay gave up on a bill, with the processor's reason, in the same
 * transaction as giving up; it is dropped if the bill is paid before it goes out.
 */
@ApplicationScoped
public class AutopayFailedNotice {

    @Inject
    CustomerNotice notice;

    @Inject
    PublicLinks links;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AutopaySchedule row, Invoice invoice) {
        var customer = invoice.account.customer;
        Locale locale = Locale.forLanguageTag(customer.language);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("name", customer.name);
        data.put("number", invoice.number);
        data.put("amount", LocalFormats.money(invoice.balanceDue(), locale));
        data.put("reason", reason(row.lastDeclineCode, locale));
        // A bank asking the payer to confirm cannot be passed off-session: the link pays on-session.
        data.put(
                "link",
                "authentication_required".equals(row.lastDeclineCode)
                        ? links.to("/portal/pay?account=" + invoice.account.id + "&invoice=" + invoice.id)
                        : links.to("/portal/invoices/" + invoice.number));
        data.put("reminderFor", String.valueOf(invoice.id));
        notice.send(customer, "autopay_failed", data, "autopay-failed:" + row.invoiceId, CustomerNotice.ANY);
    }

    private static String reason(String code, Locale locale) {
        AppMessages words = MessageBundles.get(AppMessages.class, Localized.Literal.of(locale.getLanguage()));
        return switch (code == null ? "" : code) {
            case "insufficient_funds" -> words.decline_insufficient_funds();
            case "expired_card" -> words.decline_expired_card();
            case "account_closed" -> words.decline_account_closed();
            case "processing_error" -> words.decline_processing_error();
            case "authentication_required" -> words.decline_authentication_required();
            default -> words.decline_generic_decline();
        };
    }
}
