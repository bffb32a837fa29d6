package app.billfold.payment;

import app.billfold.common.AppMessages;
import app.billfold.common.LocalFormats;
import app.billfold.common.PublicLinks;
import app.billfold.notify.Channel;
import app.billfold.notify.CustomerNotice;
import app.billfold.notify.Outbox;
import app.billfold.notify.OutboxMessage;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Map;

/** The payment receipt, on the customer's channels, recorded in the same transaction as the payment (transactional outbox). */
@ApplicationScoped
public class ReceiptNotice {

    @Inject
    CustomerNotice notice;

    @Inject
    PublicLinks links;

    @Inject
    Outbox outbox;

    /** Copies of one receipt that may be asked for. */
    static final int COPIES = 3;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Payment payment) {
        notice.send(
                payment.account.customer,
                "payment_receipt",
                words(payment),
                "receipt:" + payment.id,
                CustomerNotice.ANY);
    }

    /**
     * A copy of the receipt by e-mail, asked for on the receipt page; false when the copies allowed
     * for one payment were sent already (the button must not make Billfold a mail cannon).
     */
    @Transactional
    public boolean sendCopy(Long paymentId, String email) {
        Payment payment = Payment.findById(paymentId);
        long sent = OutboxMessage.count("dedupeKey like ?1", "receipt-copy:" + paymentId + ":%");
        if (sent >= COPIES) {
            return false;
        }
        var customer = payment.account.customer;
        return outbox.record(
                Channel.EMAIL,
                customer.id,
                email,
                "payment_receipt",
                customer.language,
                words(payment),
                "receipt-copy:" + paymentId + ":" + (sent + 1));
    }

    private Map<String, String> words(Payment payment) {
        var customer = payment.account.customer;
        Locale locale = Locale.forLanguageTag(customer.language);
        return Map.of(
                "name",
                customer.name,
                "amount",
                LocalFormats.money(payment.money(), locale),
                "method",
                payment.methodLabel != null
                        ? MethodName.inWords(payment.methodLabel, customer.language)
                        : offlineMethod(payment.method, locale),
                "account",
                payment.account.number,
                "link",
                links.to("/portal/receipts/" + payment.id));
    }

    private static String offlineMethod(PaymentMethod method, Locale locale) {
        AppMessages words = MessageBundles.get(AppMessages.class, Localized.Literal.of(locale.getLanguage()));
        return switch (method) {
            case CHEQUE -> words.method_cheque();
            case CASH -> words.method_cash();
            case TRANSFER -> words.method_transfer();
            case CARD -> words.method_card();
            case BANK -> words.method_bank();
        };
    }
}
