/** Views of the comparison feature: the workers' A/B comparison page, campaigns for researchers, worker quality. */
@NullMarked
package org.cailab.comparison.ui;

import org.jspecify.annotations.NullMarked;
