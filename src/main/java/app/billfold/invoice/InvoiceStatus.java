package app.billfold.invoice;

public enum InvoiceStatus {
    DRAFT,
    OPEN,
    PARTIALLY_PAID,
    PAID,
    VOID;

    /** Issued and still owing something. */
    public boolean isPayable() {
        return this == OPEN || this == PARTIALLY_PAID;
    }
}
