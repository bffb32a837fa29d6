package app.billfold.web.portal;

import app.billfold.account.Customer;
import app.billfold.account.Customers;
import app.billfold.biller.Biller;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.InvalidInputException;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.notify.ContactPreferences;
import app.billfold.notify.PhoneCode;
import app.billfold.notify.PhoneVerification;
import app.billfold.notify.SmsConsent;
import app.billfold.notify.SmsConsents;
import app.billfold.web.common.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The customer's notification preferences: e-mail, SMS or both, the phone number, the time zone,
 * and SMS consent, which a code sent by SMS to the number confirms.
 */
@Path("/portal/preferences")
@RolesAllowed(Role.CUSTOMER_ROLE)
@Produces(MediaType.TEXT_HTML)
public class PortalPreferencesResource {

    @CheckedTemplate(basePath = "portal/preferences")
    static class Templates {
        static native TemplateInstance preferences(
                Customer customer,
                ContactPreferences.Form form,
                SmsConsent consent,
                PhoneCode pendingCode,
                String billerZone,
                FieldErrors errors,
                String refusal);
    }

    @Inject
    CurrentUser user;

    @Inject
    Customers customers;

    @Inject
    ContactPreferences preferences;

    @Inject
    SmsConsents consents;

    @Inject
    PhoneVerification verification;

    @Inject
    Biller biller;

    @GET
    public TemplateInstance show() {
        Customer customer = customers.get(user.customerId());
        return page(customer, savedForm(customer), new FieldErrors(), null);
    }

    @POST
    public Response save(
            @RestForm String notifyBy,
            @RestForm String phone,
            @RestForm boolean smsConsent,
            @RestForm String timeZone) {
        var form = new ContactPreferences.Form(notifyBy, phone, smsConsent, timeZone);
        ContactPreferences.Saved saved;
        try {
            saved = preferences.save(user.customerId(), form, user.email());
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(customers.get(user.customerId()), form, e.errors(), null))
                    .build();
        } catch (BusinessRuleException e) {
            return Response.status(429)
                    .entity(page(customers.get(user.customerId()), form, new FieldErrors(), e.messageKey()))
                    .build();
        }
        return Redirects.seeOther(
                "/portal/preferences",
                saved == ContactPreferences.Saved.CODE_SENT ? "notice_phone_code_sent" : "notice_settings_saved");
    }

    /** The code sent by SMS, typed back: on success the number's consent is recorded. */
    @POST
    @Path("confirm-phone")
    public Response confirmPhone(@RestForm String code) {
        Customer customer = customers.get(user.customerId());
        var outcome = verification.confirm(customer.id, customer.phone, code, user.email());
        if (outcome == PhoneVerification.Outcome.CONFIRMED) {
            return Redirects.seeOther("/portal/preferences", "notice_phone_confirmed");
        }
        FieldErrors errors = new FieldErrors()
                .reject(
                        "code",
                        outcome == PhoneVerification.Outcome.WRONG
                                ? "pref_error_code_wrong"
                                : "pref_error_code_expired");
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(page(customers.get(customer.id), savedForm(customer), errors, null))
                .build();
    }

    /** Sends a new code to the number on file (the last one expired, or never came). */
    @POST
    @Path("send-code")
    public Response sendCode() {
        Customer customer = customers.get(user.customerId());
        if (customer.phone == null || consents.allows(customer.phone)) {
            return Redirects.seeOther("/portal/preferences");
        }
        try {
            verification.send(customer.id, customer.phone, customer.language);
        } catch (BusinessRuleException e) {
            return Response.status(429)
                    .entity(page(customer, savedForm(customer), new FieldErrors(), e.messageKey()))
                    .build();
        }
        return Redirects.seeOther("/portal/preferences", "notice_phone_code_sent");
    }

    private static ContactPreferences.Form savedForm(Customer customer) {
        return new ContactPreferences.Form(
                customer.notifyBy.name(), customer.phone, false, customer.timeZone == null ? "" : customer.timeZone);
    }

    private TemplateInstance page(Customer customer, ContactPreferences.Form form, FieldErrors errors, String refusal) {
        SmsConsent consent = consents.find(customer.phone).orElse(null);
        PhoneCode pending = consent != null && consent.allowsSms()
                ? null
                : verification.pending(customer.id, customer.phone).orElse(null);
        return Templates.preferences(customer, form, consent, pending, biller.settings().timeZone, errors, refusal);
    }
}
