package org.pressroom.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownTest {
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
}
