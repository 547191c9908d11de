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
import java.util.stream.Stream;
import org.pressroom.problem.Position;
import org.pressroom.problem.Problems;

/** The load stage: the only reader of the source directory. */
public final class SourceLoader {
    /** Files larger than this are not read at all; the parse stage reports them as over the limit. */
    static final long READ_CAP = 256L * 1024 * 1024;

    private final Path root;
    private final Problems problems;

    private SourceLoader(Path root, Problems problems) {
        this.root = root;
        this.problems = problems;
    }

    /** Reads everything a build needs from {@code root}; unreadable or unsafe entries are reported. */
    public static Sources load(Path root, Problems problems) {
        return new SourceLoader(root, problems).load();
    }

    private Sources load() {
        Optional<RawFile> site = optional(root.resolve("content/site.yml"));
        Optional<RawFile> topics = optional(root.resolve("content/topics.yml"));
        List<RawFile> releases = new ArrayList<>();
        for (Path p : walk(root.resolve("content/releases"))) {
            releases.add(read(p));
        }
        List<RawFile> templates = new ArrayList<>();
        List<RawFile> i18n = new ArrayList<>();
        Path t = root.resolve("templates");
        for (Path p : walk(t)) {
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
        return new Sources(site, topics, releases, templates, i18n, statics(root.resolve("content/files"), "files/"),
                statics(t.resolve("assets"), "assets/"));
    }

    private String rel(Path p) {
        return Normalizer.normalize(root.relativize(p).toString().replace('\\', '/'), Normalizer.Form.NFC);
    }

    private Optional<RawFile> optional(Path p) {
        return Files.isRegularFile(p) ? Optional.of(read(p)) : Optional.empty();
    }

    private RawFile read(Path p) {
        try {
            long size = Files.size(p);
            return new RawFile(rel(p), size, size > READ_CAP ? null : Files.readAllBytes(p));
        } catch (IOException e) {
            problems.add(Position.startOf(rel(p)), "cannot read file: " + e.getMessage());
            return new RawFile(rel(p), 0, new byte[0]);
        }
    }

    /** Regular files under dir in name order; hidden entries skipped; symbolic links reported. */
    private List<Path> walk(Path dir) {
        if (Files.isSymbolicLink(dir)) {
            problems.add(Position.startOf(rel(dir)), "symbolic links are not followed",
                    "replace the link with the folder itself");
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> !p.equals(dir))
                    .filter(p -> !hidden(dir, p))
                    .sorted(Comparator.comparing(Path::toString))
                    .forEach(p -> {
                        try {
                            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class,
                                    LinkOption.NOFOLLOW_LINKS);
                            if (a.isSymbolicLink()) {
                                problems.add(Position.startOf(rel(p)), "symbolic links are not followed",
                                        "replace the link with the file itself");
                            } else if (a.isRegularFile()) {
                                out.add(p);
                            }
                        } catch (IOException e) {
                            problems.add(Position.startOf(rel(p)), "cannot read: " + e.getMessage());
                        }
                    });
        } catch (IOException | UncheckedIOException e) {
            problems.add(Position.startOf(rel(dir)), "cannot list folder: " + e.getMessage());
        }
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
        for (Path p : walk(dir)) {
            String under = Normalizer.normalize(dir.relativize(p).toString().replace('\\', '/'), Normalizer.Form.NFC);
            String earlier = seen.putIfAbsent(under, rel(p));
            if (earlier != null) {
                problems.add(Position.startOf(rel(p)), "file name is the same as " + earlier
                        + " once both are in Unicode normal form NFC", "rename one of them");
                continue;
            }
            try {
                out.add(new StaticFile(rel(p), p, prefix + under, Files.size(p)));
            } catch (IOException e) {
                problems.add(Position.startOf(rel(p)), "cannot read file: " + e.getMessage());
            }
        }
        return List.copyOf(out);
    }
}
