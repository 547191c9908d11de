package org.pressroom.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.pressroom.build.When;

/**
 * {@code pressroom serve}: builds the site into memory, serves it on 127.0.0.1 with the JDK's HTTP
 * server, watches {@code content/} and {@code templates/}, rebuilds what changed and reloads open
 * pages. Drafts are shown (and marked); the base URL is the local address.
 */
public final class Serve implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("xml", "application/xml; charset=utf-8"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml; charset=utf-8"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"), Map.entry("pdf", "application/pdf"),
            Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"), Map.entry("zip", "application/zip"),
            Map.entry("hwp", "application/x-hwp"), Map.entry("hwpx", "application/hwp+zip"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("csv", "text/csv; charset=utf-8"), Map.entry("md", "text/markdown; charset=utf-8"));

    private final HttpServer server;
    private final ExecutorService executor;
    private final LiveReload live = new LiveReload();
    private final Preview preview;
    private final URI url;
    private Watcher watcher;

    /** The port is taken (or cannot be bound). */
    public static final class PortTaken extends Exception {
        PortTaken(String message) {
            super(message);
        }
    }

    private Serve(Path root, int port, Optional<When> now, PrintWriter log, PrintWriter err)
            throws PortTaken, IOException {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (BindException e) {
            throw new PortTaken("port " + port + " on 127.0.0.1 is in use (" + e.getMessage()
                    + "); stop what uses it or choose another with --port N");
        }
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "pressroom-serve");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        preview = new Preview(root, url, now, log, err, live);
    }

    /**
     * Binds the port, builds the site, starts serving and watching. The site may have problems; they
     * are printed and shown in the browser until fixed.
     *
     * @param port 0 for any free port
     * @param now  the clock for embargoes, else the current time at each rebuild
     * @param log  where builds are reported
     * @param err  where problems are reported
     */
    public static Serve start(Path root, int port, Optional<When> now, PrintWriter log, PrintWriter err)
            throws PortTaken, IOException {
        Path src = root.toAbsolutePath().normalize();
        Serve s = new Serve(src, port, now, log, err);
        try {
            s.watcher = Watcher.start(src, List.of("content", "templates"), s.preview::rebuild);
            s.preview.rebuild(Optional.empty());
            s.server.start();
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** The address served, ending in {@code /}. */
    public URI url() {
        return url;
    }

    /** Whether the last rebuild succeeded. */
    public boolean healthy() {
        return preview.problems().isEmpty();
    }

    /** Counts successful builds. */
    long version() {
        return preview.current().version();
    }

    Preview preview() {
        return preview;
    }

    LiveReload live() {
        return live;
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        live.close();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String method = ex.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8), false);
                return;
            }
            String raw = ex.getRequestURI().getRawPath();
            if (LiveReload.PATH.equals(raw)) {
                live.stream(ex);
                return;
            }
            Preview.Snapshot snap = preview.current();
            if (snap.version() == 0) {
                send(ex, 500, TYPES.get("html"), problemsPage(), head);
                return;
            }
            Optional<String> path = SitePath.of(raw);
            if (path.isPresent()) {
                String p = path.get();
                String file = SitePath.file(p);
                byte[] page = snap.pages().get(file);
                if (page == null && snap.complete() != null) {
                    snap = snap.whole(); // a page still being made: wait for it
                    page = snap.pages().get(file);
                }
                if (page != null) {
                    send(ex, 200, type(file), html(file, page, snap), head);
                    return;
                }
                Path source = snap.statics().get(file);
                if (source != null) {
                    byte[] bytes;
                    try {
                        bytes = Files.readAllBytes(source);
                    } catch (IOException e) {
                        bytes = null;
                    }
                    if (bytes != null) {
                        send(ex, 200, type(file), bytes, head);
                        return;
                    }
                }
                if (!p.isEmpty() && !p.endsWith("/") && snap.pages().containsKey(p + "/index.html")) {
                    ex.getResponseHeaders().set("Location", raw + "/");
                    send(ex, 301, TYPES.get("txt"), new byte[0], head);
                    return;
                }
            }
            snap = snap.whole();
            byte[] notFound = snap.pages().get("404.html");
            send(ex, 404, TYPES.get("html"), notFound == null ? new byte[0] : LiveReload.inject(notFound, snap.version()),
                    head);
        } finally {
            ex.close();
        }
    }

    private static byte[] html(String file, byte[] page, Preview.Snapshot snap) {
        return file.endsWith(".html") ? LiveReload.inject(page, snap.version()) : page;
    }

    static String type(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private byte[] problemsPage() {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>Pressroom: the site has problems</title>\n</head>\n<body>\n<main>\n"
                + "<h1>The site has problems</h1>\n<p>Fix them and save; this page reloads itself.</p>\n<pre>");
        for (var p : preview.problems()) {
            sb.append(escape(p.toString())).append('\n');
        }
        sb.append("</pre>\n</main>\n</body>\n</html>\n");
        return LiveReload.inject(sb.toString().getBytes(StandardCharsets.UTF_8), 0);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body, boolean head) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (head) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
