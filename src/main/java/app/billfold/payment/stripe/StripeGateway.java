package app.billfold.payment.stripe;

import app.billfold.common.Money;
import app.billfold.payment.gateway.ChargeOutcome;
import app.billfold.payment.gateway.ChargeRequest;
import app.billfold.payment.gateway.ChargeResult;
import app.billfold.payment.gateway.ChargeState;
import app.billfold.payment.gateway.DisputeState;
import app.billfold.payment.gateway.GatewayUnavailableException;
import app.billfold.payment.gateway.HostedPage;
import app.billfold.payment.gateway.HostedPaymentRequest;
import app.billfold.payment.gateway.HostedSetupRequest;
import app.billfold.payment.gateway.InvalidTokenException;
import app.billfold.payment.gateway.MethodDetails;
import app.billfold.payment.gateway.MethodKind;
import app.billfold.payment.gateway.PaymentGateway;
import app.billfold.payment.gateway.RefundOutcome;
import app.billfold.payment.gateway.RefundResult;
import app.billfold.payment.gateway.SavedOnPage;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Mandate;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Refund;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeError;
import com.stripe.model.StripeSearchResult;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * Stripe behind the gateway interface. Card and bank details are typed only on Stripe's Checkout
 * page; Billfold keeps PaymentMethod and Customer ids. Every create carries an Idempotency-Key made
 * from Billfold's own key, so stripe-java's retries (429, lock_timeout, dropped connections) and
 * Billfold's own repeats reach the same object, never a second one.
 */
@ApplicationScoped
@Typed(StripeGateway.class)
public class StripeGateway implements PaymentGateway {

    /** Declines worth trying again later (the autopay retry policy); any other decline is final. */
    static final Set<String> SOFT_DECLINES = Set.of(
            "insufficient_funds",
            "processing_error",
            "try_again_later",
            "issuer_not_available",
            "reenter_transaction",
            "approve_with_id",
            "card_velocity_exceeded",
            "withdrawal_count_limit_exceeded");

    public static final String AUTHENTICATION_REQUIRED = "authentication_required";

    @Inject
    StripeConfig config;

    private volatile StripeClient client;

    StripeClient client() {
        StripeClient ready = client;
        if (ready == null) {
            synchronized (this) {
                if (client == null) {
                    client = StripeClient.builder()
                            .setApiKey(config.secretKey()
                                    .orElseThrow(() -> new IllegalStateException("STRIPE_SECRET_KEY is not set")))
                            .setApiBase(config.apiBase())
                            .setMaxNetworkRetries(config.maxNetworkRetries())
                            .setReadTimeout((int) config.readTimeout().toMillis())
                            .build();
                }
                ready = client;
            }
        }
        return ready;
    }

    /** Stripe's Idempotency-Key for one create made on behalf of Billfold's key. */
    static String keyFor(String billfoldKey, String what) {
        return "billfold:" + what + ":" + billfoldKey;
    }

    private static RequestOptions once(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    @Override
    public String createCustomer(String reference, String email) {
        CustomerCreateParams.Builder params =
                CustomerCreateParams.builder().putMetadata("billfold_customer", reference);
        if (email != null) {
            params.setEmail(email);
        }
        try {
            return client().v1()
                    .customers()
                    .create(params.build(), once(keyFor(reference, "customer")))
                    .getId();
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public MethodDetails attach(String customerReference, String token) {
        try {
            PaymentMethod method = client().v1().paymentMethods().retrieve(token);
            if (method.getCustomer() == null) {
                method = client().v1()
                        .paymentMethods()
                        .attach(
                                token,
                                PaymentMethodAttachParams.builder()
                                        .setCustomer(customerReference)
                                        .build());
            } else if (!method.getCustomer().equals(customerReference)) {
                throw new InvalidTokenException("payment method of another customer");
            }
            return detailsOf(method);
        } catch (InvalidRequestException e) {
            throw new InvalidTokenException(e.getCode());
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public MethodDetails describe(String token) {
        try {
            return detailsOf(client().v1().paymentMethods().retrieve(token));
        } catch (InvalidRequestException e) {
            throw new InvalidTokenException(e.getCode());
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    /** An off-session PaymentIntent on a saved method, confirmed at once. */
    @Override
    public ChargeResult charge(ChargeRequest request) {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(minorUnits(request.amount(), request.currency()))
                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                .setPaymentMethod(request.token())
                .addPaymentMethodType(request.kind() == MethodKind.BANK ? "sepa_debit" : "card")
                .setOffSession(true)
                .setConfirm(true)
                .putAllMetadata(request.metadata());
        if (request.customerReference() != null) {
            params.setCustomer(request.customerReference());
        }
        try {
            PaymentIntent intent = client().v1()
                    .paymentIntents()
                    .create(params.build(), once(keyFor(request.idempotencyKey(), "charge")));
            return resultOf(intent);
        } catch (CardException e) {
            return declined(e);
        } catch (InvalidRequestException e) {
            // A method detached or of another customer: refused before any money moved.
            return ChargeResult.declined(null, e.getCode() == null ? "invalid_request" : e.getCode(), true);
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    /** Found by the key Billfold puts in every PaymentIntent's metadata (Stripe's search). */
    @Override
    public ChargeResult status(String idempotencyKey) {
        try {
            StripeSearchResult<PaymentIntent> found = client().v1()
                    .paymentIntents()
                    .search(PaymentIntentSearchParams.builder()
                            .setQuery("metadata['billfold_key']:'" + idempotencyKey.replace("'", "") + "'")
                            .build());
            if (found.getData() == null || found.getData().isEmpty()) {
                return ChargeResult.notFound();
            }
            return resultOf(found.getData().get(0));
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    /**
     * Stripe's search lags (a PaymentIntent made a moment ago may not be found yet), so an unanswered
     * charge is read by its id when Billfold has it, else found among its customer's PaymentIntents
     * (a list, which does not lag) by the key in their metadata; search is the last resort.
     */
    @Override
    public ChargeResult status(String idempotencyKey, String chargeReference, String customerReference) {
        try {
            if (chargeReference != null && chargeReference.startsWith("pi_")) {
                return resultOf(client().v1().paymentIntents().retrieve(chargeReference));
            }
            if (customerReference == null) {
                return status(idempotencyKey);
            }
            PaymentIntentListParams.Builder params = PaymentIntentListParams.builder()
                    .setCustomer(customerReference)
                    .setLimit(100L);
            // Newest first: the attempt asked about is among the customer's latest hundred.
            for (PaymentIntent intent :
                    client().v1().paymentIntents().list(params.build()).getData()) {
                if (intent.getMetadata() != null
                        && idempotencyKey.equals(intent.getMetadata().get("billfold_key"))) {
                    return resultOf(intent);
                }
            }
            return ChargeResult.notFound();
        } catch (InvalidRequestException e) {
            return ChargeResult.notFound();
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public RefundResult refund(String chargeReference, BigDecimal amount, String idempotencyKey) {
        try {
            PaymentIntent intent = client().v1().paymentIntents().retrieve(chargeReference);
            Refund refund = client().v1()
                    .refunds()
                    .create(
                            RefundCreateParams.builder()
                                    .setPaymentIntent(chargeReference)
                                    .setAmount(minorUnits(amount, intent.getCurrency()))
                                    .putMetadata("billfold_key", idempotencyKey)
                                    .build(),
                            once(keyFor(idempotencyKey, "refund")));
            return refundResultOf(refund);
        } catch (InvalidRequestException e) {
            return RefundResult.failed(null, e.getCode() == null ? "invalid_request" : e.getCode());
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    /** A Refund as Stripe holds it now (a bank refund is pending for days and may fail). */
    @Override
    public RefundResult refundState(String refundReference) {
        try {
            return refundResultOf(client().v1().refunds().retrieve(refundReference));
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    /** A Stripe Refund's status as Billfold's: pending and requires_action both wait. */
    static RefundResult refundResultOf(Refund refund) {
        RefundOutcome outcome = switch (refund.getStatus() == null ? "pending" : refund.getStatus()) {
            case "succeeded" -> RefundOutcome.SUCCEEDED;
            case "failed", "canceled" -> RefundOutcome.FAILED;
            default -> RefundOutcome.PENDING; // pending, requires_action
        };
        return new RefundResult(
                outcome,
                refund.getId(),
                fromMinorUnits(refund.getAmount(), refund.getCurrency()),
                outcome == RefundOutcome.FAILED
                        ? refund.getFailureReason() == null ? refund.getStatus() : refund.getFailureReason()
                        : null);
    }

    /** A mandate's state: whether it still allows debits, and the PaymentMethod it is for. */
    public record MandateState(boolean active, String paymentMethod) {}

    public MandateState mandateState(String mandateId) {
        try {
            Mandate mandate = client().v1().mandates().retrieve(mandateId);
            return new MandateState("active".equals(mandate.getStatus()), mandate.getPaymentMethod());
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    /** A dispute as Stripe holds it now; its charge is named by the PaymentIntent Billfold keeps. */
    public DisputeState disputeState(String disputeId) {
        try {
            Dispute dispute = client().v1().disputes().retrieve(disputeId);
            String chargeRef = dispute.getPaymentIntent();
            if (chargeRef == null && dispute.getCharge() != null) {
                chargeRef =
                        client().v1().charges().retrieve(dispute.getCharge()).getPaymentIntent();
            }
            Long dueBy = dispute.getEvidenceDetails() == null
                    ? null
                    : dispute.getEvidenceDetails().getDueBy();
            return new DisputeState(
                    dispute.getId(),
                    chargeRef,
                    fromMinorUnits(dispute.getAmount(), dispute.getCurrency()),
                    dispute.getCurrency().toUpperCase(Locale.ROOT),
                    dispute.getReason(),
                    dispute.getStatus(),
                    dueBy == null ? null : Instant.ofEpochSecond(dueBy));
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public boolean paysOnHostedPage() {
        return true;
    }

    /**
     * A Checkout Session in payment mode for one amount. With a customer it also keeps the method
     * for later off-session use (saved method, autopay); card includes the wallets Checkout offers.
     */
    @Override
    public HostedPage openPayment(HostedPaymentRequest request) {
        SessionCreateParams.PaymentIntentData.Builder intent =
                SessionCreateParams.PaymentIntentData.builder().putAllMetadata(request.metadata());
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(request.idempotencyKey())
                .setSuccessUrl(request.returnUrl())
                .setCancelUrl(request.cancelUrl())
                .addPaymentMethodType(
                        request.kind() == MethodKind.BANK
                                ? SessionCreateParams.PaymentMethodType.SEPA_DEBIT
                                : SessionCreateParams.PaymentMethodType.CARD)
                .putAllMetadata(request.metadata())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                                .setUnitAmount(minorUnits(request.amount(), request.currency()))
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(request.description())
                                        .build())
                                .build())
                        .build());
        if (request.customerReference() != null) {
            params.setCustomer(request.customerReference());
            intent.setSetupFutureUsage(SessionCreateParams.PaymentIntentData.SetupFutureUsage.OFF_SESSION);
        } else if (request.email() != null && !request.email().isBlank()) {
            params.setCustomerEmail(request.email());
        }
        params.setPaymentIntentData(intent.build());
        try {
            Session session = client().v1()
                    .checkout()
                    .sessions()
                    .create(params.build(), once(keyFor(request.idempotencyKey(), "checkout")));
            return new HostedPage(session.getId(), session.getUrl());
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public ChargeState paymentOnPage(String pageId) {
        try {
            Session session = client().v1()
                    .checkout()
                    .sessions()
                    .retrieve(
                            pageId,
                            SessionRetrieveParams.builder()
                                    .addExpand("payment_intent")
                                    .addExpand("payment_intent.payment_method")
                                    .addExpand("payment_intent.latest_charge")
                                    .build());
            String key =
                    session.getMetadata() == null ? null : session.getMetadata().get("billfold_key");
            PaymentIntent intent = session.getPaymentIntentObject();
            if (intent == null) {
                return new ChargeState(
                        key,
                        "expired".equals(session.getStatus())
                                ? ChargeResult.notFound()
                                : new ChargeResult(ChargeOutcome.OPEN, null, null, null, false),
                        null,
                        null);
            }
            if ("open".equals(session.getStatus()) && !"succeeded".equals(intent.getStatus())) {
                // Still on the page: a declined card there may be followed by another that works.
                return new ChargeState(
                        key, new ChargeResult(ChargeOutcome.OPEN, intent.getId(), null, null, false), null, null);
            }
            return stateOf(intent, key);
        } catch (InvalidRequestException e) {
            return new ChargeState(null, ChargeResult.notFound(), null, null);
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    /** A Checkout Session in setup mode: the method is kept on the customer for off-session charges. */
    @Override
    public HostedPage openSetup(HostedSetupRequest request) {
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SETUP)
                .setCustomer(request.customerReference())
                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                .addPaymentMethodType(
                        request.kind() == MethodKind.BANK
                                ? SessionCreateParams.PaymentMethodType.SEPA_DEBIT
                                : SessionCreateParams.PaymentMethodType.CARD)
                .setSuccessUrl(request.returnUrl())
                .setCancelUrl(request.cancelUrl())
                .putAllMetadata(request.metadata())
                .setSetupIntentData(SessionCreateParams.SetupIntentData.builder()
                        .putAllMetadata(request.metadata())
                        .build())
                .build();
        try {
            Session session =
                    client().v1().checkout().sessions().create(params, once(keyFor(request.idempotencyKey(), "setup")));
            return new HostedPage(session.getId(), session.getUrl());
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public SavedOnPage methodSavedOnPage(String pageId) {
        try {
            Session session = client().v1()
                    .checkout()
                    .sessions()
                    .retrieve(
                            pageId,
                            SessionRetrieveParams.builder()
                                    .addExpand("setup_intent")
                                    .addExpand("setup_intent.payment_method")
                                    .addExpand("setup_intent.mandate")
                                    .build());
            SetupIntent intent = session.getSetupIntentObject();
            if (!"setup".equals(session.getMode())
                    || intent == null
                    || !"succeeded".equals(intent.getStatus())
                    || intent.getPaymentMethodObject() == null) {
                return null;
            }
            Mandate mandate = intent.getMandateObject();
            String reference = mandate == null
                    ? null
                    : mandate.getPaymentMethodDetails() != null
                                    && mandate.getPaymentMethodDetails().getSepaDebit() != null
                            ? mandate.getPaymentMethodDetails().getSepaDebit().getReference()
                            : mandate.getId();
            return new SavedOnPage(session.getCustomer(), detailsOf(intent.getPaymentMethodObject()), reference);
        } catch (InvalidRequestException e) {
            return null;
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    /** A PaymentIntent as Stripe holds it now (events carry news; this reads the state). */
    public ChargeState intentState(String paymentIntentId) {
        try {
            PaymentIntent intent = client().v1()
                    .paymentIntents()
                    .retrieve(
                            paymentIntentId,
                            PaymentIntentRetrieveParams.builder()
                                    .addExpand("payment_method")
                                    .addExpand("latest_charge")
                                    .build());
            return stateOf(
                    intent,
                    intent.getMetadata() == null ? null : intent.getMetadata().get("billfold_key"));
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    private ChargeState stateOf(PaymentIntent intent, String key) throws StripeException {
        String billfoldKey = key;
        if (billfoldKey == null && intent.getMetadata() != null) {
            billfoldKey = intent.getMetadata().get("billfold_key");
        }
        MethodDetails method =
                intent.getPaymentMethodObject() == null ? null : detailsOf(intent.getPaymentMethodObject());
        return new ChargeState(
                billfoldKey, resultOf(intent), method, mandateReferenceOf(intent.getLatestChargeObject()));
    }

    /** The mandate's own reference (what the payer's bank statement shows), not Stripe's mandate id. */
    private String mandateReferenceOf(Charge charge) throws StripeException {
        if (charge == null
                || charge.getPaymentMethodDetails() == null
                || charge.getPaymentMethodDetails().getSepaDebit() == null
                || charge.getPaymentMethodDetails().getSepaDebit().getMandate() == null) {
            return null;
        }
        Mandate mandate = client().v1()
                .mandates()
                .retrieve(charge.getPaymentMethodDetails().getSepaDebit().getMandate());
        return mandate.getPaymentMethodDetails() == null
                        || mandate.getPaymentMethodDetails().getSepaDebit() == null
                ? mandate.getId()
                : mandate.getPaymentMethodDetails().getSepaDebit().getReference();
    }

    static ChargeResult resultOf(PaymentIntent intent) {
        return switch (intent.getStatus()) {
            case "succeeded" ->
                ChargeResult.succeeded(
                        intent.getId(),
                        fromMinorUnits(
                                intent.getAmountReceived() != null && intent.getAmountReceived() > 0
                                        ? intent.getAmountReceived()
                                        : intent.getAmount(),
                                intent.getCurrency()));
            case "processing" -> new ChargeResult(ChargeOutcome.PROCESSING, intent.getId(), null, null, false);
            case "requires_action" -> ChargeResult.declined(intent.getId(), AUTHENTICATION_REQUIRED, true);
            case "canceled" -> ChargeResult.declined(intent.getId(), "canceled", true);
            default -> {
                StripeError error = intent.getLastPaymentError();
                String code = error == null
                        ? "requires_payment_method"
                        : error.getDeclineCode() != null ? error.getDeclineCode() : error.getCode();
                yield ChargeResult.declined(intent.getId(), code, !isSoft(code));
            }
        };
    }

    private static ChargeResult declined(CardException e) {
        StripeError error = e.getStripeError();
        String reference = error != null && error.getPaymentIntent() != null
                ? error.getPaymentIntent().getId()
                : null;
        String code = AUTHENTICATION_REQUIRED.equals(e.getCode())
                ? AUTHENTICATION_REQUIRED
                : e.getDeclineCode() != null ? e.getDeclineCode() : e.getCode();
        return ChargeResult.declined(reference, code == null ? "card_declined" : code, !isSoft(code));
    }

    /** Authentication required is not soft: retrying off-session cannot pass it; the payer must act. */
    static boolean isSoft(String code) {
        return code != null && SOFT_DECLINES.contains(code);
    }

    static MethodDetails detailsOf(PaymentMethod method) {
        if ("sepa_debit".equals(method.getType()) && method.getSepaDebit() != null) {
            return new MethodDetails(
                    method.getId(),
                    MethodKind.BANK,
                    "SEPA",
                    method.getSepaDebit().getLast4(),
                    null,
                    null,
                    method.getSepaDebit().getFingerprint());
        }
        if (method.getCard() != null) {
            PaymentMethod.Card card = method.getCard();
            return new MethodDetails(
                    method.getId(),
                    MethodKind.CARD,
                    card.getBrand(),
                    card.getLast4(),
                    card.getExpMonth() == null ? null : card.getExpMonth().intValue(),
                    card.getExpYear() == null ? null : card.getExpYear().intValue(),
                    card.getFingerprint());
        }
        return new MethodDetails(method.getId(), MethodKind.CARD, method.getType(), "????", null, null);
    }

    /**
     * No usable answer: a dropped connection, Stripe's own error, or retries used up. The request
     * may or may not have taken effect; the key settles it later.
     */
    private static GatewayUnavailableException unavailable(StripeException e) {
        String kind = e instanceof ApiConnectionException
                ? "no answer"
                : e instanceof RateLimitException
                        ? "rate limited"
                        : e instanceof ApiException ? "Stripe error" : "refused";
        return new GatewayUnavailableException("Stripe: " + kind + " (" + e.getCode() + ", " + e.getStatusCode() + ")");
    }

    static long minorUnits(BigDecimal amount, String currency) {
        return amount.movePointRight(Money.scaleOf(Currency.getInstance(currency.toUpperCase(Locale.ROOT))))
                .longValueExact();
    }

    static BigDecimal fromMinorUnits(Long minor, String currency) {
        return BigDecimal.valueOf(
                minor == null ? 0 : minor, Money.scaleOf(Currency.getInstance(currency.toUpperCase(Locale.ROOT))));
    }
}
