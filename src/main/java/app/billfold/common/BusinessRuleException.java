package app.billfold.common;

/**
 * A request that is well formed but not allowed by the rules, such as voiding a paid invoice.
 * It carries a message key so that pages can say why in the reader's language.
 */
public class BusinessRuleException extends RuntimeException {

    private final String messageKey;

    public BusinessRuleException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
