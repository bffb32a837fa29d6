package app.billfold.web.common;

import app.billfold.invoice.UnitCode;
import app.billfold.invoice.VatCategory;
import io.quarkus.qute.TemplateGlobal;
import java.util.Arrays;
import java.util.List;

/** The choice lists of the e-invoicing fields, for every template. */
@TemplateGlobal
public class EInvoiceChoices {

    static final List<String> unitCodes =
            Arrays.stream(UnitCode.values()).map(Enum::name).toList();

    static final List<String> vatCategories =
            Arrays.stream(VatCategory.values()).map(Enum::name).toList();

    static final List<String> operationCategories = List.of("S1", "B1", "M1");
}
