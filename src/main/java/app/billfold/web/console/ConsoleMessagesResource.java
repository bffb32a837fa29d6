package app.billfold.web.console;

import app.billfold.account.Customer;
import app.billfold.audit.AuditLog;
import app.billfold.biller.Biller;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.Paging;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.notify.MessagePreview;
import app.billfold.notify.Outbox;
import app.billfold.notify.OutboxMessage;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The message log: what was sent to whom, what is waiting, what died; dead messages can be resent. */
@Path("/console/messages")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
@Produces(MediaType.TEXT_HTML)
public class ConsoleMessagesResource {

    static final Set<String> STATUSES = Set.of("PENDING", "SENDING", "RETRY", "SENT", "DEAD", "SKIPPED");
    static final Set<String> CHANNELS = Set.of("EMAIL", "SMS");

    /** Messages a page. */
    static final int PAGE_SIZE = 50;

    /** The filter as the clerk typed it, to show it back. */
    public record Filter(String status, String channel, Long customer, String to, String from, String until) {}

    @CheckedTemplate(basePath = "console/messages")
    static class Templates {
        static native TemplateInstance log(
                List<OutboxMessage> messages,
                PageLinks pages,
                Filter filter,
                Customer customer,
                FieldErrors errors,
                Instant now);

        static native TemplateInstance message(
                OutboxMessage message, MessagePreview.Content content, Customer customer, Instant now);
    }

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    Biller biller;

    @Inject
    MessagePreview preview;

    @Inject
    java.time.Clock clock;

    @GET
    public Response log(
            @RestQuery String status,
            @RestQuery String channel,
            @RestQuery Long customer,
            @RestQuery String to,
            @RestQuery String from,
            @RestQuery String until,
            @RestQuery String page) {
        FieldErrors errors = new FieldErrors();
        String chosenStatus = status != null && STATUSES.contains(status) ? status : "";
        String chosenChannel = channel != null && CHANNELS.contains(channel) ? channel : "";
        LocalDate fromDay = FormInput.date(errors, "from", from, false);
        LocalDate untilDay = FormInput.date(errors, "until", until, false);
        ZoneId zone = biller.settings().zone();
        Customer who = customer == null ? null : Customer.findById(customer);
        var filter = new Filter(
                chosenStatus,
                chosenChannel,
                who == null ? null : who.id,
                to == null ? "" : to.strip(),
                fromDay == null ? "" : fromDay.toString(),
                untilDay == null ? "" : untilDay.toString());
        var messages = outbox.log(
                new Outbox.LogFilter(
                        chosenStatus,
                        chosenChannel,
                        filter.customer(),
                        filter.to(),
                        fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant(),
                        untilDay == null
                                ? null
                                : untilDay.plusDays(1).atStartOfDay(zone).toInstant()),
                Paging.of(page, PAGE_SIZE));
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("status", filter.status());
        kept.put("channel", filter.channel());
        kept.put("customer", filter.customer());
        kept.put("to", filter.to());
        kept.put("from", filter.from());
        kept.put("until", filter.until());
        PageLinks pages = PageLinks.of("/console/messages", kept, messages);
        return Response.status(errors.isEmpty() ? Response.Status.OK : Response.Status.BAD_REQUEST)
                .entity(Templates.log(messages.items(), pages, filter, who, errors, Instant.now(clock)))
                .build();
    }

    /** One message: to whom, when, what happened to it, and what it says. */
    @GET
    @Path("{id}")
    public TemplateInstance message(@RestPath Long id) {
        OutboxMessage message = preview.get(id);
        Customer who = message.customerId == null ? null : Customer.findById(message.customerId);
        return Templates.message(message, preview.of(message), who, Instant.now(clock));
    }

    @POST
    @Path("{id}/resend")
    public Response resend(@RestPath Long id) {
        // A message that is not failed is refused with a page saying so (ErrorMappers).
        outbox.resend(id, user.email(), audit);
        return Redirects.seeOther("/console/messages", "notice_message_resent");
    }
}
