package app.billfold.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The fields a change touched, each with its value before and after, so that an auditor reads
 * "postcode: 75001" then "postcode: 75002" rather than two whole records to compare by eye. Fields
 * whose value did not change are left out. Stored one field a line (see {@link AuditEntry}).
 */
public final class Changes {

    /** What the trail shows for a field that had no value. */
    public static final String NONE = "(none)";

    private final Map<String, String> before = new LinkedHashMap<>();
    private final Map<String, String> after = new LinkedHashMap<>();

    public static Changes of() {
        return new Changes();
    }

    /** Notes the field if its value changed; values are compared as they read. */
    public Changes field(String name, Object was, Object now) {
        String then = shown(was);
        String next = shown(now);
        if (!Objects.equals(then, next)) {
            before.put(name, then);
            after.put(name, next);
        }
        return this;
    }

    /** A field whose value must not be written down (a password, a logo's bytes): only that it changed. */
    public Changes hidden(String name, boolean changed) {
        if (changed) {
            before.put(name, "…");
            after.put(name, "(changed)");
        }
        return this;
    }

    public boolean isEmpty() {
        return before.isEmpty();
    }

    /** The names of the changed fields, in the order they were noted. */
    public String fields() {
        return String.join(", ", before.keySet());
    }

    public String before() {
        return lines(before);
    }

    public String after() {
        return lines(after);
    }

    private static String lines(Map<String, String> values) {
        return values.isEmpty()
                ? null
                : values.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining("\n"));
    }

    private static String shown(Object value) {
        if (value == null) {
            return NONE;
        }
        String text = value.toString().strip();
        // One field a line: a value's own line breaks (an address) read as slashes.
        return text.isEmpty() ? NONE : text.replaceAll("\\s*\\R\\s*", " / ");
    }
}
