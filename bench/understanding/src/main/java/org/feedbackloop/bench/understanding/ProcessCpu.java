package org.feedbackloop.bench.understanding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Clock ticks (1/100 s) spent so far: by PostgreSQL's processes of the bench databases (their process title names
 * the database: the backends, and the autovacuum workers that clean up after their writes; the checkpointer and
 * the WAL and background writers serve every database and are left out), by each Java service, by the whole machine.
 */
record ProcessCpu(long postgres, Map<String, Long> services, long machine) {

    private static final List<String> SERVICES = List.of("feedback-service", "action-service");

    long java(String service) {
        return services.getOrDefault(service, 0L);
    }

    static ProcessCpu now() throws IOException {
        long postgres = 0;
        var services = new HashMap<String, Long>();
        try (var processes = Files.list(Path.of("/proc"))) {
            for (var process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    var stat = Files.readString(process.resolve("stat"));
                    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    var name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("postgres")) {
                        var title = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                        if (title.contains("actions_bench") || title.contains("feedback_bench")) {
                            postgres += ticks;
                        }
                    } else if (name.equals("java")) {
                        var command = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                        for (var service : SERVICES) {
                            if (command.contains(service + "/target/quarkus-app")) {
                                services.merge(service, ticks, Long::sum);
                            }
                        }
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        }
        var total = Files.readAllLines(Path.of("/proc/stat")).getFirst().split("\\s+");
        long machine = Long.parseLong(total[1]) + Long.parseLong(total[2]) + Long.parseLong(total[3])
                + Long.parseLong(total[6]) + Long.parseLong(total[7]);
        return new ProcessCpu(postgres, services, machine);
    }
}
