package app.billfold.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of e-invoicing (Factur-X, Peppol UBL), in English; French is in messages/einv_fr.properties. */
@MessageBundle(value = "einv", locale = "en")
public interface EInvoiceMessages {

    @Message("Enter a two-letter country code, such as FR.")
    String error_country();

    @Message("Enter a VAT number that starts with its country code, such as FR32123456789.")
    String error_vat_id();

    @Message("Give the scheme of this identifier.")
    String error_scheme_required();

    @Message("Enter the scheme as four digits, such as 0002 for a SIREN.")
    String error_icd();

    @Message(
            "This scheme is not on the Peppol list (0002 for a SIREN, 0009 for a SIRET, 9957 for a French VAT number).")
    String error_eas();

    @Message("This IBAN is not valid.")
    String error_iban();

    @Message("Enter a BIC of 8 or 11 letters and digits.")
    String error_bic();

    @Message("Only standard-rated lines take a rate above 0; the other categories are at 0 %.")
    String error_vat_category_rate();

    @Message("Say why this line is exempt from VAT.")
    String error_exemption_reason();

    @Message("Your country is missing (Settings, E-invoicing).")
    String missing_seller_country();

    @Message("Taxed, zero-rated, exempt and reverse-charge lines need your VAT number (Settings, E-invoicing).")
    String missing_seller_vat_id();

    @Message("Your electronic address is missing (Settings, E-invoicing): give one, or your SIREN under scheme 0002.")
    String missing_seller_endpoint();

    @Message("The customer’s country is missing (customer page, Business details).")
    String missing_buyer_country();

    @Message(
            "The customer’s electronic address is missing (customer page, Business details): give one, or its SIREN under scheme 0002.")
    String missing_buyer_endpoint();

    @Message("Reverse-charge lines need the customer’s VAT number (customer page, Business details).")
    String missing_buyer_vat_id();

    @Message("Lines outside the scope of VAT cannot be on one invoice with other lines.")
    String out_of_scope_mixed();

    @Message("With a VAT number you cannot bill outside the scope of VAT: choose zero rate or exempt.")
    String out_of_scope_with_vat_id();

    @Message("This business invoice cannot be issued as an e-invoice yet:")
    String problems_title();

    @Message("E-invoicing")
    String einvoicing_title();

    @Message(
            "What your Factur-X and Peppol e-invoices say about you. Invoices to business customers are not issued until what they need is here.")
    String einvoicing_intro();

    @Message("Street")
    String field_street();

    @Message("Postcode")
    String field_postcode();

    @Message("City")
    String field_city();

    @Message("Country (two letters, such as FR)")
    String field_country();

    @Message("VAT number")
    String field_vat_id();

    @Message("Registration number (such as a SIREN)")
    String field_registration_id();

    @Message("Registration scheme (0002 for a SIREN)")
    String field_registration_scheme();

    @Message("Electronic address (Peppol)")
    String field_endpoint_id();

    @Message("Electronic address scheme (0002, 0009, 9957…)")
    String field_endpoint_scheme();

    @Message("IBAN for transfers")
    String field_iban();

    @Message("BIC")
    String field_bic();

    @Message("Your invoices are for")
    String field_operation_category();

    @Message("Goods")
    String op_B1();

    @Message("Services")
    String op_S1();

    @Message("Goods and services")
    String op_M1();

    @Message("Buyer reference")
    String field_buyer_reference();

    @Message("Purchase order")
    String field_order_reference();

    @Message("Note")
    String field_note();

    @Message("Business details for e-invoices")
    String business_title();

    @Message(
            "What e-invoices to {name} say about it. Its invoices are not issued until its country and electronic address are here.")
    String business_intro(String name);

    @Message("Business details for e-invoices")
    String business_link();

    @Message("Unit")
    String line_unit();

    @Message("VAT category")
    String line_vat_category();

    @Message("Reason for no VAT")
    String line_exemption_reason();

    @Message("each")
    String unit_C62();

    @Message("kWh")
    String unit_KWH();

    @Message("m³")
    String unit_MTQ();

    @Message("litre")
    String unit_LTR();

    @Message("kg")
    String unit_KGM();

    @Message("hour")
    String unit_HUR();

    @Message("day")
    String unit_DAY();

    @Message("month")
    String unit_MON();

    @Message("year")
    String unit_ANN();

    @Message("Choose a period that starts before it ends, of a year at most.")
    String error_export_range();

    @Message("From")
    String export_from();

    @Message("To")
    String export_to();

    @Message("Deducted from what you owe, or refunded.")
    String credit_terms();

    @Message("By its rate")
    String vat_auto();

    @Message("Standard")
    String vat_S();

    @Message("Zero rate")
    String vat_Z();

    @Message("Exempt")
    String vat_E();

    @Message("Reverse charge")
    String vat_AE();

    @Message("Outside the scope of VAT")
    String vat_O();

    @Message("PDF")
    String download_pdf();

    @Message("Factur-X (PDF)")
    String download_facturx();

    @Message("CII (XML)")
    String download_cii();

    @Message("Peppol UBL (XML)")
    String download_ubl();

    @Message("e-invoice (XML)")
    String download_einvoice();

    @Message("E-invoices for a period")
    String export_title();

    @Message(
            "Every invoice and credit note issued in the period, each as Factur-X PDF and, for business customers, Peppol UBL, in one zip.")
    String export_intro();

    @Message("Download the zip")
    String export_download();

    @Message("Credit notes")
    String credit_notes_title();

    @Message("Credit note {number}")
    String credit_note_title(String number);

    @Message("Corrects invoice {number} of {date}")
    String credit_note_corrects(String number, String date);

    @Message("Reason: {reason}")
    String credit_note_reason(String reason);

    @Message("Credited")
    String total_credited();

    @Message("Your reference: {reference}")
    String buyer_reference_pdf(String reference);

    @Message("Your order: {reference}")
    String order_reference_pdf(String reference);

    @Message("VAT: {id}")
    String vat_id_pdf(String id);

    @Message("Late payment: interest at three times the legal rate.")
    String note_late_penalties();

    @Message("Fixed recovery fee for late payment: €40.")
    String note_recovery_fee();

    @Message("No discount for early payment.")
    String note_no_discount();

    @Message("Due by {date}.")
    String payment_terms(String date);
}
