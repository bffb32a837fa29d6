package app.billfold.web.portal;

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
import java.util.List;
import java.util.Objects;

/** The customer's dashboard: every account, what is due, when, and what is overdue. */
@Path("/portal")
@RolesAllowed(Role.CUSTOMER_ROLE)
public class PortalResource {

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance dashboard(
                List<AccountBalance> balances, Money totalDue, LocalDate nextDue, boolean anyOverdue);
    }

    @Inject
    CurrentUser user;

    @Inject
    AccountBalances balances;

    @Inject
    Biller biller;

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
        boolean overdue = mine.stream().anyMatch(AccountBalance::isOverdue);
        return Templates.dashboard(mine, total, nextDue, overdue);
    }
}
