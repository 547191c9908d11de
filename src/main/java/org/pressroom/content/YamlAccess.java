package org.pressroom.content;

import java.util.Map;
import java.util.Optional;
import org.pressroom.problem.Position;
import org.pressroom.problem.Problems;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** A whole YAML file read safely, for other packages (the theme's strings). */
public final class YamlAccess {
    private final Yaml yaml;
    private final Node root;

    private YamlAccess(Yaml yaml, Node root) {
        this.yaml = yaml;
        this.root = root;
    }

    /** Decodes and composes the file; empty (reported) when it is not UTF-8 YAML or is empty. */
    public static Optional<YamlAccess> read(RawFile file, Problems problems) {
        SourceText.Result text = SourceText.decode(file.path(), file.bytes());
        if (text.problem().isPresent()) {
            problems.add(text.problem().get());
            return Optional.empty();
        }
        Yaml y = new Yaml(file.path(), 0, problems);
        return y.compose(text.text()).map(n -> new YamlAccess(y, n));
    }

    public Node root() {
        return root;
    }

    public Map<String, Node> mapping(Node node) {
        return yaml.mapping(node, yaml.path());
    }

    public boolean isMapping(Node node) {
        return node instanceof MappingNode;
    }

    public String text(Node node, String what) {
        return yaml.text(node, what);
    }

    public Position pos(Node node) {
        return yaml.pos(node);
    }
}
