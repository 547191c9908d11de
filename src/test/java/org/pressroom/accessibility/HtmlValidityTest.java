package org.pressroom.accessibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The Nu HTML Checker, run in-process, finds no error on any kind of page of the sample archive. */
class HtmlValidityTest {
    @TempDir
    static Path dir;
    static Path site;

    @BeforeAll
    static void buildSampleArchive() {
        site = SampleSite.build(dir.resolve("site"));
    }

    /** The checker's messages about {@code html}, one per line in GNU format, errors only. */
    static List<String> errors(String html) throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        validator.setNoLangDetect(false);
        String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        return report.lines().filter(l -> l.contains(": error:") || l.contains(": fatal:")).toList();
    }

    @Test
    void reportsErrorsInInvalidHtmlSoTheCheckIsReal() throws Exception {
        List<String> found = errors("<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body>"
                + "<ul><div>no</div></ul><time datetime=\"June 1\">x</time><span id=x></span><i id=x></i></body></html>");
        assertEquals(3, found.size(), () -> "expected three errors, got " + found);
        assertTrue(found.get(0).contains("Element “div” not allowed as child of element “ul”"), found::toString);
        assertTrue(found.get(1).contains("Bad value “June 1” for attribute “datetime”"), found::toString);
        assertTrue(found.get(2).contains("Duplicate ID “x”"), found::toString);
    }

    @TestFactory
    Stream<DynamicTest> everyPageKindIsValidHtml() {
        return SampleSite.pages(site).stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
            List<String> found = errors(SampleSite.read(site, p));
            assertEquals(List.of(), found, () -> p + " has HTML errors:\n  " + String.join("\n  ", found));
        }));
    }
}
