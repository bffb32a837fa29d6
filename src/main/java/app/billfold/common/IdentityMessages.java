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

    @Message("Your profile")
    String profile_title();

    @Message("You sign in as {email}.")
    String profile_signed_in_as(String email);

    @Message("Password")
    String profile_password_title();

    @Message("Current password")
    String profile_current_password();

    @Message("Every other browser signed in as you is signed out; this one stays signed in.")
    String profile_password_hint();

    @Message("Change my password")
    String profile_password_submit();

    @Message("E-mail address")
    String profile_email_title();

    @Message("You sign in with {email}, and your bills and notices go there.")
    String profile_email_now(String email);

    @Message("New e-mail address")
    String profile_new_email();

    @Message(
            "We send a link to the new address; nothing changes until you follow it. We then tell the old address that it was changed.")
    String profile_email_hint();

    @Message("Send me the link")
    String profile_email_submit();

    @Message("Mobile phone")
    String profile_phone_title();

    @Message("Your mobile number is {phone}.")
    String profile_phone_now(String phone);

    @Message("Text messages to it are confirmed.")
    String profile_phone_sms_on();

    @Message("Text messages to it are not confirmed yet.")
    String profile_phone_sms_off();

    @Message("You have not given a mobile number.")
    String profile_phone_none();

    @Message("Change your mobile number and text messages in your preferences")
    String profile_phone_change();

    @Message("Accounts")
    String profile_accounts_title();

    @Message("Your sign-in shows every account we hold under your name. Have a bill for another account?")
    String profile_accounts_text();

    @Message("Where you are signed in")
    String profile_sessions_title();

    @Message("The browser and system are as each browser described itself.")
    String profile_sessions_hint();

    @Message("Browser")
    String profile_session_device();

    @Message("Signed in")
    String profile_session_started();

    @Message("Last used")
    String profile_session_last_seen();

    @Message("Network address")
    String profile_session_address();

    @Message("Actions")
    String profile_session_actions();

    @Message("{browser} on {system}")
    String profile_device(String browser, String system);

    @Message("Unknown browser")
    String profile_device_unknown();

    @Message("This browser")
    String profile_session_this();

    @Message("Sign it out")
    String profile_session_end();

    @Message("Sign out every other browser")
    String profile_sessions_end_others();

    @Message("Your password, e-mail address and signed-in devices are managed by our sign-in service.")
    String profile_keycloak_text();

    @Message("Open my sign-in settings")
    String profile_keycloak_link();

    @Message("Too many wrong passwords. Wait a few minutes, then try again.")
    String profile_error_wait();

    @Message("This is not your current password.")
    String profile_error_current_wrong();

    @Message("This is already the address you sign in with.")
    String profile_error_email_same();

    @Message("This address cannot be used: it already has a sign-in. Choose another one.")
    String profile_error_email_taken();

    @Message("Confirm your new e-mail address")
    String email_change_title();

    @Message("From now on you will sign in with {email}, and your bills and notices will go there.")
    String email_change_text(String email);

    @Message("Confirm this address")
    String email_change_submit();

    @Message("The link has expired or was already used. Ask for a new one on your profile.")
    String email_change_dead();

    @Message("Go to the sign-in page")
    String email_change_home();

    @Message("Add another account")
    String link_title();

    @Message("Enter the account number and the number or the amount of a recent bill for that account.")
    String link_explained();

    @Message("Add the account")
    String link_submit();

    @Message(
            "This account already has a sign-in of its own. Its holder can see it there; ask us if it should be under your name.")
    String link_claimed();

    @Message(
            "This account is held under another customer's name, so it cannot be added here. Ask us to put it under your name; it then shows up in your sign-in.")
    String link_ask_the_biller();

    @Message("Your password is changed. Every other browser was signed out.")
    String notice_profile_password_changed();

    @Message("We sent a link to the new address. Follow it to make the change.")
    String notice_profile_email_sent();

    @Message("Your e-mail address is changed.")
    String notice_profile_email_changed();

    @Message("That browser is signed out.")
    String notice_profile_session_ended();

    @Message("Every other browser is signed out.")
    String notice_profile_sessions_ended();

    @Message("This account is already in your sign-in.")
    String notice_account_link_already_yours();
}
