package app.billfold.common;

/** Something asked for by id or number does not exist, or is not visible to whoever asked. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }
}
