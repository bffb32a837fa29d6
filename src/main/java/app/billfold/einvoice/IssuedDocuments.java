package app.billfold.einvoice;

import app.billfold.common.NotFoundException;
import app.billfold.invoice.CreditNote;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The delivered documents of issued invoices and credit notes, frozen at issue (French law keeps an
 * issued invoice unchanged for ten years): rendered once in the issuing transaction and from then
 * on served, mailed, printed and exported byte-for-byte. A document issued before documents were
 * kept is rendered once, by {@link DocumentBackfillJob} or by the first download, whichever comes
 * first, and kept from then on.
 */
@ApplicationScoped
public class IssuedDocuments {

    private static final Logger LOG = Logger.getLogger(IssuedDocuments.class);

    @Inject
    EInvoices eInvoices;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Renders and stores every file of an invoice being issued, in its transaction. Only the
     * Factur-X PDF is the bill itself; a UBL that cannot be made is logged and made at its first
     * download instead, rather than refusing the issue (the CII is inside the Factur-X: without it
     * there is no bill).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void freeze(Invoice invoice) {
        // Made once: the Factur-X carries it and it is kept as a file of its own.
        byte[] cii = eInvoices.cii(invoice);
        for (EInvoices.Format format : EInvoices.formatsFor(invoice)) {
            if (format == EInvoices.Format.FACTURX) {
                store(invoice.id, null, format, eInvoices.render(invoice, format, cii));
            } else {
                try {
                    store(invoice.id, null, format, eInvoices.render(invoice, format, cii));
                } catch (RuntimeException e) {
                    LOG.warnf(e, "The %s of invoice %s could not be made at issue", format, invoice.number);
                }
            }
        }
    }

    /** The same for a credit note being issued against the given invoice. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void freeze(CreditNote note, Invoice invoice) {
        for (EInvoices.Format format : EInvoices.formatsFor(invoice)) {
            if (format == EInvoices.Format.FACTURX) {
                store(null, note.id, format, eInvoices.render(note, invoice, format));
            } else {
                try {
                    store(null, note.id, format, eInvoices.render(note, invoice, format));
                } catch (RuntimeException e) {
                    LOG.warnf(e, "The %s of credit note %s could not be made at issue", format, note.number);
                }
            }
        }
    }

    /** A file of an issued invoice, as it was delivered. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EInvoices.File ofInvoice(Invoice invoice, EInvoices.Format format) {
        if (invoice.status == InvoiceStatus.DRAFT) {
            throw new NotFoundException("a draft has no e-invoice");
        }
        offered(invoice, format);
        IssuedDocument stored = storedOfInvoice(invoice.id, format);
        if (stored == null) {
            EInvoices.File file = eInvoices.render(invoice, format);
            QuarkusTransaction.requiringNew().run(() -> store(invoice.id, null, format, file));
            stored = storedOfInvoice(invoice.id, format);
        }
        return stored.file();
    }

    /** A file of a credit note, as it was delivered. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EInvoices.File ofCreditNote(CreditNote note, EInvoices.Format format) {
        Invoice invoice = Invoice.findById(note.invoiceId);
        offered(invoice, format);
        IssuedDocument stored = storedOfCreditNote(note.id, format);
        if (stored == null) {
            EInvoices.File file = eInvoices.render(note, invoice, format);
            QuarkusTransaction.requiringNew().run(() -> store(null, note.id, format, file));
            stored = storedOfCreditNote(note.id, format);
        }
        return stored.file();
    }

    private static void offered(Invoice invoice, EInvoices.Format format) {
        if (!EInvoices.formatsFor(invoice).contains(format)) {
            throw new NotFoundException("Peppol UBL is for business customers");
        }
    }

    private IssuedDocument storedOfInvoice(Long invoiceId, EInvoices.Format format) {
        return IssuedDocument.<IssuedDocument>find("invoiceId = ?1 and format = ?2", invoiceId, format)
                .firstResult();
    }

    private IssuedDocument storedOfCreditNote(Long creditNoteId, EInvoices.Format format) {
        return IssuedDocument.<IssuedDocument>find("creditNoteId = ?1 and format = ?2", creditNoteId, format)
                .firstResult();
    }

    /** One statement; the first stored file wins (a download and the backfill may race). */
    private void store(Long invoiceId, Long creditNoteId, EInvoices.Format format, EInvoices.File file) {
        String owner = invoiceId != null ? "invoice_id" : "credit_note_id";
        em.createNativeQuery("insert into issued_document (" + owner + ", format, file_name, media_type, content, etag,"
                        + " stored_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing")
                .setParameter(1, invoiceId != null ? invoiceId : creditNoteId)
                .setParameter(2, format.name())
                .setParameter(3, file.name())
                .setParameter(4, file.mediaType())
                .setParameter(5, file.bytes())
                .setParameter(6, file.etag())
                .setParameter(7, Instant.now(clock))
                .executeUpdate();
    }

    /** What one backfill batch did: how many it looked at, the last id it saw, how many it stored. */
    public record Batch(int seen, long lastId, int stored) {}

    /**
     * Renders and stores the files of up to {@code size} issued invoices after the given id that
     * have none (issued before documents were kept). One that cannot be rendered is logged and
     * left for the next run.
     */
    @Transactional
    public Batch backfillInvoices(long afterId, int size) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select i.id from invoice i where i.id > ?1 and i.status <> 'DRAFT'"
                        + " and not exists (select 1 from issued_document d where d.invoice_id = i.id)"
                        + " order by i.id limit ?2")
                .setParameter(1, afterId)
                .setParameter(2, size)
                .getResultList();
        int stored = 0;
        long last = afterId;
        for (Number id : ids) {
            last = id.longValue();
            Invoice invoice = Invoice.findById(last);
            try {
                for (EInvoices.Format format : EInvoices.formatsFor(invoice)) {
                    store(invoice.id, null, format, eInvoices.render(invoice, format));
                }
                stored++;
            } catch (RuntimeException e) {
                LOG.warnf(
                        e, "Invoice %s: its documents could not be rendered; the next run tries again", invoice.number);
            }
        }
        return new Batch(ids.size(), last, stored);
    }

    /** The same for credit notes. */
    @Transactional
    public Batch backfillCreditNotes(long afterId, int size) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select n.id from credit_note n where n.id > ?1"
                        + " and not exists (select 1 from issued_document d where d.credit_note_id = n.id)"
                        + " order by n.id limit ?2")
                .setParameter(1, afterId)
                .setParameter(2, size)
                .getResultList();
        int stored = 0;
        long last = afterId;
        for (Number id : ids) {
            last = id.longValue();
            CreditNote note = CreditNote.findById(last);
            Invoice invoice = Invoice.findById(note.invoiceId);
            try {
                for (EInvoices.Format format : EInvoices.formatsFor(invoice)) {
                    store(null, note.id, format, eInvoices.render(note, invoice, format));
                }
                stored++;
            } catch (RuntimeException e) {
                LOG.warnf(
                        e,
                        "Credit note %s: its documents could not be rendered; the next run tries again",
                        note.number);
            }
        }
        return new Batch(ids.size(), last, stored);
    }

    /** An invoice's files as the period export carries them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EInvoices.File> exportedOf(Invoice invoice) {
        return exported(invoice).stream()
                .map(format -> ofInvoice(invoice, format))
                .toList();
    }

    /** A credit note's files as the period export carries them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EInvoices.File> exportedOf(CreditNote note) {
        Invoice invoice = Invoice.findById(note.invoiceId);
        return exported(invoice).stream()
                .map(format -> ofCreditNote(note, format))
                .toList();
    }

    /** A consumer's documents are exported as the PDF everyone reads; a business's as all three. */
    private static List<EInvoices.Format> exported(Invoice invoice) {
        return EInvoices.offersUbl(invoice) ? EInvoices.formatsFor(invoice) : List.of(EInvoices.Format.FACTURX);
    }
}
