/**
 * Database infrastructure: the embedded PostgreSQL used when no external server is configured, start-up
 * diagnostics for database connections, and (generated at build time) the jOOQ schema classes in
 * {@code org.cailab.db.jooq}. Open module: every feature's repositories use the generated classes.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, displayName = "Database")
@NullMarked
package org.cailab.db;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
