package org.partybuilding.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Facts about processes read from Linux's /proc (elsewhere: unknown, reported as 0 or "another process"). */
final class ProcessInfo {

    private ProcessInfo() {
    }

    /** VmRSS of a process in kB, 0 if unknown. */
    static long residentKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return parseKb(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone or not Linux
        }
        return 0;
    }

    static long parseKb(String vmRssLine) {
        return Long.parseLong(vmRssLine.substring("VmRSS:".length()).replace("kB", "").trim());
    }

    /** Who listens on a TCP port: "pid 123 (java -jar ...)", or "another process" when /proc cannot tell. */
    static String listenerOf(int port) {
        try {
            String inode = null;
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                Path path = Path.of(table);
                if (inode == null && Files.exists(path)) {
                    inode = listeningInode(Files.readAllLines(path), port);
                }
            }
            if (inode == null) {
                return "another process";
            }
            String socket = "socket:[" + inode + "]";
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    if (holdsSocket(proc, socket)) {
                        return "pid " + proc.getFileName() + " (" + commandLine(proc) + ")";
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return "another process";
    }

    /** The inode of the socket listening on {@code port} in a /proc/net/tcp table, or null. */
    static String listeningInode(List<String> table, int port) {
        String hexPort = String.format(":%04X", port);
        for (String line : table.subList(Math.min(1, table.size()), table.size())) {
            String[] f = line.trim().split("\\s+");
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
            if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                return f[9];
            }
        }
        return null;
    }

    private static boolean holdsSocket(Path proc, String socket) {
        try (var fds = Files.list(proc.resolve("fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals(socket);
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String commandLine(Path proc) {
        try {
            String cmd = new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ').trim();
            return cmd.length() > 120 ? cmd.substring(0, 117) + "..." : cmd;
        } catch (IOException e) {
            return "?";
        }
    }
}
