package app.billfold.web.webhook;

import app.billfold.payment.gateway.GatewayUnavailableException;
import app.billfold.payment.stripe.StripeEvents;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Stripe's events. The raw body is what Stripe signed, so it is taken as it came; a missing or
 * wrong Stripe-Signature is 400 with nothing written, as Stripe's documentation expects.
 */
@Path("/webhooks/stripe")
@PermitAll
public class StripeWebhookResource {

    @Inject
    StripeEvents events;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@HeaderParam("Stripe-Signature") String signature, String payload) {
        try {
            events.receive(payload, signature);
        } catch (StripeEvents.BadSignature e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.TEXT_PLAIN)
                    .entity("Invalid Stripe-Signature")
                    .build();
        } catch (GatewayUnavailableException e) {
            // The object's state could not be read back: Stripe sends the event again later.
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).build();
        }
        return Response.ok("{\"received\": true}", MediaType.APPLICATION_JSON).build();
    }
}
