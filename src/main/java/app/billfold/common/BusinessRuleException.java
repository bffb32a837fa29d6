package app.billfold.common;

import java.util.List;

/**
 * A request that is well formed but not allowed by the rules, such as voiding a paid invoice.
 * It carries a message key (and its arguments) so that pages can say why in the reader's language.
 */
public class BusinessRuleException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public BusinessRuleException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
