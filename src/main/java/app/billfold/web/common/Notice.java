package app.billfold.web.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;

/**
 * The one-line confirmation shown after a successful post-redirect-get ("Invoice issued."). Carried
 * as a query parameter and accepted only from a fixed list of message keys.
 */
@RequestScoped
@Named("notice")
public class Notice {

    public static final String PARAM = "notice";
    static final Set<String> KEYS = Set.of(
            "notice_customer_created",
            "notice_autopay_skipped",
            "notice_customer_updated",
            "notice_account_opened",
            "notice_account_updated",
            "notice_draft_saved",
            "notice_invoice_issued",
            "notice_invoice_voided",
            "notice_draft_discarded",
            "notice_payment_recorded",
            "notice_settings_saved",
            "notice_method_saved",
            "notice_method_removed",
            "notice_method_removed_autopay_moved",
            "notice_method_removed_autopay_stopped",
            "notice_autopay_on",
            "notice_autopay_off",
            "notice_autopay_ran",
            "notice_refunded",
            "notice_refund_pending",
            "notice_message_resent",
            "notice_paperless_on",
            "notice_paperless_off",
            "notice_receipt_sent",
            "notice_receipt_copies_used",
            "notice_printed",
            "notice_signed_out_everywhere",
            "notice_phone_code_sent",
            "notice_phone_confirmed",
            "notice_autopay_stopped_for",
            "notice_autopay_started_for",
            "notice_paperless_switched",
            "notice_bill_resent",
            "notice_note_added",
            "notice_preferences_saved",
            "notice_consent_code_sent",
            "notice_consent_recorded",
            "notice_consent_withdrawn",
            "notice_invitation_sent",
            "notice_staff_invited",
            "notice_password_reset",
            "notice_profile_password_changed",
            "notice_profile_email_sent",
            "notice_profile_email_changed",
            "notice_profile_session_ended",
            "notice_profile_sessions_ended",
            "notice_account_link_already_yours");

    @Inject
    UriInfo uri;

    /** The message key to show, or null. */
    public String key() {
        String key = uri.getQueryParameters().getFirst(PARAM);
        return key != null && KEYS.contains(key) ? key : null;
    }

    public static String to(String path, String key) {
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("Unknown notice " + key);
        }
        return path + (path.contains("?") ? "&" : "?") + PARAM + "=" + key;
    }
}
