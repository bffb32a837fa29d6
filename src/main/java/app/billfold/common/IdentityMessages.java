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

    @Message(
            "They get an e-mail with a link to choose their password (it works once, within three days); they sign in with their e-mail address.")
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

    @Message("Forgotten password")
    String forgot_title();

    @Message("Give the e-mail address you sign in with: we send a link to choose a new password.")
    String forgot_intro();

    @Message("Send me a link")
    String forgot_submit();

    @Message("Check your inbox")
    String forgot_sent_title();

    @Message(
            "If this address has a sign-in, a link to choose a new password is on its way. It works once, within an hour.")
    String forgot_sent();

    @Message("Forgotten password?")
    String signin_forgot_link();

    @Message("Choose a new password")
    String reset_title();

    @Message("A new password for {email}. You will be signed out everywhere and sign in again with it.")
    String reset_intro(String email);

    @Message("Change my password")
    String reset_submit();

    @Message("This link no longer works")
    String reset_dead_title();

    @Message("The link has expired or was already used. Ask for a new one.")
    String reset_dead();

    @Message("Your password is changed and every session is ended. Sign in with the new password.")
    String notice_password_reset();

    @Message(
            "Enter your account number, the number or the amount of your latest bill, and the e-mail address we have for you. We will send a link to it to choose your password.")
    String register_local_explained();

    @Message("Number or amount of your latest bill")
    String register_bill_fact();

    @Message("For example INV-000123, or 42.50.")
    String register_bill_fact_hint();

    @Message("This account number and bill do not match. Check them on your latest bill.")
    String register_no_match();

    @Message("This account already has a sign-in. Sign in, or use \"Forgotten password?\" on the sign-in page.")
    String register_claimed();
}
