package app.billfold.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bare HTTP/1.1 client over one kept-alive socket, for the fuzz test: it sends exactly the bytes
 * it is given (a request target with a stray %, a body that is not UTF-8, a multipart body cut
 * short), which the usual clients refuse to or repair. Reconnects when the server closes.
 */
public final class RawHttp implements AutoCloseable {

    /** What came back. */
    public record Reply(int status, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Sends one request. {@code target} goes on the request line as given; {@code headers} are sent
     * as given (Host and Content-Length are added unless present); {@code body} may be null.
     */
    public Reply send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", host + ":" + port);
        if (body != null) {
            all.put("Content-Length", String.valueOf(body.length));
        }
        all.putAll(headers);
        for (Map.Entry<String, String> header : all.entrySet()) {
            request.write((header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        request.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            request.write(body);
        }
        byte[] bytes = request.toByteArray();
        try {
            return exchange(bytes, method);
        } catch (IOException firstTry) {
            // A kept-alive connection the server had already closed: once more on a new one.
            close();
            return exchange(bytes, method);
        }
    }

    private Reply exchange(byte[] request, String method) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(60_000);
            socket.setTcpNoDelay(true);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 65536);
            out = socket.getOutputStream();
        }
        out.write(request);
        out.flush();
        String statusLine = line();
        while (statusLine.isEmpty()) {
            statusLine = line();
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.computeIfAbsent(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(header.substring(colon + 1).strip());
        }
        byte[] body;
        String length = first(headers, "content-length");
        String encoding = first(headers, "transfer-encoding");
        if (method.equals("HEAD") || status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked();
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else {
            body = in.readAllBytes();
            close();
        }
        String connection = first(headers, "connection");
        if (connection != null && connection.equalsIgnoreCase("close")) {
            close();
        }
        return new Reply(status, headers, body);
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            if (n == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            line();
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        if (c == -1 && line.size() == 0) {
            throw new IOException("connection closed");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
    }
}
