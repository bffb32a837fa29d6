package app.billfold.web.portal;

import app.billfold.autopay.NextAutopayCharge;
import app.billfold.biller.Biller;
import app.billfold.common.Money;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.invoice.AccountBalance;
import app.billfold.invoice.AccountBalances;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The customer's dashboard: every account, what is due and when, what is overdue (never called
 * "next due"), and for an account on autopay its next automatic charge.
 */
@Path("/portal")
@RolesAllowed(Role.CUSTOMER_ROLE)
public class PortalResource {

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance dashboard(
                List<AccountBalance> balances,
                Money totalDue,
                LocalDate nextDue,
                Money overdue,
                LocalDate overdueSince,
                Map<Long, NextAutopayCharge.Charge> charges);
    }

    @Inject
    CurrentUser user;

    @Inject
    AccountBalances balances;

    @Inject
    Biller biller;

    @Inject
    NextAutopayCharge nextCharge;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard() {
        List<AccountBalance> mine = balances.forCustomer(user.customerId());
        Money total = mine.stream()
                .map(AccountBalance::due)
                .reduce(Money::plus)
                .orElse(Money.zero(biller.settings().currency));
        LocalDate nextDue = mine.stream()
                .map(AccountBalance::nextDue)
                .filter(Objects::nonNull)
                .min(LocalDate::compareTo)
                .orElse(null);
        Money overdue = mine.stream()
                .map(AccountBalance::overdue)
                .reduce(Money::plus)
                .orElse(Money.zero(biller.settings().currency));
        LocalDate overdueSince = mine.stream()
                .map(AccountBalance::overdueSince)
                .filter(Objects::nonNull)
                .min(LocalDate::compareTo)
                .orElse(null);
        Map<Long, NextAutopayCharge.Charge> charges = new HashMap<>();
        for (AccountBalance balance : mine) {
            nextCharge.of(balance.account()).ifPresent(c -> charges.put(balance.account().id, c));
        }
        return Templates.dashboard(mine, total, nextDue, overdue, overdueSince, charges);
    }
}
