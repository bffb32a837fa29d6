package app.billfold.payment;

import app.billfold.account.Account;
import app.billfold.account.AccountRepository;
import app.billfold.account.Customer;
import app.billfold.account.CustomerRepository;
import app.billfold.audit.AuditLog;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.NotFoundException;
import app.billfold.payment.gateway.GatewayUnavailableException;
import app.billfold.payment.gateway.HostedPage;
import app.billfold.payment.gateway.HostedSetupRequest;
import app.billfold.payment.gateway.InvalidTokenException;
import app.billfold.payment.gateway.MethodDetails;
import app.billfold.payment.gateway.MethodKind;
import app.billfold.payment.gateway.PaymentGateway;
import app.billfold.payment.gateway.SavedOnPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A customer's saved cards and bank accounts, and which of them autopay uses. */
@ApplicationScoped
public class SavedMethods {

    @Inject
    PaymentGateway gateway;

    @Inject
    CustomerRepository customers;

    @Inject
    AccountRepository accounts;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The language-free label of a method, kept on payments: "visa •••• 4242 12/2028" (see {@link MethodName}). */
    public static String labelOf(MethodDetails details) {
        return MethodName.of(details).label();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SavedMethod> of(Long customerId) {
        return SavedMethod.list("customerId = ?1 and removed = false order by isDefault desc, id", customerId);
    }

    /** One of the customer's own methods; someone else's looks the same as none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SavedMethod get(Long customerId, Long methodId) {
        return SavedMethod.<SavedMethod>find("id = ?1 and customerId = ?2 and removed = false", methodId, customerId)
                .firstResultOptional()
                .orElseThrow(() -> new NotFoundException("method " + methodId));
    }

    /** The customer's record with the processor, made the first time it is needed. */
    @Transactional
    public String processorCustomer(Long customerId) {
        Customer customer = customers.findByIdOptional(customerId).orElseThrow(() -> new NotFoundException("customer"));
        if (customer.gatewayCustomerId == null) {
            customer.gatewayCustomerId = gateway.createCustomer("customer-" + customer.id, customer.email);
        }
        return customer.gatewayCustomerId;
    }

    /**
     * Opens the processor's page to save a card or bank account for later (Stripe Checkout in setup
     * mode); a bank account's SEPA mandate is accepted there. Returns where to send the payer.
     */
    public String openSetupPage(Long customerId, MethodKind kind, String currency, String returnUrl, String cancelUrl) {
        String customerReference = processorCustomer(customerId);
        HostedPage page;
        try {
            page = gateway.openSetup(new HostedSetupRequest(
                    "setup-" + UUID.randomUUID(),
                    customerReference,
                    kind,
                    currency,
                    Map.of("billfold_customer", String.valueOf(customerId)),
                    returnUrl,
                    cancelUrl));
        } catch (GatewayUnavailableException e) {
            throw new BusinessRuleException("error_gateway_unavailable");
        }
        return page.url();
    }

    /** Keeps the method saved on the processor's page, once it is the customer's own and done. */
    public SavedMethod saveFromPage(Long customerId, String pageId, String actor) {
        SavedOnPage saved;
        try {
            saved = pageId == null ? null : gateway.methodSavedOnPage(pageId);
        } catch (GatewayUnavailableException e) {
            throw new BusinessRuleException("error_gateway_unavailable");
        }
        String mine = processorCustomer(customerId);
        if (saved == null || !mine.equals(saved.customerReference())) {
            throw new BusinessRuleException("error_method_token");
        }
        return save(customerId, saved.method().token(), actor, saved.mandateReference());
    }

    /**
     * Saves a token typed on the settings page (no payment): attached to the customer's record with
     * the processor and kept once the processor has checked it, so that a card that would be declined
     * is never offered. Throws {@link MethodDeclined} when the check fails.
     */
    public SavedMethod addVerified(Long customerId, String token, String actor) {
        MethodDetails details = attach(customerId, token);
        String declined;
        try {
            declined = gateway.verify(processorCustomer(customerId), details.token());
        } catch (InvalidTokenException e) {
            throw new BusinessRuleException("error_method_token");
        } catch (GatewayUnavailableException e) {
            throw new BusinessRuleException("error_gateway_unavailable");
        }
        if (declined != null) {
            throw new MethodDeclined(declined);
        }
        return keep(customerId, details, null, true, actor);
    }

    /** Saves a token the processor charged or checked already; the first method becomes the default. */
    public SavedMethod save(Long customerId, String token, String actor) {
        return save(customerId, token, actor, null);
    }

    /** As {@link #save(Long, String, String)}, keeping a bank account's SEPA mandate reference. */
    public SavedMethod save(Long customerId, String token, String actor, String mandateRef) {
        return keep(customerId, attach(customerId, token), mandateRef, true, actor);
    }

    /**
     * Attaches a fresh token to the customer's record with the processor, so that it can be charged
     * now and kept afterwards; nothing is saved on Billfold's side yet.
     */
    public MethodDetails attach(Long customerId, String token) {
        String customerReference = processorCustomer(customerId);
        try {
            return gateway.attach(customerReference, token);
        } catch (InvalidTokenException e) {
            throw new BusinessRuleException("error_method_token");
        } catch (GatewayUnavailableException e) {
            throw new BusinessRuleException("error_gateway_unavailable");
        }
    }

    /**
     * Keeps a method the processor charged or checked. The same card or account saved before (the
     * processor's fingerprint; for methods saved before fingerprints, the same kind, brand and last
     * four) is updated (its newest token, expiry and mandate) rather than saved twice, keeping its
     * place as default and for autopay. A new method becomes the default when it is the customer's
     * first and {@code mayBecomeDefault} (a guest's payment never changes the default).
     */
    @Transactional
    public SavedMethod keep(
            Long customerId, MethodDetails details, String mandateRef, boolean mayBecomeDefault, String actor) {
        // One at a time per customer, so that the same card saved twice at once makes no twin.
        customers.findById(customerId, LockModeType.PESSIMISTIC_WRITE);
        SavedMethod existing = sameMethod(customerId, details);
        if (existing != null) {
            if (existing.removed) {
                // The processor handed back a token of a removed method: it is saved again.
                existing.isDefault = mayBecomeDefault && of(customerId).isEmpty();
                existing.removed = false;
            }
            existing.token = details.token();
            existing.brand = details.brand();
            existing.expMonth = details.expMonth();
            existing.expYear = details.expYear();
            if (details.fingerprint() != null) {
                existing.fingerprint = details.fingerprint();
            }
            if (mandateRef != null) {
                existing.mandateRef = mandateRef;
            }
            return existing;
        }
        SavedMethod method = new SavedMethod();
        method.customerId = customerId;
        method.kind = details.kind();
        method.token = details.token();
        method.brand = details.brand();
        method.last4 = details.last4();
        method.expMonth = details.expMonth();
        method.expYear = details.expYear();
        method.fingerprint = details.fingerprint();
        method.mandateRef = mandateRef;
        method.isDefault = mayBecomeDefault && of(customerId).isEmpty();
        method.createdAt = Instant.now(clock);
        method.persist();
        audit.record(actor, "method.save", "customer:" + customerId, method.label());
        return method;
    }

    private SavedMethod sameMethod(Long customerId, MethodDetails details) {
        SavedMethod byToken = SavedMethod.find("token", details.token()).firstResult();
        if (byToken != null) {
            return byToken.customerId.equals(customerId) ? byToken : null;
        }
        if (details.fingerprint() != null) {
            SavedMethod byFingerprint = SavedMethod.<SavedMethod>find(
                            "customerId = ?1 and kind = ?2 and fingerprint = ?3 and removed = false order by id",
                            customerId,
                            details.kind(),
                            details.fingerprint())
                    .firstResult();
            if (byFingerprint != null) {
                return byFingerprint;
            }
        }
        return SavedMethod.<SavedMethod>find(
                        "customerId = ?1 and kind = ?2 and fingerprint is null and brand = ?3 and last4 = ?4"
                                + " and removed = false order by id",
                        customerId,
                        details.kind(),
                        details.brand(),
                        details.last4())
                .firstResult();
    }

    @Transactional
    public void makeDefault(Long customerId, Long methodId, String actor) {
        SavedMethod chosen = get(customerId, methodId);
        for (SavedMethod m : of(customerId)) {
            m.isDefault = m.id.equals(chosen.id);
        }
        audit.record(actor, "method.default", "customer:" + customerId, chosen.label());
    }

    /**
     * Marks a method removed (see {@link RemoveMethod}, which first settles what autopay does);
     * another method becomes the default when this one was.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void markRemoved(Long customerId, SavedMethod method, String actor) {
        if (accounts.count("autopayMethodId", method.id) > 0) {
            throw new IllegalStateException("autopay still uses method " + method.id);
        }
        method.removed = true;
        if (method.isDefault) {
            method.isDefault = false;
            of(customerId).stream()
                    .filter(m -> !m.id.equals(method.id))
                    .findFirst()
                    .ifPresent(m -> m.isDefault = true);
        }
        audit.record(actor, "method.remove", "customer:" + customerId, method.label());
    }

    /**
     * The payer revoked the method's SEPA mandate at their bank: it can never be debited again, so
     * autopay stops on every account that used it (the customer chooses another method).
     */
    @Transactional
    public void mandateRevoked(String token) {
        SavedMethod method = SavedMethod.find("token", token).firstResult();
        if (method == null) {
            return;
        }
        for (Account account : accounts.list("autopayMethodId", method.id)) {
            account.autopayMethodId = null;
            account.autopaySince = null;
            audit.record("system", "autopay.stop", "account:" + account.id, "mandate revoked: " + method.label());
        }
    }
}
