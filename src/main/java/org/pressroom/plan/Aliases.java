package org.pressroom.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pressroom.content.AliasPath;
import org.pressroom.content.Release;
import org.pressroom.content.Translation;
import org.pressroom.problem.Position;
import org.pressroom.problem.Problems;

/**
 * Checks the aliases of every release, published or not, against the planned site: an alias may not be
 * the address of a live page or copied file, nor the alias of another page (or the same one twice). Each
 * collision is reported where the later alias is written, naming the other file. Pure.
 */
public final class Aliases {
    private Aliases() {
    }

    /**
     * @param releases every release of the source, in id order
     * @param copied   output path of each copied file (attachments, theme assets) to its source path
     */
    public static void check(Plan plan, List<Release> releases, Map<String, String> copied, Problems problems) {
        Map<String, Page> live = new HashMap<>();
        for (Page p : plan.pages()) {
            if (!(p instanceof Page.AliasPage)) {
                live.putIfAbsent(p.file(), p);
            }
        }
        Map<String, Position> seen = new HashMap<>();
        for (Release r : releases) {
            for (Translation t : r.translations().values()) {
                for (int i = 0; i < t.aliases().size(); i++) {
                    String alias = t.aliases().get(i);
                    Position at = t.aliasPositions().get(i);
                    String key = alias;
                    if (!AliasPath.hasQuery(alias)) {
                        String path = AliasPath.outputPath(alias);
                        key = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
                        Page page = live.get(key);
                        if (page != null) {
                            problems.add(at, "alias '" + alias + "' is the address of a live page, /" + page.path()
                                    + describe(page), "remove the alias; a page cannot redirect from a live address");
                            continue;
                        }
                        if (copied.containsKey(key)) {
                            problems.add(at, "alias '" + alias + "' is the address of the copied file "
                                    + copied.get(key), "remove the alias or rename the file");
                            continue;
                        }
                    }
                    Position first = seen.putIfAbsent(key, at);
                    if (first != null) {
                        problems.add(at, "alias '" + alias + "' is also an alias at " + first,
                                "an earlier address can redirect to one page only");
                    }
                }
            }
        }
    }

    private static String describe(Page page) {
        if (page instanceof Page.ReleasePage rp) {
            return " (" + rp.release().translations().get(rp.lang()).path() + ")";
        }
        return "";
    }
}
