package org.pressroom.content;

import java.util.Locale;

/** How a language version relates to the original. */
public enum TranslationStatus {
    ORIGINAL, OFFICIAL, UNOFFICIAL, MACHINE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether pages show a notice that the text is not authoritative. */
    public boolean needsNotice() {
        return this == UNOFFICIAL || this == MACHINE;
    }
}
