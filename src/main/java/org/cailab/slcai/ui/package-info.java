/** Views of SL-CAI runs: the chain browser with its export links. */
@NullMarked
package org.cailab.slcai.ui;

import org.jspecify.annotations.NullMarked;
