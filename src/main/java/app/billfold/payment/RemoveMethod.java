package app.billfold.payment;

import app.billfold.account.Account;
import app.billfold.account.AccountRepository;
import app.billfold.biller.Biller;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.PublicLinks;
import app.billfold.notify.CustomerNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * A customer removing a saved method. Autopay never changes silently: when autopay pays an account
 * with the method, the customer first says what happens to it, either another saved method takes
 * over (the usual autopay confirmation follows) or autopay stops, which the page says and a notice
 * of its own ({@link #NOTICE}) tells again on the customer's channels.
 */
@ApplicationScoped
public class RemoveMethod {

    /** The notice sent when removing a method ended autopay on an account. */
    public static final String NOTICE = "autopay_method_removed";

    /** What a removal did to autopay. */
    public enum Outcome {
        REMOVED,
        AUTOPAY_MOVED,
        AUTOPAY_STOPPED
    }

    /** What removing a method would do: the accounts autopay pays with it, the methods that could take over. */
    public record Preview(SavedMethod method, List<Account> onAutopay, List<SavedMethod> replacements) {

        public boolean usedByAutopay() {
            return !onAutopay.isEmpty();
        }
    }

    @Inject
    SavedMethods methods;

    @Inject
    Autopay autopay;

    @Inject
    AccountRepository accounts;

    @Inject
    CustomerNotice notice;

    @Inject
    PublicLinks links;

    @Inject
    Biller biller;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Preview preview(Long customerId, Long methodId) {
        SavedMethod method = methods.get(customerId, methodId);
        List<Account> onAutopay = accounts.list("autopayMethodId = ?1 order by number", method.id);
        List<SavedMethod> replacements = methods.of(customerId).stream()
                .filter(m -> !m.id.equals(method.id) && !m.isExpiredOn(biller.today()))
                .toList();
        return new Preview(method, onAutopay, replacements);
    }

    /**
     * Removes the method. When autopay uses it, {@code autopayWith} (another of the customer's
     * methods) takes over, or {@code stopAutopay} says the customer agreed to autopay ending;
     * with neither, nothing changes and BusinessRuleException("error_method_autopay_choose") says
     * a choice is needed.
     */
    @Transactional
    public Outcome remove(Long customerId, Long methodId, Long autopayWith, boolean stopAutopay, String actor) {
        SavedMethod method = methods.get(customerId, methodId);
        List<Account> onAutopay = accounts.list("autopayMethodId = ?1 order by number", method.id);
        Outcome outcome = Outcome.REMOVED;
        if (!onAutopay.isEmpty()) {
            if (autopayWith != null) {
                if (autopayWith.equals(method.id)) {
                    throw new BusinessRuleException("error_method_autopay_choose");
                }
                for (Account account : onAutopay) {
                    autopay.enrol(customerId, account.id, autopayWith, actor);
                }
                outcome = Outcome.AUTOPAY_MOVED;
            } else if (stopAutopay) {
                String name = method.inWords(onAutopay.get(0).customer.language);
                for (Account account : onAutopay) {
                    autopay.stop(customerId, account.id, actor, "method removed: " + method.label());
                    notice.send(
                            account.customer,
                            NOTICE,
                            Map.of(
                                    "name",
                                    account.customer.name,
                                    "account",
                                    account.number,
                                    "method",
                                    name,
                                    "manage",
                                    links.to("/portal/settings")),
                            "autopay-method-removed:" + account.id + ":" + method.id,
                            CustomerNotice.ANY);
                }
                outcome = Outcome.AUTOPAY_STOPPED;
            } else {
                throw new BusinessRuleException("error_method_autopay_choose");
            }
        }
        methods.markRemoved(customerId, method, actor);
        return outcome;
    }
}
