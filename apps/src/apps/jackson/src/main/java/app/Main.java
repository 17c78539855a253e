package app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import probe.Probe;

/** An application with Jackson 2.13 and SnakeYAML 1.33 of its own, on a plain class path. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Probe.version("jackson-databind", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);
        Probe.version("jackson-dataformat-yaml", com.fasterxml.jackson.dataformat.yaml.PackageVersion.VERSION);
        Probe.version("snakeyaml", Probe.versionOf(Yaml.class, "org.yaml", "snakeyaml"));
        Map<?, ?> viaJackson = new ObjectMapper(new YAMLFactory()).readValue("app: jackson\nlibraries: [databind, yaml]\n", Map.class);
        Map<?, ?> viaSnakeYaml = new Yaml().load("app: snakeyaml\n");
        System.out.println("works jackson=" + viaJackson + " snakeyaml=" + viaSnakeYaml);
        Probe.runAll();
    }
}
