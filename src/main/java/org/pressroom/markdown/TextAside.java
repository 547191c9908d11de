package org.pressroom.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders Flexmark's {@link Text} nodes, which hold most of a body's characters, beside Flexmark's
 * HTML writer rather than through it. That writer tracks lines and indentation with several calls per
 * character; under the quick compiler a build uses, it took more time than parsing. Each text is
 * escaped here and kept aside, a short marker goes through the writer in its place, and
 * {@link #render} puts the texts back in one pass. The text is what Flexmark's own Text rendering
 * makes (entities and backslash escapes resolved, {@code & < > "} escaped); texts the writer would
 * change (with a line end, or leading blanks it trims at the start of a line) go through it as
 * before. {@code AsFlexmarkTest} compares the result with Flexmark's renderer alone.
 */
final class TextAside implements NodeRenderer {
    /** The texts kept aside while rendering a document; absent: render as Flexmark does. */
    private static final DataKey<List<String>> TEXTS = new DataKey<>("PRESSROOM_TEXTS_ASIDE", (List<String>) null);
    /** Markers are {@code START index END}: control characters no rendered body otherwise contains. */
    private static final char START = '\u0000';
    private static final char END = '\u0001';

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(Text.class, this::render));
    }

    private void render(Text node, NodeRendererContext context, HtmlWriter html) {
        List<String> texts = TEXTS.get(context.getDocument());
        BasedSequence chars = node.getChars();
        // a slice of the source string, copied at once (BasedSequence.toString goes a character at a time)
        String text = chars instanceof SubSequence && chars.getBase() instanceof String base
                ? base.substring(chars.getStartOffset(), chars.getEndOffset()) : chars.toString();
        if (texts == null || text.isEmpty() || text.charAt(0) == ' ' || text.charAt(0) == '\t'
                || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            html.text(Escaping.normalizeEOL(chars.unescape())); // Flexmark's own rendering
            return;
        }
        if (text.indexOf('\\') >= 0 || text.indexOf('&') >= 0) {
            text = chars.unescape();
        }
        html.raw(START + Integer.toString(texts.size()) + END);
        texts.add(escape(text));
    }

    /** {@code & < > "} as entities, as Flexmark escapes text. */
    static String escape(String text) {
        StringBuilder out = null;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            String entity = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (entity != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16);
                }
                out.append(text, from, i).append(entity);
                from = i + 1;
            }
        }
        return out == null ? text : out.append(text, from, text.length()).toString();
    }

    /**
     * Renders {@code doc} (parsed from {@code source}) with {@code renderer}, built with this node
     * renderer: texts aside, or as Flexmark alone renders them if {@code source} holds a marker
     * character itself or the markers do not come back each once (which no renderer of ours does).
     */
    static String render(HtmlRenderer renderer, Document doc, String source) {
        if (source.indexOf(START) >= 0) {
            return renderer.render(doc);
        }
        List<String> texts = new ArrayList<>();
        doc.set(TEXTS, texts);
        String marked;
        try {
            marked = renderer.render(doc);
        } finally {
            doc.remove(TEXTS);
        }
        String filled = fill(marked, texts);
        return filled != null ? filled : renderer.render(doc);
    }

    /** {@code marked} with each marker replaced by its text, or null unless every text is used once. */
    private static String fill(String marked, List<String> texts) {
        int length = marked.length();
        for (String t : texts) {
            length += t.length();
        }
        StringBuilder out = new StringBuilder(length);
        java.util.BitSet used = new java.util.BitSet(texts.size());
        int from = 0;
        for (int i = marked.indexOf(START); i >= 0; i = marked.indexOf(START, from)) {
            int end = marked.indexOf(END, i);
            int index;
            try {
                index = end < 0 ? -1 : Integer.parseInt(marked, i + 1, end, 10);
            } catch (NumberFormatException e) {
                return null;
            }
            if (index < 0 || index >= texts.size() || used.get(index)) {
                return null;
            }
            used.set(index);
            out.append(marked, from, i).append(texts.get(index));
            from = end + 1;
        }
        return used.cardinality() == texts.size() ? out.append(marked, from, marked.length()).toString() : null;
    }
}
