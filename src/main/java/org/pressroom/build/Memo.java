package org.pressroom.build;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.pressroom.content.ParseCache;
import org.pressroom.content.RawFile;
import org.pressroom.content.SiteConfig;
import org.pressroom.content.Sources;
import org.pressroom.markdown.RenderCache;
import org.pressroom.problem.Problems;
import org.pressroom.render.Theme;
import org.pressroom.search.SearchIndex;

/**
 * What one build may reuse from the last: parsed release files, the theme when its templates,
 * strings and the site settings are unchanged, and the search index's text and tokens of unchanged
 * releases. A fresh memo reuses nothing. Not thread-safe; one build at a time.
 */
public final class Memo {
    private final ParseCache parses;
    private final RenderCache renders;
    private final SearchIndex.Memo search;
    private List<RawFile> themeFiles;
    private SiteConfig themeSite;
    private Theme theme;

    /** A memo that reuses nothing, and remembers for the next build. */
    public Memo() {
        this(new ParseCache(), null, null);
    }

    private Memo(ParseCache parses, RenderCache renders, SearchIndex.Memo.Store tokens) {
        this.parses = parses;
        this.renders = renders;
        this.search = new SearchIndex.Memo(tokens);
    }

    /**
     * A memo for one build, which remembers no parses (they are not needed again, and a large
     * archive's would fill memory), takes rendered Markdown bodies from {@code renders} and the search
     * tokens of unchanged release files from {@code tokens} (either may be null).
     */
    static Memo once(RenderCache renders, SearchIndex.Memo.Store tokens) {
        return new Memo(ParseCache.once(), renders, tokens);
    }

    RenderCache renders() {
        return renders;
    }

    ParseCache parses() {
        return parses;
    }

    SearchIndex.Memo search() {
        return search;
    }

    /** {@link Theme#of}, or the last theme when nothing it is made from changed. */
    Optional<Theme> theme(Sources sources, SiteConfig site, Problems problems) {
        List<RawFile> files = new java.util.ArrayList<>(sources.templates());
        files.addAll(sources.i18n());
        if (theme != null && site.equals(themeSite) && same(files, themeFiles)) {
            return Optional.of(theme);
        }
        Problems own = new Problems();
        Optional<Theme> made = Theme.of(sources, site, own);
        problems.addAll(own.sorted());
        theme = made.orElse(null);
        themeSite = site;
        themeFiles = files;
        return made;
    }

    private static boolean same(List<RawFile> a, List<RawFile> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            RawFile x = a.get(i);
            RawFile y = b.get(i);
            if (!x.path().equals(y.path()) || (x.bytes() != y.bytes() && !Arrays.equals(x.bytes(), y.bytes()))) {
                return false;
            }
        }
        return true;
    }
}
