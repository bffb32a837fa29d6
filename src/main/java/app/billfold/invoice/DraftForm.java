package app.billfold.invoice;

import java.util.ArrayList;
import java.util.List;

/**
 * What a clerk submits for a draft invoice: the due date, the references a business buyer may ask
 * for, a note, and the lines (blank rows are ignored).
 */
public record DraftForm(
        String dueDate, String buyerReference, String orderReference, String note, List<LineInput> lines) {

    public DraftForm(String dueDate, List<LineInput> lines) {
        this(dueDate, "", "", "", lines);
    }

    /** The columns of the lines table, each posted as a list with one entry per row. */
    public record Columns(
            List<String> descriptions,
            List<String> quantities,
            List<String> prices,
            List<String> rates,
            List<String> units,
            List<String> categories,
            List<String> reasons) {}

    /** Lines from the parallel lists a form posts, one entry per row. */
    public static DraftForm of(
            String dueDate, String buyerReference, String orderReference, String note, Columns columns) {
        int rows = java.util.stream.Stream.of(
                        columns.descriptions(),
                        columns.quantities(),
                        columns.prices(),
                        columns.rates(),
                        columns.units(),
                        columns.categories(),
                        columns.reasons())
                .mapToInt(DraftForm::size)
                .max()
                .orElse(0);
        List<LineInput> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            lines.add(new LineInput(
                    at(columns.descriptions(), i),
                    at(columns.quantities(), i),
                    at(columns.prices(), i),
                    at(columns.rates(), i),
                    at(columns.units(), i),
                    at(columns.categories(), i),
                    at(columns.reasons(), i)));
        }
        return new DraftForm(dueDate, buyerReference, orderReference, note, lines);
    }

    public static DraftForm of(Invoice invoice) {
        List<LineInput> lines = new ArrayList<>();
        for (InvoiceLine line : invoice.lines) {
            lines.add(new LineInput(
                    line.description,
                    line.quantity.stripTrailingZeros().toPlainString(),
                    line.unitPrice.stripTrailingZeros().toPlainString(),
                    line.taxRate.stripTrailingZeros().toPlainString(),
                    line.unitCode,
                    line.vatCategory.name(),
                    line.exemptionReason == null ? "" : line.exemptionReason));
        }
        return new DraftForm(
                invoice.dueDate == null ? "" : invoice.dueDate.toString(),
                nonNull(invoice.buyerReference),
                nonNull(invoice.orderReference),
                nonNull(invoice.note),
                lines);
    }

    /**
     * The same form with blank rows appended so that a clerk can add lines without JavaScript, each
     * with the biller's default tax rate and the unit "each".
     */
    public DraftForm withBlankRows(int count, String defaultRate) {
        List<LineInput> padded =
                new ArrayList<>(lines.stream().filter(l -> !l.isBlank()).toList());
        for (int i = 0; i < count; i++) {
            padded.add(new LineInput("", "", "", defaultRate, UnitCode.C62.name(), "", ""));
        }
        return new DraftForm(dueDate, buyerReference, orderReference, note, padded);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static int size(List<String> list) {
        return list == null ? 0 : list.size();
    }

    private static String at(List<String> list, int i) {
        return list != null && i < list.size() ? list.get(i) : "";
    }
}
