package app.billfold.einvoice;

import app.billfold.account.Customer;
import app.billfold.audit.AuditLog;
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
        String before = describe(settings.business()) + " iban " + settings.iban;
        settings.business = details;
        settings.iban = iban;
        settings.bic = bic;
        settings.operationCategory = category;
        audit.change(actor, "biller.einvoicing.update", "biller", null, before, describe(details) + " iban " + iban);
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
        String before = describe(customer.business()) + " ref " + customer.buyerReference;
        customer.business = details;
        customer.buyerReference = reference;
        audit.change(
                actor,
                "customer.business.update",
                "customer:" + customer.id,
                null,
                before,
                describe(details) + " ref " + customer.buyerReference);
        return customer;
    }

    private static String describe(BusinessDetails d) {
        return String.join(
                " / ",
                String.valueOf(d.street),
                String.valueOf(d.postcode),
                String.valueOf(d.city),
                String.valueOf(d.countryCode),
                "VAT " + d.vatId,
                "reg " + d.registrationScheme + ":" + d.registrationId,
                "endpoint " + d.endpointScheme + ":" + d.endpointId);
    }
}
