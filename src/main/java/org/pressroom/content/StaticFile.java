package org.pressroom.content;

import java.nio.file.Path;

/**
 * A file copied as it is into the site.
 *
 * @param sourcePath relative to the source directory (for messages), {@code /}-separated
 * @param source     the file on disk
 * @param outputPath relative to the output directory, {@code /}-separated, NFC
 * @param size       bytes
 */
public record StaticFile(String sourcePath, Path source, String outputPath, long size) {
}
