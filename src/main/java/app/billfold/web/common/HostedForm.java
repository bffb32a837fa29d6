package app.billfold.web.common;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The way to the processor's hosted form and back: the redirect that sends the browser there, and
 * the idempotency keys that pay pages hand out so that a double submit or a reload pays once.
 */
public final class HostedForm {

    private static final Pattern HANDED_OUT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private HostedForm() {}

    /** Sends the browser to the hosted form, which comes back to {@code returnTo} with a token and the state. */
    public static Response redirect(boolean bank, String returnTo, String signedState) {
        return Redirects.seeOther("/sandbox/checkout?kind=" + (bank ? "bank" : "card")
                + "&return=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8)
                + "&state=" + URLEncoder.encode(signedState, StandardCharsets.UTF_8));
    }

    /**
     * As {@link #redirect(boolean, String, String)}, with what the hosted form shows the payer: the
     * amount, and the way back to the form (a signed {@code SandboxOrder}).
     */
    public static Response redirect(boolean bank, String returnTo, String signedState, String signedOrder) {
        return Redirects.seeOther("/sandbox/checkout?kind=" + (bank ? "bank" : "card")
                + "&return=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8)
                + "&state=" + URLEncoder.encode(signedState, StandardCharsets.UTF_8)
                + "&order=" + URLEncoder.encode(signedOrder, StandardCharsets.UTF_8));
    }

    public static String newKey(String prefix) {
        return prefix + UUID.randomUUID();
    }

    /**
     * The idempotency key of a payment from the key its pay form carried (if it is one a page handed
     * out, otherwise a fresh one), scoped to whoever pays: {@code owner} names the customer (or the
     * guest's account). Another payer who sends the same form key gets a key of their own, so they
     * can neither see nor settle someone else's attempt with it.
     */
    public static String keyOf(String submitted, String prefix, String owner) {
        String handedOut = submitted != null
                        && submitted.startsWith(prefix)
                        && HANDED_OUT
                                .matcher(submitted.substring(prefix.length()))
                                .matches()
                ? submitted.substring(prefix.length())
                : UUID.randomUUID().toString();
        return prefix + owner + "-" + handedOut;
    }
}
