package app.billfold.einvoice;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Renders once, in batches, the delivered documents of the invoices and credit notes issued before
 * Billfold kept them (see {@link IssuedDocuments}). It runs a little after start and then at an
 * interval; once everything has its documents, a run is one indexed query. Each batch is its own
 * transaction, so a long backlog neither holds one transaction open nor loses what was done.
 */
@ApplicationScoped
public class DocumentBackfillJob {

    private static final Logger LOG = Logger.getLogger(DocumentBackfillJob.class);

    @Inject
    IssuedDocuments documents;

    @ConfigProperty(name = "billfold.documents.backfill-batch", defaultValue = "50")
    int batchSize;

    @Scheduled(
            identity = "document-backfill",
            every = "{billfold.documents.backfill-every}",
            delayed = "{billfold.documents.backfill-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int stored = run();
        if (stored > 0) {
            LOG.infof("Document backfill stored the documents of %d issued invoices and credit notes", stored);
        }
    }

    /** Fills every missing document now; returns for how many invoices and credit notes. */
    public int run() {
        int stored = 0;
        IssuedDocuments.Batch batch = new IssuedDocuments.Batch(0, 0, 0);
        do {
            batch = documents.backfillInvoices(batch.lastId(), batchSize);
            stored += batch.stored();
        } while (batch.seen() == batchSize);
        batch = new IssuedDocuments.Batch(0, 0, 0);
        do {
            batch = documents.backfillCreditNotes(batch.lastId(), batchSize);
            stored += batch.stored();
        } while (batch.seen() == batchSize);
        return stored;
    }
}
