package app.billfold.einvoice;

import app.billfold.account.Account;
import app.billfold.biller.BillerSettings;
import app.billfold.common.EInvoiceMessages;
import app.billfold.common.LocalFormats;
import app.billfold.invoice.VatCategory;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import org.mustangproject.BankDetails;
import org.mustangproject.IncludedNote;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.SchemedID;
import org.mustangproject.SubjectCode;
import org.mustangproject.TradeParty;

/**
 * Maps a Billfold document to the EN 16931 business terms, as Mustang's transaction model holds
 * them. Factur-X carries the French legal mentions for business buyers as coded notes; Peppol
 * allows one note only, so the UBL variant carries the clerk's note alone.
 */
final class EInvoiceContent {

    private EInvoiceContent() {}

    static Invoice transaction(EInvoiceDocument doc, BillerSettings biller, boolean forPeppol) {
        Locale locale = Locale.forLanguageTag(doc.account().customer.language);
        EInvoiceMessages words =
                MessageBundles.get(EInvoiceMessages.class, Localized.Literal.of(locale.toLanguageTag()));
        boolean outOfScope = doc.isOutOfScope();
        Invoice invoice = new Invoice()
                .setNumber(doc.number())
                .setIssueDate(date(doc.issueDate()))
                .setDueDate(date(doc.dueDate()))
                .setDeliveryDate(date(doc.issueDate()))
                .setCurrency(doc.currency())
                .setSender(seller(biller, outOfScope))
                .setRecipient(buyer(doc.account(), biller, outOfScope))
                .setReferenceNumber(doc.effectiveBuyerReference())
                .setPaymentTermDescription(
                        doc.creditNote()
                                ? words.credit_terms()
                                : words.payment_terms(LocalFormats.date(doc.dueDate(), locale)));
        if (!forPeppol) {
            invoice.setBusinessProcessId(biller.operationCategory);
        }
        if (doc.orderReference() != null) {
            invoice.setBuyerOrderReferencedDocumentID(doc.orderReference());
        }
        if (doc.creditNote()) {
            invoice.setCreditNote();
            invoice.setInvoiceReferencedDocumentID(doc.correctedNumber());
            invoice.setInvoiceReferencedIssueDate(date(doc.correctedIssueDate()));
        }
        if (doc.note() != null && !doc.note().isBlank()) {
            invoice.addNotes(java.util.List.of(new IncludedNote(doc.note(), SubjectCode.AAI)));
        }
        if (doc.isBusiness() && !forPeppol) {
            // The mentions French law requires on invoices between businesses (BR-FR-05).
            invoice.addNotes(java.util.List.of(
                    new IncludedNote(words.note_late_penalties(), SubjectCode.PMD),
                    new IncludedNote(words.note_recovery_fee(), SubjectCode.PMT),
                    new IncludedNote(words.note_no_discount(), SubjectCode.AAB)));
        }
        for (EInvoiceDocument.Line line : doc.lines()) {
            Product product = new Product(line.description(), "", line.unitCode(), line.taxRate());
            product.setTaxCategoryCode(line.category().name());
            if (line.exemptionReason() != null) {
                product.setTaxExemptionReason(line.exemptionReason());
            } else if (line.category() == VatCategory.AE) {
                product.setTaxExemptionReasonCode("VATEX-EU-AE");
            } else if (line.category() == VatCategory.O) {
                product.setTaxExemptionReasonCode("VATEX-EU-O");
            }
            invoice.addItem(new Item(product, line.unitPrice(), line.quantity()));
        }
        return invoice;
    }

    private static TradeParty seller(BillerSettings biller, boolean outOfScope) {
        BusinessDetails d = biller.business();
        TradeParty seller = party(biller.legalName, d, d.countryCode, outOfScope);
        if (biller.taxId != null && !biller.taxId.isBlank()) {
            seller.setTaxID(biller.taxId);
        }
        if (biller.iban != null) {
            BankDetails bank = new BankDetails(biller.iban);
            if (biller.bic != null) {
                bank.setBIC(biller.bic);
            }
            seller.addBankDetails(bank);
        }
        return seller;
    }

    /** A business customer as its details say; a consumer at the account's service address. */
    private static TradeParty buyer(Account account, BillerSettings biller, boolean outOfScope) {
        if (account.customer.isBusiness()) {
            BusinessDetails d = account.customer.business();
            return party(account.customer.name, d, d.countryCode, outOfScope);
        }
        TradeParty consumer = new TradeParty();
        consumer.setName(account.customer.name);
        consumer.setStreet(account.serviceAddress);
        consumer.setZIP(account.postcode);
        consumer.setCountry(biller.business().countryCode);
        return consumer;
    }

    private static TradeParty party(String name, BusinessDetails d, String country, boolean outOfScope) {
        TradeParty party = new TradeParty();
        party.setName(name);
        if (d.street != null) {
            party.setStreet(d.street);
        }
        if (d.postcode != null) {
            party.setZIP(d.postcode);
        }
        if (d.city != null) {
            party.setLocation(d.city);
        }
        party.setCountry(country);
        // Outside the scope of VAT, no VAT id may appear (BR-O-2 to BR-O-4).
        if (d.hasVatId() && !outOfScope) {
            party.addVATID(d.vatId);
        }
        if (d.registrationId != null) {
            party.setLegalOrganisation(
                    new LegalOrganisation(new SchemedID(d.registrationScheme, d.registrationId), name));
        }
        String[] endpoint = d.endpoint();
        if (endpoint != null) {
            party.addUriUniversalCommunicationID(new SchemedID(endpoint[0], endpoint[1]));
        }
        return party;
    }

    /** Mustang formats dates in the JVM's zone; noon keeps the calendar day whatever the offset. */
    private static Date date(LocalDate day) {
        return Date.from(day.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant());
    }
}
