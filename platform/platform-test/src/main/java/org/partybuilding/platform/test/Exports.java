package org.partybuilding.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.partybuilding.platform.spreadsheet.SheetRows;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A list's CSV or XLSX export as a test reads it: fetched and checked as an attachment, then read back into lines. */
public final class Exports {

    private Exports() {
    }

    /** The export of {@code path} in the {@code accept}ed format (200, that content type, an attachment; CSV with its BOM). */
    public static byte[] download(WebTestClient web, String path, String bearer, String accept) {
        byte[] body = web.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer).header(HttpHeaders.ACCEPT, accept).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(accept)
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, d -> assertThat(d).startsWith("attachment"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        if (accept.startsWith("text/csv")) {
            assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        }
        return body;
    }

    /** The export read back: the headers first, then each row's cells. */
    public static List<List<String>> lines(WebTestClient web, String path, String bearer, String accept) {
        byte[] body = download(web, path, bearer, accept);
        SheetRows sheet = Spreadsheets.read(accept.startsWith("text/csv") ? "export.csv" : "export.xlsx", body, 100_000);
        List<List<String>> lines = new ArrayList<>();
        lines.add(sheet.headers());
        sheet.rows().forEach(r -> lines.add(r.cells()));
        return lines;
    }
}
