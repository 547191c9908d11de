package org.pressroom.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's shortcuts around Flexmark (texts rendered aside, {@link TextAside}; fences tried only
 * where one can open, {@link Markdown.Fences}) give the bytes Flexmark alone gives.
 */
class AsFlexmarkTest {
    /** Flexmark's parser and renderer with the pipeline's options, without its shortcuts. */
    private static String flexmark(boolean rawHtml, String markdown) {
        MutableDataSet options = Markdown.options(rawHtml);
        HtmlRenderer stock = Markdown.flexmarkRenderer(options).build();
        return stock.render(Parser.builder(options).build().parse(markdown));
    }

    private static void same(String markdown) {
        for (boolean raw : new boolean[] {false, true}) {
            assertEquals(flexmark(raw, markdown), new Markdown(raw).render(markdown).html(),
                    (raw ? "raw HTML allowed: " : "raw HTML escaped: ") + markdown);
        }
    }

    @Test
    void rendersTheSampleArchiveAsFlexmarkDoes() throws IOException {
        List<Path> files;
        try (var s = Files.walk(Path.of("content/releases"))) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertTrue(files.size() > 20, "the sample archive's releases");
        for (Path f : files) {
            String text = Files.readString(f);
            same(text.substring(text.indexOf("\n---\n", 3) + 5));
        }
    }

    @Test
    void rendersEdgeCasesAsFlexmarkDoes() {
        for (String md : List.of(
                "",
                "plain",
                "Tom & Jerry <b>bold</b> \"quoted\" 'single' > < &",
                "entities: &amp; &copy; &#1; &#0; &#x41; &nbsp;x &bogus; & amp;",
                "line ends as entities: a&#10;  b&#13;  c&#x0A;\td &#10;",
                "escapes: \\* \\_ \\\\ \\& \\< \\` not\\escaped",
                "hard  \n  break and\\\nbackslash break",
                "soft\n   break with leading blanks\n\ttab",
                "\ttabbed paragraph",
                "code `a < b && \"c\"` and ``` `` ``` spans",
                "    indented <code> & block\n",
                "```java\nfenced < & >\n```\n",
                "~~~ ruby\ntilde & fence\n~~~\n\n  ```\n  indented fence\n  ```\n\n````\n```\n````",
                "text\n```\nfence after a paragraph line\n```\n> ```\n> quoted fence\n\n- ```\n  listed fence\n  ```",
                "``not a fence`` and `` ` `` and ```inline``` and ~~~ tilde text",
                "[link \"t\"](https://example.org/?a=1&b=2 \"title & <q>\") ![alt & \"x\"](/i.png \"t\")",
                "[ref] and [other][ref]\n\n[ref]: /url \"T&amp;\"",
                "<div>\nblock <html> & text\n</div>\n\nafter",
                "inline <span class=\"a\">html</span> & <!-- comment -->",
                "# Heading & <x>\n\nSetext &\n---",
                "> quote &\n> > nested \"q\"",
                "1. one &\n2. two <\n\n   loose para\n- bullet\n  - nested & text",
                "| a & b | c |\n|---|:-:|\n| `x|y` | \\| pipe & |\n| <i>z</i> | |",
                "prose first\n\na | b\n--|--\n1 | 2\n\nx | y without separator\n\n- | in a list\n  |---|\n\n> a | b\n> -|-\n> c | d",
                "no pipe\n---\n\n:---:\nno pipe either\n\n|\n|-",
                // paragraphs with and without pipes in turn, nested and not
                "one\n\n- item\n\n  > a | b\n  > -|-\n  > 1 | 2\n\n  no pipe\n\ntwo | x\n-|-\n\nthree\n\nfour|\n|-|",
                "note[^1] and again[^1] and [^n].\n\n[^1]: foot & <note>\n[^n]: second\n    with lines",
                "see https://www.mofa.go.kr/?a=1&b=<2> or www.example.org & press@mofa.go.kr",
                "[x](javascript:alert(1)) <javascript:alert(2)> [y](  JaVa\tScript:z)",
                "CRLF\r\nline\r\nends & text\r\n",
                "nul \u0000 in source & <text>",
                "start-of-text \u0001 marker end & text",
                "한국어 본문: 외교부는 \"한반도 평화\"를 위해 & 노력 <계속>한다.",
                "   leading blanks in a paragraph & text",
                "1.한국www.y.org",
                "*em* **strong** ***both*** _u_ __uu__ ~~no~~ & *<x>*")) {
            same(md);
        }
    }

    @Property(tries = 300)
    void rendersRandomDocumentsAsFlexmarkDoes(@ForAll("documents") String markdown) {
        same(markdown);
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> piece = Arbitraries.of("a", "한국", " ", "  ", "\t", "\n", "\n\n", "\r\n", "&", "&amp;", "&#1;",
                "<", ">", "\"", "'", "\\", "*", "_", "`", "[", "]", "(", ")", "!", "#", "-", "1.", ">", "|", "---",
                "[^1]", "[^1]: ", "```", "~~~", "\n```\n", "\n~~~ x\n", "    ", "<b>", "</b>", "<!--", "-->", "https://x.org/", "www.y.org", "p@q.kr", ":", "~");
        return piece.list().ofMaxSize(60).map(l -> String.join("", l));
    }
}
