package app.billfold.identity;

import app.billfold.common.FieldErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one rule for every password a person chooses in Billfold (staff, customers, the first admin,
 * a sign-in made from a guest link, and later changes): at least {@value #MIN} characters, at most
 * {@value #MAX} (bcrypt reads the first 72 bytes; the cap keeps a huge form from costing a hash),
 * not the e-mail address or its name part, and not one of the very common passwords of
 * {@code common-passwords.txt} (a local list: no network). Pages state it with the {@code
 * password_rule} message, filled from here.
 */
@ApplicationScoped
@Named("passwordRule")
public class PasswordRule {

    public static final int MIN = 12;
    public static final int MAX = 128;

    private static final Set<String> COMMON = load();

    public int min() {
        return MIN;
    }

    public int max() {
        return MAX;
    }

    /** What is wrong with the password, as a message key of the identity bundle; empty when it is fine. */
    public Optional<String> problem(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN) {
            return Optional.of("password_too_short");
        }
        if (password.codePointCount(0, password.length()) > MAX) {
            return Optional.of("password_too_long");
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (email != null && !email.isBlank()) {
            String address = email.strip().toLowerCase(Locale.ROOT);
            int at = address.indexOf('@');
            if (lower.equals(address) || (at > 0 && lower.equals(address.substring(0, at)))) {
                return Optional.of("password_is_email");
            }
        }
        if (COMMON.contains(lower)) {
            return Optional.of("password_too_common");
        }
        return Optional.empty();
    }

    /** Records the problem, if any, against the form field. */
    public void check(FieldErrors errors, String field, String password, String email) {
        problem(password, email).ifPresent(key -> errors.reject(field, key));
    }

    private static Set<String> load() {
        try (InputStream in = PasswordRule.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
