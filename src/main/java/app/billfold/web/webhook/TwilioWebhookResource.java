package app.billfold.web.webhook;

import app.billfold.common.PublicLinks;
import app.billfold.notify.DeliveryReports;
import app.billfold.notify.InboundSms;
import app.billfold.notify.SmsGateway;
import com.twilio.security.RequestValidator;
import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Body;
import com.twilio.twiml.messaging.Message;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Twilio's calls to Billfold: delivery statuses of the SMS it sent and the SMS customers send back.
 * Each must carry Twilio's signature (X-Twilio-Signature, an HMAC of the public URL and the form
 * with the auth token); anything else gets 403 and changes nothing.
 */
@Path("/webhooks/twilio")
@PermitAll
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class TwilioWebhookResource {

    private static final Logger LOG = Logger.getLogger(TwilioWebhookResource.class);
    static final String TWIML = "application/xml";

    @Inject
    SmsGateway sms;

    @Inject
    PublicLinks links;

    @Inject
    DeliveryReports reports;

    @Inject
    InboundSms inbound;

    @POST
    @Path("status")
    public Response status(@HeaderParam("X-Twilio-Signature") String signature, MultivaluedMap<String, String> form) {
        Map<String, String> params = single(form);
        if (!signedByTwilio("/webhooks/twilio/status", params, signature)) {
            return forbidden();
        }
        if (!reports.smsStatus(params.get("MessageSid"), params.get("MessageStatus"), params.get("ErrorCode"))) {
            LOG.debugf("Status for an SMS Billfold does not know: %s", params.get("MessageSid"));
        }
        return Response.noContent().build();
    }

    @POST
    @Path("inbound")
    public Response inbound(@HeaderParam("X-Twilio-Signature") String signature, MultivaluedMap<String, String> form) {
        Map<String, String> params = single(form);
        if (!signedByTwilio("/webhooks/twilio/inbound", params, signature)) {
            return forbidden();
        }
        MessagingResponse.Builder reply = new MessagingResponse.Builder();
        String from = params.get("From");
        if (from != null && !from.isBlank()) {
            inbound.receive(from.strip(), params.get("Body"))
                    .ifPresent(text -> reply.message(new Message.Builder()
                            .body(new Body.Builder(text).build())
                            .build()));
        }
        return Response.ok(reply.build().toXml(), TWIML).build();
    }

    private boolean signedByTwilio(String path, Map<String, String> params, String signature) {
        if (signature == null || signature.isBlank() || sms.authToken().isEmpty()) {
            return false;
        }
        return new RequestValidator(sms.authToken().get()).validate(links.to(path), params, signature);
    }

    private static Map<String, String> single(MultivaluedMap<String, String> form) {
        Map<String, String> params = new HashMap<>();
        if (form != null) {
            form.forEach((key, values) -> params.put(key, values.isEmpty() ? "" : values.get(0)));
        }
        return params;
    }

    private static Response forbidden() {
        return Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.TEXT_PLAIN)
                .entity("Missing or wrong X-Twilio-Signature.")
                .build();
    }
}
