package org.pressroom.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.pressroom.cli.Main;

/**
 * A whole tiny site in a test: files given as one text block of {@code -- path --} sections, written
 * into a folder, built with the real command line, and the output asserted file by file.
 *
 * <p>In {@link #assertFile}, each non-blank line of the expectation must occur in the file; a line
 * starting with {@code "! "} must not.
 */
public final class SiteFixture {
    /** The repository's theme, which tests build with unless they give their own templates. */
    public static final Path THEME = Path.of("templates").toAbsolutePath();

    private final Path root;
    private String out = "";
    private String err = "";
    private int status = -1;

    private SiteFixture(Path root) {
        this.root = root;
    }

    /** Writes the sections of {@code files} under {@code root}, plus the repository theme unless given. */
    public static SiteFixture given(Path root, String files) {
        SiteFixture f = new SiteFixture(root);
        f.write(files);
        if (!Files.exists(root.resolve("templates"))) {
            copyTree(THEME, root.resolve("templates"));
        }
        return f;
    }

    /** Adds or replaces files, given as {@code -- path --} sections. */
    public SiteFixture write(String files) {
        String path = null;
        StringBuilder body = new StringBuilder();
        for (String line : files.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("-- ") && t.endsWith(" --") && t.length() > 6) {
                if (path != null) {
                    put(path, body.toString());
                }
                path = t.substring(3, t.length() - 3).strip();
                body.setLength(0);
            } else if (path != null) {
                body.append(line).append('\n');
            }
        }
        if (path != null) {
            put(path, body.toString());
        }
        return this;
    }

    private void put(String path, String text) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text.replaceAll("\n+$", "\n"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Path site() {
        return root.resolve("site");
    }

    /** Runs {@code pressroom build --source root [args]} in-process. */
    public SiteFixture build(String... args) {
        List<String> all = new ArrayList<>(List.of("build", "--source", root.toString()));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    /** Runs any pressroom command line in-process, capturing output and status. */
    public SiteFixture run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        status = Main.run(new PrintWriter(o), new PrintWriter(e), args);
        out = o.toString();
        err = e.toString();
        return this;
    }

    public int status() {
        return status;
    }

    public String out() {
        return out;
    }

    public String err() {
        return err;
    }

    public SiteFixture thenSucceeds() {
        assertEquals(0, status, () -> "build failed:\n" + err);
        return this;
    }

    /** Asserts exit status 1 and exactly these problem lines (in order), then the summary line. */
    public SiteFixture thenFailsWith(String... problems) {
        assertEquals(1, status, () -> "expected the build to fail; stdout:\n" + out + "\nstderr:\n" + err);
        List<String> lines = err.lines().filter(l -> !l.startsWith("Build failed:")).toList();
        assertEquals(List.of(problems), lines, "problems");
        assertTrue(err.lines().anyMatch(l -> l.startsWith("Build failed:")), "summary line");
        return this;
    }

    /** The text of an output file, relative to the site folder. */
    public String file(String path) {
        try {
            return Files.readString(site().resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            fail("missing output file " + path + "; the site has:\n" + listing());
            return null;
        }
    }

    public boolean exists(String path) {
        return Files.exists(site().resolve(path));
    }

    /** Each non-blank expectation line must occur in the file; lines starting "! " must not. */
    public SiteFixture assertFile(String path, String expectations) {
        String text = file(path);
        for (String line : expectations.split("\n")) {
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("! ")) {
                String absent = t.substring(2);
                assertTrue(!text.contains(absent), () -> path + " must not contain: " + absent + "\n---\n" + text);
            } else {
                assertTrue(text.contains(t), () -> path + " must contain: " + t + "\n---\n" + text);
            }
        }
        return this;
    }

    /** All files of the site, relative and sorted. */
    public String listing() {
        try (Stream<Path> s = Files.walk(site())) {
            return String.join("\n", s.filter(Files::isRegularFile).map(p -> site().relativize(p).toString())
                    .sorted().toList());
        } catch (IOException e) {
            return "(no site: " + e.getMessage() + ")";
        }
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
