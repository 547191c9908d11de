package org.pressroom.content;

import java.util.List;

/**
 * One language version of a release.
 *
 * @param path        source file, relative to the source directory
 * @param summary     the stated summary, else the start of the body's first block
 * @param bodyHtml    the rendered Markdown body (escaped unless the site allows raw HTML)
 * @param attachments as listed in this language's file (empty when it lists none)
 */
public record Translation(String lang, String path, String title, String office, TranslationStatus status,
        String summary, List<String> aliases, List<Update> updates, List<Attachment> attachments,
        String bodyHtml) {
}
