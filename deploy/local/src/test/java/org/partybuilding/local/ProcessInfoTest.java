package org.partybuilding.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessInfoTest {

    @Test
    void findsTheListeningSocketOfAPortInProcNetTcp() {
        List<String> table = List.of(
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:2384 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1 0",
                "   1: 0100007F:2384 0100007F:D3A2 01 00000000:00000000 00:00000000 00000000     0        0 4343 1 0",
                "   2: 0100007F:1F90 0100007F:D3A4 01 00000000:00000000 00:00000000 00000000     0        0 4444 1 0");

        assertThat(ProcessInfo.listeningInode(table, 9092)).isEqualTo("4242");
        assertThat(ProcessInfo.listeningInode(table, 8080)).isNull(); // connected, not listening
    }

    @Test
    void readsResidentMemory() {
        assertThat(ProcessInfo.parseKb("VmRSS:\t  123456 kB")).isEqualTo(123456);
        assertThat(ProcessInfo.residentKb(ProcessHandle.current().pid())).isPositive();
    }
}
