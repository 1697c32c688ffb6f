/** The training page of a run: live loss curves, speed, ETA and checkpoints. */
@NullMarked
package org.cailab.training.ui;

import org.jspecify.annotations.NullMarked;
