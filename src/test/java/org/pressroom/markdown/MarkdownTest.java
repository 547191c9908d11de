package org.pressroom.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class MarkdownTest {
    /** Summaries collapse white space with a loop; the same as the regular expression it replaced. */
    @Property(tries = 500)
    void collapsesWhiteSpaceAsTheRegularExpressionDid(@ForAll("spaced") String text) {
        assertEquals(text.replaceAll("\\s+", " "), Markdown.oneSpace(text));
    }

    @Provide
    Arbitrary<String> spaced() {
        return Arbitraries.of(" ", "  ", "\t", "\n", "\u000B", "\f", "\r", "\r\n", "\u00A0", "\u3000", "\u2028", "\u0085",
                "\u001C", "a", "한국", ".").list().ofMaxSize(30).map(l -> String.join("", l));
    }

    private final Markdown md = new Markdown(false);

    @Test
    void summarisesTheFirstListItemWithoutItsSubPoints() {
        Markdown.Rendered r = md.render("""
                1. 정부는 회의를 개최하였다.
                    - 일시: 9.27.(금)

                2. 둘째 항.
                """);
        assertEquals("정부는 회의를 개최하였다.", r.summary());
        assertTrue(r.html().contains("<ul>\n<li>일시: 9.27.(금)</li>"), r.html());
    }

    @Test
    void cutsLongSummariesOnAWordBoundaryWithAnEllipsis() {
        String word = "협력을 ";
        String text = word.repeat(80).strip();
        String cut = Markdown.cut(text);
        assertTrue(cut.endsWith("협력을…"), cut);
        assertTrue(cut.codePointCount(0, cut.length()) <= Markdown.SUMMARY_LENGTH + 1, cut);
    }

    @Test
    void keepsShortSummariesWhole() {
        assertEquals("Short text.", md.render("Short text.\n\nSecond.").summary());
    }

    @Test
    void keepsEscapedHtmlInTheSummaryAsTheReaderSeesIt() {
        assertEquals("문의: <script>alert(1)</script> 끝", md.render("문의: <script>alert(1)</script> 끝").summary());
        assertEquals("문의: 끝", new Markdown(true).render("문의: <b></b>끝").summary());
    }

    @Test
    void escapesRawHtmlUnlessAllowed() {
        assertTrue(md.render("<em>x</em>").html().contains("&lt;em&gt;x&lt;/em&gt;"));
        assertTrue(new Markdown(true).render("<em>x</em>").html().contains("<em>x</em>"));
    }

    @Test
    void linksUrlsWwwAddressesAndEmailAddressesInText() {
        String html = md.render("자세한 내용은 https://www.mofa.go.kr/ 참조, www.example.org 또는 press@mofa.go.kr 문의.").html();
        assertTrue(html.contains("<a href=\"https://www.mofa.go.kr/\">https://www.mofa.go.kr/</a>"), html);
        assertTrue(html.contains("<a href=\"http://www.example.org\">www.example.org</a>"), html);
        assertTrue(html.contains("<a href=\"mailto:press@mofa.go.kr\">press@mofa.go.kr</a>"), html);
    }

    @Test
    void parsesTextWithoutLinkCandidatesWithoutAutolinksToTheSameHtml() throws java.io.IOException {
        java.util.List<java.nio.file.Path> files;
        try (var s = java.nio.file.Files.walk(java.nio.file.Path.of("content/releases"))) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertTrue(files.size() > 20, "the sample archive's releases");
        int without = 0;
        for (java.nio.file.Path f : files) {
            String text = java.nio.file.Files.readString(f);
            String body = text.substring(text.indexOf("\n---\n", 3) + 5);
            for (String sample : java.util.List.of(body, body + "\n\n10:30 발표, 문의: 대변인실 (02) 2100-7000.")) {
                if (!Markdown.mayAutolink(sample)) {
                    without++;
                    assertEquals(md.make(sample, true), md.make(sample, false), f.toString());
                }
            }
        }
        assertTrue(without > 20, "most sample bodies have no link candidates: " + without);
        assertTrue(Markdown.mayAutolink("see www.example.org") && Markdown.mayAutolink("a@b")
                && Markdown.mayAutolink("ftp://x") && Markdown.mayAutolink("1.한국www.y.org") && !Markdown.mayAutolink("시각: 10:30, 장소: 외교부"));
    }

    @Test
    void findsAPipeInAParagraphAskedInAnyOrder() {
        String text = "first | a\n\nnone\n\nlast | b\n\nnone again";
        com.vladsch.flexmark.util.sequence.BasedSequence all = com.vladsch.flexmark.util.sequence.BasedSequence.of(text);
        int none = text.indexOf("none");
        int last = text.indexOf("last");
        int again = text.indexOf("none again");
        Markdown.Tables.Pipes pipes = new Markdown.Tables.Pipes();
        assertTrue(pipes.in(all.subSequence(last, again - 2)));
        assertTrue(pipes.in(all.subSequence(0, none - 2)), "a paragraph before the last one asked");
        assertFalse(pipes.in(all.subSequence(none, last - 2)));
        assertFalse(pipes.in(all.subSequence(again, text.length())));
        assertTrue(pipes.in(all.subSequence(last, again - 2)));
        assertTrue(new Markdown.Tables.Pipes().in(all.subSequence(0, 2).append("|")), "text not from one string");
    }
}
