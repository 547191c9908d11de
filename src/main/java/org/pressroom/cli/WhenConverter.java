package org.pressroom.cli;

import org.pressroom.build.When;
import picocli.CommandLine;

/** Reads {@code --now}: a wrong value is a usage error (exit 2) with the accepted forms. */
final class WhenConverter implements CommandLine.ITypeConverter<When> {
    @Override
    public When convert(String value) {
        try {
            return When.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
