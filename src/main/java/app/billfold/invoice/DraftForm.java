package app.billfold.invoice;

import java.util.ArrayList;
import java.util.List;

/** What a clerk submits for a draft invoice: the due date and the lines (blank rows are ignored). */
public record DraftForm(String dueDate, List<LineInput> lines) {

    /** Lines from the parallel lists a form posts, one entry per row. */
    public static DraftForm of(
            String dueDate,
            List<String> descriptions,
            List<String> quantities,
            List<String> prices,
            List<String> rates) {
        int rows = Math.max(Math.max(size(descriptions), size(quantities)), Math.max(size(prices), size(rates)));
        List<LineInput> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            lines.add(new LineInput(at(descriptions, i), at(quantities, i), at(prices, i), at(rates, i)));
        }
        return new DraftForm(dueDate, lines);
    }

    public static DraftForm of(Invoice invoice) {
        List<LineInput> lines = new ArrayList<>();
        for (InvoiceLine line : invoice.lines) {
            lines.add(new LineInput(
                    line.description,
                    line.quantity.stripTrailingZeros().toPlainString(),
                    line.unitPrice.stripTrailingZeros().toPlainString(),
                    line.taxRate.stripTrailingZeros().toPlainString()));
        }
        return new DraftForm(invoice.dueDate == null ? "" : invoice.dueDate.toString(), lines);
    }

    /** The same form with blank rows appended so that a clerk can add lines without JavaScript. */
    public DraftForm withBlankRows(int count) {
        List<LineInput> padded =
                new ArrayList<>(lines.stream().filter(l -> !l.isBlank()).toList());
        for (int i = 0; i < count; i++) {
            padded.add(new LineInput("", "", "", ""));
        }
        return new DraftForm(dueDate, padded);
    }

    private static int size(List<String> list) {
        return list == null ? 0 : list.size();
    }

    private static String at(List<String> list, int i) {
        return list != null && i < list.size() ? list.get(i) : "";
    }
}
