package org.findingskb.backup;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

import org.findingskb.shared.KbProperties;

/**
 * With {@code --kb.restore=FILE}, loads the export right after the schema is migrated: before JPA, the search
 * index or the seed start, so nothing else writes first and no cache has read the empty database. The search
 * index is then rebuilt from scratch (SearchIndex re-indexes everything when kb.restore is set) and the seed skipped.
 */
@Component
@ConditionalOnProperty("kb.restore")
class RestoreOnStart implements FlywayMigrationStrategy {

    private final DataSource dataSource;
    private final KbProperties properties;

    RestoreOnStart(DataSource dataSource, KbProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Override
    public void migrate(Flyway flyway) {
        flyway.migrate();
        new KnowledgeBaseRestore(dataSource).restore(properties.restore());
    }
}
