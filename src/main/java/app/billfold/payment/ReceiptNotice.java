package app.billfold.payment;

import app.billfold.common.AppMessages;
import app.billfold.common.LocalFormats;
import app.billfold.common.PublicLinks;
import app.billfold.notify.CustomerNotice;
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Payment payment) {
        var customer = payment.account.customer;
        Locale locale = Locale.forLanguageTag(customer.language);
        notice.send(
                customer,
                "payment_receipt",
                Map.of(
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
                        links.to("/portal/receipts/" + payment.id)),
                "receipt:" + payment.id,
                CustomerNotice.ANY);
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
