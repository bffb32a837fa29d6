package app.billfold.web.common;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The way to the processor's hosted form and back: the redirect that sends the browser there, and
 * the idempotency keys that pay pages hand out so that a double submit or a reload pays once.
 */
public final class HostedForm {

    private HostedForm() {}

    /** Sends the browser to the hosted form, which comes back to {@code returnTo} with a token and the state. */
    public static Response redirect(boolean bank, String returnTo, String signedState) {
        return Redirects.seeOther("/sandbox/checkout?kind=" + (bank ? "bank" : "card")
                + "&return=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8)
                + "&state=" + URLEncoder.encode(signedState, StandardCharsets.UTF_8));
    }

    public static String newKey(String prefix) {
        return prefix + UUID.randomUUID();
    }

    /** The key a pay form carried, if it looks like one a page handed out; otherwise a fresh one. */
    public static String keyOf(String submitted, String prefix) {
        return submitted == null || submitted.length() < 20 || submitted.length() > 60 ? newKey(prefix) : submitted;
    }
}
