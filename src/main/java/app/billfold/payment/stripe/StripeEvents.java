package app.billfold.payment.stripe;

import app.billfold.payment.Disputes;
import app.billfold.payment.RefundPayment;
import app.billfold.payment.SavedMethods;
import app.billfold.payment.TakePayment;
import app.billfold.payment.gateway.ChargeState;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Stripe's signed events. The signature is checked with stripe-java's own verification before
 * anything is read or written; each event id is processed once; and since events arrive late, twice
 * or out of order, an event is only a prompt: the object's current state is read back from Stripe
 * and that state is what is recorded.
 */
@ApplicationScoped
public class StripeEvents {

    private static final Logger LOG = Logger.getLogger(StripeEvents.class);

    /** A missing, forged or stale signature: refused, nothing written. */
    public static class BadSignature extends RuntimeException {
        BadSignature(String message) {
            super(message);
        }
    }

    @Inject
    StripeConfig config;

    @Inject
    StripeGateway stripe;

    @Inject
    TakePayment takePayment;

    @Inject
    RefundPayment refunds;

    @Inject
    Disputes disputes;

    @Inject
    SavedMethods methods;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Checks, then handles one event. Returns false when the event was seen before (a replay). */
    public boolean receive(String payload, String signatureHeader) {
        Event event = verified(payload, signatureHeader);
        if (seen(event.getId())) {
            return false;
        }
        String objectId = objectIdOf(event);
        switch (event.getType()) {
            case "payment_intent.succeeded",
                    "payment_intent.processing",
                    "payment_intent.payment_failed",
                    "payment_intent.canceled" -> settle(stripe.intentState(objectId));
            case "checkout.session.completed",
                    "checkout.session.async_payment_succeeded",
                    "checkout.session.async_payment_failed",
                    "checkout.session.expired" -> settle(stripe.paymentOnPage(objectId));
            case "refund.created", "refund.updated", "refund.failed", "charge.refund.updated" ->
                refunds.apply(objectId, metadataKey(event), stripe.refundState(objectId));
            case "charge.dispute.created",
                    "charge.dispute.updated",
                    "charge.dispute.closed",
                    "charge.dispute.funds_withdrawn",
                    "charge.dispute.funds_reinstated" -> disputes.apply(stripe.disputeState(objectId));
            case "mandate.updated" -> mandateUpdated(objectId);
            default -> LOG.debugf("Stripe event %s of type %s needs nothing", event.getId(), event.getType());
        }
        remember(event);
        return true;
    }

    private Event verified(String payload, String signatureHeader) {
        String secret = config.webhookSecret()
                .orElseThrow(() -> new BadSignature("STRIPE_WEBHOOK_SECRET is not set: no event can be trusted"));
        if (signatureHeader == null || signatureHeader.isBlank() || payload == null) {
            throw new BadSignature("no Stripe-Signature");
        }
        try {
            return Webhook.constructEvent(
                    payload,
                    signatureHeader,
                    secret,
                    config.signatureTolerance().toSeconds(),
                    clock);
        } catch (SignatureVerificationException e) {
            throw new BadSignature(e.getMessage());
        } catch (RuntimeException unreadable) {
            throw new BadSignature("unreadable event");
        }
    }

    private void settle(ChargeState state) {
        if (state.idempotencyKey() == null) {
            return; // not a charge Billfold made (another integration on the same Stripe account)
        }
        if (takePayment.apply(state.idempotencyKey(), state) == null) {
            LOG.debugf("Stripe event for a key Billfold does not know: %s", state.idempotencyKey());
        }
    }

    private boolean seen(String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from processor_event where id = ?1")
                                        .setParameter(1, eventId)
                                        .getSingleResult())
                                .longValue()
                        > 0);
    }

    private void remember(Event event) {
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery(
                                    "insert into processor_event (id, type, received_at) values (?1, ?2, ?3)")
                            .setParameter(1, event.getId())
                            .setParameter(2, event.getType())
                            .setParameter(3, Instant.now(clock))
                            .executeUpdate());
        } catch (RuntimeException twice) {
            // The same event handled at once on another node: handling is by state, so both agree.
            LOG.debugf("Stripe event %s recorded by another request", event.getId());
        }
    }

    /** A SEPA mandate the payer revoked at their bank: autopay stops on its method. */
    private void mandateUpdated(String mandateId) {
        StripeGateway.MandateState mandate = stripe.mandateState(mandateId);
        if (!mandate.active() && mandate.paymentMethod() != null) {
            methods.mandateRevoked(mandate.paymentMethod());
        }
    }

    /** The key Billfold put in the object's metadata (a refund's), as Stripe signed it. */
    private static String metadataKey(Event event) {
        JsonElement metadata = JsonParser.parseString(
                        event.getDataObjectDeserializer().getRawJson())
                .getAsJsonObject()
                .get("metadata");
        if (metadata == null || !metadata.isJsonObject()) {
            return null;
        }
        JsonElement key = metadata.getAsJsonObject().get(TakePayment.KEY_METADATA);
        return key == null || key.isJsonNull() ? null : key.getAsString();
    }

    private static String objectIdOf(Event event) {
        JsonElement object = JsonParser.parseString(
                        event.getDataObjectDeserializer().getRawJson())
                .getAsJsonObject()
                .get("id");
        return object == null ? null : object.getAsString();
    }
}
