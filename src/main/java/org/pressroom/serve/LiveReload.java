package org.pressroom.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Live reload over server-sent events at {@link #PATH}. Each open page listens; after a good rebuild
 * it gets the new version and reloads, after a broken one it gets the problem lines and shows them
 * in an overlay. Only {@code serve} injects the script; built sites never contain it.
 */
final class LiveReload {
    static final String PATH = "/__pressroom/events";
    private static final String CLOSE = "";

    /** Each open page's queue of events, and the output file of the page (null if unknown). */
    private final Map<BlockingQueue<String>, Optional<String>> clients = new ConcurrentHashMap<>();
    private volatile String last = null;

    /** Tells every open page that version {@code version} is ready. */
    void reload(long version) {
        last = event("version", List.of(String.valueOf(version)));
        broadcast(last);
    }

    /** Tells every open page that the last edit has problems; {@code version} is still served. */
    void problems(long version, List<String> lines) {
        last = event("version", List.of(String.valueOf(version))) + event("problems", lines);
        broadcast(last);
    }

    int listeners() {
        return clients.size();
    }

    /** The output files of the pages open now (as their event streams say), made first after an edit. */
    Set<String> openFiles() {
        Set<String> out = new java.util.HashSet<>();
        clients.values().forEach(f -> f.ifPresent(out::add));
        return Set.copyOf(out);
    }

    /** The output file of the page whose event stream {@code query} opens ({@code page=<path>}). */
    static Optional<String> pageFile(String query) {
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("page=")) {
                String raw;
                try {
                    raw = java.net.URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
                return SitePath.of(raw).map(SitePath::file);
            }
        }
        return Optional.empty();
    }

    private void broadcast(String message) {
        for (BlockingQueue<String> q : clients.keySet()) {
            q.offer(message);
        }
    }

    void close() {
        broadcast(CLOSE);
    }

    private static String event(String name, List<String> lines) {
        StringBuilder sb = new StringBuilder("event: ").append(name).append('\n');
        for (String line : lines) {
            sb.append("data: ").append(line.replace('\r', ' ').replace('\n', ' ')).append('\n');
        }
        return sb.append('\n').toString();
    }

    /** Holds the event stream of one page open until it goes away or the server stops. */
    void stream(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        clients.put(queue, pageFile(ex.getRequestURI().getRawQuery()));
        try (OutputStream out = ex.getResponseBody()) {
            String first = "retry: 300\n\n" + (last == null ? "" : last);
            out.write(first.getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                String message = queue.poll(15, TimeUnit.SECONDS);
                if (CLOSE.equals(message)) {
                    break;
                }
                out.write((message == null ? ": ping\n\n" : message).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the page went away
        } finally {
            clients.remove(queue);
        }
    }

    /** The script put before {@code </body>} of every HTML response of serve. */
    static String script(long version) {
        return "<script>/* pressroom serve: live reload */(function(){"
                + "var v=\"" + version + "\";"
                + "var es=new EventSource(\"" + PATH + "?page=\"+encodeURIComponent(location.pathname));"
                + "es.addEventListener(\"version\",function(e){if(e.data!==v){es.close();location.reload();}});"
                + "es.addEventListener(\"problems\",function(e){show(e.data.split(\"\\n\"));});"
                + "function show(lines){var o=document.getElementById(\"pressroom-problems\");"
                + "if(!o){o=document.createElement(\"div\");o.id=\"pressroom-problems\";o.setAttribute(\"role\",\"alert\");"
                + "o.style.cssText=\"position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:60vh;"
                + "overflow:auto;margin:0;padding:1rem 1.25rem;background:#2b0b0b;color:#fff;"
                + "font:14px/1.5 ui-monospace,monospace;border-top:4px solid #e5484d;\";"
                + "document.body.appendChild(o);}"
                + "o.textContent=\"\";var h=document.createElement(\"p\");h.style.cssText=\"margin:0 0 .5rem;font-weight:700;\";"
                + "h.textContent=\"The last edit has problems; this is the last good version of the site.\";o.appendChild(h);"
                + "var pre=document.createElement(\"pre\");pre.style.cssText=\"margin:0;white-space:pre-wrap;\";"
                + "pre.textContent=lines.join(\"\\n\");o.appendChild(pre);}"
                + "})();</script>\n";
    }

    /** {@code html} with the script put before its last {@code </body>}, or at its end. */
    static byte[] inject(byte[] html, long version) {
        String text = new String(html, StandardCharsets.UTF_8);
        int at = text.toLowerCase(java.util.Locale.ROOT).lastIndexOf("</body>");
        String s = script(version);
        String out = at < 0 ? text + s : text.substring(0, at) + s + text.substring(at);
        return out.getBytes(StandardCharsets.UTF_8);
    }
}
