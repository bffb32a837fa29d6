package app.billfold.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validation failures of one form, by field name, each as a message key. Services fill it and
 * throw {@link InvalidInputException}; pages re-render the form with the errors beside their fields.
 */
public class FieldErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    public FieldErrors reject(String field, String messageKey) {
        errors.putIfAbsent(field, messageKey);
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public String get(String field) {
        return errors.get(field);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The message keys, in the order the problems were found. */
    public java.util.List<String> messageKeys() {
        return java.util.List.copyOf(errors.values());
    }

    public Map<String, String> asMap() {
        return Map.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(this);
        }
    }
}
