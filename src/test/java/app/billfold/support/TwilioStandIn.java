package app.billfold.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Twilio's REST API cannot run here, so the tests stand it in at the HTTP level (WireMock) and
 * point Billfold's Twilio client at it. By default every message is accepted with a fresh sid;
 * tests add their own answers and read back the exact requests.
 */
public class TwilioStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    public static final String AUTH_TOKEN = "test-twilio-auth-token";
    public static final String FROM = "+15005550006";
    public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    /** Every message accepted, as Twilio answers a create: 201 with the message's sid. */
    public static void acceptEverything() {
        server.resetAll();
        server.stubFor(post(urlPathMatching("/2010-04-01/Accounts/.*/Messages.json"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"sid\": \"SM{{randomValue length=32 type='HEXADECIMAL'}}\", \"status\": \"queued\","
                                        + " \"account_sid\": \"" + ACCOUNT_SID + "\"}")
                        .withTransformers("response-template")));
        // The message list (asked before an SMS of unknown outcome is sent again): empty by default.
        server.stubFor(get(urlPathMatching("/2010-04-01/Accounts/.*/Messages.json"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(messageList())));
    }

    /** A page of Twilio's message list holding these messages (each a JSON object). */
    public static String messageList(String... messages) {
        return "{\"messages\": [" + String.join(",", messages) + "], \"uri\": \"" + MESSAGES_PATH
                + "?PageSize=50&Page=0\", \"first_page_uri\": \"" + MESSAGES_PATH
                + "?PageSize=50&Page=0\", \"next_page_uri\": null, \"previous_page_uri\": null,"
                + " \"page\": 0, \"page_size\": 50, \"start\": 0, \"end\": " + messages.length + "}";
    }

    @Override
    public Map<String, String> start() {
        server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().globalTemplating(false));
        server.start();
        acceptEverything();
        return Map.of(
                "billfold.sms.twilio.account-sid", ACCOUNT_SID,
                "billfold.sms.twilio.auth-token", AUTH_TOKEN,
                "billfold.sms.twilio.from", FROM,
                "billfold.sms.twilio.api-url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
