package org.keephope.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's nginx, run by a test with the shipped {@code deploy/nginx/keephope.conf} in front of KeepHope nodes
 * on loopback: the file is changed only where it says ADAPT (a plain-HTTP port instead of 443, the cache in a
 * temporary directory, the nodes' ports as its upstream), each change checked, so a test exercises what an
 * operator installs. Started as a child process and stopped by its own handle.
 *
 * <p>{@code .ci/run} installs Debian's nginx; a machine without it fails the test with a message that says so.
 */
public final class Nginx implements AutoCloseable {

    private static final Path SHIPPED = Path.of("deploy/nginx/keephope.conf");

    private final Process process;
    private final Path directory;
    private final int port;

    private Nginx(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** The nginx binary; without one the test fails (as the browser tests do without Chromium), never skips. */
    public static Path binary() {
        for (String candidate : new String[] {"/usr/sbin/nginx", "/usr/bin/nginx"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException(
                "nginx is not installed: apt-get install nginx (.ci/run installs Debian's nginx)");
    }

    /** nginx with the shipped configuration balancing the nodes listening on {@code nodePorts}. */
    public static Nginx start(int... nodePorts) {
        try {
            Path directory = Files.createTempDirectory("keephope-nginx");
            Path cache = Files.createDirectories(directory.resolve("cache"));
            Files.createDirectories(directory.resolve("tmp"));
            // nginx's workers run as nobody: they write the cache and the temporary bodies
            for (Path path : List.of(directory, cache, directory.resolve("tmp"))) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxrwxrwx"));
            }
            int port = freePort();
            String upstream = java.util.Arrays.stream(nodePorts)
                    .mapToObj(p -> "    server 127.0.0.1:" + p + " max_fails=1 fail_timeout=5s;")
                    .collect(Collectors.joining("\n"));
            String site = Files.readString(SHIPPED, StandardCharsets.UTF_8);
            site = replaceOnce(site, "    listen 443 ssl;\n", "    listen 127.0.0.1:" + port + ";\n");
            site = replaceOnce(site, "/var/cache/nginx/keephope ", cache + " ");
            site = replaceOnce(site, "    server 127.0.0.1:8080 max_fails=1 fail_timeout=5s;\n", upstream + "\n");
            Files.writeString(directory.resolve("keephope.conf"), site);
            Path tmp = directory.resolve("tmp");
            Files.writeString(directory.resolve("nginx.conf"), """
                    worker_processes 1;
                    daemon off;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events { worker_connections 512; }
                    http {
                        access_log off;
                        client_body_temp_path %2$s/body;
                        proxy_temp_path %2$s/proxy;
                        fastcgi_temp_path %2$s/fastcgi;
                        uwsgi_temp_path %2$s/uwsgi;
                        scgi_temp_path %2$s/scgi;
                        include %1$s/keephope.conf;
                    }
                    """.formatted(directory, tmp));
            Process process = new ProcessBuilder(
                            binary().toString(),
                            "-p",
                            directory.toString(),
                            "-c",
                            directory.resolve("nginx.conf").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("stdout.log").toFile())
                    .start();
            Nginx nginx = new Nginx(process, directory, port);
            nginx.awaitListening();
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** What nginx wrote to its error log (for a failing assertion's message). */
    public String errorLog() {
        try {
            Path log = directory.resolve("error.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private void awaitListening() {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx stopped: " + output());
            }
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Signer.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + ": " + output());
    }

    private String output() {
        try {
            return Files.readString(directory.resolve("stdout.log")) + errorLog();
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        // its own child, stopped by its handle: SIGTERM is nginx's fast shutdown
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException(
                    "deploy/nginx/keephope.conf changed: expected exactly one \"" + from.strip() + "\"");
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
