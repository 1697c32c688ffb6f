/** Views of preference pairs and AI feedback: the pair browser with import and export, a labelling run's labels. */
@NullMarked
package org.cailab.feedback.ui;

import org.jspecify.annotations.NullMarked;
