package dev.cryptopolicy.engine.yaml;

import java.util.List;

/**
 * A YAML sequence.
 *
 * @param items the elements in order
 * @param mark  where the sequence starts
 */
public record YamlSeq(List<YamlNode> items, Mark mark) implements YamlNode {

    public YamlSeq {
        items = List.copyOf(items);
    }

    @Override
    public String kindName() {
        return "a list";
    }
}
