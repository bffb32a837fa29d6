package app.billfold.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's API cannot run here, so the tests stand it in at the HTTP level (WireMock) with bodies
 * shaped as Stripe's documented objects (stripe/openapi fixtures: checkout.session, payment_intent,
 * payment_method, charge, mandate, refund), point stripe-java at it, and sign events with the test
 * webhook secret exactly as Stripe does: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">}.
 */
public class StripeStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET_KEY = "sk_test_billfold0000000000000000";
    public static final String WEBHOOK_SECRET = "whsec_billfoldtest000000000000000000";

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().globalTemplating(false));
        server.start();
        return Map.of(
                "billfold.payments.gateway",
                "stripe",
                "billfold.stripe.secret-key",
                SECRET_KEY,
                "billfold.stripe.webhook-secret",
                WEBHOOK_SECRET,
                "billfold.stripe.api-base",
                server.baseUrl(),
                "billfold.stripe.max-network-retries",
                "2",
                // Its stand-in Checkout page is where payment forms lead.
                "billfold.payments.processor-pages",
                server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static void stub(MappingBuilder mapping, int status, String body) {
        server.stubFor(mapping.willReturn(aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_test")
                .withBody(body)));
    }

    /** The form parameters of a request stripe-java sent (decoded; arrays as Stripe names them). */
    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        String body = request.getBodyAsString();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    /** The value of a Stripe-Signature header for this payload, signed at this instant. */
    public static String sign(String payload, Instant at) {
        return sign(payload, at, WEBHOOK_SECRET);
    }

    public static String sign(String payload, Instant at, String secret) {
        try {
            long t = at.getEpochSecond();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String v1 = HexFormat.of().formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
            return "t=" + t + ",v1=" + v1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An event as Stripe sends it: the object as it was when the event happened. */
    public static String event(String id, String type, String object, Instant at) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "api_version": "2025-11-17.clover",
                  "created": %d,
                  "data": {"object": %s},
                  "livemode": false,
                  "pending_webhooks": 1,
                  "request": {"id": null, "idempotency_key": null},
                  "type": "%s"
                }""".formatted(id, at.getEpochSecond(), object, type);
    }

    public static String card(String id, String customer, String brand, String last4) {
        return """
                {
                  "id": "%s",
                  "object": "payment_method",
                  "billing_details": {"address": null, "email": null, "name": null, "phone": null},
                  "card": {"brand": "%s", "country": "US", "exp_month": 12, "exp_year": 2034, "funding": "credit",
                           "last4": "%s", "networks": {"available": ["%s"], "preferred": null}},
                  "created": 1764300000,
                  "customer": %s,
                  "livemode": false,
                  "metadata": {},
                  "type": "card"
                }""".formatted(id, brand, last4, brand, customer == null ? "null" : "\"" + customer + "\"");
    }

    public static String sepaDebit(String id, String customer, String last4) {
        return """
                {
                  "id": "%s",
                  "object": "payment_method",
                  "billing_details": {"address": null, "email": "payer@billfold.test", "name": "Jenny Rosen", "phone": null},
                  "created": 1764300000,
                  "customer": %s,
                  "livemode": false,
                  "metadata": {},
                  "sepa_debit": {"bank_code": "37040044", "branch_code": "", "country": "DE",
                                 "fingerprint": "a1b2c3d4", "last4": "%s"},
                  "type": "sepa_debit"
                }""".formatted(id, customer == null ? "null" : "\"" + customer + "\"", last4);
    }

    /**
     * A PaymentIntent. {@code paymentMethod} and {@code latestCharge} are expanded objects (or
     * null); {@code lastError} a last_payment_error object or null.
     */
    public static String paymentIntent(
            String id,
            long amount,
            String status,
            String key,
            String customer,
            String paymentMethod,
            String latestCharge,
            String lastError) {
        return """
                {
                  "id": "%s",
                  "object": "payment_intent",
                  "amount": %d,
                  "amount_capturable": 0,
                  "amount_received": %d,
                  "capture_method": "automatic",
                  "client_secret": "%s_secret_test",
                  "confirmation_method": "automatic",
                  "created": 1764300000,
                  "currency": "eur",
                  "customer": %s,
                  "last_payment_error": %s,
                  "latest_charge": %s,
                  "livemode": false,
                  "metadata": {"billfold_key": "%s", "account": "1"},
                  "payment_method": %s,
                  "payment_method_types": ["card"],
                  "status": "%s"
                }""".formatted(
                        id,
                        amount,
                        "succeeded".equals(status) ? amount : 0,
                        id,
                        customer == null ? "null" : "\"" + customer + "\"",
                        lastError == null ? "null" : lastError,
                        latestCharge == null ? "null" : latestCharge,
                        key,
                        paymentMethod == null ? "null" : paymentMethod,
                        status);
    }

    public static String cardError(String code, String declineCode, String message) {
        return """
                {"type": "card_error", "code": "%s", "decline_code": %s, "message": "%s"}""".formatted(code, declineCode == null ? "null" : "\"" + declineCode + "\"", message);
    }

    /** A Checkout Session in payment mode, with its PaymentIntent expanded (or null before paying). */
    public static String checkoutSession(
            String id, String status, String paymentStatus, String key, long amount, String paymentIntent) {
        return """
                {
                  "id": "%s",
                  "object": "checkout.session",
                  "amount_subtotal": %d,
                  "amount_total": %d,
                  "cancel_url": "https://billfold.example/portal/pay",
                  "client_reference_id": "%s",
                  "created": 1764300000,
                  "currency": "eur",
                  "customer": null,
                  "expires_at": 1764386400,
                  "livemode": false,
                  "metadata": {"billfold_key": "%s", "account": "1"},
                  "mode": "payment",
                  "payment_intent": %s,
                  "payment_method_types": ["card"],
                  "payment_status": "%s",
                  "status": "%s",
                  "success_url": "https://billfold.example/portal/pay/return",
                  "url": %s
                }""".formatted(
                        id,
                        amount,
                        amount,
                        key,
                        key,
                        paymentIntent == null ? "null" : paymentIntent,
                        paymentStatus,
                        status,
                        "open".equals(status) ? "\"https://checkout.stripe.com/c/pay/" + id + "\"" : "null");
    }

    /** Every request stripe-java made to this path, oldest first. */
    public static List<LoggedRequest> requests(String method, String path) {
        List<LoggedRequest> newestFirst = server.getAllServeEvents().stream()
                .map(e -> e.getRequest())
                .filter(r -> r.getMethod().getName().equals(method)
                        && r.getUrl().split("\\?")[0].equals(path))
                .toList();
        List<LoggedRequest> oldestFirst = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }
}
