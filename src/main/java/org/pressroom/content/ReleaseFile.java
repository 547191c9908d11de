package org.pressroom.content;

import java.util.List;
import java.util.Map;
import org.pressroom.problem.Position;

/**
 * One parsed language file of a release, before it is paired with its translation.
 *
 * @param shared              the release fields it states, with where it states them
 * @param attachmentPositions where each of the translation's attachments is named
 */
record ReleaseFile(String id, String lang, String path, Map<String, Stated> shared, Translation translation,
        Position start, List<Position> attachmentPositions) {

    /** A release field's value as stated in one file. */
    record Stated(Object value, Position pos) {
    }
}
