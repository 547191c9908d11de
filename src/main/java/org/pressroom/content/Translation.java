package org.pressroom.content;

import java.util.List;
import org.pressroom.markdown.Body;
import org.pressroom.problem.Position;

/**
 * One language version of a release.
 *
 * @param path            source file, relative to the source directory
 * @param summary         the stated summary, else the start of the body's first block
 * @param aliases         earlier site paths of this version's page, each starting with {@code /}; a path may carry
 *                        a query string ({@code /view.do?seq=1})
 * @param body            the rendered Markdown body (escaped unless the site allows raw HTML), held in
 *                        memory or kept in a file; equal bodies have equal HTML ({@link #bodyHtml()})
 * @param attachments     as listed in this language's file (empty when it lists none)
 * @param aliasPositions  where each alias is written, index for index with {@code aliases}
 */
public record Translation(String lang, String path, String title, String office, TranslationStatus status,
        String summary, List<String> aliases, List<Update> updates, List<Attachment> attachments,
        Body body, List<Position> aliasPositions) {

    public Translation {
        if (aliasPositions.size() != aliases.size()) {
            throw new IllegalArgumentException("one position per alias");
        }
    }

    /** A version whose body is held in memory. */
    public Translation(String lang, String path, String title, String office, TranslationStatus status,
            String summary, List<String> aliases, List<Update> updates, List<Attachment> attachments,
            String bodyHtml, List<Position> aliasPositions) {
        this(lang, path, title, office, status, summary, aliases, updates, attachments, Body.of(bodyHtml),
                aliasPositions);
    }

    /** A version whose aliases are placed at the start of its file (for callers without positions). */
    public Translation(String lang, String path, String title, String office, TranslationStatus status,
            String summary, List<String> aliases, List<Update> updates, List<Attachment> attachments,
            String bodyHtml) {
        this(lang, path, title, office, status, summary, aliases, updates, attachments, bodyHtml,
                aliases.stream().map(a -> Position.startOf(path)).toList());
    }

    /**
     * The rendered Markdown body (escaped unless the site allows raw HTML), read from where the
     * {@link #body} is kept: a build of a large archive keeps bodies on disk, not all in memory.
     */
    public String bodyHtml() {
        return body.html();
    }
}
