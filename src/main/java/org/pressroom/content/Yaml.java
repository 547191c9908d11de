package org.pressroom.content;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pressroom.problem.Position;
import org.pressroom.problem.Problems;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML into SnakeYAML's node tree (never into Java objects, so no tag can construct a class)
 * and turns node marks (0-based) into 1-based {@link Position}s once, here.
 */
final class Yaml {
    static final int MAX_ALIASES = 20;
    /** SnakeYAML's message when its tag inspector refuses a global tag such as {@code !!java.net.URL}. */
    private static final String GLOBAL_TAG = "Global tag is not allowed:";

    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.BOOL, Tag.FLOAT, Tag.NULL,
            Tag.TIMESTAMP, Tag.SEQ, Tag.MAP);

    private final String path;
    private final int lineOffset;
    private final Problems problems;

    /**
     * @param path       the source path for positions
     * @param lineOffset lines before the YAML text in its file (1 for front matter after {@code ---})
     */
    /** The plain YAML resolver (read only once made, so shared). */
    private static final org.yaml.snakeyaml.resolver.Resolver RESOLVER = new org.yaml.snakeyaml.resolver.Resolver();

    Yaml(String path, int lineOffset, Problems problems) {
        this.path = path;
        this.lineOffset = lineOffset;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    Problems problems() {
        return problems;
    }

    /** Composes the text into a node tree; empty when the text is empty or not YAML (reported). */
    Optional<Node> compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setProcessComments(false);
        try {
            // what org.yaml.snakeyaml.Yaml.compose does, without making a Yaml (its constructor and
            // representer, which composing does not use) for every file
            Node node = new org.yaml.snakeyaml.composer.Composer(new org.yaml.snakeyaml.parser.ParserImpl(
                    new org.yaml.snakeyaml.reader.StreamReader(new StringReader(text)), options), RESOLVER, options)
                    .getSingleNode();
            if (node != null && !checkTags(node, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()))) {
                return Optional.empty();
            }
            return Optional.ofNullable(node);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            if (e.getProblem() != null && e.getProblem().startsWith(GLOBAL_TAG)) {
                problems.add(mark == null ? start() : at(mark), "YAML tag " + e.getProblem().substring(GLOBAL_TAG.length())
                        .strip() + " is not allowed", "remove the tag; Pressroom reads plain YAML values only");
                return Optional.empty();
            }
            if (e.getProblem() != null && e.getProblem().contains("<stream end>") && e.getContextMark() != null
                    && e.getContext() != null && e.getContext().startsWith("while parsing ")) {
                // the text ended inside a bracket or quote: point at where it was opened
                problems.add(at(e.getContextMark()), "malformed YAML: " + e.getContext().substring("while parsing "
                        .length()) + " opened here is never closed", "close it on the same field");
                return Optional.empty();
            }
            String what = e.getProblem() == null ? "malformed YAML" : e.getProblem();
            if (e.getContext() != null) {
                what = e.getContext() + ": " + what;
            }
            problems.add(mark == null ? start() : at(mark), "malformed YAML: " + oneLine(what));
        } catch (YAMLException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (msg.contains("aliases")) {
                problems.add(start(), "too many YAML aliases (more than " + MAX_ALIASES + ")",
                        "aliases (*name) are limited so that a small file cannot expand into a huge one");
            } else {
                problems.add(start(), "malformed YAML: " + oneLine(msg));
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses tags other than the plain ones, and structures that contain themselves through an alias
     * ({@code &a {x: *a}}), which no reader of the tree could walk to its end.
     */
    private boolean checkTags(Node node, java.util.Set<Node> ancestors) {
        if (!PLAIN_TAGS.contains(node.getTag())) {
            problems.add(pos(node), "YAML tag " + node.getTag().getValue() + " is not allowed",
                    "remove the tag; Pressroom reads plain YAML values only");
            return false;
        }
        if (!(node instanceof MappingNode) && !(node instanceof SequenceNode)) {
            return true;
        }
        if (!ancestors.add(node)) {
            problems.add(pos(node), "a YAML alias refers to a mapping or list that contains it",
                    "aliases (*name) may only repeat a value defined apart from them");
            return false;
        }
        boolean ok = true;
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (!checkTags(t.getKeyNode(), ancestors) || !checkTags(t.getValueNode(), ancestors)) {
                    ok = false;
                    break;
                }
            }
        } else {
            for (Node n : ((SequenceNode) node).getValue()) {
                if (!checkTags(n, ancestors)) {
                    ok = false;
                    break;
                }
            }
        }
        ancestors.remove(node);
        return ok;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    Position start() {
        return new Position(path, lineOffset + 1, 1);
    }

    Position at(Mark mark) {
        return new Position(path, lineOffset + mark.getLine() + 1, mark.getColumn() + 1);
    }

    Position pos(Node node) {
        return at(node.getStartMark());
    }

    /** The entries of a mapping node in order, keys as text; duplicate or non-text keys reported. */
    Map<String, Node> mapping(Node node, String what) {
        Map<String, Node> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode m)) {
            problems.add(pos(node), what + " must be a mapping of keys to values");
            return out;
        }
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode ks) || k.getTag() == Tag.NULL) {
                problems.add(pos(k), "a key in " + what + " must be plain text");
                continue;
            }
            String key = ks.getValue();
            if (out.containsKey(key)) {
                problems.add(pos(k), "duplicate key '" + key + "' (first at line " + pos(out.get(key)).line() + ")");
                continue;
            }
            out.put(key, t.getValueNode());
        }
        return out;
    }

    /** Position of a key's name (not its value) in a mapping, for messages about the key itself. */
    Position keyPos(Node mapping, String key) {
        if (mapping instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                    return pos(s);
                }
            }
        }
        return pos(mapping);
    }

    /** A scalar as text; null (reported) when the node is not a scalar or is empty. */
    String text(Node node, String field) {
        if (node instanceof ScalarNode s && node.getTag() != Tag.NULL) {
            int bad = SourceText.firstControl(s.getValue());
            if (bad >= 0) {
                problems.add(pos(node), String.format("%s contains control character U+%04X", field,
                        (int) s.getValue().charAt(bad)), "remove the escape that makes it");
                return null;
            }
            return s.getValue();
        }
        problems.add(pos(node), field + " must be text");
        return null;
    }

    /** A non-blank scalar as text, trimmed; null (reported) otherwise. */
    String nonBlank(Node node, String field) {
        String s = text(node, field);
        if (s != null && s.isBlank()) {
            problems.add(pos(node), field + " must not be empty");
            return null;
        }
        return s == null ? null : s.strip();
    }

    Boolean bool(Node node, String field) {
        if (node instanceof ScalarNode s && node.getTag() == Tag.BOOL) {
            return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT));
        }
        problems.add(pos(node), field + " must be true or false");
        return null;
    }

    /** A sequence node's items; a single scalar counts as a list of one. */
    List<Node> list(Node node, String field) {
        if (node instanceof SequenceNode s) {
            return s.getValue();
        }
        if (node instanceof ScalarNode && node.getTag() != Tag.NULL) {
            return List.of(node);
        }
        if (node.getTag() == Tag.NULL) {
            return List.of();
        }
        problems.add(pos(node), field + " must be a list");
        return List.of();
    }

    /** Plain Java values (String, Boolean, List, Map) for free-form settings such as params. */
    Object plain(Node node) {
        if (node instanceof ScalarNode s) {
            if (node.getTag() == Tag.NULL) {
                return "";
            }
            if (node.getTag() == Tag.BOOL) {
                return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT));
            }
            String text = text(node, "a value");
            return text == null ? "" : text;
        }
        if (node instanceof SequenceNode s) {
            List<Object> out = new ArrayList<>();
            s.getValue().forEach(n -> out.add(plain(n)));
            return List.copyOf(out);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        mapping(node, "params").forEach((k, v) -> out.put(k, plain(v)));
        return java.util.Collections.unmodifiableMap(out);
    }
}
