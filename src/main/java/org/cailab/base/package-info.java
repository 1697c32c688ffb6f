/**
 * Shared UI: the application shell, the main layout with role-filtered navigation, the home page and the
 * not-found/denied page. Open module: every feature's views use the layout.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, displayName = "Base UI")
@NullMarked
package org.cailab.base;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
