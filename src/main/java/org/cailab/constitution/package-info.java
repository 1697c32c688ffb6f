/**
 * The constitution: the principles that steer supervised (critique/revision) and RL (AI feedback)
 * Constitutional AI, the few-shot examples that go with them, every prompt format built from them, and
 * their storage as immutable, numbered versions.
 *
 * <p>The domain records, {@link org.cailab.constitution.PromptFormats}, the validator, importers, exporters,
 * {@link org.cailab.constitution.ConstitutionDiff} and {@link org.cailab.constitution.PromptPreview} are pure
 * Java (no Spring, no database). {@link org.cailab.constitution.ConstitutionService} stores versions and is
 * the role boundary; runs read {@link org.cailab.constitution.ConstitutionService#activeVersion(long)} and
 * record the {@link org.cailab.constitution.ConstitutionVersionRef} they used. Views live in {@code ui}.
 */
@NullMarked
package org.cailab.constitution;

import org.jspecify.annotations.NullMarked;
