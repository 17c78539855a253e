package app;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.Yaml;
import probe.Probe;

/** A Spring Boot web application that serves HTTPS, run as an executable fat jar by Spring Boot's launcher. */
@SpringBootApplication
@RestController
public class Main {

    public static void main(String[] args) {
        SpringApplication.run(Main.class, args);
    }

    @GetMapping("/hello")
    public String hello() {
        return "hello from Spring Boot " + SpringBootVersion.getVersion();
    }

    @Bean
    ApplicationListener<WebServerInitializedEvent> announcePort() {
        return event -> System.out.println("listening https port=" + event.getWebServer().getPort());
    }

    @Bean
    ApplicationRunner probes() {
        return (ApplicationArguments arguments) -> {
            Probe.version("loader", Main.class.getClassLoader().getClass().getName());
            Probe.version("spring-boot", SpringBootVersion.getVersion());
            Probe.version("jackson-databind", Probe.versionOf(com.fasterxml.jackson.databind.ObjectMapper.class,
                    "com.fasterxml.jackson.core", "jackson-databind"));
            Probe.version("snakeyaml", Probe.versionOf(Yaml.class, "org.yaml", "snakeyaml"));
            Probe.runAll();
            System.out.println("probes done");
        };
    }
}
