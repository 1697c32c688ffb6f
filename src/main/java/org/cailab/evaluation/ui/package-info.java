/** The Evaluations page: upload evaluation sets, compare snapshots' evaluation runs on a set. */
@NullMarked
package org.cailab.evaluation.ui;

import org.jspecify.annotations.NullMarked;
