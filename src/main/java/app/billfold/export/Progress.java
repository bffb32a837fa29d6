package app.billfold.export;

/** Where an export being made stands, written to its record as it goes (the page shows it). */
public interface Progress {

    /** How many rows (accounts, documents, bills) the export covers. */
    void total(int total);

    /** That {@code count} more of them are in the file. */
    void advance(int count);
}
