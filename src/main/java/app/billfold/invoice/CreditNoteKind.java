package app.billfold.invoice;

/** Why a credit note was made: lines corrected, or what a bill still owed given up. */
public enum CreditNoteKind {
    CREDIT,
    /** Never leaves credit on the account; after it, the bill takes no other credit note. */
    WRITE_OFF
}
