/**
 * The dialogue kernel: the paper's Human/Assistant transcript format in one place. Every feature that builds,
 * reads or cleans a conversation uses these types, so the bytes a model sees are written by one piece of code.
 *
 * <ul>
 *   <li>{@link org.cailab.dialogue.Turn} (speaker + text) and {@link org.cailab.dialogue.Conversation} (turns in
 *       order): rendering to {@code "\n\nHuman: ...\n\nAssistant: ..."}, prompts ending in {@code "\n\nAssistant:"},
 *       parsing it back (exactly, leniently as hh-rlhf files are written, or as people type it).
 *   <li>{@link org.cailab.dialogue.TurnText}: text hygiene for text that enters a transcript (control characters,
 *       turn markers inside a turn, cutting a generated answer at the next turn).
 * </ul>
 *
 * <p>Plain Java with no dependencies (not even on other cailab modules), so that the model engine, the command
 * line and worker processes can use it without a Spring context. See docs/decisions/0152-dialogue-kernel.md.
 */
@ApplicationModule(displayName = "Dialogue")
@NullMarked
package org.cailab.dialogue;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
