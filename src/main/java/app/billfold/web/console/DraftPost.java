package app.billfold.web.console;

import app.billfold.invoice.DraftForm;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** The fields the draft invoice form posts: the lines table comes as one list per column. */
public class DraftPost {

    @RestForm
    String dueDate;

    @RestForm
    String buyerReference;

    @RestForm
    String orderReference;

    @RestForm
    String note;

    @RestForm
    List<String> description;

    @RestForm
    List<String> quantity;

    @RestForm
    List<String> unitPrice;

    @RestForm
    List<String> taxRate;

    @RestForm
    List<String> unitCode;

    @RestForm
    List<String> vatCategory;

    @RestForm
    List<String> exemptionReason;

    @RestForm
    String action;

    DraftForm form() {
        return DraftForm.of(
                dueDate,
                buyerReference,
                orderReference,
                note,
                new DraftForm.Columns(
                        description, quantity, unitPrice, taxRate, unitCode, vatCategory, exemptionReason));
    }
}
