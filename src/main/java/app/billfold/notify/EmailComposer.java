package app.billfold.notify;

import app.billfold.biller.Biller;
import app.billfold.biller.BillerSettings;
import app.billfold.common.MailMessages;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceRepository;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an outbox row into an e-mail: subject, HTML and plain-text bodies from the templates under
 * templates/mail/, in the recipient's language and the biller's branding, with the bill's PDF
 * attached to an e-bill.
 */
@ApplicationScoped
public class EmailComposer {

    /** Kinds that remind of a bill: re-checked before sending, and sharing one template. */
    public static final java.util.Set<String> REMINDERS =
            java.util.Set.of("reminder_before", "reminder_due", "reminder_after", "autopay_notice", "autopay_failed");

    @Inject
    Engine engine;

    @Inject
    Biller biller;

    @Inject
    InvoiceRepository invoices;

    @Inject
    app.billfold.einvoice.IssuedDocuments documents;

    public Mail compose(OutboxMessage message) {
        Map<String, String> data = payload(message.payload);
        Locale locale = Locale.forLanguageTag(message.language == null ? "en" : message.language);
        MailMessages words = MessageBundles.get(MailMessages.class, Localized.Literal.of(locale.getLanguage()));
        BillerSettings settings = biller.settings();
        String subject = switch (message.kind) {
            case "invoice_issued" -> words.invoice_issued_subject(settings.legalName, data.get("number"));
            case "payment_receipt" -> words.receipt_subject(settings.legalName);
            case "autopay_confirmation" -> words.autopay_subject(settings.legalName, data.get("account"));
            case "reminder_before" ->
                words.reminder_before_subject(settings.legalName, data.get("number"), data.get("due"));
            case "reminder_due" -> words.reminder_due_subject(settings.legalName, data.get("number"));
            case "reminder_after" -> words.reminder_after_subject(settings.legalName, data.get("number"));
            case "autopay_notice" ->
                words.autopay_notice_subject(settings.legalName, data.get("amount"), data.get("due"));
            case "autopay_failed" -> words.autopay_failed_subject(settings.legalName, data.get("number"));
            case "autopay_stopped" -> words.autopay_stopped_subject(settings.legalName, data.get("account"));
            case "autopay_method_removed" ->
                words.autopay_method_removed_subject(settings.legalName, data.get("account"));
            case "signin_invitation" -> words.signin_invitation_subject(settings.legalName);
            case "password_reset" -> words.password_reset_subject(settings.legalName);
            case "staff_invitation" -> words.staff_invitation_subject(settings.legalName);
            case "email_change" -> words.email_change_subject(settings.legalName);
            case "email_changed" -> words.email_changed_subject(settings.legalName);
            default -> throw new IllegalArgumentException("No e-mail for " + message.kind);
        };
        String template = REMINDERS.contains(message.kind) ? "reminder" : message.kind;
        Mail mail = Mail.withHtml(
                        message.recipient,
                        subject,
                        render(template + ".html", message.kind, data, subject, locale, settings))
                .setText(render(template + ".txt", message.kind, data, subject, locale, settings))
                .addHeader("Message-ID", message.providerId != null ? message.providerId : newMessageId(message));
        if (data.containsKey("invoiceId")) {
            Invoice invoice = invoices.findById(Long.valueOf(data.get("invoiceId")));
            // The bill as issued, in Factur-X: a plain PDF to read, with the structured invoice inside.
            var file = documents.ofInvoice(invoice, app.billfold.einvoice.EInvoices.Format.FACTURX);
            mail.addAttachment(file.name(), file.bytes(), file.mediaType());
        }
        return mail;
    }

    /**
     * The Message-ID of the e-mail, made once before its first try and kept as the provider's id
     * (a bounce is traced back by it, and every later try sends the same one, so a copy sent again
     * after a crash is recognised as the same message). The random part keeps two installations,
     * or one restored from a backup, from giving two different mails the same id; the domain is the
     * sender's, as RFC 5322 advises.
     */
    public String newMessageId(OutboxMessage message) {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return "<outbox-" + message.id + "." + java.util.HexFormat.of().formatHex(random) + "@" + senderDomain() + ">";
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.mailer.from")
    java.util.Optional<String> from;

    private String senderDomain() {
        String address = from.orElse("");
        int lt = address.lastIndexOf('<');
        if (lt >= 0) {
            address = address.substring(lt + 1).replace(">", "");
        }
        int at = address.lastIndexOf('@');
        String domain = at >= 0 ? address.substring(at + 1).strip() : "";
        return domain.matches("[A-Za-z0-9.-]+") ? domain : "billfold.invalid";
    }

    private String render(
            String template,
            String kind,
            Map<String, String> data,
            String subject,
            Locale locale,
            BillerSettings settings) {
        TemplateInstance page = engine.getTemplate("mail/" + template)
                .data("kind", kind)
                .data("data", data)
                .data("name", data.getOrDefault("name", ""))
                .data("subject", subject)
                .data("lang", locale.getLanguage())
                .data("billerName", settings.legalName)
                .data("supportEmail", settings.supportEmail)
                .data("brandColour", settings.brandColour);
        page.setLocale(locale);
        return page.render();
    }

    public static Map<String, String> payload(String text) {
        Map<String, String> data = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                data.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return data;
    }
}
