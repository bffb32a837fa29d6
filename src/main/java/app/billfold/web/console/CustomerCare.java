package app.billfold.web.console;

import app.billfold.account.Account;
import app.billfold.account.Customer;
import app.billfold.account.CustomerNote;
import app.billfold.account.CustomerNotes;
import app.billfold.identity.SignInInvitation;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.ResendBill;
import app.billfold.notify.PhoneCode;
import app.billfold.notify.PhoneVerification;
import app.billfold.payment.SavedMethod;
import app.billfold.payment.SavedMethods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** What the customer and account pages show to a clerk acting on the customer's behalf. */
@ApplicationScoped
public class CustomerCare {

    /** An account's autopay method (null when off), the methods it could use, its last bill, its notes. */
    public record OfAccount(
            SavedMethod autopayMethod, List<SavedMethod> methods, Invoice lastBill, List<CustomerNote> notes) {}

    /** A customer's sign-in (null: none), whether one can be invited, a consent code waiting, the notes. */
    public record OfCustomer(
            String signIn, boolean mayInvite, PhoneCode pendingCode, String billerZone, List<CustomerNote> notes) {}

    @Inject
    SavedMethods methods;

    @Inject
    ResendBill resend;

    @Inject
    CustomerNotes notes;

    @Inject
    SignInInvitation invitation;

    @Inject
    PhoneVerification verification;

    @Inject
    app.billfold.biller.Biller biller;

    OfAccount of(Account account) {
        List<SavedMethod> saved = methods.of(account.customer.id);
        SavedMethod current = saved.stream()
                .filter(m -> m.id.equals(account.autopayMethodId))
                .findFirst()
                .orElse(null);
        return new OfAccount(current, saved, resend.lastBill(account.id).orElse(null), notes.ofAccount(account.id));
    }

    OfCustomer of(Customer customer) {
        return new OfCustomer(
                invitation.signInOf(customer.id).orElse(null),
                invitation.mayInvite(customer.id),
                verification.pending(customer.id, customer.phone).orElse(null),
                biller.settings().timeZone,
                notes.ofCustomer(customer.id));
    }
}
