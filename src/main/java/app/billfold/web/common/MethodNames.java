package app.billfold.web.common;

import app.billfold.payment.MethodName;
import app.billfold.payment.Payment;
import app.billfold.payment.SavedMethod;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import java.util.Locale;

/** Cards and bank accounts named in the page's language, with their expiry: "Visa •••• 4242, expires 12/2028". */
@TemplateExtension
public class MethodNames {

    static String named(SavedMethod method, @TemplateAttribute("locale") Object locale) {
        return method.inWords(languageOf(locale));
    }

    /** The card or account a payment came from, or null for cheque, cash and transfer. */
    static String methodNamed(Payment payment, @TemplateAttribute("locale") Object locale) {
        return payment.methodLabel == null ? null : MethodName.inWords(payment.methodLabel, languageOf(locale));
    }

    private static String languageOf(Object locale) {
        return locale instanceof Locale l ? l.getLanguage() : "en";
    }
}
