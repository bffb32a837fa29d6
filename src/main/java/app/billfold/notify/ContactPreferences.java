package app.billfold.notify;

import app.billfold.account.Customer;
import app.billfold.account.NotifyBy;
import app.billfold.audit.AuditLog;
import app.billfold.audit.Changes;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A customer's choice of channels, phone number and time zone. Choosing SMS needs a number and,
 * for a number without a live consent, the consent box ticked. The tick alone records nothing:
 * it sends a code by SMS to the number ({@link PhoneVerification}), and the consent is recorded
 * (when, and how) once the code is typed back. Until then SMS notices go by e-mail instead.
 */
@ApplicationScoped
public class ContactPreferences {

    /** The zones a customer can pick: the regions of the tz database, without legacy aliases. */
    public static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
            .sorted()
            .toList();

    /** What the customer submitted. */
    public record Form(String notifyBy, String phone, boolean smsConsent, String timeZone) {}

    /** What saving did besides saving: whether a code went to the number to confirm the consent. */
    public enum Saved {
        SAVED,
        CODE_SENT
    }

    @Inject
    SmsConsents consents;

    @Inject
    PhoneVerification verification;

    @Inject
    AuditLog audit;

    /**
     * Saves the preferences, or throws InvalidInputException naming each field that is wrong (or
     * BusinessRuleException when too many codes were asked for), saving nothing then.
     */
    @Transactional
    public Saved save(Long customerId, Form form, String actor) {
        Customer customer = Customer.findById(customerId, LockModeType.PESSIMISTIC_WRITE);
        if (customer == null) {
            throw new app.billfold.common.NotFoundException("customer " + customerId);
        }
        FieldErrors errors = new FieldErrors();
        NotifyBy notifyBy = null;
        try {
            notifyBy = NotifyBy.valueOf(
                    form.notifyBy() == null ? "" : form.notifyBy().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.reject("notifyBy", "pref_error_notify_by");
        }
        String phone = FormInput.phone(new FieldErrors(), "phone", form.phone());
        if (phone == null) {
            errors.reject("phone", "pref_error_phone");
        }
        if (notifyBy != null && notifyBy.sms() && (phone == null || phone.isEmpty()) && !errors.has("phone")) {
            errors.reject("phone", "pref_error_sms_phone");
        }
        boolean hasPhone = phone != null && !phone.isEmpty();
        boolean consented = hasPhone && consents.allows(phone);
        if (notifyBy != null && notifyBy.sms() && hasPhone && !consented && !form.smsConsent()) {
            errors.reject("smsConsent", "pref_error_sms_consent");
        }
        String zone = form.timeZone() == null ? "" : form.timeZone().strip();
        if (!zone.isEmpty() && !ZONES.contains(zone)) {
            errors.reject("timeZone", "pref_error_time_zone");
        }
        errors.throwIfAny();

        Changes changes = Changes.of()
                .field("notifyBy", customer.notifyBy, notifyBy)
                .field("phone", customer.phone, hasPhone ? phone : null)
                .field("timeZone", customer.timeZone, zone.isEmpty() ? null : zone);
        boolean codeSent = hasPhone && form.smsConsent() && !consented;
        if (codeSent) {
            verification.send(customer.id, phone, customer.language);
        }
        if (!java.util.Objects.equals(customer.phone, hasPhone ? phone : null)) {
            customer.smsFailedAt = null;
            customer.smsFailure = null;
        }
        customer.notifyBy = notifyBy;
        customer.phone = hasPhone ? phone : null;
        customer.timeZone = zone.isEmpty() ? null : zone;
        audit.change(
                actor,
                "customer.preferences",
                "customer:" + customer.id,
                codeSent ? changedOr(changes) + "; SMS code sent to confirm consent" : null,
                changes);
        return codeSent ? Saved.CODE_SENT : Saved.SAVED;
    }

    private static String changedOr(Changes changes) {
        return changes.isEmpty() ? "nothing changed" : "changed " + changes.fields();
    }

    /**
     * Records, as a clerk heard it, that the customer no longer wants SMS at their number; refused
     * (BusinessRuleException) when the customer has no number.
     */
    @Transactional
    public void withdrawSmsConsent(Long customerId, String actor) {
        Customer customer = Customer.findById(customerId, LockModeType.PESSIMISTIC_WRITE);
        if (customer == null) {
            throw new app.billfold.common.NotFoundException("customer " + customerId);
        }
        if (customer.phone == null) {
            throw new app.billfold.common.BusinessRuleException("console_error_no_phone");
        }
        boolean before = consents.allows(customer.phone);
        consents.optOut(customer.phone, "clerk " + actor);
        audit.change(
                actor,
                "sms.consent.withdraw",
                "customer:" + customer.id,
                customer.phone,
                before ? "SMS consent given" : "no SMS consent",
                "SMS consent withdrawn");
    }
}
