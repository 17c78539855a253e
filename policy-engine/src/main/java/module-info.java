/**
 * The policy engine: reads a YAML policy, composes it with its base and modifiers, and compiles it
 * into a {@link dev.cryptopolicy.engine.CompiledPolicy} that answers every decision. It knows no
 * JCA provider.
 *
 * <p>Exported: the engine's API ({@code dev.cryptopolicy.engine}), the algorithm catalog, the
 * {@code java.security} exporter and the translation of the host's crypto-policies. Not exported:
 * the strict YAML reader ({@code engine.yaml}) and the bounded file reader ({@code engine.io}),
 * which are the engine's own machinery.
 */
module dev.cryptopolicy.engine {
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.dataformat.yaml;
    // The reader sets SnakeYAML's code point limit (LoaderOptions); Jackson does not re-export it.
    requires org.yaml.snakeyaml;

    exports dev.cryptopolicy.engine;
    exports dev.cryptopolicy.engine.algorithms;
    exports dev.cryptopolicy.engine.export;
    exports dev.cryptopolicy.engine.hostpolicy;
}
