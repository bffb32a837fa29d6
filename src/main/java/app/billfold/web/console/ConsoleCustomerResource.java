package app.billfold.web.console;

import app.billfold.account.AccountForm;
import app.billfold.account.Customer;
import app.billfold.account.CustomerForm;
import app.billfold.account.Customers;
import app.billfold.common.FieldErrors;
import app.billfold.common.InvalidInputException;
import app.billfold.common.Paging;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.invoice.AccountBalance;
import app.billfold.invoice.AccountBalances;
import app.billfold.web.common.PageLinks;
import app.billfold.web.common.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Clerks find, create and edit customers, and open accounts for them. */
@Path("/console")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
@Produces(MediaType.TEXT_HTML)
public class ConsoleCustomerResource {

    /** Customers (and accounts, and bills) found a page. */
    static final int PAGE_SIZE = 50;

    @CheckedTemplate(basePath = "console/customers")
    static class Templates {
        static native TemplateInstance search(String q, app.billfold.invoice.Finder.Found found, PageLinks pages);

        static native TemplateInstance form(Long customerId, CustomerForm form, FieldErrors errors);

        static native TemplateInstance detail(
                Customer customer,
                List<AccountBalance> balances,
                app.billfold.notify.SmsConsent consent,
                CustomerCare.OfCustomer care,
                FieldErrors errors,
                java.util.Map<String, String> posted);

        static native TemplateInstance accountForm(
                Customer customer, Long accountId, AccountForm form, FieldErrors errors);
    }

    @Inject
    Customers customers;

    @Inject
    app.billfold.notify.SmsConsents consents;

    @Inject
    AccountBalances balances;

    @Inject
    CurrentUser user;

    @Inject
    CustomerCare care;

    @Inject
    app.billfold.invoice.Finder finder;

    /**
     * One box for everything: a term that is exactly an invoice number, an account number or an
     * e-mail address opens that page; any other term lists what it is part of.
     */
    @GET
    @Path("customers")
    public Response search(@RestQuery String q, @RestQuery String page) {
        String term = q == null ? "" : q.strip();
        var exact = finder.exact(term);
        if (exact.isPresent()) {
            Long id = exact.get().id();
            return Redirects.seeOther(
                    switch (exact.get().kind()) {
                        case INVOICE -> "/console/invoices/" + id;
                        case ACCOUNT -> "/console/accounts/" + id;
                        case CUSTOMER -> "/console/customers/" + id;
                    });
        }
        var found = finder.search(term, Paging.of(page, PAGE_SIZE));
        return Response.ok(Templates.search(
                        term, found, PageLinks.of("/console/customers", Map.of("q", term), found.page())))
                .build();
    }

    @GET
    @Path("customers/new")
    public TemplateInstance newCustomer() {
        return Templates.form(null, CustomerForm.blank(), new FieldErrors());
    }

    @POST
    @Path("customers")
    public Response create(
            @RestForm String kind,
            @RestForm String name,
            @RestForm String email,
            @RestForm String phone,
            @RestForm String language,
            @RestForm String accountNumber,
            @RestForm String serviceAddress,
            @RestForm String postcode,
            @RestForm String city) {
        CustomerForm form = new CustomerForm(
                kind, name, email, phone, language, accountNumber, serviceAddress, postcode, city == null ? "" : city);
        try {
            Customer created = customers.create(form, user.email());
            return Redirects.seeOther("/console/customers/" + created.id, "notice_customer_created");
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.form(null, form, e.errors()))
                    .build();
        }
    }

    @GET
    @Path("customers/{id}")
    public TemplateInstance detail(@RestPath Long id) {
        return page(id, new FieldErrors(), java.util.Map.of());
    }

    /** The customer page, with the errors of one of its small forms beside their fields. */
    TemplateInstance page(Long id, FieldErrors errors, java.util.Map<String, String> posted) {
        Customer customer = customers.get(id);
        List<AccountBalance> accounts =
                customers.accountsOf(id).stream().map(balances::forAccount).toList();
        return Templates.detail(
                customer, accounts, consents.find(customer.phone).orElse(null), care.of(customer), errors, posted);
    }

    @GET
    @Path("customers/{id}/edit")
    public TemplateInstance edit(@RestPath Long id) {
        return Templates.form(id, CustomerForm.of(customers.get(id)), new FieldErrors());
    }

    @POST
    @Path("customers/{id}")
    public Response update(
            @RestPath Long id,
            @RestForm String kind,
            @RestForm String name,
            @RestForm String email,
            @RestForm String phone,
            @RestForm String language) {
        CustomerForm form = new CustomerForm(kind, name, email, phone, language, "", "", "");
        try {
            customers.update(id, form, user.email());
            return Redirects.seeOther("/console/customers/" + id, "notice_customer_updated");
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.form(id, form, e.errors()))
                    .build();
        }
    }

    @GET
    @Path("customers/{id}/accounts/new")
    public TemplateInstance newAccount(@RestPath Long id) {
        return Templates.accountForm(customers.get(id), null, AccountForm.blank(), new FieldErrors());
    }

    @POST
    @Path("customers/{id}/accounts")
    public Response openAccount(
            @RestPath Long id,
            @RestForm String accountNumber,
            @RestForm String serviceAddress,
            @RestForm String postcode,
            @RestForm String status,
            @RestForm String city) {
        Customer customer = customers.get(id);
        AccountForm form = new AccountForm(accountNumber, serviceAddress, postcode, status, city == null ? "" : city);
        try {
            var account = customers.openAccount(id, form, user.email());
            return Redirects.seeOther("/console/accounts/" + account.id, "notice_account_opened");
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.accountForm(customer, null, form, e.errors()))
                    .build();
        }
    }
}
