package app.billfold.common;

/** Input that fails validation; nothing has been changed when it is thrown. */
public class InvalidInputException extends RuntimeException {

    private final FieldErrors errors;

    public InvalidInputException(FieldErrors errors) {
        super("Invalid input: " + errors.asMap());
        this.errors = errors;
    }

    public FieldErrors errors() {
        return errors;
    }
}
