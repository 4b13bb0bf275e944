package org.findingskb.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kb.* settings: one typed tree with defaults, checked when bound, and the README's table lists them all. */
class KbPropertiesTests {

    private static KbProperties bind(java.util.Map<String, String> values) {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("kb", Bindable.of(KbProperties.class), new ValidationBindHandler(validator));
    }

    @Test
    void everySettingHasItsDocumentedDefault() {
        KbProperties properties = bind(java.util.Map.of());
        assertThat(properties.dataDir().normalize()).isEqualTo(Path.of("data"));
        assertThat(properties.seed().enabled()).isTrue();
        assertThat(properties.rateLimit().writesPerKey()).isEqualTo(120);
        assertThat(properties.rateLimit().writesPerAddress()).isEqualTo(240);
        assertThat(properties.rateLimit().period()).hasMinutes(1);
        assertThat(properties.http().maxBodySize().toBytes()).isEqualTo(1024 * 1024);
        assertThat(properties.search().massIndexing().threads()).isEqualTo(2);
        assertThat(properties.search().indexPrefix()).isEmpty();
        assertThat(properties.apiKeys()).isEmpty();
        assertThat(properties.importDirectory()).isNull();
    }

    @Test
    void aBadValueIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> bind(java.util.Map.of("kb.rate-limit.writes-per-key", "0")))
                .isInstanceOf(BindException.class).hasMessageContaining("kb");
        assertThatThrownBy(() -> bind(java.util.Map.of("kb.rate-limit.period", "soon")))
                .isInstanceOf(BindException.class).hasMessageContaining("kb.rate-limit.period");
        // The cluster refuses upper case and most punctuation in index names.
        assertThatThrownBy(() -> bind(java.util.Map.of("kb.search.index-prefix", "Team A/")))
                .isInstanceOf(BindException.class).hasMessageContaining("kb");
    }

    @Test
    void theReadmeTableListsExactlyTheSettingsTheMetadataDescribes() throws IOException {
        JsonNode metadata = JsonMapper.builder().build()
                .readTree(Files.readString(Path.of("target/classes/META-INF/spring-configuration-metadata.json")));
        Set<String> described = new TreeSet<>();
        metadata.get("properties").forEach(property -> described.add(property.get("name").asString()));

        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("| `kb.")) {
                Matcher names = Pattern.compile("`(kb\\.[a-z.-]+)`").matcher(line.substring(0, line.indexOf('|', 1)));
                while (names.find()) {
                    documented.add(names.group(1));
                }
            }
        }
        assertThat(documented).isEqualTo(described);
    }
}
