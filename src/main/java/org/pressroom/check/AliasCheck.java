package org.pressroom.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pressroom.content.RawFile;
import org.pressroom.content.ReleaseText;
import org.pressroom.content.Sources;
import org.pressroom.content.StaticFile;
import org.pressroom.content.Translation;
import org.pressroom.plan.Page;
import org.pressroom.plan.Plan;
import org.pressroom.problem.Position;
import org.pressroom.problem.Problem;

/**
 * Aliases that cannot all be honoured: one listed twice, one claimed by two pages, or one that is
 * itself a page or file of the site (a redirect from it would hide or be hidden by it). Pure; usable by
 * the build as well as by {@code check}.
 */
public final class AliasCheck {
    private AliasCheck() {
    }

    /** The problems with the aliases of the planned release pages, each at the alias in its file. */
    public static List<Problem> problems(Plan plan, Sources sources) {
        String base = plan.archive().site().basePath();
        Map<String, String> taken = new HashMap<>();
        for (Page p : plan.pages()) {
            String url = base + p.path();
            taken.put(trim(url), "a page of the site (" + url + ")");
            if (url.endsWith("/")) {
                taken.put(url + "index.html", "a page of the site (" + url + ")");
            }
        }
        for (List<StaticFile> group : List.of(sources.files(), sources.assets())) {
            for (StaticFile f : group) {
                taken.put(base + f.outputPath(), "a file of the site (" + f.sourcePath() + ")");
            }
        }
        Map<String, RawFile> raw = new HashMap<>();
        sources.releases().forEach(f -> raw.put(f.path(), f));
        Map<String, Claim> claims = new HashMap<>();
        List<Problem> out = new ArrayList<>();
        for (Page p : plan.pages()) {
            if (!(p instanceof Page.ReleasePage rp)) {
                continue;
            }
            Translation t = rp.release().translations().get(rp.lang());
            Optional<ReleaseText> text = Optional.ofNullable(raw.get(t.path())).flatMap(ReleaseText::of);
            Map<String, Integer> seen = new HashMap<>();
            for (String alias : t.aliases()) {
                int occurrence = seen.merge(alias, 1, Integer::sum) - 1;
                Position pos = text.flatMap(x -> x.inFrontMatter(alias, occurrence))
                        .orElse(Position.startOf(t.path()));
                String page = base + p.path();
                if (occurrence > 0) {
                    out.add(Problem.at(pos, "alias '" + alias + "' is listed twice", "remove one of them"));
                    continue;
                }
                String what = taken.get(trim(alias));
                if (what != null) {
                    out.add(Problem.at(pos, "alias '" + alias + "' is " + what + "; a redirect from it cannot work",
                            "remove the alias"));
                    continue;
                }
                Claim earlier = claims.putIfAbsent(trim(alias), new Claim(page, pos));
                if (earlier != null) {
                    Claim later = new Claim(page, pos);
                    Claim first = Problem.ORDER.compare(Problem.at(earlier.pos, ""), Problem.at(pos, "")) <= 0
                            ? earlier : later;
                    Claim second = first == earlier ? later : earlier;
                    out.add(Problem.at(second.pos, "alias '" + alias + "' of " + second.page
                            + " is also an alias of " + first.page + " at " + first.pos,
                            "an old URL can redirect to one page only"));
                }
            }
        }
        return out.stream().sorted(Problem.ORDER).toList();
    }

    private static String trim(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private record Claim(String page, Position pos) {
    }
}
