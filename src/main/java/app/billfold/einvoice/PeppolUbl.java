package app.billfold.einvoice;

import app.billfold.biller.BillerSettings;
import com.helger.cii.d16b.CIID16BCrossIndustryInvoiceTypeMarshaller;
import com.helger.commons.error.list.ErrorList;
import com.helger.en16931.cii2ubl.CIIToUBL21Converter;
import com.helger.ubl21.UBL21Marshaller;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Serializable;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;

/**
 * Peppol BIS Billing 3.0 (UBL 2.1): the document's CII converted by en16931-cii2ubl, the EN 16931
 * mapping between the two syntaxes, with Peppol's customization and profile. A credit note becomes
 * a UBL CreditNote.
 */
@ApplicationScoped
public class PeppolUbl {

    static final String CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    static final String PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

    public byte[] render(EInvoiceDocument doc, BillerSettings biller) {
        byte[] cii = FacturX.cii(doc, biller, true);
        var parsed = new CIID16BCrossIndustryInvoiceTypeMarshaller().read(cii);
        if (parsed == null) {
            throw new IllegalStateException("Mustang's CII for " + doc.number() + " could not be read back");
        }
        ErrorList errors = new ErrorList();
        Serializable ubl = new CIIToUBL21Converter()
                .setCustomizationID(CUSTOMIZATION)
                .setProfileID(PROFILE)
                .convertCIItoUBL(parsed, errors);
        if (ubl == null || errors.containsAtLeastOneError()) {
            throw new IllegalStateException("Could not convert " + doc.number() + " to UBL: " + errors);
        }
        byte[] xml;
        if (ubl instanceof CreditNoteType creditNote) {
            citeTheInvoice(creditNote);
            xml = UBL21Marshaller.creditNote().getAsBytes(creditNote);
        } else {
            xml = UBL21Marshaller.invoice().getAsBytes((InvoiceType) ubl);
        }
        if (xml == null) {
            throw new IllegalStateException("Could not write the UBL of " + doc.number());
        }
        return xml;
    }

    /**
     * The converter files the corrected invoice as a credit note reference; EN 16931 (BT-25, rule
     * BR-55) wants it as the preceding invoice reference.
     */
    private static void citeTheInvoice(CreditNoteType creditNote) {
        for (var reference : creditNote.getBillingReference()) {
            if (reference.getInvoiceDocumentReference() == null && reference.getCreditNoteDocumentReference() != null) {
                reference.setInvoiceDocumentReference(reference.getCreditNoteDocumentReference());
                reference.setCreditNoteDocumentReference(null);
            }
        }
    }
}
