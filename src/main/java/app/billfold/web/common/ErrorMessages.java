package app.billfold.web.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the error pages (templates/error), in English; French is in messages/error_fr.properties. */
@MessageBundle(value = "error", locale = "en")
public interface ErrorMessages {
    @Message("Go to the start page")
    String error_home();

    @Message("Page not found")
    String error_not_found_title();

    @Message("There is nothing here, or it is not yours to see.")
    String error_not_found_text();

    @Message("Not allowed")
    String error_forbidden_title();

    @Message("Your sign-in does not give access to this page.")
    String error_forbidden_text();

    @Message("Form expired")
    String error_csrf_title();

    @Message("This form could not be accepted. Go back, reload the page and try again.")
    String error_csrf_text();

    @Message("That cannot be done")
    String error_refused_title();

    @Message("Invalid request")
    String error_invalid_title();

    @Message("Something in the request was not valid. Nothing was changed.")
    String error_invalid_text();

    @Message("Something went wrong")
    String error_server_title();

    @Message("We could not complete this. Nothing was changed. Please try again in a moment.")
    String error_server_text();

    @Message("Method not allowed")
    String error_method_title();

    @Message("This address does not take that kind of request. Go back and use the page's own links and buttons.")
    String error_method_text();

    @Message("This address cannot answer in the format that was asked for.")
    String error_not_acceptable_text();

    @Message("The request was sent in a format this address does not take. Nothing was changed.")
    String error_media_type_text();
}
