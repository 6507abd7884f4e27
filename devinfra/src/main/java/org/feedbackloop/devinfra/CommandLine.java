package org.feedbackloop.devinfra;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code --name value} options of the server mains; anything else is a usage error. */
final class CommandLine {

    private final Map<String, String> options = new HashMap<>();

    private CommandLine() {
    }

    static CommandLine parse(String[] args, String... allowedOptions) {
        CommandLine commandLine = new CommandLine();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!List.of(allowedOptions).contains(name)) {
                throw new UsageException("unknown argument: " + name);
            }
            if (i + 1 >= args.length) {
                throw new UsageException(name + " needs a value");
            }
            commandLine.options.put(name, args[++i]);
        }
        return commandLine;
    }

    int port(int defaultPort) {
        String value = options.get("--port");
        return value == null ? defaultPort : portNumber(value);
    }

    /** The port an option names; the option is required. */
    int port(String name) {
        return portNumber(required(name));
    }

    String required(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException(name + " is required");
        }
        return value;
    }

    static int portNumber(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("not a TCP port number: " + value);
        }
    }

    /** The option's path, or null when it is not given. */
    Path optionalPath(String name) {
        String value = options.get(name);
        return value == null ? null : Path.of(value).toAbsolutePath().normalize();
    }

    Path path(String name, Path defaultPath) {
        String value = options.get(name);
        return (value == null ? defaultPath : Path.of(value)).toAbsolutePath().normalize();
    }

    /** A wrong command line: the main prints the message and its usage, and exits with 64 (EX_USAGE). */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
