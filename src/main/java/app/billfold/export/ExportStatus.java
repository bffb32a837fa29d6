package app.billfold.export;

/** Where an export stands: asked for, being made, ready to download, or failed (with why). */
public enum ExportStatus {
    QUEUED,
    RUNNING,
    READY,
    FAILED;

    public boolean isUnderWay() {
        return this == QUEUED || this == RUNNING;
    }
}
