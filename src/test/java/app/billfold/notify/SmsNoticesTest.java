package app.billfold.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.Customer;
import app.billfold.invoice.Invoice;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import app.billfold.support.TestPorts;
import app.billfold.support.TwilioStandIn;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SMS through Twilio (stood in at the HTTP level), its signed webhooks, consent and STOP, quiet
 * hours, and the fallback to the other channel when a channel fails for good.
 */
@QuarkusTest
class SmsNoticesTest {

    static final String PUBLIC_URL = "http://localhost:8080";
    static GreenMail smtp;

    @Inject
    TestData data;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    Outbox outbox;

    @Inject
    TestClock clock;

    @Inject
    SmsConsents consents;

    @Inject
    PrintQueue printQueue;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(TestPorts.smtp(), null, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void sendWhatOtherTestsLeft() {
        dispatcher.dispatch();
        TwilioStandIn.acceptEverything();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anEBillGoesToTwilioWithTheExactRequestAndFitsOneSms() {
        var sam = data.aCustomer().textable("06 12 34 56 01").paperless().create();
        Invoice bill = data.anInvoice(sam.account())
                .withLine("Water", "1", "42.50", "0")
                .issue();

        assertThat(dispatcher.dispatch()).isEqualTo(2); // the e-mail and the SMS

        List<LoggedRequest> sent = smsTo("+33612345601");
        assertThat(sent).hasSize(1);
        Map<String, String> form = form(sent.get(0));
        assertThat(form)
                .containsEntry("To", "+33612345601")
                .containsEntry("From", TwilioStandIn.FROM)
                .containsEntry("StatusCallback", PUBLIC_URL + "/webhooks/twilio/status")
                .doesNotContainKey("MessagingServiceSid");
        String body = form.get("Body");
        assertThat(body)
                .startsWith("Billfold Biller: bill " + bill.number)
                .contains("42.50")
                .contains(PUBLIC_URL + "/portal/invoices/" + bill.number);
        assertThat(Gsm7.isGsm7(body)).isTrue();
        assertThat(Gsm7.length(body)).isLessThanOrEqualTo(160);
        String expectedAuth = "Basic "
                + Base64.getEncoder()
                        .encodeToString((TwilioStandIn.ACCOUNT_SID + ":" + TwilioStandIn.AUTH_TOKEN)
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(sent.get(0).getHeader("Authorization")).isEqualTo(expectedAuth);

        OutboxMessage sms = message(sam.id(), "SMS");
        assertThat(sms.status).isEqualTo("SENT");
        assertThat(sms.providerId).startsWith("SM").hasSize(34);
    }

    @Test
    void everySmsWordingFitsOneMessageInBothLanguagesAndNamesTheBiller() {
        Map<String, String> data = Map.of(
                "number", "RU-000123",
                "amount", "€1,234.56",
                "due", "15/04/2026",
                "account", "1234567897",
                "method", "Visa ending 4242",
                "link", "https://pay.riverside-utilities.fr/portal/invoices/RU-000123");
        String biller = "Riverside Utilities of Paris";
        for (String language : List.of("en", "fr")) {
            for (String kind : SmsText.KINDS) {
                String text = SmsText.of(kind, language, data, biller);
                assertThat(text).as(kind + " in " + language).startsWith(biller);
                assertThat(Gsm7.isGsm7(text)).as(kind + " in " + language).isTrue();
                assertThat(Gsm7.length(text)).as(kind + " in " + language).isLessThanOrEqualTo(160);
            }
        }
        assertThat(SmsText.fit("reçu à l’échéance")).isEqualTo("recu à l'échéance");
    }

    @Test
    void anSmsDueInQuietHoursWaitsForEightInTheMorningOfTheCustomersZone() {
        clock.set(Instant.parse("2026-03-10T21:30:00Z")); // 22:30 in Paris, the biller's zone
        var night = data.aCustomer().textable("06 12 34 56 02").paperless().create();
        data.anInvoice(night.account()).withLine("Water", "1", "10", "0").issue();

        dispatcher.dispatch();

        assertThat(smsTo("+33612345602")).isEmpty();
        OutboxMessage waiting = message(night.id(), "SMS");
        assertThat(waiting.status).isEqualTo("PENDING");
        assertThat(waiting.attempts).isZero();
        assertThat(waiting.nextAttemptAt).isEqualTo(Instant.parse("2026-03-11T07:00:00Z")); // 08:00 Paris
        assertThat(message(night.id(), "EMAIL").status).isEqualTo("SENT"); // e-mail has no quiet hours

        clock.set(Instant.parse("2026-03-11T06:59:00Z"));
        dispatcher.dispatch();
        assertThat(smsTo("+33612345602")).isEmpty();

        clock.set(Instant.parse("2026-03-11T07:00:00Z"));
        dispatcher.dispatch();
        assertThat(smsTo("+33612345602")).hasSize(1);
    }

    @Test
    void quietHoursFollowTheCustomersOwnTimeZoneWhenTheyGaveOne() {
        var abroad = data.aCustomer().textable("06 12 34 56 03").paperless().create();
        data.fresh(() -> {
            Customer customer = Customer.findById(abroad.id());
            customer.timeZone = "America/New_York";
            return null;
        });
        clock.set(Instant.parse("2026-03-10T11:00:00Z")); // noon in Paris, 07:00 in New York
        data.anInvoice(abroad.account()).withLine("Water", "1", "10", "0").issue();

        dispatcher.dispatch();

        assertThat(smsTo("+33612345603")).isEmpty();
        assertThat(message(abroad.id(), "SMS").nextAttemptAt).isEqualTo(Instant.parse("2026-03-10T12:00:00Z"));
    }

    @Test
    void webhooksWithoutAValidTwilioSignatureAreRefusedAndChangeNothing() {
        var una = data.aCustomer().textable("06 12 34 56 04").create();
        Map<String, String> stop = Map.of("From", "+33612345604", "Body", "STOP");

        given().formParams(stop).post("/webhooks/twilio/inbound").then().statusCode(403);
        given().header(
                        "X-Twilio-Signature",
                        sign("/webhooks/twilio/inbound", Map.of("From", "+33612345604", "Body", "HELP")))
                .formParams(stop)
                .post("/webhooks/twilio/inbound")
                .then()
                .statusCode(403);
        given().header("X-Twilio-Signature", sign("/webhooks/twilio/status", stop))
                .formParams(stop)
                .post("/webhooks/twilio/inbound")
                .then()
                .statusCode(403); // signed for another URL

        assertThat(data.fresh(() -> consents.allows("+33612345604"))).isTrue();
        assertThat(una.id()).isNotNull();
    }

    @Test
    void stopOptsTheNumberOutAtOnceStartOptsItBackInAndHelpAnswers() {
        var val = data.aCustomer().textable("06 12 34 56 05").paperless().create();

        String stopped = inbound("+33612345605", " stop ");
        assertThat(stopped).contains("<Message>").contains("Billfold Biller").contains("START");
        assertThat(data.fresh(() -> consents.allows("+33612345605"))).isFalse();
        SmsConsent consent = data.fresh(() -> consents.find("+33612345605").orElseThrow());
        assertThat(consent.optedOutHow).contains("STOP");

        data.anInvoice(val.account()).withLine("Water", "1", "10", "0").issue();
        dispatcher.dispatch();
        assertThat(smsTo("+33612345605")).isEmpty(); // a number that opted out gets nothing more
        assertThat(message(val.id(), "EMAIL").status).isEqualTo("SENT");

        for (String word : List.of("STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT")) {
            inbound("+33612345605", "START");
            inbound("+33612345605", word);
            assertThat(data.fresh(() -> consents.allows("+33612345605")))
                    .as(word)
                    .isFalse();
        }

        String started = inbound("+33612345605", "Unstop");
        assertThat(started).contains("Billfold Biller").contains("STOP");
        assertThat(data.fresh(() -> consents.allows("+33612345605"))).isTrue();
        assertThat(data.fresh(() -> consents.find("+33612345605").orElseThrow().consentHow))
                .contains("UNSTOP");

        String help = inbound("+33612345605", "HELP");
        assertThat(help).contains("Billfold Biller").contains("support@").contains("STOP");
        assertThat(data.fresh(() -> consents.allows("+33612345605"))).isTrue();

        assertThat(inbound("+33612345605", "What is this bill?")).doesNotContain("<Message>");
    }

    @Test
    void anSmsWrittenBeforeAStopIsNotSentAndTheNoticeGoesByEmailInstead() {
        var wes = data.aCustomer().smsOnly("06 12 34 56 06").paperless().create();
        data.anInvoice(wes.account()).withLine("Water", "1", "10", "0").issue();
        inbound("+33612345606", "STOP");

        dispatcher.dispatch();
        dispatcher.dispatch(); // the e-mail written in place of the SMS goes on the next round

        assertThat(smsTo("+33612345606")).isEmpty();
        assertThat(message(wes.id(), "SMS").status).isEqualTo("SKIPPED");
        OutboxMessage email = message(wes.id(), "EMAIL");
        assertThat(email.kind).isEqualTo("invoice_issued");
        assertThat(email.status).isEqualTo("SENT");
    }

    @Test
    void aNumberTwilioRefusesForGoodIsShownToClerksAndTheNoticeFallsBackToEmail() {
        TwilioStandIn.server()
                .stubFor(
                        post(urlPathEqualTo(TwilioStandIn.MESSAGES_PATH))
                                .withRequestBody(
                                        com.github.tomakehurst.wiremock.client.WireMock.containing("To=%2B33612345607"))
                                .atPriority(1)
                                .willReturn(
                                        aResponse()
                                                .withStatus(400)
                                                .withHeader("Content-Type", "application/json")
                                                .withBody(
                                                        "{\"code\": 21614, \"message\": \"'To' number is not a valid mobile number\","
                                                                + " \"more_info\": \"https://www.twilio.com/docs/errors/21614\", \"status\": 400}")));
        var xia = data.aCustomer().smsOnly("06 12 34 56 07").paperless().create();
        data.anInvoice(xia.account()).withLine("Water", "1", "10", "0").issue();

        dispatcher.dispatch();

        OutboxMessage sms = message(xia.id(), "SMS");
        assertThat(sms.status).isEqualTo("DEAD");
        assertThat(sms.attempts).isEqualTo(1); // no retry of a permanent refusal
        assertThat(sms.lastError).contains("21614");
        Customer customer = data.fresh(() -> Customer.findById(xia.id()));
        assertThat(customer.smsFailedAt).isNotNull();
        assertThat(message(xia.id(), "EMAIL").kind).isEqualTo("invoice_issued"); // this bill, by e-mail

        // the next notice goes by e-mail only, and clerks see why
        data.pay(xia.account(), "10");
        assertThat(data.fresh(() -> outbox.log(new Outbox.LogFilter("", "", xia.id(), "", null, null), 10)))
                .filteredOn(m -> m.kind.equals("payment_receipt"))
                .extracting(m -> m.channel)
                .containsExactly("EMAIL");
        String clerk = data.staff(app.billfold.identity.Role.CLERK, "clerk-password");
        var console = app.billfold.support.WebSession.signedIn(clerk, "clerk-password");
        assertThat(console.get("/console/customers/" + xia.id()).asString())
                .contains("SMS to this customer failed for good")
                .contains("21614");
    }

    @Test
    void aDeliveryFailureReportedByTwilioFallsBackAndAnUnknownNumberIsMarkedFailed() {
        var yan = data.aCustomer().smsOnly("06 12 34 56 08").paperless().create();
        data.anInvoice(yan.account()).withLine("Water", "1", "10", "0").issue();
        dispatcher.dispatch();
        OutboxMessage sms = message(yan.id(), "SMS");

        status(sms.providerId, "sent", null);
        assertThat(message(yan.id(), "SMS").delivery).isEqualTo("sent");
        status(sms.providerId, "undelivered", "30005");

        OutboxMessage failed = message(yan.id(), "SMS");
        assertThat(failed.status).isEqualTo("DEAD");
        assertThat(failed.delivery).isEqualTo("undelivered");
        assertThat(failed.lastError).contains("30005");
        assertThat(data.fresh(() -> Customer.<Customer>findById(yan.id()).smsFailedAt))
                .isNotNull();
        assertThat(message(yan.id(), "EMAIL").kind).isEqualTo("invoice_issued");

        status(sms.providerId, "sent", null); // a late, out-of-order callback changes nothing
        assertThat(message(yan.id(), "SMS").delivery).isEqualTo("undelivered");
    }

    @Test
    void aDeliveredSmsIsRecordedAsDelivered() {
        var zoe = data.aCustomer().textable("06 12 34 56 09").paperless().create();
        data.anInvoice(zoe.account()).withLine("Water", "1", "10", "0").issue();
        dispatcher.dispatch();

        status(message(zoe.id(), "SMS").providerId, "delivered", null);

        OutboxMessage sms = message(zoe.id(), "SMS");
        assertThat(sms.delivery).isEqualTo("delivered");
        assertThat(sms.status).isEqualTo("SENT");
    }

    @Test
    void aBouncedEBillGoesAgainBySmsAndLaterNoticesAvoidTheBadAddress() throws Exception {
        var ann = data.aCustomer().textable("06 12 34 56 10").paperless().create();
        emailOnly(ann.id());
        data.anInvoice(ann.account()).withLine("Water", "1", "10", "0").issue();
        dispatcher.dispatch();
        OutboxMessage ebill = message(ann.id(), "EMAIL");
        assertThat(ebill.status).isEqualTo("SENT");
        assertThat(message(ann.id(), "SMS")).isNull(); // she chose e-mail only

        bounce("Bearer wrong-token", ebill.providerId, "permanent").statusCode(403);
        assertThat(message(ann.id(), "EMAIL").status).isEqualTo("SENT");
        bounce("Bearer test-bounce-token", ebill.providerId, "transient").statusCode(204);
        assertThat(message(ann.id(), "EMAIL").delivery).isEqualTo("deferred");
        assertThat(data.fresh(() -> Customer.<Customer>findById(ann.id()).emailFailedAt))
                .isNull();

        bounce("Bearer test-bounce-token", ebill.providerId, "permanent").statusCode(204);

        OutboxMessage bounced = message(ann.id(), "EMAIL");
        assertThat(bounced.status).isEqualTo("DEAD");
        assertThat(bounced.delivery).isEqualTo("bounced");
        assertThat(bounced.lastError).contains("550 5.1.1");
        assertThat(data.fresh(() -> Customer.<Customer>findById(ann.id()).emailFailure))
                .contains("550 5.1.1");
        OutboxMessage fallback = message(ann.id(), "SMS");
        assertThat(fallback.kind).isEqualTo("invoice_issued");
        dispatcher.dispatch();
        assertThat(smsTo("+33612345610")).hasSize(1);

        smtp.purgeEmailFromAllMailboxes();
        Invoice next =
                data.anInvoice(ann.account()).withLine("Water", "1", "12", "0").issue();
        assertThat(data.fresh(() -> outbox.log(new Outbox.LogFilter("", "", ann.id(), "", null, null), 10)))
                .filteredOn(m -> m.payload.contains(next.number))
                .extracting(m -> m.channel)
                .containsExactly("SMS");
        dispatcher.dispatch();
        assertThat(smtp.getReceivedMessages()).noneMatch(m -> subject(m).contains(next.number));
    }

    @Test
    void aBouncedBillWithNoOtherChannelGoesToThePrintQueueItselfAndTheLogShowsWhy() {
        var bea = data.aCustomer().paperless().create();
        Invoice first =
                data.anInvoice(bea.account()).withLine("Water", "1", "10", "0").issue();
        dispatcher.dispatch();
        OutboxMessage ebill = message(bea.id(), "EMAIL");
        bounce("Bearer test-bounce-token", ebill.providerId, "permanent").statusCode(204);
        assertThat(data.fresh(() -> OutboxMessage.count("customerId = ?1 and channel = 'SMS'", bea.id())))
                .isZero(); // no number to fall back to
        assertThat(message(bea.id(), "EMAIL").followedBy).isEqualTo("PRINT");

        Invoice second =
                data.anInvoice(bea.account()).withLine("Water", "1", "11", "0").issue();

        // The bounced bill itself is on paper now, not only the next one.
        assertThat(data.fresh(() -> printQueue.waitingWithReasons()))
                .filteredOn(w -> w.bill().account.id.equals(bea.account().id))
                .extracting(w -> w.bill().number + " " + w.reason() + " " + w.messageId())
                .containsExactlyInAnyOrder(
                        first.number + " UNDELIVERED " + ebill.id, second.number + " UNDELIVERED null");

        String clerk = data.staff(app.billfold.identity.Role.CLERK, "clerk-password");
        var console = app.billfold.support.WebSession.signedIn(clerk, "clerk-password");
        assertThat(app.billfold.support.ListPages.find(
                        console, "/console/print", page -> page.text().contains(first.number)))
                .contains(first.number)
                .contains("Not delivered on any channel (message #" + ebill.id + ")");
        assertThat(console.get("/console/messages?customer=" + bea.id()).asString())
                .contains("then the bill on paper (print queue)");
    }

    @Test
    void anEmailDeadAfterTransientFailuresGoesBySmsAndAnSmsDeadTooPutsTheBillOnPaper() throws Exception {
        var cid = data.aCustomer().textable("06 12 34 56 11").paperless().create();
        emailOnly(cid.id());
        failSmsTo("%2B33612345611");
        Invoice bill =
                data.anInvoice(cid.account()).withLine("Water", "1", "10", "0").issue();
        smtp.stop(); // the mail server is down for the whole day
        try {
            for (int i = 0; i < 7; i++) {
                dispatcher.dispatch();
                clock.advance(java.time.Duration.ofHours(2));
            }
        } finally {
            smtp = new GreenMail(new ServerSetup(TestPorts.smtp(), null, ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
        OutboxMessage email = message(cid.id(), "EMAIL");
        assertThat(email.status).isEqualTo("DEAD");
        assertThat(email.followedBy).isEqualTo("SMS");
        // The address may still be good: a dead e-mail does not mark it failed.
        assertThat(data.fresh(() -> Customer.<Customer>findById(cid.id()).emailFailedAt))
                .isNull();
        OutboxMessage sms = message(cid.id(), "SMS");
        assertThat(sms.fallbackOf).isEqualTo(email.id);
        assertThat(sms.kind).isEqualTo("invoice_issued");

        for (int i = 0; i < 12; i++) { // through the night's quiet hours, then six tries
            clock.advance(java.time.Duration.ofHours(2));
            dispatcher.dispatch();
        }
        OutboxMessage deadSms = message(cid.id(), "SMS");
        assertThat(deadSms.status).isEqualTo("DEAD");
        assertThat(deadSms.followedBy).isEqualTo("PRINT");
        assertThat(data.fresh(() -> OutboxMessage.count("customerId", cid.id())))
                .isEqualTo(2); // never back and forth
        assertThat(data.fresh(() -> printQueue.waitingWithReasons()))
                .filteredOn(w -> w.bill().id.equals(bill.id))
                .singleElement()
                .satisfies(w -> assertThat(w.messageId()).isEqualTo(deadSms.id));
    }

    @Test
    void anSmsDeadAfterTransientFailuresGoesByEmail() throws Exception {
        var dan = data.aCustomer().smsOnly("06 12 34 56 12").paperless().create();
        failSmsTo("%2B33612345612");
        Invoice bill =
                data.anInvoice(dan.account()).withLine("Water", "1", "10", "0").issue();
        for (int i = 0; i < 7; i++) {
            dispatcher.dispatch();
            clock.advance(java.time.Duration.ofHours(2));
        }
        OutboxMessage sms = message(dan.id(), "SMS");
        assertThat(sms.status).isEqualTo("DEAD");
        assertThat(sms.followedBy).isEqualTo("EMAIL");
        dispatcher.dispatch();
        OutboxMessage email = message(dan.id(), "EMAIL");
        assertThat(email.fallbackOf).isEqualTo(sms.id);
        assertThat(email.status).isEqualTo("SENT");
        assertThat(smtp.getReceivedMessagesForDomain(dan.email()))
                .anyMatch(m -> subject(m).contains(bill.number));
        assertThat(data.fresh(() -> printQueue.waiting())).extracting(i -> i.id).doesNotContain(bill.id);
    }

    /** Twilio answers 500 for this number (URL-encoded in the body): a failure worth retrying. */
    private static void failSmsTo(String encodedNumber) {
        TwilioStandIn.server()
                .stubFor(post(urlPathEqualTo(TwilioStandIn.MESSAGES_PATH))
                        .withRequestBody(
                                com.github.tomakehurst.wiremock.client.WireMock.containing("To=" + encodedNumber))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(500)
                                .withHeader("Content-Type", "application/json")
                                .withBody(
                                        "{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": 500}")));
    }

    private void emailOnly(Long customerId) {
        data.fresh(() -> {
            Customer customer = Customer.findById(customerId);
            customer.notifyBy = app.billfold.account.NotifyBy.EMAIL;
            return null;
        });
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private io.restassured.response.ValidatableResponse bounce(String authorization, String messageId, String type) {
        return given().header("Authorization", authorization)
                .formParam("messageId", messageId)
                .formParam("type", type)
                .formParam("reason", "550 5.1.1 <x@example.com>: user unknown")
                .post("/webhooks/mail/bounce")
                .then();
    }

    private List<LoggedRequest> smsTo(String phone) {
        return TwilioStandIn.server()
                .findAll(postRequestedFor(urlPathEqualTo(TwilioStandIn.MESSAGES_PATH))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                                "To=" + phone.replace("+", "%2B"))));
    }

    private OutboxMessage message(Long customerId, String channel) {
        return data.fresh(() -> OutboxMessage.<OutboxMessage>find(
                        "customerId = ?1 and channel = ?2 order by id", customerId, channel)
                .firstResult());
    }

    private String inbound(String from, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("From", from);
        params.put("To", TwilioStandIn.FROM);
        params.put("Body", body);
        params.put("MessageSid", "SMinbound" + System.nanoTime());
        return given().header("X-Twilio-Signature", sign("/webhooks/twilio/inbound", params))
                .formParams(params)
                .post("/webhooks/twilio/inbound")
                .then()
                .statusCode(200)
                .contentType("application/xml")
                .extract()
                .asString();
    }

    private void status(String sid, String status, String errorCode) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", sid);
        params.put("MessageStatus", status);
        params.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
        if (errorCode != null) {
            params.put("ErrorCode", errorCode);
        }
        given().header("X-Twilio-Signature", sign("/webhooks/twilio/status", params))
                .formParams(params)
                .post("/webhooks/twilio/status")
                .then()
                .statusCode(204);
    }

    /** Twilio's signature: HMAC-SHA1 of the URL followed by each parameter name and value, sorted by name. */
    static String sign(String path, Map<String, String> params) {
        StringBuilder data = new StringBuilder(PUBLIC_URL + path);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(TwilioStandIn.AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            form.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
