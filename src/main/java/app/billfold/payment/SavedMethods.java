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

    /** How the payer recognises a method: "visa •••• 4242" or "sepa_debit •••• 3000". */
    public static String labelOf(MethodDetails details) {
        return details.brand() + " \u2022\u2022\u2022\u2022 " + details.last4();
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

    /** Saves a token from the hosted form with the processor; the first method becomes the default. */
    @Transactional
    public SavedMethod save(Long customerId, String token, String actor) {
        return save(customerId, token, actor, null);
    }

    /** As {@link #save(Long, String, String)}, keeping a bank account's SEPA mandate reference. */
    @Transactional
    public SavedMethod save(Long customerId, String token, String actor, String mandateRef) {
        Customer customer = customers.findByIdOptional(customerId).orElseThrow(() -> new NotFoundException("customer"));
        if (customer.gatewayCustomerId == null) {
            customer.gatewayCustomerId = gateway.createCustomer("customer-" + customer.id, customer.email);
        }
        MethodDetails details;
        try {
            details = gateway.attach(customer.gatewayCustomerId, token);
        } catch (InvalidTokenException e) {
            throw new BusinessRuleException("error_method_token");
        }
        SavedMethod existing = SavedMethod.find("token", token).firstResult();
        if (existing != null) {
            if (mandateRef != null && existing.mandateRef == null) {
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
        method.mandateRef = mandateRef;
        method.isDefault = of(customerId).isEmpty();
        method.createdAt = Instant.now(clock);
        method.persist();
        audit.record(actor, "method.save", "customer:" + customerId, method.label());
        return method;
    }

    @Transactional
    public void makeDefault(Long customerId, Long methodId, String actor) {
        SavedMethod chosen = get(customerId, methodId);
        for (SavedMethod m : of(customerId)) {
            m.isDefault = m.id.equals(chosen.id);
        }
        audit.record(actor, "method.default", "customer:" + customerId, chosen.label());
    }

    /** Removes a method; accounts on autopay with it stop autopay rather than charge a dead token. */
    @Transactional
    public void remove(Long customerId, Long methodId, String actor) {
        SavedMethod method = get(customerId, methodId);
        method.removed = true;
        for (Account account : accounts.list("autopayMethodId", method.id)) {
            account.autopayMethodId = null;
            account.autopaySince = null;
            audit.record(actor, "autopay.stop", "account:" + account.id, "method removed");
        }
        if (method.isDefault) {
            method.isDefault = false;
            of(customerId).stream()
                    .filter(m -> !m.id.equals(method.id))
                    .findFirst()
                    .ifPresent(m -> m.isDefault = true);
        }
        audit.record(actor, "method.remove", "customer:" + customerId, method.label());
    }
}
