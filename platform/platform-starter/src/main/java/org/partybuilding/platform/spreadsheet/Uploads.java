package org.partybuilding.platform.spreadsheet;

import org.partybuilding.platform.problem.TooLargeException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.util.unit.DataSize;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Reads an uploaded CSV or XLSX file part into rows, within a size and a row limit (413 beyond either). */
public final class Uploads {

    private Uploads() {
    }

    public static Mono<SheetRows> read(FilePart file, DataSize maxSize, int maxRows) {
        int maxBytes = (int) maxSize.toBytes();
        return DataBufferUtils.join(file.content(), maxBytes)
                .onErrorMap(DataBufferLimitException.class, e -> new TooLargeException(
                        "The file is larger than " + maxSize.toMegabytes() + " MB; split it into smaller files"))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                // Parsing thousands of rows is CPU work: keep it off the event loop, and so what follows.
                .publishOn(Schedulers.boundedElastic())
                .map(bytes -> Spreadsheets.read(file.filename(), bytes, maxRows));
    }
}
