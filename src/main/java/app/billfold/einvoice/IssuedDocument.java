package app.billfold.einvoice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One delivered file of an issued invoice or credit note, as it was made at issue: read-only, it is
 * written once by {@link IssuedDocuments} and never changed.
 */
@Entity
@Table(name = "issued_document")
public class IssuedDocument extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "invoice_id")
    public Long invoiceId;

    @Column(name = "credit_note_id")
    public Long creditNoteId;

    @Enumerated(EnumType.STRING)
    public EInvoices.Format format;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "media_type")
    public String mediaType;

    public byte[] content;

    public String etag;

    @Column(name = "stored_at")
    public Instant storedAt;

    EInvoices.File file() {
        return new EInvoices.File(fileName, mediaType, content, etag);
    }
}
