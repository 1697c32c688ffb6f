/**
 * The constitution: the principles that steer supervised (critique/revision) and RL (AI feedback)
 * Constitutional AI, the few-shot examples that go with them, and every prompt format built from
 * them. Pure domain code: no Spring, no database, no UI.
 *
 * <p>Public API: the records ({@link org.cailab.constitution.ConstitutionContent} and its parts,
 * {@link org.cailab.constitution.Conversation}), {@link org.cailab.constitution.PromptFormats},
 * {@link org.cailab.constitution.ConstitutionValidator}, {@link org.cailab.constitution.ConstitutionImporter}
 * and {@link org.cailab.constitution.ConstitutionExporter}.
 */
@NullMarked
package org.cailab.constitution;

import org.jspecify.annotations.NullMarked;
