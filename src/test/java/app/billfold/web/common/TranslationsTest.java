package app.billfold.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every word a user reads comes from the message bundles, and every message exists in French. */
class TranslationsTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern QUTE = Pattern.compile("\\{[^{}]*\\}");
    static final Pattern TAG = Pattern.compile("<[^>]*>");
    static final Pattern TEXT_ATTRIBUTE = Pattern.compile("\\b(alt|title|aria-label|placeholder|label)=\"([^\"]*)\"");

    @ParameterizedTest
    @CsvSource({
        "app.billfold.common.AppMessages, msg",
        "app.billfold.common.PaymentMessages, pay",
        "app.billfold.common.MailMessages, mail",
        "app.billfold.common.SmsMessages, sms",
        "app.billfold.common.NotifyMessages, notify",
        "app.billfold.common.IdentityMessages, id",
        "app.billfold.common.ReportMessages, report",
        "app.billfold.common.BillingMessages, billing",
        "app.billfold.common.EInvoiceMessages, einv",
        "app.billfold.common.DocumentMessages, doc",
        "app.billfold.common.ConsoleMessages, console",
        "app.billfold.common.StatementMessages, stmt",
        "app.billfold.web.common.ErrorMessages, error"
    })
    void everyMessageHasAFrenchTranslationAndNothingMore(String bundle, String name) throws Exception {
        Set<String> keys = Arrays.stream(Class.forName(bundle).getDeclaredMethods())
                .map(Method::getName)
                .collect(Collectors.toSet());
        String file = "/messages/" + name + "_fr.properties";
        Properties french = new Properties();
        try (InputStream in = getClass().getResourceAsStream(file)) {
            french.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(french.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(french.values()).allSatisfy(v -> assertThat((String) v).isNotBlank());
        // Qute reads the file as plain UTF-8: a \\u escape would show up on the page as typed.
        String raw = new String(
                getClass().getResourceAsStream(file).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("\\u");
    }

    @Test
    void noKeyIsInBothBundles() {
        Set<String> general = Arrays.stream(app.billfold.common.AppMessages.class.getDeclaredMethods())
                .map(Method::getName)
                .collect(Collectors.toSet());
        assertThat(Arrays.stream(app.billfold.common.PaymentMessages.class.getDeclaredMethods())
                        .map(Method::getName))
                .noneMatch(general::contains);
    }

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            // Pages, and the HTML and plain-text bodies of e-mails.
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".html") || f.toString().endsWith(".txt"))
                    .toList()) {
                String source = Files.readString(file);
                String withoutQute = stripQute(source);
                Matcher attributes = TEXT_ATTRIBUTE.matcher(withoutQute);
                while (attributes.find()) {
                    if (hasWords(attributes.group(2))) {
                        offending.add(file + ": " + attributes.group());
                    }
                }
                String text = TAG.matcher(withoutQute).replaceAll(" ").replaceAll("&[a-z]+;|&#\\d+;", " ");
                for (String line : text.split("\n")) {
                    if (hasWords(line)) {
                        offending.add(file + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(offending).as("literal text in templates").isEmpty();
    }

    /**
     * SMS are built in Java from the sms bundle: every kind SmsText sends has its wording there,
     * so none is composed from English held in the code.
     */
    @Test
    void everySmsKindHasItsWordingInTheBundle() throws Exception {
        Set<String> keys = Arrays.stream(app.billfold.common.SmsMessages.class.getDeclaredMethods())
                .map(Method::getName)
                .collect(Collectors.toSet());
        assertThat(keys).containsAll(app.billfold.notify.SmsText.KINDS);
    }

    @Test
    void theLiteralTextCheckCatchesText() {
        assertThat(hasWords(TAG.matcher(stripQute("<p>Hello {name}</p>")).replaceAll(" ")))
                .isTrue();
        assertThat(hasWords(TAG.matcher(stripQute("<p>{msg:hello} {name}</p>")).replaceAll(" ")))
                .isFalse();
    }

    static String stripQute(String source) {
        String previous;
        String current = source.replaceAll("(?s)\\{!.*?!\\}", "");
        do {
            previous = current;
            current = QUTE.matcher(current).replaceAll("");
        } while (!current.equals(previous));
        return current;
    }

    static boolean hasWords(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }
}
