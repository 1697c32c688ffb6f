/**
 * The constitution pages: list of constitutions and versions, the version editor (principles, few-shot examples,
 * save with a comment), history with a side-by-side diff, prompt preview, import and export. Read by researchers,
 * edited by admins; every write is checked again by {@link org.cailab.constitution.ConstitutionService}.
 */
@NullMarked
package org.cailab.constitution.ui;

import org.jspecify.annotations.NullMarked;
