package org.pressroom.content;

/**
 * A file under {@code content/files/} attached to a release.
 *
 * @param file  path under {@code content/files/}, {@code /}-separated
 * @param title its title, in language {@code lang}
 * @param lang  the language of the title (the language of the file that listed it)
 * @param size  bytes
 */
public record Attachment(String file, String title, String lang, long size) {
    /** The file name extension in upper case, e.g. {@code PDF}, or empty. */
    public String format() {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toUpperCase(java.util.Locale.ROOT);
    }
}
