/** The RL-CAI run page: live metrics, the KL warning and the sample responses of each snapshot. */
@NullMarked
package org.cailab.rl.ui;

import org.jspecify.annotations.NullMarked;
