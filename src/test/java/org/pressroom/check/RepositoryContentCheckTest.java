package org.pressroom.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pressroom.cli.Main;

/** The repository's own archive passes {@code check}: no broken links, collisions or other errors. */
class RepositoryContentCheckTest {
    @Test
    void checksTheRepositoryArchiveWithoutErrors() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out), new PrintWriter(err), "check", "--source",
                Path.of("").toAbsolutePath().toString(), "--now", "2020-01-01");
        assertEquals(0, status, out + "\n" + err);
        assertTrue(out.toString().contains("Translation report (34 published releases):"), out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("Check passed: 0 errors")), out.toString());
    }
}
