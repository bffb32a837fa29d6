package app.billfold.web.webhook;

import app.billfold.notify.DeliveryReports;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Where the mail relay reports bounces: the Message-ID Billfold gave the e-mail, whether the bounce
 * is permanent (hard) or temporary (soft), and the reason. The relay authenticates with the
 * configured token; with no token configured the hook is off.
 */
@Path("/webhooks/mail/bounce")
@PermitAll
public class MailBounceResource {

    @ConfigProperty(name = "billfold.mail.bounce-token")
    Optional<String> token;

    @Inject
    DeliveryReports reports;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response bounced(
            @HeaderParam("Authorization") String authorization,
            @RestForm String messageId,
            @RestForm String type,
            @RestForm String reason) {
        if (!authorized(authorization)) {
            return plain(Response.Status.FORBIDDEN, "Missing or wrong bounce token.");
        }
        if (messageId == null || messageId.isBlank() || !("permanent".equals(type) || "transient".equals(type))) {
            return plain(
                    Response.Status.BAD_REQUEST,
                    "Give messageId (the Message-ID header) and type (permanent or transient).");
        }
        String cut = reason == null ? null : reason.length() > 300 ? reason.substring(0, 300) : reason;
        if (!reports.emailBounced(messageId, "permanent".equals(type), cut)) {
            return plain(Response.Status.NOT_FOUND, "No e-mail with that Message-ID.");
        }
        return Response.noContent().build();
    }

    private boolean authorized(String authorization) {
        if (token.filter(t -> !t.isBlank()).isEmpty() || authorization == null) {
            return false;
        }
        byte[] expected = ("Bearer " + token.get()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, authorization.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static Response plain(Response.Status status, String text) {
        return Response.status(status).type(MediaType.TEXT_PLAIN).entity(text).build();
    }
}
