package app.billfold.notify;

import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends SMS through Twilio's Messages API, from a sender number or a messaging service. With no
 * Twilio credentials configured (the embedded default) it writes each SMS to the log instead.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // a Twilio configuration without a sender stops the start, not the first SMS
public class SmsGateway {

    private static final Logger LOG = Logger.getLogger(SmsGateway.class);
    private static final String TWILIO_API = "https://api.twilio.com";

    /**
     * Twilio error codes that say the number will never take our SMS: invalid or not a mobile
     * number, the number unsubscribed (STOP) at Twilio, a region we may not send to.
     */
    static final Set<Integer> PERMANENT = Set.of(21211, 21214, 21217, 21408, 21610, 21612, 21614);

    /** Twilio error code of a number that replied STOP to the sender. */
    static final int UNSUBSCRIBED = 21610;

    @ConfigProperty(name = "billfold.sms.twilio.account-sid")
    Optional<String> accountSid;

    @ConfigProperty(name = "billfold.sms.twilio.auth-token")
    Optional<String> authToken;

    @ConfigProperty(name = "billfold.sms.twilio.from")
    Optional<String> from;

    @ConfigProperty(name = "billfold.sms.twilio.messaging-service-sid")
    Optional<String> messagingServiceSid;

    /** Where Twilio's REST API answers; only tests point it elsewhere (a local stand-in). */
    @ConfigProperty(name = "billfold.sms.twilio.api-url", defaultValue = TWILIO_API)
    String apiUrl;

    @Inject
    app.billfold.common.PublicLinks links;

    private TwilioRestClient client;

    /** The outcome of a send Twilio refused: permanent when retrying can never help. */
    public static class Refused extends RuntimeException {
        public final int code;
        public final boolean permanent;

        Refused(int code, String message, boolean permanent) {
            super("Twilio " + code + ": " + message);
            this.code = code;
            this.permanent = permanent;
        }
    }

    @PostConstruct
    void connect() {
        if (configured()) {
            if (from.isEmpty() && messagingServiceSid.isEmpty()) {
                throw new IllegalStateException(
                        "Twilio is configured without a sender: set BILLFOLD_TWILIO_FROM or BILLFOLD_TWILIO_MESSAGING_SERVICE_SID");
            }
            client = new TwilioRestClient.Builder(accountSid.get(), authToken.get())
                    .httpClient(new ApiAt(apiUrl))
                    .build();
        } else {
            LOG.info("No Twilio credentials: SMS are written to the log");
        }
    }

    /** Whether SMS really go out (and webhooks can be verified). */
    public boolean configured() {
        return accountSid.filter(s -> !s.isBlank()).isPresent()
                && authToken.filter(s -> !s.isBlank()).isPresent();
    }

    public Optional<String> authToken() {
        return authToken.filter(s -> !s.isBlank());
    }

    /** Sends the text and returns the provider's id of the message. */
    public String send(String to, String body) {
        if (client == null) {
            String id = "logged-" + UUID.randomUUID();
            LOG.infof("SMS to %s (%s): %s", to, id, body);
            return id;
        }
        MessageCreator creator = messagingServiceSid
                .filter(s -> !s.isBlank())
                .map(sid -> Message.creator(new PhoneNumber(to), sid, body))
                .orElseGet(() -> Message.creator(new PhoneNumber(to), new PhoneNumber(from.get()), body));
        creator.setStatusCallback(links.to("/webhooks/twilio/status"));
        try {
            return creator.create(client).getSid();
        } catch (ApiException e) {
            Integer code = e.getCode();
            if (code != null) {
                throw new Refused(code, e.getMessage(), PERMANENT.contains(code));
            }
            throw e;
        }
    }

    /**
     * The sid of an SMS with this text that Twilio sent to the number since the given time, if any:
     * asked before a message whose earlier try has an unknown outcome (a node that died between the
     * call and recording it, an answer lost on the way) is sent again. Twilio lists messages by
     * recipient and the day they were sent; the text and the creation time are compared here. What
     * it cannot see: a message Twilio accepted but had not sent yet (no date sent) when asked; the
     * lease before a retry (five minutes by default) leaves it time to send, which makes that rare.
     * With no Twilio configured (SMS to the log) there is nothing to ask.
     */
    public Optional<String> find(String to, String body, java.time.Instant since) {
        if (client == null) {
            return Optional.empty();
        }
        java.time.ZonedDateTime after =
                since.minus(java.time.Duration.ofMinutes(1)).atZone(java.time.ZoneOffset.UTC);
        int seen = 0;
        for (Message message : Message.reader()
                .setTo(new PhoneNumber(to))
                .setDateSentAfter(after)
                .setPageSize(50L)
                .read(client)) {
            boolean recent = message.getDateCreated() == null
                    || !message.getDateCreated().isBefore(after);
            // A trial account prefixes the text; the rest must be ours exactly.
            if (recent && message.getBody() != null && message.getBody().endsWith(body)) {
                return Optional.of(message.getSid());
            }
            if (++seen >= 200) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Twilio's HTTP client, sending to another address than api.twilio.com when so configured. */
    static final class ApiAt extends NetworkHttpClient {
        private final String base;

        ApiAt(String base) {
            this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }

        @Override
        public Response makeRequest(Request request) {
            if (TWILIO_API.equals(base) || !request.getUrl().startsWith(TWILIO_API)) {
                return super.makeRequest(request);
            }
            Request moved =
                    new Request(request.getMethod(), base + request.getUrl().substring(TWILIO_API.length()));
            request.getQueryParams().forEach((k, values) -> values.forEach(v -> moved.addQueryParam(k, v)));
            request.getPostParams().forEach((k, values) -> values.forEach(v -> moved.addPostParam(k, v)));
            request.getHeaderParams().forEach((k, values) -> values.forEach(v -> moved.addHeaderParam(k, v)));
            if (request.getUsername() != null) {
                moved.setAuth(request.getUsername(), request.getPassword());
            } else {
                moved.setAuth(request.getAuthStrategy());
            }
            moved.setContentType(request.getContentType());
            moved.setBody(request.getBody());
            moved.setUserAgentExtensions(request.getUserAgentExtensions());
            return super.makeRequest(moved);
        }
    }
}
