package app.billfold.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of sign-in in Keycloak mode, registration and staff management, in English; French is in messages/id_fr.properties. */
@MessageBundle(value = "id", locale = "en")
public interface IdentityMessages {

    @Message("Sign-in service unavailable")
    String unavailable_title();

    @Message(
            "We cannot reach our sign-in service right now, so nothing was changed. Please try again in a few minutes.")
    String unavailable_text();

    @Message("First time here?")
    String register_intro();

    @Message("Create your sign-in with a bill")
    String register_link();

    @Message("Create your sign-in")
    String register_title();

    @Message(
            "Enter the account number and the postcode printed on your bill, and your e-mail address. We will send you an e-mail to confirm the address and choose a password.")
    String register_explained();

    @Message("Send me the e-mail")
    String register_submit();

    @Message("Check your inbox")
    String registered_title();

    @Message(
            "If this address can be used, an e-mail is on its way with a link to confirm it and choose your password. The link is valid for three days.")
    String registered_text();

    @Message("Staff")
    String staff_title();

    @Message("Role")
    String staff_role();

    @Message("Actions")
    String staff_actions();

    @Message("Admin")
    String role_admin();

    @Message("Clerk")
    String role_clerk();

    @Message("Active")
    String staff_enabled();

    @Message("Disabled")
    String staff_disabled();

    @Message("Disable")
    String staff_disable();

    @Message("Enable")
    String staff_enable();

    @Message("Invite a clerk or admin")
    String staff_invite_title();

    @Message("They get an e-mail from the sign-in service to confirm their address and choose a password.")
    String staff_invite_keycloak();

    @Message("Give them a first password; they sign in with their e-mail address.")
    String staff_invite_local();

    @Message("Invite")
    String staff_invite_submit();

    @Message(
            "At least {min} characters (at most {max}); not your e-mail address, and not a common password such as password1234.")
    String password_rule(int min, int max);

    @Message("This password is too short.")
    String password_too_short();

    @Message("This password is too long.")
    String password_too_long();

    @Message("Choose a password that is not your e-mail address.")
    String password_is_email();

    @Message("This password is among the most common ones: choose another.")
    String password_too_common();

    @Message("Too many failed sign-ins. For your safety, please try again after {until}.")
    String signin_wait(String until);

    @Message("Sign out everywhere")
    String sign_out_everywhere();

    @Message("You are signed out on every device.")
    String notice_signed_out_everywhere();

    @Message("This is the last active admin: enable or invite another admin before disabling this one.")
    String error_last_admin();

    @Message("A sign-in can be created only for the e-mail address we hold for this customer.")
    String error_register_not_on_file();

    @Message(
            "This link went to {email}, which is not the e-mail address {biller} holds for this customer, so it cannot create a sign-in. To get one, ask {biller} at {contact} to record your address.")
    String guest_register_not_on_file(String email, String biller, String contact);
}
