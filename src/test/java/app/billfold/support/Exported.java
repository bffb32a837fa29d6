package app.billfold.support;

import io.restassured.response.Response;
import java.net.URI;
import java.util.Map;

/** A long export as a clerk takes it: asked for, its page followed until it ends, then downloaded. */
public final class Exported {

    private Exported() {}

    /** The path of the export's page the request led to. */
    public static String request(WebSession console, Map<String, ?> form) {
        Response started = console.post("/console/exports", form);
        if (started.statusCode() != 303) {
            throw new AssertionError("the export was refused: " + started.statusCode() + " " + started.asString());
        }
        return URI.create(started.header("Location")).getPath();
    }

    /** Follows the export's page until it no longer follows itself (ready or failed); returns the page. */
    public static String awaitEnd(WebSession console, String job) {
        long until = System.currentTimeMillis() + 120_000;
        while (true) {
            String page = console.get(job).asString();
            if (!page.contains("data-running")) {
                return page;
            }
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("the export did not end in two minutes: " + job);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Asks for the export, waits for it and downloads the file. */
    public static Response download(WebSession console, Map<String, ?> form) {
        String job = request(console, form);
        awaitEnd(console, job);
        return console.get(job + "/file");
    }
}
