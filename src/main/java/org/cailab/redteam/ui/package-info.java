/** Views of red teaming: the worker's page, campaigns, import and export, and the results for researchers. */
@NullMarked
package org.cailab.redteam.ui;

import org.jspecify.annotations.NullMarked;
