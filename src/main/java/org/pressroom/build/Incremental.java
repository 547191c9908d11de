package org.pressroom.build;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pressroom.content.RawFile;
import org.pressroom.content.Sources;
import org.pressroom.content.StaticFile;
import org.pressroom.plan.Page;
import org.pressroom.plan.Plan;
import org.pressroom.problem.Problems;
import org.pressroom.render.Renderer;
import org.pressroom.render.Views.View;

/**
 * Rebuilds a site from sources, doing again only the work whose inputs changed. One instance keeps
 * the state of the last successful build:
 *
 * <ul>
 *   <li>release files are parsed again only when their bytes changed ({@link Memo}; all of them
 *       when site.yml changed);</li>
 *   <li>the archive and plan are always assembled again (cheap), so counts, lists, pagination and
 *       related links are always those of a clean build;</li>
 *   <li>a page is rendered again only when its <em>fingerprint</em> changed: its template and the
 *       templates that template imports or includes, and its view record, which carries everything
 *       else the template can see (UI strings of its language included), digested canonically by
 *       {@link Fingerprint}, so an equal view with unchanged templates renders to the same bytes.
 *       {@code build} keeps the same fingerprints on disk ({@link SiteCache});</li>
 *   <li>pages made without a template (feeds, sitemaps, robots.txt, redirects) are made every time;
 *       they count as rendered only when their bytes changed.</li>
 * </ul>
 *
 * The result is therefore byte for byte the one a clean {@link Build} gives. A failed update throws
 * {@link org.pressroom.problem.BuildFailure} and keeps the last good state.
 */
public final class Incremental {
    private final Memo memo = new Memo();
    private Map<String, Done> done = Map.of();

    /** A rendered page and the {@link Fingerprint} of what it was rendered from (null: made without a template). */
    private record Done(byte[] fingerprint, byte[] bytes) {
    }

    /**
     * The site of one update.
     *
     * @param pages    output file (relative to the site folder) to its bytes, in plan order
     * @param statics  files copied as they are (content/files, theme assets)
     * @param rendered the output files rendered by this update; the others were reused
     * @param parsed   how many release files were parsed by this update
     */
    public record Site(Plan plan, Map<String, byte[]> pages, List<StaticFile> statics, Set<String> rendered,
            int parsed, Duration elapsed) {
    }

    /** Builds the site from {@code sources}, reusing what the last successful update made. */
    public synchronized Site update(BuildOptions options, Sources sources) {
        long start = System.nanoTime();
        Build.Loaded loaded = Build.load(options, sources, memo);
        Map<String, String> keys = templateKeys(sources.templates());
        Renderer renderer = new Renderer(loaded.plan(), loaded.theme());
        Problems problems = new Problems();
        Map<String, Done> next = new ConcurrentHashMap<>();
        Set<String> rendered = ConcurrentHashMap.newKeySet();
        Map<String, Done> last = done;
        // the pages without a template first: the sitemap is one long task, best started early
        List<Page> work = new ArrayList<>(loaded.plan().pages().size());
        loaded.plan().pages().stream().filter(p -> p.template() == null).forEach(work::add);
        loaded.plan().pages().stream().filter(p -> p.template() != null).forEach(work::add);
        work.parallelStream().forEach(page -> {
            if (page.template() == null) {
                // feeds, sitemaps, robots.txt, redirects: few, cheap, and made from the whole plan
                Renderer.Result r = renderer.render(page);
                if (r.problem().isPresent()) {
                    problems.add(r.problem().get());
                    return;
                }
                byte[] bytes = r.text().getBytes(StandardCharsets.UTF_8);
                Done old = last.get(page.file());
                if (old != null && old.fingerprint() == null && java.util.Arrays.equals(old.bytes(), bytes)) {
                    next.put(page.file(), old);
                } else {
                    next.put(page.file(), new Done(null, bytes));
                    rendered.add(page.file());
                }
                return;
            }
            View view = renderer.view(page);
            String key = keys.getOrDefault(page.template(), "missing");
            byte[] fingerprint = Fingerprint.of(key, view);
            Done old = last.get(page.file());
            if (old != null && old.fingerprint() != null && java.util.Arrays.equals(old.fingerprint(), fingerprint)) {
                next.put(page.file(), old);
                return;
            }
            Renderer.Result r = renderer.render(page, view);
            if (r.problem().isPresent()) {
                problems.add(r.problem().get());
            } else {
                next.put(page.file(), new Done(fingerprint, r.text().getBytes(StandardCharsets.UTF_8)));
                rendered.add(page.file());
            }
        });
        problems.throwIfAny();
        Map<String, byte[]> pages = new LinkedHashMap<>();
        for (Page p : loaded.plan().pages()) {
            pages.put(p.file(), next.get(p.file()).bytes());
        }
        done = next;
        List<StaticFile> statics = new ArrayList<>(sources.files());
        statics.addAll(sources.assets());
        return new Site(loaded.plan(), Collections.unmodifiableMap(pages), List.copyOf(statics),
                Set.copyOf(rendered), memo.parses().parsedLastTime(), Duration.ofNanos(System.nanoTime() - start));
    }

    private static final Pattern REFERENCE = Pattern.compile("[<\\[]#(?:import|include)\\s+(\"([^\"]*)\"|'([^']*)')?");

    /**
     * Template name to a digest of it and every template it imports or includes, transitively. A
     * reference that is not a plain string (computed at render time) makes it depend on all templates.
     */
    static Map<String, String> templateKeys(List<RawFile> templates) {
        Map<String, RawFile> byName = new HashMap<>();
        for (RawFile f : templates) {
            byName.put(f.path().substring("templates/".length()), f);
        }
        Map<String, Set<String>> direct = new HashMap<>();
        byName.forEach((name, f) -> {
            Set<String> refs = new TreeSet<>();
            Matcher m = REFERENCE.matcher(new String(f.bytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                String ref = m.group(2) != null ? m.group(2) : m.group(3);
                if (ref == null) {
                    refs.addAll(byName.keySet());
                } else {
                    refs.add(resolve(name, ref));
                }
            }
            direct.put(name, refs);
        });
        Map<String, String> keys = new HashMap<>();
        for (String name : byName.keySet()) {
            Set<String> closure = new TreeSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(name));
            while (!todo.isEmpty()) {
                String n = todo.pop();
                if (closure.add(n)) {
                    todo.addAll(direct.getOrDefault(n, Set.of()));
                }
            }
            MessageDigest d = sha256();
            for (String n : closure) {
                d.update(n.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                RawFile f = byName.get(n);
                if (f != null) {
                    d.update(f.bytes());
                }
                d.update((byte) 0);
            }
            keys.put(name, HexFormat.of().formatHex(d.digest()));
        }
        return keys;
    }

    private static String resolve(String from, String ref) {
        String path = ref.startsWith("/") ? ref.substring(1)
                : (from.contains("/") ? from.substring(0, from.lastIndexOf('/') + 1) : "") + ref;
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                parts.pollLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
