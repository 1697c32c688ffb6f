package org.cailab.db;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.cailab.base.CailabProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL when no external server is configured. Its data directory lives under the
 * app's data directory, so a restart keeps every row. The app connects as the non-superuser role that owns the
 * schema, with a password (see {@link EmbeddedPostgresServer}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlCondition.class)
class EmbeddedPostgresConfiguration {

    static final String DATABASE = "cailab";

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(
            CailabProperties properties, @Value("${cailab.db.password:}") String appPassword) {
        return EmbeddedPostgresServer.start(properties.dataDir().resolve("postgres"), DATABASE, appPassword);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("cailab-embedded");
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.appUser());
        dataSource.setPassword(server.appPassword());
        dataSource.setMaximumPoolSize(16);
        return dataSource;
    }
}
