package org.findingskb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package layout as a checked rule: each feature depends only on the modules below it and on the shared
 * kernel, with no cycles, and reaches into no other module's internals. Spring Modulith's Documenter draws the
 * structure, and the drawing in docs/architecture.md is kept equal to it.
 */
class ModularityTests {

    private static final Path ARCHITECTURE = Paths.get("docs/architecture.md");
    private static final String START = "<!-- module diagram: written by ModularityTests -->";
    private static final String END = "<!-- end of module diagram -->";

    private final ApplicationModules modules = ApplicationModules.of(FindingsKbApplication.class);

    @Test
    void modulesDependOnlyOnWhatSitsBelowThemWithoutCycles() {
        modules.verify();
    }

    @Test
    void theArchitectureDocumentShowsTheModulesAsTheyAre() throws IOException {
        Path output = Paths.get("target/spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramStyle.UML));
        String diagram = "```plantuml\n" + canonical(Files.readString(output.resolve("components.puml"))) + "\n```";
        String document = Files.readString(ARCHITECTURE);
        int start = document.indexOf(START);
        int end = document.indexOf(END);
        assertThat(start).as("the diagram's start marker in %s", ARCHITECTURE).isNotNegative();
        assertThat(end).as("the diagram's end marker in %s", ARCHITECTURE).isGreaterThan(start);
        String current = document.substring(start + START.length(), end).strip();
        if (!current.equals(diagram)) {
            // Rewritten, so that committing the file is all it takes to bring the document in step.
            Files.writeString(ARCHITECTURE, document.substring(0, start + START.length()) + "\n" + diagram + "\n"
                    + document.substring(end));
        }
        assertThat(current).as("%s was out of date and has been rewritten; commit it", ARCHITECTURE).isEqualTo(diagram);
    }

    /** The diagram with its modules and its arrows each in a stable order (the Documenter's order varies by run). */
    private static String canonical(String plantUml) {
        List<String> lines = plantUml.strip().lines().toList();
        List<String> modules = lines.stream().filter(line -> line.strip().startsWith("component ")).sorted().toList();
        List<String> arrows = lines.stream().filter(line -> line.contains(" --> ")).sorted().toList();
        List<String> result = new ArrayList<>();
        for (String line : lines) {
            if (line.strip().startsWith("component ")) {
                if (line.equals(lines.stream().filter(l -> l.strip().startsWith("component ")).findFirst().orElseThrow())) {
                    result.addAll(modules);
                }
            } else if (line.contains(" --> ")) {
                if (line.equals(lines.stream().filter(l -> l.contains(" --> ")).findFirst().orElseThrow())) {
                    result.addAll(arrows);
                }
            } else {
                result.add(line);
            }
        }
        return String.join("\n", result);
    }
}
