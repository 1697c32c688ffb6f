package org.cailab.constitution.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import org.cailab.constitution.ExportedFile;

/** Download links whose file is produced when clicked. */
final class Downloads {

    private Downloads() {}

    static Anchor link(String text, SerializableSupplier<ExportedFile> file) {
        Anchor anchor = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    ExportedFile exported = file.get();
                    return new DownloadResponse(
                            new ByteArrayInputStream(exported.bytes()),
                            exported.fileName(),
                            exported.contentType(),
                            exported.bytes().length);
                }),
                AttachmentType.DOWNLOAD,
                text);
        return anchor;
    }
}
