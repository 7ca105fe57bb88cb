package org.partybuilding.member.imports;

import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.spreadsheet.ImportReport;
import org.partybuilding.platform.spreadsheet.Uploads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

@RestController
class MemberImportController {

    private final MemberImport importer;
    private final DataSize maxSize;
    private final int maxRows;

    MemberImportController(MemberImport importer, @Value("${member.import.max-size:10MB}") DataSize maxSize,
            @Value("${member.import.max-rows:20000}") int maxRows) {
        this.importer = importer;
        this.maxSize = maxSize;
        this.maxRows = maxRows;
    }

    /** {@code multipart/form-data} with the roster as part {@code file}; 200 with the report when the file could be read. */
    @PostMapping(value = "/api/members/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ImportReport> importFile(@RequestPart("file") FilePart file, DataScope scope) {
        return Uploads.read(file, maxSize, maxRows).flatMap(sheet -> importer.importRows(sheet, scope));
    }
}
