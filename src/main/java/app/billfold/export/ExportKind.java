package app.billfold.export;

import java.util.Optional;

/** The long exports made in the background, each named as the audit trail names it. */
public enum ExportKind {
    /** The paper bills waiting, as PDFs of at most the printer's batch size. */
    PRINT("export.print"),
    /** Every e-invoice and credit note issued in a period, in one zip. */
    EINVOICES("export.einvoices"),
    /** The aging report of a day, as CSV. */
    AGING("export.aging");

    /** The action written on the audit trail when a clerk asks for the export. */
    public final String action;

    ExportKind(String action) {
        this.action = action;
    }

    /** The kind a form names ("print", "einvoices", "aging"), if any. */
    public static Optional<ExportKind> named(String value) {
        for (ExportKind kind : values()) {
            if (kind.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
