package org.pressroom.build;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
 *   <li>pages made without a template (feeds, sitemaps, robots.txt, redirects, search files) are
 *       made again and count as rendered only when their bytes changed;</li>
 *   <li>when only the content of some releases changed (the common edit: a body, a title, a
 *       summary), the pages that cannot show it are not looked at at all: their bytes are reused
 *       without making their view (see {@code contentChanges} and {@code affected}). The search
 *       index changes only the postings of the changed releases ({@link org.pressroom.search.SearchIndex.Memo}).</li>
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

    /** What the last successful update was made from, to tell which pages an update can skip. */
    private record Basis(org.pressroom.render.Theme theme, Map<String, String> keys,
            org.pressroom.archive.Archive archive) {
    }

    private Basis basis;

    /**
     * The ids of the releases whose content changed since {@code was}, when only content (or
     * templates) changed; null when pages may differ in other ways. Only content changed when the
     * UI strings, template names, settings and topics are the same, each language publishes the same
     * releases in the same order, and the releases that changed kept their <em>shape</em>: date,
     * type, topics, related releases, draft mark, embargo, languages and aliases. Then the site has
     * the same pages, lists, counts, pagination, language switches and redirects, and differs only
     * where a page shows the content (title, summary, body, number, office, updates, attachments…)
     * of a changed release, or is made from a template whose key changed, which {@link #affected}
     * tells.
     */
    private static Set<String> contentChanges(Basis was, Build.Loaded loaded, Map<String, String> keys) {
        org.pressroom.archive.Archive now = loaded.plan().archive();
        if (was == null || !sameStrings(was.theme(), loaded.theme()) || !was.keys().keySet().equals(keys.keySet())
                || !was.archive().site().equals(now.site()) || !was.archive().topics().equals(now.topics())) {
            return null;
        }
        for (org.pressroom.content.Language l : now.site().languages()) {
            List<org.pressroom.content.Release> a = now.in(l.code()).releases();
            List<org.pressroom.content.Release> b = was.archive().in(l.code()).releases();
            if (a.size() != b.size()) {
                return null;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).id().equals(b.get(i).id())) {
                    return null;
                }
            }
        }
        Set<String> changed = new java.util.HashSet<>();
        for (org.pressroom.content.Release r : now.releases()) {
            org.pressroom.content.Release old = was.archive().release(r.id());
            if (old == null) {
                return null;
            }
            if (r != old && !r.equals(old)) {
                if (!sameShape(r, old)) {
                    return null;
                }
                changed.add(r.id());
            }
        }
        return changed;
    }

    /** Whether two themes have the same UI strings (their templates are compared by their keys). */
    private static boolean sameStrings(org.pressroom.render.Theme a, org.pressroom.render.Theme b) {
        if (a == b) {
            return true;
        }
        if (!a.strings().keySet().equals(b.strings().keySet())) {
            return false;
        }
        for (String lang : a.strings().keySet()) {
            org.pressroom.render.Strings x = a.strings(lang);
            org.pressroom.render.Strings y = b.strings(lang);
            if (!x.language().equals(y.language()) || !x.text().equals(y.text())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameShape(org.pressroom.content.Release a, org.pressroom.content.Release b) {
        if (!a.date().equals(b.date()) || a.hasTime() != b.hasTime() || !a.type().equals(b.type())
                || !a.topics().equals(b.topics()) || !a.related().equals(b.related()) || a.draft() != b.draft()
                || !a.embargo().equals(b.embargo()) || !a.translations().keySet().equals(b.translations().keySet())) {
            return false;
        }
        for (var e : a.translations().entrySet()) {
            if (!e.getValue().aliases().equals(b.translations().get(e.getKey()).aliases())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a page may differ from the last update's: it is made from one of the {@code templates}
     * whose key changed, or it may show something of the {@code changed} releases (whose content only
     * changed): a release page shows its release and its related ones; lists, home pages, feeds and search
     * documents the releases they hold; sitemaps their modification dates; the other pages (topic and
     * year indexes, search page, root, 404, redirects, robots.txt) only the archive's shape; alias
     * pages the title of their release. Search index files are always made again (from the memo, so
     * cheaply) and compared by their bytes.
     */
    private static boolean affected(Page page, Set<String> changed, Set<String> templates,
            org.pressroom.archive.Archive archive, org.pressroom.archive.Archive was) {
        if (page.template() != null && templates.contains(page.template())) {
            return true;
        }
        if (page instanceof Page.ReleasePage rp) {
            return changed.contains(rp.release().id())
                    || archive.related(rp.release().id()).stream().anyMatch(o -> changed.contains(o.id()));
        }
        if (page instanceof Page.ListPage lp) {
            return lp.items().stream().anyMatch(r -> changed.contains(r.id()));
        }
        if (page instanceof Page.Home h) {
            return h.newest().stream().anyMatch(r -> changed.contains(r.id()));
        }
        if (page instanceof Page.Feed f) {
            return f.entries().stream().anyMatch(r -> changed.contains(r.id()));
        }
        if (page instanceof Page.SearchDocument d) {
            return d.releases().stream().anyMatch(r -> changed.contains(r.id()));
        }
        if (page instanceof Page.SearchData) {
            return true;
        }
        if (page instanceof Page.Sitemap || page instanceof Page.SitemapIndex) {
            for (String id : changed) {
                org.pressroom.content.Release r = archive.release(id);
                org.pressroom.content.Release old = was.release(id);
                for (String lang : r.translations().keySet()) {
                    if (!r.modifiedAt(lang).equals(old.modifiedAt(lang))) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (page instanceof Page.AliasPage a) {
            return changed.contains(a.alias().release().id()); // it shows the release's title
        }
        // pages that show only the shape; any other (new) kind of page is made again, to be safe
        return !(page instanceof Page.Root || page instanceof Page.NotFound || page instanceof Page.Topics
                || page instanceof Page.Years || page instanceof Page.SearchPage || page instanceof Page.Robots
                || page instanceof Page.Redirects);
    }

    /** Builds the site from {@code sources}, reusing what the last successful update made. */
    public Site update(BuildOptions options, Sources sources) {
        return update(options, sources, Set.of(), pages -> { });
    }

    /** An update's pages so far: those ready, by output file; the others are still being made. */
    public interface Early {
        void ready(Map<String, byte[]> pages);
    }

    /**
     * An update with at least this many pages to make renders the {@code first} pages before the
     * others (system property {@code pressroom.earlyPages}, for tests; default 200).
     */
    static int earlyAt() {
        return Integer.getInteger("pressroom.earlyPages", 200);
    }

    /**
     * Builds the site from {@code sources}, reusing what the last successful update made. When many
     * pages are to be made (a template edit makes thousands), the pages of {@code first} (output
     * files: the pages open in a browser) are made before the others and handed to {@code early}
     * with every page that is ready, so that they can be shown while the rest are made. A failure
     * found after that still throws, and the update then leaves the state of the last good one.
     */
    public synchronized Site update(BuildOptions options, Sources sources, Set<String> first, Early early) {
        long start = System.nanoTime();
        Build.Loaded loaded = Build.load(options, sources, memo);
        long t = Build.lap("load", start);
        Map<String, String> keys = templateKeys(sources.templates());
        Renderer renderer = new Renderer(loaded.plan(), loaded.theme());
        Problems problems = new Problems();
        Set<String> rendered = ConcurrentHashMap.newKeySet();
        Map<String, Done> last = done;
        Basis was = basis;
        Set<String> changed = contentChanges(was, loaded, keys);
        // the templates whose key changed (the template or one it imports): their pages are made again
        Set<String> templates = new java.util.HashSet<>();
        if (changed != null) {
            keys.forEach((name, key) -> {
                if (!key.equals(was.keys().get(name))) {
                    templates.add(name);
                }
            });
        }
        t = Build.lap("changes", t);
        List<Page> all = loaded.plan().pages();
        String[] files = new String[all.size()];
        Done[] made = new Done[all.size()];
        // the pages without a template first: the sitemap is one long task, best started early
        List<Integer> work = new ArrayList<>();
        List<Integer> templated = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            Page p = all.get(i);
            files[i] = p.file();
            Done old = changed == null ? null : last.get(files[i]);
            if (old != null && !affected(p, changed, templates, loaded.plan().archive(), was.archive())) {
                made[i] = old; // shows nothing that changed: the same bytes
            } else {
                (p.template() == null ? work : templated).add(i);
            }
        }
        work.addAll(templated);
        List<Integer> later = List.of();
        if (work.size() >= earlyAt() && !first.isEmpty()) {
            List<Integer> now = new ArrayList<>();
            later = new ArrayList<>();
            for (int i : work) {
                (first.contains(files[i]) ? now : later).add(i);
            }
            if (now.isEmpty()) {
                later = List.of();
            } else {
                work = now;
            }
        }
        java.util.function.IntConsumer make = i -> {
            Page page = all.get(i);
            String file = files[i];
            Done old = last.get(file);
            if (page.template() == null) {
                // feeds, sitemaps, robots.txt, redirects, search files: made from the plan, compared by bytes
                Renderer.Result r = renderer.render(page);
                if (r.problem().isPresent()) {
                    problems.add(r.problem().get());
                    return;
                }
                byte[] bytes = r.text().getBytes(StandardCharsets.UTF_8);
                if (old != null && old.fingerprint() == null && java.util.Arrays.equals(old.bytes(), bytes)) {
                    made[i] = old;
                } else {
                    made[i] = new Done(null, bytes);
                    rendered.add(file);
                }
                return;
            }
            View view = renderer.view(page);
            String key = keys.getOrDefault(page.template(), "missing");
            byte[] fingerprint = Fingerprint.of(key, view);
            if (old != null && old.fingerprint() != null && java.util.Arrays.equals(old.fingerprint(), fingerprint)) {
                made[i] = old;
                return;
            }
            Renderer.Result r = renderer.render(page, view);
            if (r.problem().isPresent()) {
                problems.add(r.problem().get());
            } else {
                made[i] = new Done(fingerprint, r.text().getBytes(StandardCharsets.UTF_8));
                rendered.add(file);
            }
        };
        (work.size() > 16 ? work.parallelStream() : work.stream()).forEach(make::accept);
        if (!later.isEmpty()) {
            if (problems.isEmpty()) {
                Map<String, byte[]> ready = new HashMap<>(2 * files.length);
                for (int i = 0; i < files.length; i++) {
                    if (made[i] != null) {
                        ready.put(files[i], made[i].bytes());
                    }
                }
                Build.lap("first " + work.size(), t);
                early.ready(Collections.unmodifiableMap(ready));
            }
            later.parallelStream().forEach(make::accept);
        }
        t = Build.lap("render", t);
        problems.throwIfAny();
        basis = new Basis(loaded.theme(), keys, loaded.plan().archive());
        Map<String, byte[]> pages = new LinkedHashMap<>(2 * files.length);
        Map<String, Done> next = new HashMap<>(2 * files.length);
        for (int i = 0; i < files.length; i++) {
            pages.put(files[i], made[i].bytes());
            next.put(files[i], made[i]);
        }
        done = next;
        Build.lap("site", t);
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
            MessageDigest d = Fingerprint.sha256();
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
}
