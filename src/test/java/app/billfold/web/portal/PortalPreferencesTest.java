package app.billfold.web.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.Customer;
import app.billfold.account.NotifyBy;
import app.billfold.identity.Role;
import app.billfold.notify.InboundSms;
import app.billfold.notify.Outbox;
import app.billfold.notify.OutboxDispatcher;
import app.billfold.notify.PhoneCode;
import app.billfold.notify.SmsConsent;
import app.billfold.notify.SmsConsents;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import app.billfold.support.TwilioStandIn;
import app.billfold.support.WebSession;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The customer's notification preferences page, and the clerk's view of consent and messages. */
@QuarkusTest
class PortalPreferencesTest {

    @Inject
    TestData data;

    @Inject
    SmsConsents consents;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    Outbox outbox;

    @Inject
    InboundSms inbound;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

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
        assertThat(saved.header("Location")).endsWith("notice=notice_phone_code_sent");

        Customer customer = data.fresh(() -> Customer.findById(kim.id()));
        assertThat(customer.notifyBy).isEqualTo(NotifyBy.BOTH);
        assertThat(customer.phone).isEqualTo("+33612000001");
        assertThat(customer.timeZone).isEqualTo("America/Montreal");
        assertThat(data.fresh(() -> consents.allows("+33612000001")))
                .as("the tick alone records no consent")
                .isFalse();
        assertThat(portal.get("/portal/preferences").asString())
                .contains("We sent a code by SMS to +33612000001")
                .contains("name=\"code\"");

        var confirmed = portal.post("/portal/preferences/confirm-phone", Map.of("code", codeSentTo("+33612000001")));
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(confirmed.header("Location")).endsWith("notice=notice_phone_confirmed");
        SmsConsent consent = data.fresh(() -> consents.find("+33612000001").orElseThrow());
        assertThat(consent.allowsSms()).isTrue();
        assertThat(consent.consentedAt).isNotNull();
        assertThat(consent.consentHow)
                .contains("typed back the code sent by SMS")
                .contains("preferences page")
                .contains(kim.email());
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
    void aNumberThatSentStopIsConsentedAgainOnlyWithTheCodeSentToIt() {
        var lin = data.aCustomer().withLogin("lin-password").create();
        consents.optIn("+33612000009", "earlier");
        consents.optOut("+33612000009", "replied STOP by SMS");
        var portal = WebSession.signedIn(lin.email(), "lin-password");
        Map<String, String> form =
                Map.of("notifyBy", "SMS", "phone", "+33612000009", "smsConsent", "true", "timeZone", "");

        assertThat(portal.post("/portal/preferences", form).statusCode()).isEqualTo(303);
        assertThat(data.fresh(() -> consents.allows("+33612000009"))).isFalse();
        String first = codeSentTo("+33612000009");
        assertThat(data.fresh(
                        () -> PhoneCode.<PhoneCode>find("phone", "+33612000009").firstResult().codeHash))
                .as("kept only as a keyed hash")
                .doesNotContain(first)
                .hasSize(43);
        assertThat(data.fresh(() -> outbox.forRecipient("+33612000009")))
                .singleElement()
                .satisfies(m -> assertThat(m.payload)
                        .as("not kept in the outbox once sent")
                        .doesNotContain(first));

        // Five wrong tries use the code up, even for the right one afterwards.
        String wrong = first.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            var tried = portal.post("/portal/preferences/confirm-phone", Map.of("code", wrong));
            assertThat(tried.statusCode()).isEqualTo(400);
            assertThat(tried.asString()).contains("That code is not the one we sent.");
        }
        assertThat(portal.post("/portal/preferences/confirm-phone", Map.of("code", wrong))
                        .asString())
                .contains("That code has expired");
        assertThat(portal.post("/portal/preferences/confirm-phone", Map.of("code", first))
                        .statusCode())
                .isEqualTo(400);

        // A new code lives ten minutes.
        assertThat(portal.post("/portal/preferences/send-code", Map.of()).statusCode())
                .isEqualTo(303);
        String second = codeSentTo("+33612000009");
        clock.advance(Duration.ofMinutes(11));
        assertThat(portal.post("/portal/preferences/confirm-phone", Map.of("code", second))
                        .asString())
                .contains("That code has expired");
        assertThat(data.fresh(() -> consents.allows("+33612000009"))).isFalse();

        // Three codes an hour at most: the page cannot be used to send SMS at will.
        assertThat(portal.post("/portal/preferences/send-code", Map.of()).statusCode())
                .isEqualTo(303);
        // Sent now, as the scheduled dispatcher would: left waiting, it would go out in the same
        // batch as the next code, side by side, and might reach the stand-in after it.
        dispatcher.dispatch();
        var limited = portal.post("/portal/preferences/send-code", Map.of());
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.asString()).contains("We sent three codes in the last hour");

        clock.advance(Duration.ofMinutes(25));
        portal.get("/portal/preferences");
        clock.advance(Duration.ofMinutes(25));
        assertThat(portal.post("/portal/preferences/send-code", Map.of()).header("Location"))
                .endsWith("notice=notice_phone_code_sent");
        String third = codeSentTo("+33612000009");
        assertThat(portal.post("/portal/preferences/confirm-phone", Map.of("code", third))
                        .header("Location"))
                .endsWith("notice=notice_phone_confirmed");
        assertThat(data.fresh(() -> consents.allows("+33612000009"))).isTrue();
        assertThat(portal.post("/portal/preferences/confirm-phone", Map.of("code", third))
                        .statusCode())
                .as("single use")
                .isEqualTo(400);
    }

    @Test
    void startSentFromThePhoneStillConsentsTheNumber() {
        consents.optOut("+33612000010", "replied STOP by SMS");
        inbound.receive("+33612000010", "START");
        assertThat(data.fresh(() -> consents.allows("+33612000010"))).isTrue();
    }

    /** Sends what the outbox holds and reads the code out of the SMS Twilio was asked to send. */
    private String codeSentTo(String phone) {
        dispatcher.dispatch();
        List<LoggedRequest> sent =
                TwilioStandIn.server().findAll(postRequestedFor(urlPathEqualTo(TwilioStandIn.MESSAGES_PATH)));
        String body = sent.stream()
                .map(r -> URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8))
                .filter(b -> b.contains("To=" + phone) && b.contains("your code"))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no code sent to " + phone));
        Matcher code = Pattern.compile("code to confirm this number for SMS notices is (\\d{6})")
                .matcher(body);
        assertThat(code.find()).isTrue();
        return code.group(1);
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
