package org.pressroom.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pressroom.build.Build;
import org.pressroom.build.BuildOptions;
import org.pressroom.problem.BuildFailure;
import org.pressroom.problem.Problem;

/**
 * {@code pressroom check}: everything the build validates, without writing, plus internal links,
 * alias collisions, hreflang reciprocity and a translation report.
 */
public final class Check {
    private Check() {
    }

    /** Runs every check on the source of {@code options}; reads the disk (and git history) only. */
    public static Report run(BuildOptions options) {
        Build.Loaded loaded;
        try {
            loaded = Build.load(options);
        } catch (BuildFailure f) {
            return new Report(f.problems(), List.of(), List.of());
        }
        Checks checks = new Checks(loaded.plan(), loaded.sources());
        List<Problem> errors = new ArrayList<>();
        errors.addAll(checks.links());
        errors.addAll(checks.hreflang());
        Map<String, Instant> commits = GitHistory.lastCommits(options.source());
        List<Problem> warnings = checks.staleTranslations(commits);
        List<String> report = new ArrayList<>();
        report.add("Translation report (" + loaded.plan().archive().releases().size() + " published releases):");
        report.addAll(checks.missingLanguages());
        if (!warnings.isEmpty()) {
            report.add("  " + warnings.size() + " translation" + (warnings.size() == 1 ? "" : "s")
                    + " may be stale (warnings above)");
        }
        return new Report(sorted(errors), sorted(warnings), List.copyOf(report));
    }

    private static List<Problem> sorted(List<Problem> problems) {
        return problems.stream().distinct().sorted(Problem.ORDER).toList();
    }

    /**
     * The outcome of a check.
     *
     * @param errors      problems that fail the check (and the build)
     * @param warnings    things an editor should look at; they do not fail the check
     * @param translation the translation report, as lines (empty when the build's validation failed)
     */
    public record Report(List<Problem> errors, List<Problem> warnings, List<String> translation) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }
}
