package app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import probe.Probe;

/** A {@code java -jar} application whose libraries are in lib/ beside it, named by its manifest Class-Path. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Probe.version("class-path", System.getProperty("java.class.path"));
        Probe.version("jackson-databind", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);
        Probe.version("jackson-dataformat-yaml", com.fasterxml.jackson.dataformat.yaml.PackageVersion.VERSION);
        Probe.version("snakeyaml", Probe.versionOf(Yaml.class, "org.yaml", "snakeyaml"));
        Map<?, ?> viaJackson = new ObjectMapper(new YAMLFactory()).readValue("app: class-path-jar\n", Map.class);
        System.out.println("works jackson=" + viaJackson);
        Probe.runAll();
    }
}
