package app.billfold.web.console;

import app.billfold.account.CustomerNotes;
import app.billfold.account.Customers;
import app.billfold.common.FieldErrors;
import app.billfold.common.InvalidInputException;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.identity.SignInInvitation;
import app.billfold.invoice.ResendBill;
import app.billfold.notify.ContactPreferences;
import app.billfold.notify.PhoneVerification;
import app.billfold.payment.AutopayForCustomer;
import app.billfold.web.common.Redirects;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * What a clerk does for a customer on the phone, from the customer and account pages: autopay off
 * or on (with a reason), paperless or paper, contact preferences and SMS consent, notes, the last
 * bill again, an invitation to create a sign-in. Each form comes back to its page, with the error
 * beside its field when refused.
 */
@Path("/console")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
@Produces(MediaType.TEXT_HTML)
public class ConsoleCustomerCareResource {

    @Inject
    Customers customers;

    @Inject
    AutopayForCustomer autopay;

    @Inject
    ResendBill resend;

    @Inject
    CustomerNotes notes;

    @Inject
    ContactPreferences preferences;

    @Inject
    PhoneVerification verification;

    @Inject
    SignInInvitation invitation;

    @Inject
    CurrentUser user;

    @Inject
    ConsoleAccountResource accountPage;

    @Inject
    ConsoleCustomerResource customerPage;

    @POST
    @Path("accounts/{id}/autopay/stop")
    public Response stopAutopay(@RestPath Long id, @RestForm String autopayReason) {
        try {
            autopay.stop(id, autopayReason, user.email());
            return Redirects.seeOther("/console/accounts/" + id, "notice_autopay_stopped_for");
        } catch (InvalidInputException e) {
            return accountPage.refused(
                    id, renamed(e, "reason", "autopayReason"), posted("autopayReason", autopayReason));
        }
    }

    @POST
    @Path("accounts/{id}/autopay/start")
    public Response startAutopay(@RestPath Long id, @RestForm String method, @RestForm String autopayReason) {
        try {
            autopay.start(id, method, autopayReason, user.email());
            return Redirects.seeOther("/console/accounts/" + id, "notice_autopay_started_for");
        } catch (InvalidInputException e) {
            return accountPage.refused(
                    id, renamed(e, "reason", "autopayReason"), posted("autopayReason", autopayReason));
        }
    }

    @POST
    @Path("accounts/{id}/paperless")
    public Response paperless(@RestPath Long id, @RestForm boolean paperless) {
        var account = customers.account(id);
        customers.setPaperless(account.customer.id, id, paperless, user.email());
        return Redirects.seeOther("/console/accounts/" + id, "notice_paperless_switched");
    }

    @POST
    @Path("accounts/{id}/resend-bill")
    public Response resendBill(@RestPath Long id) {
        resend.resend(id, user.email());
        return Redirects.seeOther("/console/accounts/" + id, "notice_bill_resent");
    }

    @POST
    @Path("accounts/{id}/notes")
    public Response noteOnAccount(@RestPath Long id, @RestForm String note) {
        var account = customers.account(id);
        try {
            notes.write(account.customer.id, id, note, user.email());
            return Redirects.seeOther("/console/accounts/" + id, "notice_note_added");
        } catch (InvalidInputException e) {
            return accountPage.refused(id, renamed(e, "body", "note"), posted("note", note));
        }
    }

    @POST
    @Path("customers/{id}/notes")
    public Response noteOnCustomer(@RestPath Long id, @RestForm String note, @RestForm String noteAccount) {
        Long accountId = null;
        if (noteAccount != null && !noteAccount.isBlank()) {
            try {
                accountId = Long.valueOf(noteAccount.strip());
            } catch (NumberFormatException e) {
                return customerRefused(
                        id, new FieldErrors().reject("noteAccount", "error_choice"), posted("note", note));
            }
        }
        try {
            notes.write(id, accountId, note, user.email());
            return Redirects.seeOther("/console/customers/" + id, "notice_note_added");
        } catch (InvalidInputException e) {
            return customerRefused(id, renamed(e, "body", "note").errors(), posted("note", note));
        }
    }

    @POST
    @Path("customers/{id}/preferences")
    public Response preferences(
            @RestPath Long id,
            @RestForm String notifyBy,
            @RestForm String phone,
            @RestForm boolean smsConsent,
            @RestForm String timeZone) {
        try {
            var saved = preferences.save(
                    id, new ContactPreferences.Form(notifyBy, phone, smsConsent, timeZone), user.email());
            return Redirects.seeOther(
                    "/console/customers/" + id,
                    saved == ContactPreferences.Saved.CODE_SENT
                            ? "notice_consent_code_sent"
                            : "notice_preferences_saved");
        } catch (InvalidInputException e) {
            Map<String, String> posted = new HashMap<>();
            posted.put("notifyBy", notifyBy == null ? "" : notifyBy);
            posted.put("phone", phone == null ? "" : phone);
            posted.put("smsConsent", String.valueOf(smsConsent));
            posted.put("timeZone", timeZone == null ? "" : timeZone);
            return customerRefused(id, e.errors(), posted);
        }
    }

    @POST
    @Path("customers/{id}/sms-consent/confirm")
    public Response confirmConsent(@RestPath Long id, @RestForm String code) {
        var customer = customers.get(id);
        var outcome = verification.confirm(id, customer.phone, code, user.email());
        return switch (outcome) {
            case CONFIRMED -> Redirects.seeOther("/console/customers/" + id, "notice_consent_recorded");
            case WRONG -> customerRefused(id, new FieldErrors().reject("code", "pref_error_code_wrong"), Map.of());
            case EXPIRED -> customerRefused(id, new FieldErrors().reject("code", "pref_error_code_expired"), Map.of());
        };
    }

    @POST
    @Path("customers/{id}/sms-consent/withdraw")
    public Response withdrawConsent(@RestPath Long id) {
        preferences.withdrawSmsConsent(id, user.email());
        return Redirects.seeOther("/console/customers/" + id, "notice_consent_withdrawn");
    }

    @POST
    @Path("customers/{id}/invitation")
    public Response invite(@RestPath Long id) {
        invitation.send(id, user.email());
        return Redirects.seeOther("/console/customers/" + id, "notice_invitation_sent");
    }

    private Response customerRefused(Long id, FieldErrors errors, Map<String, String> posted) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(customerPage.page(id, errors, posted))
                .build();
    }

    /** The service names its field for itself; the page has several forms and names it for this one. */
    private static InvalidInputException renamed(InvalidInputException e, String from, String to) {
        FieldErrors errors = new FieldErrors();
        e.errors().asMap().forEach((field, key) -> errors.reject(field.equals(from) ? to : field, key));
        return new InvalidInputException(errors);
    }

    private static Map<String, String> posted(String field, String value) {
        return Map.of(field, value == null ? "" : value);
    }
}
