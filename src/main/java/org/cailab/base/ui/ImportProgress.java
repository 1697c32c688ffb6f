package org.cailab.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.cailab.base.InputTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs the import of an uploaded file off the request thread and shows how far it got: a progress bar over the
 * bytes of the file read so far, then an indeterminate bar while the rows are stored. The import itself stays what
 * the service makes it (one transaction, all-or-nothing); the page stays responsive meanwhile and a second import
 * from the same form waits until the first has ended.
 */
public final class ImportProgress extends HorizontalLayout {

    private static final Logger log = LoggerFactory.getLogger(ImportProgress.class);

    /** The import: reads the file from {@code data} and returns what it made. */
    @FunctionalInterface
    public interface Work<T> {
        T run(InputStream data) throws Exception;
    }

    private final ProgressBar bar = new ProgressBar(0, 1, 0);
    private final Span label = new Span();
    private boolean running;

    public ImportProgress(String id) {
        setId(id);
        bar.setId(id + "-bar");
        bar.setWidth("14em");
        label.setId(id + "-label");
        setAlignItems(FlexComponent.Alignment.CENTER);
        add(bar, label);
        setVisible(false);
    }

    /** Whether an import started here has not ended yet (call on the UI thread). */
    public boolean running() {
        return running;
    }

    /**
     * Starts {@code work} on a virtual thread with the caller's security context (the services check roles there
     * too). {@code onDone} or {@code onFailed} runs on the UI afterwards; call from the UI thread.
     */
    public <T> void start(Path file, Work<T> work, Consumer<T> onDone, Consumer<Exception> onFailed) {
        UI ui = UI.getCurrent();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            onFailed.accept(e);
            return;
        }
        running = true;
        setVisible(true);
        show(0);
        Runnable task = () -> {
            T result;
            try (InputStream in = new CountingInputStream(
                    Files.newInputStream(file), size, fraction -> update(ui, () -> show(fraction)))) {
                result = work.run(in);
            } catch (Throwable e) { // an Error too: the page must not show a running import forever
                Exception failure = e instanceof Exception ex ? ex : new IllegalStateException(e);
                update(ui, () -> {
                    end();
                    onFailed.accept(failure);
                });
                return;
            }
            update(ui, () -> {
                end();
                onDone.accept(result);
            });
        };
        Thread.ofVirtual()
                .name("import-" + file.getFileName())
                .start(new DelegatingSecurityContextRunnable(task, SecurityContextHolder.getContext()));
    }

    /**
     * What to tell the user about a failed import: the message of a bad-input error ({@code badInput}, or input too
     * large) as it is, an unreadable upload as such; anything else is logged and named only by its kind (its message
     * may hold SQL or paths). The services import all-or-nothing, so in every case nothing was stored.
     */
    @SafeVarargs
    public static String message(Exception e, Class<? extends RuntimeException>... badInput) {
        if (e instanceof InputTooLargeException
                || java.util.Arrays.stream(badInput).anyMatch(c -> c.isInstance(e))) {
            return e.getMessage() == null ? "The file was refused." : e.getMessage();
        }
        if (e instanceof IOException) {
            return "The uploaded file could not be read: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "You may not import here.";
        }
        log.warn("Import failed", e);
        return "The import failed because of a server error (" + e.getClass().getSimpleName()
                + "); nothing was imported.";
    }

    /** The user may have left the page meanwhile; the import's outcome is stored (or not) all the same. */
    private static void update(UI ui, com.vaadin.flow.server.Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException e) {
            // nobody looks at this page any more
        }
    }

    private void show(double fraction) {
        if (!running) {
            return;
        }
        if (fraction >= 1) {
            bar.setIndeterminate(true);
            label.setText("File read; storing...");
        } else {
            bar.setIndeterminate(false);
            bar.setValue(fraction);
            label.setText("Reading the file: " + Math.round(fraction * 100) + " %");
        }
    }

    private void end() {
        running = false;
        setVisible(false);
    }

    /** Reports the share of the file read, at most once per whole percent, and 1 at its end. */
    static final class CountingInputStream extends FilterInputStream {

        private final long size;
        private final DoubleConsumer onProgress;
        private long read;
        private long lastPercent = -1;

        CountingInputStream(InputStream in, long size, DoubleConsumer onProgress) {
            super(in);
            this.size = Math.max(1, size);
            this.onProgress = onProgress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            advance(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            advance(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            advance(skipped);
            return skipped;
        }

        private void advance(long n) {
            if (n < 0) {
                report(100);
                return;
            }
            read += n;
            report(Math.min(99, read * 100 / size));
        }

        private void report(long percent) {
            if (percent > lastPercent) {
                lastPercent = percent;
                onProgress.accept(percent / 100.0);
            }
        }
    }
}
