package dev.cryptopolicy.engine.yaml;

/** A node of a parsed YAML document, with the place it starts at. */
public sealed interface YamlNode permits YamlMap, YamlSeq, YamlScalar {

    /** Where the node starts. */
    Mark mark();

    /** A short name of the node's kind for messages: "a mapping", "a list", "a string", ... */
    String kindName();
}
