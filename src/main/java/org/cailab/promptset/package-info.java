/**
 * Prompt sets: the prompts that pipeline runs work on, imported from hh-rlhf preference pairs, the red-team
 * attempts file or plain text, de-duplicated and tagged as red-team or helpfulness prompts. Public API: {@link
 * org.cailab.promptset.PromptSetService} and the records it returns.
 */
@NullMarked
package org.cailab.promptset;

import org.jspecify.annotations.NullMarked;
