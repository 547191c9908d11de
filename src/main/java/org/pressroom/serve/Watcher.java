package org.pressroom.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches folders under the source folder, recursively (new folders are watched as they appear),
 * and reports each burst of changes once, after {@link #QUIET_MS} ms without another: the changed
 * paths relative to the source folder, or empty when events were lost and everything must be read.
 */
final class Watcher implements AutoCloseable {
    static final long QUIET_MS = 50;
    /** A burst longer than this is reported anyway, so that a busy folder still gets rebuilt. */
    static final long MAX_WAIT_MS = 1000;

    private final Path root;
    private final WatchService service;
    private final Map<WatchKey, Path> dirs = new HashMap<>();
    private final Consumer<Optional<Set<String>>> onChange;
    private final Thread thread;

    private Watcher(Path root, Consumer<Optional<Set<String>>> onChange) throws IOException {
        this.root = root;
        this.service = FileSystems.getDefault().newWatchService();
        this.onChange = onChange;
        this.thread = new Thread(this::loop, "pressroom-watch");
        thread.setDaemon(true);
    }

    static Watcher start(Path root, List<String> folders, Consumer<Optional<Set<String>>> onChange) throws IOException {
        Watcher w = new Watcher(root, onChange);
        for (String f : folders) {
            Path dir = root.resolve(f);
            if (Files.isDirectory(dir)) {
                w.registerTree(dir, new HashSet<>());
            }
        }
        w.thread.start();
        return w;
    }

    /** Watches {@code dir} and the folders under it; adds the files found to {@code files}. */
    private void registerTree(Path dir, Set<String> files) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    dirs.put(p.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), p);
                } else {
                    files.add(rel(p));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private String rel(Path p) {
        return Normalizer.normalize(root.relativize(p).toString().replace('\\', '/'), Normalizer.Form.NFC);
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = service.take();
                Set<String> changed = new HashSet<>();
                boolean all = drain(key, changed);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MS);
                while (System.nanoTime() < deadline) {
                    WatchKey more = service.poll(QUIET_MS, TimeUnit.MILLISECONDS);
                    if (more == null) {
                        break;
                    }
                    all |= drain(more, changed);
                }
                if (all || !changed.isEmpty()) {
                    try {
                        onChange.accept(all ? Optional.empty() : Optional.of(Set.copyOf(changed)));
                    } catch (RuntimeException e) {
                        System.err.println("pressroom: internal error while rebuilding: " + e);
                        e.printStackTrace();
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** Collects the events of one key; true when some were lost. */
    private boolean drain(WatchKey key, Set<String> changed) {
        boolean lost = false;
        Path dir = dirs.get(key);
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == OVERFLOW || dir == null) {
                lost = true;
                continue;
            }
            Path child = dir.resolve((Path) e.context());
            changed.add(rel(child));
            if (e.kind() == ENTRY_CREATE && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    registerTree(child, changed);
                } catch (IOException ex) {
                    lost = true;
                }
            }
        }
        if (!key.reset()) {
            dirs.remove(key);
        }
        return lost;
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // closing anyway
        }
        thread.interrupt();
    }
}
