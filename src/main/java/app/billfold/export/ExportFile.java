package app.billfold.export;

/** What an export wrote: the name to download it under and its type. */
public record ExportFile(String name, String contentType) {}
