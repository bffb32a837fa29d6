package app.billfold.payment.gateway;

import java.math.BigDecimal;

/**
 * A card and bank processor, shaped like the real ones: customers, methods attached from tokens,
 * charges and refunds carrying idempotency keys, and a charge's status asked for by its key.
 * Billfold only ever holds tokens; card and account numbers stay with the processor.
 */
public interface PaymentGateway {

    /** Creates the processor's customer record and returns its reference. */
    String createCustomer(String reference, String email);

    /** Attaches a one-time token from the hosted form to a customer, making it reusable. */
    MethodDetails attach(String customerReference, String token);

    /**
     * Checks an attached method with the card's or account's bank before it is kept without a
     * payment (a zero-amount authorisation): the decline code when it cannot be charged, else null.
     * A processor whose own page checks the method when it is saved there (Stripe) has nothing to add.
     */
    default String verify(String customerReference, String token) {
        return null;
    }

    /** Describes a token without attaching it. */
    MethodDetails describe(String token);

    /**
     * Charges once per idempotency key: the same key returns the first result and never charges
     * twice. Throws {@link GatewayUnavailableException} when no answer came back, in which case the
     * charge may or may not have happened: ask {@link #status(String)}.
     */
    ChargeResult charge(ChargeRequest request);

    /** What became of the charge made with this key, or NOT_FOUND if the processor never saw it. */
    ChargeResult status(String idempotencyKey);

    /**
     * Refunds once per idempotency key (the same key returns the first refund). Throws {@link
     * GatewayUnavailableException} when no answer came back: sending the same key again is safe.
     */
    RefundResult refund(String chargeReference, BigDecimal amount, String idempotencyKey);

    /** A refund as the processor holds it now; only asked about refunds that were left pending. */
    default RefundResult refundState(String refundReference) {
        throw new UnsupportedOperationException("this processor settles refunds at once");
    }

    /**
     * What became of the charge made with this key, asked the surest way the processor allows: by
     * its own reference when Billfold has it, else among the customer's recent charges, else by key.
     */
    default ChargeResult status(String idempotencyKey, String chargeReference, String customerReference) {
        return status(idempotencyKey);
    }

    /**
     * True when payers pay on the processor's own page and Billfold learns the outcome afterwards
     * (Stripe Checkout); false when the page hands back a token that Billfold charges (the sandbox).
     */
    default boolean paysOnHostedPage() {
        return false;
    }

    /** Opens the processor's page for one payment; the same key opens the same page again. */
    default HostedPage openPayment(HostedPaymentRequest request) {
        throw new UnsupportedOperationException("this processor takes payments through tokens");
    }

    /** What became of a payment opened with {@link #openPayment}, as the processor holds it now. */
    default ChargeState paymentOnPage(String pageId) {
        throw new UnsupportedOperationException("this processor takes payments through tokens");
    }

    /** Opens the processor's page to save a method for later off-session charges (autopay). */
    default HostedPage openSetup(HostedSetupRequest request) {
        throw new UnsupportedOperationException("this processor saves methods through tokens");
    }

    /** The method saved on a page opened with {@link #openSetup}, or null while the payer is not done. */
    default SavedOnPage methodSavedOnPage(String pageId) {
        throw new UnsupportedOperationException("this processor saves methods through tokens");
    }
}
