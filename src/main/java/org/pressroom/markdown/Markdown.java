package org.pressroom.markdown;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The one Markdown pipeline of a build: CommonMark with tables, footnotes and autolinks. Raw HTML is
 * escaped unless the site allows it. Thread-safe: parser and renderer are shared by all releases.
 */
public final class Markdown {
    /** Default summaries are cut near this many characters, on a word boundary. */
    public static final int SUMMARY_LENGTH = 200;

    /** Link destinations that are not rendered as links: javascript:, vbscript: and data: URLs. */
    static final String SCRIPT_URL = "(?is)\\s*(?:j\\s*a\\s*v\\s*a|v\\s*b)\\s*s\\s*c\\s*r\\s*i\\s*p\\s*t\\s*:.*"
            + "|\\s*d\\s*a\\s*t\\s*a\\s*:.*";

    private final Parser parser;
    /** The same parser without autolinks, for text in which none can be found (cheaper: see {@link #mayAutolink}). */
    private final Parser withoutAutolinks;
    private final HtmlRenderer renderer;
    private final boolean rawHtml;
    private final RenderCache cache;

    public Markdown(boolean rawHtml) {
        this(rawHtml, null);
    }

    /** With {@code cache} (may be null), bodies rendered before are taken from it. */
    public Markdown(boolean rawHtml, RenderCache cache) {
        this.rawHtml = rawHtml;
        this.cache = cache;
        MutableDataSet options = options(rawHtml);
        this.parser = gatedFences(options).build();
        MutableDataSet plain = new MutableDataSet(options);
        plain.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), FootnoteExtension.create()));
        this.withoutAutolinks = gatedFences(plain).build();
        this.renderer = flexmarkRenderer(options).nodeRendererFactory(o -> new TextAside()).build();
    }

    /** The parser and renderer options of the pipeline. */
    static MutableDataSet options(boolean rawHtml) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), FootnoteExtension.create(),
                AutolinkExtension.create()));
        options.set(TablesExtension.WITH_CAPTION, false);
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        options.set(HtmlRenderer.ESCAPE_HTML, !rawHtml);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        // heading ids are not rendered, so not made either (it costs a pass over every heading's text)
        options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        options.set(HtmlRenderer.RENDER_HEADER_ID, false);
        // links that would run script render as their text; browsers ignore case and blanks in schemes
        options.set(HtmlRenderer.SUPPRESSED_LINKS, SCRIPT_URL);
        return options;
    }

    /**
     * A parser builder with {@link Fences} in place of Flexmark's own fenced code block factory, and
     * {@link Tables} in place of the tables extension's parser part (its renderer part stays).
     */
    private static Parser.Builder gatedFences(MutableDataSet options) {
        MutableDataSet gated = new MutableDataSet(options);
        gated.set(Parser.FENCED_CODE_BLOCK_PARSER, false);
        List<com.vladsch.flexmark.util.misc.Extension> extensions = new ArrayList<>();
        for (com.vladsch.flexmark.util.misc.Extension e : Parser.EXTENSIONS.get(options)) {
            extensions.add(e instanceof TablesExtension ? new Tables() : e);
        }
        gated.set(Parser.EXTENSIONS, extensions);
        return Parser.builder(gated).customBlockParserFactory(new Fences());
    }

    /**
     * The tables extension's paragraph pre-processor, run only on paragraphs with a {@code |}: Flexmark's
     * returns at once when the first line has none, but is made for every document (compiling a regular
     * expression) and walks every paragraph's lines; a body in Korean prose has no table. Made once a
     * document has a paragraph with a pipe, from the same factory, in the same place among the
     * pre-processors.
     */
    static final class Tables implements Parser.ParserExtension {
        /**
         * Whether a paragraph has a {@code |}, asked of the document's text with {@code String.indexOf}
         * (Flexmark's {@code indexOf} reads a character at a time through its sequence interfaces, which
         * cost a per cent of a build under the quick compiler). Remembers the first pipe at or after where
         * it last looked, so that paragraphs asked in document order cost one pass over the text in all.
         */
        static final class Pipes {
            private String text;
            private int from = Integer.MAX_VALUE;
            private int found;

            boolean in(BasedSequence chars) {
                if (!(chars instanceof SubSequence && chars.getBase() instanceof String base)) {
                    return chars.indexOf('|') >= 0;
                }
                int start = chars.getStartOffset();
                int end = chars.getEndOffset();
                if (base != text || start < from || (found >= 0 && found < start)) {
                    text = base;
                    from = start;
                    found = base.indexOf('|', start);
                }
                // found is the first pipe at or after from <= start, and not before start
                return found >= 0 && found < end;
            }
        }

        @Override
        public void parserOptions(com.vladsch.flexmark.util.data.MutableDataHolder options) {
            // the tables extension sets none
        }

        @Override
        public void extend(Parser.Builder builder) {
            ParagraphPreProcessorFactory tables = TableParagraphPreProcessor.Factory();
            builder.paragraphPreProcessorFactory(new ParagraphPreProcessorFactory() {
                @Override
                public ParagraphPreProcessor apply(ParserState state) {
                    return new ParagraphPreProcessor() {
                        private ParagraphPreProcessor made;
                        private final Pipes pipes = new Pipes();

                        @Override
                        public int preProcessBlock(Paragraph block, ParserState at) {
                            if (!pipes.in(block.getChars())) {
                                return 0;
                            }
                            if (made == null) {
                                made = tables.apply(state);
                            }
                            return made.preProcessBlock(block, at);
                        }
                    };
                }

                @Override
                public java.util.Set<Class<?>> getAfterDependents() {
                    return tables.getAfterDependents();
                }

                @Override
                public java.util.Set<Class<?>> getBeforeDependents() {
                    return tables.getBeforeDependents();
                }

                @Override
                public boolean affectsGlobalScope() {
                    return tables.affectsGlobalScope();
                }
            });
        }
    }

    /**
     * Flexmark's fenced code blocks, tried only on lines whose first non-blank character could open a
     * fence. Its own factory runs a regular expression from every position of every line (a seventh
     * of the parse time of a body of long Korean paragraphs); a fence starts with three backticks or
     * tildes, so no other line can open one. The same dependencies as Flexmark's factory keep it in
     * the same place among the block parsers.
     */
    static final class Fences extends FencedCodeBlockParser.Factory {
        @Override
        public BlockParserFactory apply(DataHolder options) {
            BlockParserFactory fences = super.apply(options);
            return (state, matched) -> {
                BasedSequence line = state.getLine();
                int i = state.getNextNonSpaceIndex();
                char c = i < line.length() ? line.charAt(i) : 0;
                return c == '`' || c == '~' ? fences.tryStart(state, matched) : BlockStart.none();
            };
        }
    }

    /** Flexmark's renderer with the pipeline's options and link rules, before {@link TextAside} joins it. */
    static HtmlRenderer.Builder flexmarkRenderer(MutableDataSet options) {
        return HtmlRenderer.builder(options).linkResolverFactory(new IndependentLinkResolverFactory() {
            @Override
            public LinkResolver apply(LinkResolverBasicContext context) {
                return (node, ctx, link) -> isScriptUrl(link.getUrl()) ? link.withUrl("#") : link;
            }
        });
    }

    /**
     * Whether a link destination, after entity decoding, would run script: browsers drop blanks and
     * control characters and ignore case in the scheme.
     */
    static boolean isScriptUrl(String url) {
        String squeezed = url.replaceAll("[\\x00-\\x20\\x7f]", "").toLowerCase(java.util.Locale.ROOT);
        return squeezed.startsWith("javascript:") || squeezed.startsWith("vbscript:") || squeezed.startsWith("data:");
    }

    /**
     * Renders a release body to HTML and extracts the plain-text summary of its first block. With a
     * cache, the body is kept in the cache's file rather than in memory.
     */
    public Rendered render(String markdown) {
        return cache == null ? make(markdown) : cache.get(markdown, rawHtml, this::make);
    }

    private Rendered make(String markdown) {
        return make(markdown, mayAutolink(markdown));
    }

    Rendered make(String markdown, boolean autolinks) {
        Document doc = (autolinks ? parser : withoutAutolinks).parse(markdown);
        return new Rendered(Body.of(TextAside.render(renderer, doc, markdown)), summaryOf(doc));
    }

    /**
     * Whether the autolink extension could find a link in {@code text}: it links only text with
     * {@code ://} (URLs and bare scheme prefixes), {@code www.} or {@code @} (e-mail addresses). Its
     * search runs a regular expression over every text node, a tenth of the Markdown time of a body
     * in Korean; bodies without these are parsed without it, to the same result.
     */
    static boolean mayAutolink(String text) {
        if (text.contains("://") || text.indexOf('@') >= 0) {
            return true;
        }
        for (int i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
            if (i >= 3 && text.regionMatches(true, i - 3, "www", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every link destination of a body (links, images, autolinks and reference definitions; not raw
     * HTML), in document order, with the offset of the destination in {@code markdown}.
     */
    public List<LinkAt> links(String markdown) {
        List<LinkAt> out = new ArrayList<>();
        for (Node n : parser.parse(markdown).getDescendants()) {
            if (n instanceof LinkNodeBase link && !(n instanceof MailLink)) {
                String url = link.getUrl().toString();
                if (url.isEmpty()) {
                    continue;
                }
                int offset = link.getUrl().getStartOffset();
                out.add(new LinkAt(url, offset >= 0 && offset <= markdown.length() ? offset : n.getStartOffset()));
            }
        }
        return List.copyOf(out);
    }

    /** A link destination and its offset in the Markdown text (0-based, in chars). */
    public record LinkAt(String url, int offset) {
    }

    private String summaryOf(Document doc) {
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph) {
                return cut(plain(n));
            }
            if (n instanceof BulletList || n instanceof OrderedList) {
                Node item = ((ListBlock) n).getFirstChild();
                if (item instanceof ListItem li) {
                    for (Node c = li.getFirstChild(); c != null; c = c.getNext()) {
                        if (c instanceof Paragraph) {
                            return cut(plain(c));
                        }
                    }
                }
            }
        }
        return "";
    }

    /** The block's text as a reader sees it: escaped raw HTML is text too, so it stays in the summary. */
    private String plain(Node n) {
        if (!rawHtml) {
            List<Node> html = new ArrayList<>();
            n.getDescendants().forEach(d -> {
                if (d instanceof HtmlInlineBase) {
                    html.add(d);
                }
            });
            for (Node h : html) {
                h.insertBefore(new Text(h.getChars()));
                h.unlink();
            }
        }
        return oneSpace(new TextCollectingVisitor().collectAndGetText(n)).strip();
    }

    /**
     * {@code text} with each run of ASCII white space (what {@code \s} matches in a Java regular
     * expression: space, tab, line feed, vertical tab, form feed, carriage return) made one space; a
     * loop, where {@code replaceAll} compiled a pattern for every body.
     */
    static String oneSpace(String text) {
        StringBuilder out = null;
        int n = text.length();
        int from = 0;
        for (int i = 0; i < n; i++) {
            if (!blank(text.charAt(i))) {
                continue;
            }
            int end = i + 1;
            while (end < n && blank(text.charAt(end))) {
                end++;
            }
            if (end == i + 1 && text.charAt(i) == ' ') {
                continue; // a single space stays as it is
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(text, from, i).append(' ');
            from = end;
            i = end - 1;
        }
        return out == null ? text : out.append(text, from, n).toString();
    }

    /** ASCII white space: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static final long BLANKS = 1L << ' ' | 1L << '\t' | 1L << '\n' | 1L << 0x0B | 1L << '\f' | 1L << '\r';

    /**
     * Whether {@code c} is ASCII white space ({@code \s} of a Java regular expression); one test and one
     * mask, small enough for C1 to inline.
     */
    public static boolean blank(char c) {
        return c <= ' ' && (BLANKS & 1L << c) != 0;
    }

    /** Blanks and separators at the end of a cut summary, before its ellipsis. */
    private static final java.util.regex.Pattern TRAILING = java.util.regex.Pattern.compile("[\\s,;:·、，]+$");

    /** Cuts text at about {@link #SUMMARY_LENGTH} characters, on a word boundary, adding an ellipsis. */
    public static String cut(String text) {
        if (text.codePointCount(0, text.length()) <= SUMMARY_LENGTH) {
            return text;
        }
        int limit = text.offsetByCodePoints(0, SUMMARY_LENGTH);
        int space = text.lastIndexOf(' ', limit);
        int end = space > SUMMARY_LENGTH / 2 ? space : limit;
        String head = TRAILING.matcher(text.substring(0, end)).replaceAll("");
        return head + "…";
    }

    /** A rendered body (held in memory, or kept by the {@link RenderCache}) and its default summary. */
    public record Rendered(Body body, String summary) {
        /** The body's HTML. */
        public String html() {
            return body.html();
        }
    }
}
