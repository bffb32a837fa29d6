package app.billfold.biller;

import app.billfold.audit.AuditLog;
import app.billfold.audit.Changes;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/** Reads and changes the biller's settings, and knows the biller's today. */
@ApplicationScoped
public class Biller {

    private static final Pattern COLOUR = Pattern.compile("^#[0-9a-fA-F]{6}$");
    /** Up to eight whole days between -60 and 60, comma-separated; may be empty (no reminders). */
    private static final Pattern REMINDER_DAYS = Pattern.compile("^$|^-?[0-5]?[0-9](,-?[0-5]?[0-9]){0,7}$");

    private static final Pattern PREFIX = Pattern.compile("^[A-Za-z0-9-/]{0,20}$");

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    Event<BillerSettingsChanged> changed;

    @Transactional(Transactional.TxType.SUPPORTS)
    public BillerSettings settings() {
        return BillerSettings.findById(BillerSettings.SINGLETON_ID);
    }

    /** Today in the biller's time zone: due dates and overdue are judged by it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LocalDate today() {
        return LocalDate.now(clock.withZone(settings().zone()));
    }

    /**
     * Takes the next invoice number under a row lock on the counter, inside the caller's transaction:
     * a rolled-back issue gives its number back, so numbers have no gaps. Read with SQL rather than
     * through the entity cache, which could hold a value read before the lock was taken.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String takeNextInvoiceNumber() {
        EntityManager em = BillerSettings.getEntityManager();
        long number = ((Number) em.createNativeQuery("select next_number from invoice_counter where id = 1 for update")
                        .getSingleResult())
                .longValue();
        em.createNativeQuery("update invoice_counter set next_number = next_number + 1 where id = 1")
                .executeUpdate();
        return settings().invoicePrefix + String.format("%06d", number);
    }

    /**
     * Takes the next {@code count} invoice numbers, consecutive, under the same row lock as {@link
     * #takeNextInvoiceNumber()} and with the same guarantee: the lock is held until the caller's
     * transaction ends, and a rollback gives the whole block back. A billing run takes one block
     * per chunk, at the chunk's end, so that chunks billed in parallel wait on the counter only for
     * the time it takes to issue what they prepared, and the numbers follow the order of issue.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> takeInvoiceNumbers(int count) {
        if (count < 1) {
            return List.of();
        }
        EntityManager em = BillerSettings.getEntityManager();
        long first = ((Number) em.createNativeQuery("select next_number from invoice_counter where id = 1 for update")
                        .getSingleResult())
                .longValue();
        em.createNativeQuery("update invoice_counter set next_number = next_number + ?1 where id = 1")
                .setParameter(1, count)
                .executeUpdate();
        String prefix = settings().invoicePrefix;
        List<String> numbers = new ArrayList<>(count);
        for (long n = first; n < first + count; n++) {
            numbers.add(prefix + String.format("%06d", n));
        }
        return numbers;
    }

    /**
     * The settings row under a write lock, read fresh for a change. What this transaction already
     * changed in the settings goes to the database first: the fresh read would otherwise drop it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BillerSettings settingsForChange() {
        BillerSettings settings = settings();
        BillerSettings.getEntityManager().flush();
        BillerSettings.getEntityManager().refresh(settings, LockModeType.PESSIMISTIC_WRITE);
        return settings;
    }

    @Transactional
    public void update(BillerSettingsForm form, String actor) {
        FieldErrors errors = new FieldErrors();
        String legalName = FormInput.text(errors, "legalName", form.legalName(), true, 200);
        String address = FormInput.text(errors, "address", form.address(), true, 500);
        String taxId = FormInput.optional(errors, "taxId", form.taxId(), 50);
        String currency = FormInput.text(errors, "currency", form.currency(), true, 3);
        if (currency != null && !isCurrency(currency)) {
            errors.reject("currency", "error_currency");
        }
        String timeZone = FormInput.text(errors, "timeZone", form.timeZone(), true, 64);
        if (timeZone != null && !isZone(timeZone)) {
            errors.reject("timeZone", "error_time_zone");
        }
        String prefix = form.invoicePrefix() == null ? "" : form.invoicePrefix().strip();
        if (!PREFIX.matcher(prefix).matches()) {
            errors.reject("invoicePrefix", "error_prefix");
        }
        String supportEmail = FormInput.email(errors, "supportEmail", form.supportEmail(), true);
        String supportPhone = FormInput.phone(errors, "supportPhone", form.supportPhone());
        String colour = FormInput.text(errors, "brandColour", form.brandColour(), true, 7);
        if (colour != null && !COLOUR.matcher(colour).matches()) {
            errors.reject("brandColour", "error_colour");
        }
        String logoType = null;
        if (form.logo() != null && form.logo().length > 0) {
            try {
                logoType = LogoImage.decode(form.logo()).contentType();
            } catch (LogoImage.Refused e) {
                errors.reject("logo", e.refusal.messageKey);
            }
        }
        String reminderDays =
                form.reminderDays() == null ? "" : form.reminderDays().replace(" ", "");
        if (!REMINDER_DAYS.matcher(reminderDays).matches()) {
            errors.reject("reminderDays", "error_reminder_days");
        }
        String reminderSmsDays =
                form.reminderSmsDays() == null ? "" : form.reminderSmsDays().replace(" ", "");
        if (!REMINDER_DAYS.matcher(reminderSmsDays).matches()) {
            errors.reject("reminderSmsDays", "error_reminder_days");
        }
        errors.throwIfAny();

        BillerSettings settings = settingsForChange();
        if (!settings.currency.equals(currency.toUpperCase(java.util.Locale.ROOT))
                && BillerSettings.getEntityManager()
                                .createQuery("select count(i) from Invoice i", Long.class)
                                .getSingleResult()
                        > 0) {
            errors.reject("currency", "error_currency_locked");
            errors.throwIfAny();
        }
        Changes changes = Changes.of()
                .field("legalName", settings.legalName, legalName)
                .field("address", settings.address, address)
                .field("taxId", settings.taxId, taxId)
                .field("currency", settings.currency, currency.toUpperCase(java.util.Locale.ROOT))
                .field("timeZone", settings.timeZone, timeZone)
                .field("invoicePrefix", settings.invoicePrefix, prefix)
                .field("supportEmail", settings.supportEmail, supportEmail)
                .field("supportPhone", settings.supportPhone, supportPhone.isEmpty() ? null : supportPhone)
                .field("brandColour", settings.brandColour, colour.toLowerCase(java.util.Locale.ROOT))
                .hidden(
                        "logo",
                        (form.logo() != null && form.logo().length > 0) || (form.removeLogo() && settings.logo != null))
                .field("reminderDays", settings.reminderDays, reminderDays)
                .field("reminderSmsDays", settings.reminderSmsDays, reminderSmsDays);
        settings.legalName = legalName;
        settings.address = address;
        settings.taxId = taxId;
        settings.currency = currency.toUpperCase(java.util.Locale.ROOT);
        settings.timeZone = timeZone;
        settings.invoicePrefix = prefix;
        settings.supportEmail = supportEmail;
        settings.supportPhone = supportPhone.isEmpty() ? null : supportPhone;
        settings.brandColour = colour.toLowerCase(java.util.Locale.ROOT);
        if (form.logo() != null && form.logo().length > 0) {
            settings.logo = form.logo();
            settings.logoContentType = logoType;
        } else if (form.removeLogo()) {
            settings.logo = null;
            settings.logoContentType = null;
        }
        settings.reminderDays = reminderDays;
        settings.reminderSmsDays = reminderSmsDays;
        settings.updatedAt = Instant.now(clock);
        audit.change(actor, "biller.settings.update", "biller", null, changes);
        changed.fire(new BillerSettingsChanged());
    }

    private static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code.toUpperCase(java.util.Locale.ROOT));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
