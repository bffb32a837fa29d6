package app.billfold.einvoice;

import app.billfold.account.Customer;
import app.billfold.audit.AuditLog;
import app.billfold.audit.Changes;
import app.billfold.biller.Biller;
import app.billfold.biller.BillerSettings;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Set;

/** Saves the e-invoicing details of the biller (seller) and of business customers (buyers). */
@ApplicationScoped
public class BusinessParties {

    static final Set<String> OPERATION_CATEGORIES = Set.of("S1", "B1", "M1");

    @Inject
    Biller biller;

    @Inject
    AuditLog audit;

    @Transactional
    public void updateSeller(SellerForm form, String actor) {
        FieldErrors errors = new FieldErrors();
        BusinessDetails details = form.details().read(errors);
        String iban = BusinessRules.iban(errors, "iban", form.iban());
        String bic = BusinessRules.bic(errors, "bic", form.bic());
        String category =
                form.operationCategory() == null ? "" : form.operationCategory().strip();
        if (!OPERATION_CATEGORIES.contains(category)) {
            errors.reject("operationCategory", "error_choice");
        }
        errors.throwIfAny();
        BillerSettings settings = biller.settingsForChange();
        Changes changes = compare(settings.business(), details)
                .field("iban", settings.iban, iban)
                .field("bic", settings.bic, bic)
                .field("operationCategory", settings.operationCategory, category);
        settings.business = details;
        settings.iban = iban;
        settings.bic = bic;
        settings.operationCategory = category;
        audit.change(actor, "biller.einvoicing.update", "biller", null, changes);
    }

    @Transactional
    public Customer updateBuyer(Long customerId, BusinessDetailsForm form, String buyerReference, String actor) {
        Customer customer = Customer.findById(customerId, LockModeType.PESSIMISTIC_WRITE);
        if (customer == null) {
            throw new NotFoundException("customer " + customerId);
        }
        FieldErrors errors = new FieldErrors();
        BusinessDetails details = form.read(errors);
        String reference = FormInput.optional(errors, "buyerReference", buyerReference, 100);
        errors.throwIfAny();
        Changes changes =
                compare(customer.business(), details).field("buyerReference", customer.buyerReference, reference);
        customer.business = details;
        customer.buyerReference = reference;
        audit.change(actor, "customer.business.update", "customer:" + customer.id, null, changes);
        return customer;
    }

    private static Changes compare(BusinessDetails was, BusinessDetails now) {
        BusinessDetails before = was == null ? new BusinessDetails() : was;
        return Changes.of()
                .field("street", before.street, now.street)
                .field("postcode", before.postcode, now.postcode)
                .field("city", before.city, now.city)
                .field("countryCode", before.countryCode, now.countryCode)
                .field("vatId", before.vatId, now.vatId)
                .field("registrationScheme", before.registrationScheme, now.registrationScheme)
                .field("registrationId", before.registrationId, now.registrationId)
                .field("endpointScheme", before.endpointScheme, now.endpointScheme)
                .field("endpointId", before.endpointId, now.endpointId);
    }
}
