package app.billfold.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.common.ConsoleMessages;
import io.quarkus.qute.i18n.Message;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The message log names every kind of message in words, in English and French: each kind the
 * e-mail and SMS composers write (their {@code case "kind"} labels) has a {@code kind_} message,
 * else a clerk reads the raw kind ({@code password_reset}). A new kind without words fails here.
 */
class MessageKindLabelsTest {

    private static final Pattern CASE = Pattern.compile("case \"([a-z_]+)\"");

    @Test
    void everyKindTheComposersWriteHasWordsInBothLanguages() throws Exception {
        Set<String> kinds = new TreeSet<>();
        for (String composer : new String[] {"EmailComposer.java", "SmsText.java"}) {
            Matcher m = CASE.matcher(Files.readString(Path.of("src/main/java/app/billfold/notify", composer)));
            while (m.find()) {
                kinds.add(m.group(1));
            }
        }
        assertThat(kinds).contains("payment_receipt", "password_reset", "staff_invitation", "email_change");

        Properties french = new Properties();
        try (Reader in = Files.newBufferedReader(
                Path.of("src/main/resources/messages/console_fr.properties"), StandardCharsets.UTF_8)) {
            french.load(in);
        }
        for (String kind : kinds) {
            String key = "kind_" + kind;
            assertThat(english(key)).as("English words for %s", kind).isNotBlank();
            assertThat(french.getProperty(key)).as("French words for %s", kind).isNotBlank();
        }
    }

    private static String english(String key) {
        try {
            return ConsoleMessages.class
                    .getMethod(key)
                    .getAnnotation(Message.class)
                    .value();
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
