package app.billfold.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.Customer;
import app.billfold.account.NotifyBy;
import app.billfold.identity.Role;
import app.billfold.notify.SmsConsent;
import app.billfold.notify.SmsConsents;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The customer's notification preferences page, and the clerk's view of consent and messages. */
@QuarkusTest
class PortalPreferencesTest {

    @Inject
    TestData data;

    @Inject
    SmsConsents consents;

    @Test
    void choosingSmsNeedsANumberAndTheConsentBoxAndRecordsWhenAndHow() {
        var kim = data.aCustomer().withLogin("kim-password").create();
        var portal = WebSession.signedIn(kim.email(), "kim-password");
        assertThat(portal.get("/portal/preferences").asString())
                .contains("name=\"smsConsent\"")
                .contains("Europe/Paris");

        var noNumber = portal.post("/portal/preferences", Map.of("notifyBy", "SMS", "phone", "", "timeZone", ""));
        assertThat(noNumber.statusCode()).isEqualTo(400);
        assertThat(noNumber.asString()).contains("Enter the mobile number to send SMS to");

        var noConsent = portal.post(
                "/portal/preferences", Map.of("notifyBy", "BOTH", "phone", "06 12 00 00 01", "timeZone", ""));
        assertThat(noConsent.statusCode()).isEqualTo(400);
        assertThat(noConsent.asString()).contains("Tick the box to agree");

        var badNumber = portal.post(
                "/portal/preferences",
                Map.of("notifyBy", "BOTH", "phone", "12", "smsConsent", "true", "timeZone", "Mars/Olympus"));
        assertThat(badNumber.statusCode()).isEqualTo(400);
        assertThat(badNumber.asString())
                .contains("Enter a mobile phone number")
                .contains("Choose a time zone from the list");
        assertThat(data.fresh(() -> Customer.<Customer>findById(kim.id()).notifyBy))
                .as("nothing half-saved")
                .isEqualTo(NotifyBy.EMAIL);

        var saved = portal.post(
                "/portal/preferences",
                Map.of(
                        "notifyBy",
                        "BOTH",
                        "phone",
                        "06 12 00 00 01",
                        "smsConsent",
                        "true",
                        "timeZone",
                        "America/Montreal"));
        assertThat(saved.statusCode()).isEqualTo(303);

        Customer customer = data.fresh(() -> Customer.findById(kim.id()));
        assertThat(customer.notifyBy).isEqualTo(NotifyBy.BOTH);
        assertThat(customer.phone).isEqualTo("+33612000001");
        assertThat(customer.timeZone).isEqualTo("America/Montreal");
        SmsConsent consent = data.fresh(() -> consents.find("+33612000001").orElseThrow());
        assertThat(consent.allowsSms()).isTrue();
        assertThat(consent.consentedAt).isNotNull();
        assertThat(consent.consentHow).contains("preferences page").contains(kim.email());
        assertThat(portal.get("/portal/preferences").asString())
                .contains("agreed to receive SMS")
                .doesNotContain("name=\"smsConsent\"");

        String clerk = data.staff(Role.CLERK, "clerk-password");
        assertThat(WebSession.signedIn(clerk, "clerk-password")
                        .get("/console/customers/" + kim.id())
                        .asString())
                .contains("Given on")
                .contains("preferences page");
    }

    @Test
    void theMessageLogFiltersByCustomerChannelAndDate() {
        var lea = data.aCustomer().textable("06 12 00 00 02").paperless().create();
        data.anInvoice(lea.account()).withLine("Water", "1", "10", "0").issue();
        String clerk = data.staff(Role.CLERK, "clerk-password");
        var console = WebSession.signedIn(clerk, "clerk-password");

        String sms = console.get("/console/messages?customer=" + lea.id() + "&channel=SMS")
                .asString();
        assertThat(sms).contains("+33612000002").doesNotContain(lea.email());
        String email = console.get("/console/messages?customer=" + lea.id() + "&channel=EMAIL")
                .asString();
        assertThat(email).contains(lea.email()).doesNotContain("+33612000002");
        assertThat(console.get("/console/messages?customer=" + lea.id() + "&from=2026-03-10&until=2026-03-10")
                        .asString())
                .contains(lea.email());
        assertThat(console.get("/console/messages?customer=" + lea.id() + "&from=2026-03-11")
                        .asString())
                .doesNotContain(lea.email());

        var bad = console.get("/console/messages?from=yesterday");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("aria-invalid=\"true\"");
    }
}
