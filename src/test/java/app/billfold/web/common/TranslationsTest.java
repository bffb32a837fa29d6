package app.billfold.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.common.AppMessages;
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

/** Every word a user reads comes from the message bundles, and every message exists in French. */
class TranslationsTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern QUTE = Pattern.compile("\\{[^{}]*\\}");
    static final Pattern TAG = Pattern.compile("<[^>]*>");
    static final Pattern TEXT_ATTRIBUTE = Pattern.compile("\\b(alt|title|aria-label|placeholder|label)=\"([^\"]*)\"");

    @Test
    void everyMessageHasAFrenchTranslationAndNothingMore() throws IOException {
        Set<String> keys = Arrays.stream(AppMessages.class.getDeclaredMethods())
                .map(Method::getName)
                .collect(Collectors.toSet());
        Properties french = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages/msg_fr.properties")) {
            french.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(french.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
        // Qute reads the file as plain UTF-8: a \\u escape would show up on the page as typed.
        assertThat(french.values()).allSatisfy(v -> assertThat((String) v).isNotBlank());
        String raw = new String(
                getClass().getResourceAsStream("/messages/msg_fr.properties").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("\\u").contains("é");
    }

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
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
