package app.billfold.identity;

import app.billfold.account.Customer;
import app.billfold.audit.AuditLog;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.NotFoundException;
import app.billfold.common.PublicLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A clerk invites a customer to create their sign-in (local mode): a signed link, valid three days,
 * goes to the e-mail address the biller holds for them, so following it proves control of that
 * address. Choosing a password there creates the sign-in; the link then no longer works, since the
 * address has a sign-in. A link for an address that is no longer the one on file is dead too.
 */
@ApplicationScoped
public class SignInInvitation {

    static final String PURPOSE = "signin-invitation";
    static final Duration VALID = Duration.ofDays(3);

    /** The customer and address a genuine, unexpired, unused link was made for. */
    public record Invited(Long customerId, String email) {}

    @Inject
    Signer signer;

    @Inject
    IdentityMode mode;

    @Inject
    AppUserRepository users;

    @Inject
    LocalAccounts accounts;

    @Inject
    PublicLinks links;

    @Inject
    AuditLog audit;

    @Inject
    Event<SignInLinkIssued> issued;

    /** Whether the customer can be invited now: local mode, an address on file, no sign-in yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayInvite(Long customerId) {
        Customer customer = Customer.findById(customerId);
        return mode.local()
                && customer != null
                && customer.email != null
                && !customer.email.isBlank()
                && users.count("customer.id", customerId) == 0
                && users.findByEmail(customer.email).isEmpty();
    }

    /** Records the invitation e-mail; refused (BusinessRuleException) when the customer cannot be invited. */
    @Transactional
    public void send(Long customerId, String actor) {
        Customer customer = Customer.findById(customerId);
        if (customer == null) {
            throw new NotFoundException("customer " + customerId);
        }
        if (!mayInvite(customerId)) {
            throw new BusinessRuleException("console_error_cannot_invite");
        }
        String email = customer.email.strip().toLowerCase(Locale.ROOT);
        String link = signer.sign(PURPOSE, customer.id + "|" + email, VALID);
        issued.fire(new SignInLinkIssued(
                SignInLinkIssued.Kind.INVITATION,
                customer.id,
                email,
                customer.name,
                customer.language,
                links.to("/invitation?link=" + URLEncoder.encode(link, StandardCharsets.UTF_8))));
        audit.record(actor, "user.invite", "customer:" + customer.id, email);
    }

    /** What the link was made for, while it can still be used. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Invited> read(String link) {
        return signer.verify(PURPOSE, link)
                .map(v -> v.split("\\|", 2))
                .filter(v -> v.length == 2)
                .map(v -> new Invited(Long.valueOf(v[0]), v[1]))
                .filter(i -> accounts.mayRegister(i.email(), i.customerId()))
                .filter(i -> users.findByEmail(i.email()).isEmpty());
    }

    /**
     * Creates the sign-in with the chosen password (InvalidInputException, field "password", when
     * it breaks the rule); NotFoundException when the link is no longer good.
     */
    @Transactional
    public AppUser accept(String link, String password) {
        Invited invited = read(link).orElseThrow(() -> new NotFoundException("invitation"));
        AppUser user = accounts.register(invited.email(), password, invited.customerId());
        audit.record(invited.email(), "user.register", "customer:" + invited.customerId(), "by invitation");
        return user;
    }

    /** The address the customer signs in with, if they have a sign-in. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> signInOf(Long customerId) {
        return users.find("customer.id = ?1 order by id", customerId)
                .<AppUser>firstResultOptional()
                .map(u -> u.email);
    }
}
