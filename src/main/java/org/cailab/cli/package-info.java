/** Command-line tools ({@code java -jar cailab.jar <command>}) that run without the web server or database. */
@NullMarked
package org.cailab.cli;

import org.jspecify.annotations.NullMarked;
