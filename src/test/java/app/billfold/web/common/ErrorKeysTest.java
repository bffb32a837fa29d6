package app.billfold.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.i18n.MessageBundle;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Error keys are strings that services hand to pages (FieldErrors.reject, BusinessRuleException,
 * ErrorPages) and that pages resolve across the bundles at run time, where a typo would show the
 * raw key to a customer. So every key written in the code must exist in an English bundle and in
 * that bundle's French file.
 */
class ErrorKeysTest {

    static final Path SOURCES = Path.of("src/main/java");
    /** A message key in a string literal: error_x, or feature_error_x. */
    static final Pattern KEY = Pattern.compile("\"((?:[a-z0-9]+_)*error_[a-z0-9_]*[a-z0-9])\"");
    /** The second argument of a reject("field", "key") call, whatever the key is called. */
    static final Pattern REJECTED = Pattern.compile("reject\\(\\s*[^,()]+,\\s*\"([a-z0-9_]+)\"\\s*\\)");

    static final Pattern REFUSED = Pattern.compile("BusinessRuleException\\(\\s*\"([a-z0-9_]+)\"");

    @Test
    void everyErrorKeyInTheCodeHasEnglishAndFrenchWords() throws Exception {
        Map<String, Set<String>> english = new HashMap<>();
        Map<String, Properties> french = new HashMap<>();
        for (Class<?> bundle : bundles()) {
            String name = bundle.getAnnotation(MessageBundle.class).value();
            Set<String> keys = new TreeSet<>();
            for (Method method : bundle.getDeclaredMethods()) {
                keys.add(method.getName());
            }
            english.put(name, keys);
            Properties words = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/messages/" + name + "_fr.properties")) {
                assertThat(in).as("French file of bundle " + name).isNotNull();
                words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            french.put(name, words);
        }

        Set<String> used = keysInTheCode();
        assertThat(used).as("keys found in the code").hasSizeGreaterThan(100);
        List<String> missing = new ArrayList<>();
        for (String key : used) {
            String bundle = english.entrySet().stream()
                    .filter(e -> e.getValue().contains(key))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
            if (bundle == null) {
                missing.add(key + ": in no English bundle");
            } else if (french.get(bundle).getProperty(key) == null) {
                missing.add(key + ": not in messages/" + bundle + "_fr.properties");
            }
        }
        assertThat(missing).as("error keys without words").isEmpty();
    }

    static Set<String> keysInTheCode() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern pattern : List.of(KEY, REJECTED, REFUSED)) {
                    Matcher matcher = pattern.matcher(source);
                    while (matcher.find()) {
                        keys.add(matcher.group(1));
                    }
                }
            }
        }
        return keys;
    }

    /** Every interface annotated @MessageBundle in the sources. */
    static List<Class<?>> bundles() throws IOException, ClassNotFoundException {
        List<Class<?>> bundles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (Files.readString(file).contains("@MessageBundle(")) {
                    String name = SOURCES.relativize(file)
                            .toString()
                            .replace('/', '.')
                            .replaceAll("\\.java$", "");
                    bundles.add(Class.forName(name));
                }
            }
        }
        assertThat(bundles).hasSizeGreaterThan(10);
        return bundles;
    }
}
