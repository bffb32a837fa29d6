package app.billfold.export;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A long export asked for by a clerk and made in the background: its progress (done of total),
 * then its file, kept in the database in parts ({@code export_part}) so that any node can serve it
 * and none holds it whole in memory.
 */
@Entity
@Table(name = "export_job")
public class ExportJob extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public ExportKind kind;

    /** What the export covers, as the form gave it ("from=2026-01-01&to=2026-12-31"); none for a print batch. */
    public String params;

    @Enumerated(EnumType.STRING)
    public ExportStatus status;

    @Column(name = "requested_by")
    public String requestedBy;

    /** When it was asked for; a print batch takes the bills queued by then. */
    @Column(name = "requested_at")
    public Instant requestedAt;

    public String node;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    public int total;

    public int done;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public Long sizeBytes;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String error;

    public boolean isReady() {
        return status == ExportStatus.READY;
    }

    public boolean isUnderWay() {
        return status.isUnderWay();
    }

    public boolean isFailed() {
        return status == ExportStatus.FAILED;
    }

    /** Progress in whole percent (0 while the total is not known yet). */
    public int percent() {
        return total <= 0 ? (isReady() ? 100 : 0) : Math.min(100, done * 100 / total);
    }

    /** The parameters as a person reads them ("from=2026-01-01, to=2026-12-31"). */
    public String described() {
        return params == null ? "" : params.replace("&", ", ");
    }

    /** A parameter of the export ("from"), or null. */
    public String param(String name) {
        if (params == null) {
            return null;
        }
        for (String pair : params.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }
}
