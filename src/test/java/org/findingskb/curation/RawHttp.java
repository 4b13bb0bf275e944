package org.findingskb.curation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what {@code java.net.http} cannot do: send a request from a chosen local
 * address (127.0.0.x, to stand for different clients), or send only part of a body and see that the server
 * answers before the rest arrives.
 */
final class RawHttp {

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** A response: status, headers (lower-case names) and body. */
    record Response(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    /** A complete request from {@code localAddress}. */
    Response send(String localAddress, String method, String path, String body, String... headers) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = open(localAddress)) {
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, headers, "Content-Length: " + bytes.length).getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Declares a body of {@code declaredLength} bytes but sends none of it: the response can only come from a
     * server that judged the request by its headers.
     */
    Response declareWithoutSending(String method, String path, long declaredLength, String... headers) {
        try (Socket socket = open(null)) {
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, headers, "Content-Length: " + declaredLength).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Declares a body and sends none of it, waiting up to {@code patience} for the server: its answer, or null
     * when it closed the connection without one. A client's read timing out means the server held on.
     */
    Response stalled(String method, String path, long declaredLength, java.time.Duration patience, String... headers) {
        try (Socket socket = open(null)) {
            socket.setSoTimeout((int) patience.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, headers, "Content-Length: " + declaredLength).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try {
                return read(socket.getInputStream());
            } catch (IllegalStateException closedWithoutAnswer) {
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response to a body sent in chunks, and how much of the body had been sent when it came. */
    record Streamed(Response response, long bytesSent) {
    }

    /**
     * Streams a chunked body of up to {@code bodyLength} bytes of spaces, 64 KiB at a time, and stops as soon as
     * the server answers (or closes the connection): the answer shows how much of the body the server waited for.
     */
    Streamed chunkedUntilAnswered(String method, String path, long bodyLength, String... headers) {
        try (Socket socket = open(null)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head(method, path, headers, "Transfer-Encoding: chunked").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            long sent = 0;
            try {
                while (sent < bodyLength && in.available() == 0) {
                    int n = (int) Math.min(chunk.length, bodyLength - sent);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk, 0, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    sent += n;
                    Thread.sleep(5);
                }
                if (sent >= bodyLength && in.available() == 0) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (SocketException e) {
                // The server closed the connection while we still sent: its answer is read below.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return new Streamed(read(in), sent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Socket open(String localAddress) throws IOException {
        Socket socket = new Socket();
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(localAddress, 0));
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private String head(String method, String path, String[] headers, String framing) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        head.append("Host: localhost:").append(port).append("\r\n");
        head.append("Connection: close\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        head.append(framing).append("\r\n\r\n");
        return head.toString();
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
                if (complete(all.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (SocketException e) {
            // A reset after the response was sent: what arrived is the response.
        }
        // ISO-8859-1 maps bytes to chars one to one, so offsets and chunk sizes stay byte counts.
        String raw = all.toString(StandardCharsets.ISO_8859_1);
        int end = raw.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("No HTTP response head in: " + raw);
        }
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        String body = raw.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    /** Whether {@code raw} holds a whole response (by Content-Length, or the last chunk). */
    private static boolean complete(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = raw.substring(0, end).toLowerCase(Locale.ROOT);
        int at = head.indexOf("content-length:");
        if (at >= 0) {
            int lineEnd = head.indexOf("\r\n", at);
            long length = Long.parseLong(head.substring(at + 15, lineEnd < 0 ? head.length() : lineEnd).strip());
            return raw.length() - end - 4 >= length;
        }
        if (head.contains("transfer-encoding: chunked")) {
            return raw.endsWith("0\r\n\r\n");
        }
        // A body delimited by closing the connection: a server still draining the request keeps it open, so a
        // complete JSON document (every answer these tests read is one) is taken as the whole body.
        String body = raw.substring(end + 4).strip();
        if (body.startsWith("{") && body.endsWith("}")) {
            try {
                CurationClient.parse(body);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int lineEnd = body.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = body.substring(at, lineEnd).split(";")[0].strip();
            if (sizeLine.isEmpty()) {
                break;
            }
            int size = Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                break;
            }
            out.append(body, lineEnd + 2, Math.min(body.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
