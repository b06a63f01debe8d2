package cn.luoshi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the module boundaries (no cycles, no use of another module's internals) and writes the module
 * diagram: PlantUML from Spring Modulith, and a Mermaid version the README shows.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(LuoshiApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /**
     * Every package under cn.luoshi is a module of the design, and nothing else is: a new package must be added
     * here on purpose, and a module folded into another fails too.
     */
    @Test
    void everyModuleOfTheDesignLivesInItsOwnPackage() {
        var names = MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString).toList();
        assertThat(names).containsExactlyInAnyOrder("common", "org", "audit", "notify", "indicator", "target",
                "task", "project", "enterprise", "appeal", "speech", "cockpit");
    }

    /** A module's public surface is its top package; what it builds with lies in its internal packages. */
    @Test
    void everyModuleKeepsItsWorkingsInInternal() throws IOException {
        Path sources = Path.of("src", "main", "java", "cn", "luoshi");
        for (ApplicationModule module : MODULES.stream().toList()) {
            String name = module.getIdentifier().toString();
            if (name.equals("common")) {
                continue;
            }
            try (var folders = Files.list(sources.resolve(name))) {
                assertThat(folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()))
                        .as("sub-packages of %s", name)
                        .allSatisfy(folder -> assertThat(folder).isEqualTo("internal"));
            }
        }
    }

    @Test
    void writesModuleDiagrams() throws IOException {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        StringBuilder mermaid = new StringBuilder("flowchart LR\n");
        MODULES.stream().sorted(Comparator.comparing(m -> m.getIdentifier().toString())).forEach(module -> {
            String id = module.getIdentifier().toString();
            mermaid.append("    ").append(id).append("[\"").append(module.getDisplayName()).append("\"]\n");
            module.getDirectDependencies(MODULES).uniqueModules()
                    .map(dependency -> dependency.getIdentifier().toString())
                    .distinct().sorted()
                    .forEach(target -> mermaid.append("    ").append(id).append(" --> ").append(target).append("\n"));
        });
        Path docs = Path.of("docs");
        Files.createDirectories(docs);
        Files.writeString(docs.resolve("modules.mmd"), mermaid.toString());
        assertThat(mermaid.toString()).contains("org[");
    }
}
