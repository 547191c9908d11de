package org.pressroom.content;

import java.util.Optional;
import org.pressroom.problem.Position;

/**
 * A release file's text as the parser reads it (UTF-8, LF line ends, NFC), split into front matter
 * and body, for tools that point at places in the file (links in the body, aliases in the front
 * matter). Pure.
 */
public final class ReleaseText {
    private final String path;
    private final String text;
    private final int frontMatterEnd;
    private final int bodyStart;

    private ReleaseText(String path, String text, int frontMatterEnd, int bodyStart) {
        this.path = path;
        this.text = text;
        this.frontMatterEnd = frontMatterEnd;
        this.bodyStart = bodyStart;
    }

    /** The file's text, or empty when it is not a release the parser would read (already reported by it). */
    public static Optional<ReleaseText> of(RawFile file) {
        byte[] bytes;
        try {
            bytes = file.read();
        } catch (java.io.IOException e) {
            return Optional.empty(); // the parse stage reports files it cannot read
        }
        if (bytes == null) {
            return Optional.empty();
        }
        SourceText.Result decoded = SourceText.decode(file.path(), bytes);
        if (decoded.problem().isPresent()) {
            return Optional.empty();
        }
        String text = decoded.text();
        if (!text.startsWith("---\n")) {
            return Optional.empty();
        }
        int close = ReleaseParser.findClose(text);
        if (close < 0) {
            return Optional.empty();
        }
        int nl = text.indexOf('\n', close);
        return Optional.of(new ReleaseText(file.path(), text, close, nl < 0 ? text.length() : nl + 1));
    }

    public String path() {
        return path;
    }

    /** The Markdown body after the closing {@code ---} line. */
    public String body() {
        return text.substring(bodyStart);
    }

    /** The position of an offset into {@link #body()}. */
    public Position inBody(int offset) {
        return at(bodyStart + offset);
    }

    /** Where the {@code occurrence}-th (0-based) {@code needle} is in the front matter, if it is there. */
    public Optional<Position> inFrontMatter(String needle, int occurrence) {
        int i = 3;
        for (int n = 0; n <= occurrence; n++) {
            i = text.indexOf(needle, i + (n == 0 ? 0 : 1));
            if (i < 0 || i >= frontMatterEnd) {
                return Optional.empty();
            }
        }
        return Optional.of(at(i));
    }

    /** The 1-based line and column (in characters) of an offset into the whole text. */
    Position at(int offset) {
        int end = Math.max(0, Math.min(offset, text.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(path, line, text.codePointCount(lineStart, end) + 1);
    }
}
