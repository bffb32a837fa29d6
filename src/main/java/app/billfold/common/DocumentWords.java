package app.billfold.common;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.function.Function;

/**
 * The document words in the customer's language, for texts built in Java. Qute's message bundles
 * reach for the current request, which a job's worker thread (billing run, late fees) does not
 * have: one is opened for the time of the lookup when none is active.
 */
public final class DocumentWords {

    private DocumentWords() {}

    /** A text in the words of a customer who speaks this language ("en", "fr"). */
    public static <T> T in(String language, Function<DocumentMessages, T> text) {
        ManagedContext request = Arc.container().requestContext();
        if (request.isActive()) {
            return text.apply(bundle(language));
        }
        request.activate();
        try {
            return text.apply(bundle(language));
        } finally {
            request.terminate();
        }
    }

    private static DocumentMessages bundle(String language) {
        return MessageBundles.get(
                DocumentMessages.class, Localized.Literal.of(language == null || language.isBlank() ? "en" : language));
    }
}
