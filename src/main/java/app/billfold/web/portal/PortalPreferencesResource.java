package app.billfold.web.portal;

import app.billfold.account.Customer;
import app.billfold.account.Customers;
import app.billfold.biller.Biller;
import app.billfold.common.FieldErrors;
import app.billfold.common.InvalidInputException;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.notify.ContactPreferences;
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
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** The customer's notification preferences: e-mail, SMS or both, the phone number and SMS consent. */
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
                List<String> zones,
                String billerZone,
                FieldErrors errors);
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
    Biller biller;

    @GET
    public TemplateInstance show() {
        Customer customer = customers.get(user.customerId());
        var form = new ContactPreferences.Form(
                customer.notifyBy.name(), customer.phone, false, customer.timeZone == null ? "" : customer.timeZone);
        return page(customer, form, new FieldErrors());
    }

    @POST
    public Response save(
            @RestForm String notifyBy,
            @RestForm String phone,
            @RestForm boolean smsConsent,
            @RestForm String timeZone) {
        var form = new ContactPreferences.Form(notifyBy, phone, smsConsent, timeZone);
        try {
            preferences.save(user.customerId(), form, user.email());
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(customers.get(user.customerId()), form, e.errors()))
                    .build();
        }
        return Redirects.seeOther("/portal/preferences", "notice_settings_saved");
    }

    private TemplateInstance page(Customer customer, ContactPreferences.Form form, FieldErrors errors) {
        SmsConsent consent = consents.find(customer.phone).orElse(null);
        return Templates.preferences(
                customer, form, consent, ContactPreferences.ZONES, biller.settings().timeZone, errors);
    }
}
