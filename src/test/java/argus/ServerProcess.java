package argus;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The service started as its own process (as in production), so that its memory can be read from /proc. */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    public final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ServerProcess start(Path dataDir, int port, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(javaCommand(List.of(), "argus.Application"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("ARGUS_DATA_DIR", dataDir.toAbsolutePath().toString());
        builder.environment().put("ARGUS_PORT", Integer.toString(port));
        ServerProcess server = new ServerProcess(builder.start(), port);
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (!server.process.isAlive()) {
                throw new IllegalStateException("the server exited; see " + log + ":\n" + Files.readString(log));
            }
            try (Socket ignored = new Socket("localhost", port)) {
                return server;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        server.close();
        throw new IllegalStateException("the server did not start within two minutes; see " + log);
    }

    /**
     * The command that runs {@code mainClass} of this classpath in a JVM of its own, with the options the launchers
     * give Argus (native access, the vector module) and {@code options} before the class.
     */
    public static List<String> javaCommand(List<String> options, String mainClass) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "--add-modules",
                "jdk.incubator.vector"));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        return command;
    }

    public long pid() {
        return process.pid();
    }

    /** A field of /proc/<pid>/status in kB (VmRSS now, VmHWM the peak so far). */
    public long memoryKb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** A free port on loopback for a server to come. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** kill -9: the process gets no chance to clean up. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
