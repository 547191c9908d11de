package org.pressroom.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pressroom.problem.Position;
import org.pressroom.problem.Problems;

/**
 * The load stage: the only reader of the source directory. Settings, templates and strings are read
 * whole; release files are listed with their sizes and left on disk ({@link RawFile#onDisk}), for
 * the parse stage to read one at a time.
 */
public final class SourceLoader {
    /** Files larger than this are not read at all; the parse stage reports them as over the limit. */
    static final long READ_CAP = 256L * 1024 * 1024;

    private final Path root;
    private final Problems problems;
    private final Map<String, RawFile> reuse;

    private SourceLoader(Path root, Problems problems, Map<String, RawFile> reuse) {
        this.root = root;
        this.problems = problems;
        this.reuse = reuse;
    }

    /** Reads everything a build needs from {@code root}; unreadable or unsafe entries are reported. */
    public static Sources load(Path root, Problems problems) {
        return new SourceLoader(root, problems, Map.of()).load();
    }

    /**
     * The first half of {@link #load}: the folders of {@code root} listed, nothing read. A build lists
     * them while it takes the sizes and times of the inputs for its cache, and reads only after that.
     */
    public static Listing list(Path root, Problems problems) {
        return new SourceLoader(root, problems, Map.of()).list();
    }

    /** The second half of {@link #load}: settings, templates and strings read, release files listed. */
    public static Sources load(Path root, Listing listing, Problems problems) {
        return new SourceLoader(root, problems, Map.of()).load(listing);
    }

    /** The files of a source folder with their sizes, as {@link #list} found them. */
    public static final class Listing {
        private final List<RawFile> releases;
        private final List<Listed> templates;
        private final List<StaticFile> files;
        private final List<StaticFile> assets;

        private Listing(List<RawFile> releases, List<Listed> templates, List<StaticFile> files, List<StaticFile> assets) {
            this.releases = releases;
            this.templates = templates;
            this.files = files;
            this.assets = assets;
        }
    }

    /**
     * Loads again after a change: lists every folder as {@link #load} does, but takes the bytes of
     * files not named in {@code changed} (paths relative to {@code root}) from {@code previous}.
     */
    public static Sources reload(Path root, Sources previous, java.util.Set<String> changed, Problems problems) {
        Optional<Sources> patched = new SourceLoader(root, problems, Map.of()).patch(previous, changed);
        if (patched.isPresent()) {
            return patched.get();
        }
        Map<String, RawFile> keep = new HashMap<>();
        List<RawFile> all = new ArrayList<>(previous.releases());
        all.addAll(previous.templates());
        all.addAll(previous.i18n());
        previous.siteYml().ifPresent(all::add);
        previous.topicsYml().ifPresent(all::add);
        for (RawFile f : all) {
            if (!changed.contains(f.path())) {
                keep.put(f.path(), f);
            }
        }
        return new SourceLoader(root, problems, keep).load();
    }

    /**
     * {@code previous} with just the changed files read again, added or removed, when every changed
     * path is an ASCII file path (the common case: an editor saved a file); else empty, and the
     * caller lists the folders again.
     */
    private Optional<Sources> patch(Sources previous, java.util.Set<String> changed) {
        java.util.Set<String> known = new java.util.HashSet<>();
        List<RawFile> raws = new ArrayList<>(previous.releases());
        raws.addAll(previous.templates());
        raws.addAll(previous.i18n());
        raws.forEach(f -> known.add(f.path()));
        previous.files().forEach(f -> known.add(f.sourcePath()));
        previous.assets().forEach(f -> known.add(f.sourcePath()));
        for (String c : changed) {
            if (!c.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f) || c.contains("\\")
                    || Files.isDirectory(root.resolve(c), LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            String folder = c + "/";
            for (String k : known) {
                if (k.startsWith(folder)) {
                    return Optional.empty();
                }
            }
        }
        Optional<RawFile> site = previous.siteYml();
        Optional<RawFile> topics = previous.topicsYml();
        List<RawFile> releases = new ArrayList<>(previous.releases());
        List<RawFile> templates = new ArrayList<>(previous.templates());
        List<RawFile> i18n = new ArrayList<>(previous.i18n());
        List<StaticFile> files = new ArrayList<>(previous.files());
        List<StaticFile> assets = new ArrayList<>(previous.assets());
        for (String c : new java.util.TreeSet<>(changed)) {
            Path p = root.resolve(c);
            if (c.equals(ConfigParser.SITE_YML)) {
                site = optional(p);
            } else if (c.equals(ConfigParser.TOPICS_YML)) {
                topics = optional(p);
            } else if (c.startsWith("content/releases/") && !hidden(c.substring("content/releases/".length()))) {
                replace(releases, c, p, true);
            } else if (c.startsWith("content/files/") && !hidden(c.substring("content/files/".length()))) {
                replaceStatic(files, c, p, "files/" + c.substring("content/files/".length()));
            } else if (c.startsWith("templates/assets/") && !hidden(c.substring("templates/assets/".length()))) {
                replaceStatic(assets, c, p, "assets/" + c.substring("templates/assets/".length()));
            } else if (c.startsWith("templates/") && !hidden(c.substring("templates/".length()))) {
                String rel = c.substring("templates/".length());
                if (rel.startsWith("i18n/") && rel.endsWith(".yml")) {
                    replace(i18n, c, p, false);
                } else if (rel.endsWith(".ftlh") || rel.endsWith(".ftl") || rel.endsWith(".ftlx")) {
                    replace(templates, c, p, false);
                }
            }
        }
        return Optional.of(new Sources(site, topics, List.copyOf(releases), List.copyOf(templates), List.copyOf(i18n),
                List.copyOf(files), List.copyOf(assets)));
    }

    private static boolean hidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The attributes of {@code p} when it is a regular file to read, else null; a symbolic link is reported. */
    private BasicFileAttributes source(Path p, String rel) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                problems.add(Position.startOf(rel), "symbolic links are not followed", "replace the link with the file itself");
                return null;
            }
            return a.isRegularFile() ? a : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void replace(List<RawFile> list, String rel, Path p, boolean release) {
        list.removeIf(f -> f.path().equals(rel));
        BasicFileAttributes a = source(p, rel);
        if (a != null) {
            list.add(release ? release(new Listed(p, a.size())) : read(p));
            list.sort(Comparator.comparing(RawFile::path));
        }
    }

    private void replaceStatic(List<StaticFile> list, String rel, Path p, String output) {
        list.removeIf(f -> f.sourcePath().equals(rel));
        BasicFileAttributes a = source(p, rel);
        if (a != null) {
            list.add(new StaticFile(rel, p, output, a.size()));
            list.sort(Comparator.comparing(StaticFile::sourcePath));
        }
    }

    private Sources load() {
        return load(list());
    }

    private Listing list() {
        List<RawFile> releases = new ArrayList<>();
        for (Listed l : walk(root.resolve("content/releases"))) {
            releases.add(release(l));
        }
        Path t = root.resolve("templates");
        return new Listing(releases, walk(t), statics(root.resolve("content/files"), "files/"),
                statics(t.resolve("assets"), "assets/"));
    }

    private Sources load(Listing listing) {
        Optional<RawFile> site = optional(root.resolve("content/site.yml"));
        Optional<RawFile> topics = optional(root.resolve("content/topics.yml"));
        List<RawFile> templates = new ArrayList<>();
        List<RawFile> i18n = new ArrayList<>();
        Path t = root.resolve("templates");
        for (Listed l : listing.templates) {
            Path p = l.path();
            String rel = t.relativize(p).toString().replace('\\', '/');
            if (rel.startsWith("assets/")) {
                continue;
            }
            if (rel.startsWith("i18n/") && rel.endsWith(".yml")) {
                i18n.add(read(p));
            } else if (rel.endsWith(".ftlh") || rel.endsWith(".ftl") || rel.endsWith(".ftlx")) {
                templates.add(read(p));
            }
        }
        return new Sources(site, topics, listing.releases, templates, i18n, listing.files, listing.assets);
    }

    private String rel(Path p) {
        return Normalizer.normalize(root.relativize(p).toString().replace('\\', '/'), Normalizer.Form.NFC);
    }

    private Optional<RawFile> optional(Path p) {
        return Files.isRegularFile(p) ? Optional.of(read(p)) : Optional.empty();
    }

    /** A release file, left on disk: the parse stage reads it ({@link RawFile#read}). */
    private RawFile release(Listed l) {
        String rel = rel(l.path());
        RawFile known = reuse.get(rel);
        return known != null ? known : RawFile.onDisk(rel, l.size(), l.path());
    }

    private RawFile read(Path p) {
        RawFile known = reuse.get(rel(p));
        if (known != null) {
            return known;
        }
        try {
            long size = Files.size(p);
            return new RawFile(rel(p), size, size > READ_CAP ? null : Files.readAllBytes(p));
        } catch (IOException e) {
            problems.add(Position.startOf(rel(p)), "cannot read file: " + e.getMessage());
            return new RawFile(rel(p), 0, new byte[0]);
        }
    }

    /** A regular file found by {@link #walk}, with its size. */
    private record Listed(Path path, long size) {
    }

    /** Regular files under dir in name order; hidden entries skipped; symbolic links reported. */
    private List<Listed> walk(Path dir) {
        if (Files.isSymbolicLink(dir)) {
            problems.add(Position.startOf(rel(dir)), "symbolic links are not followed",
                    "replace the link with the folder itself");
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Listed> out = new ArrayList<>();
        // one walk that hands over each entry's attributes (no second look at every file)
        try {
            Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                    return !d.equals(dir) && hidden(dir, d) ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                            : java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path p, BasicFileAttributes a) {
                    if (hidden(dir, p)) {
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                    if (a.isSymbolicLink()) {
                        problems.add(Position.startOf(rel(p)), "symbolic links are not followed",
                                "replace the link with the file itself");
                    } else if (a.isRegularFile()) {
                        out.add(new Listed(p, a.size()));
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path p, IOException e) throws IOException {
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        throw e;
                    }
                    problems.add(Position.startOf(rel(p)), "cannot read: " + e.getMessage());
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            problems.add(Position.startOf(rel(dir)), "cannot list folder: " + e.getMessage());
        }
        out.sort(Comparator.comparing(l -> l.path().toString()));
        return out;
    }

    private static boolean hidden(Path base, Path p) {
        for (Path part : base.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private List<StaticFile> statics(Path dir, String prefix) {
        List<StaticFile> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Listed l : walk(dir)) {
            Path p = l.path();
            String under = Normalizer.normalize(dir.relativize(p).toString().replace('\\', '/'), Normalizer.Form.NFC);
            String earlier = seen.putIfAbsent(under, rel(p));
            if (earlier != null) {
                problems.add(Position.startOf(rel(p)), "file name is the same as " + earlier
                        + " once both are in Unicode normal form NFC", "rename one of them");
                continue;
            }
            out.add(new StaticFile(rel(p), p, prefix + under, l.size()));
        }
        return List.copyOf(out);
    }
}
