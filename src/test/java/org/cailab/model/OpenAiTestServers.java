package org.cailab.model;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** Real HTTP servers that misbehave in set ways, in front of (or instead of) our own OpenAI-compatible API. */
final class OpenAiTestServers {

    private OpenAiTestServers() {}

    /**
     * Answers the first {@code failures} requests with 503, then passes requests through to {@code target}, the
     * answers' bodies through {@code rewrite}.
     */
    static final class FailingProxy implements AutoCloseable {
        private final HttpServer server;
        private final HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();

        FailingProxy(URI target, int failures) throws IOException {
            this(target, failures, UnaryOperator.identity());
        }

        FailingProxy(URI target, int failures, UnaryOperator<String> rewrite) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (requests.incrementAndGet() <= failures) {
                    refused.incrementAndGet();
                    byte[] error = "{\"error\":{\"message\":\"overloaded, try later\",\"type\":\"server_error\"}}"
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(503, error.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(error);
                    }
                    return;
                }
                HttpRequest.Builder forward = HttpRequest.newBuilder(
                                target.resolve(exchange.getRequestURI().getPath()))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                for (String header : List.of("Authorization", "Content-Type")) {
                    String value = exchange.getRequestHeaders().getFirst(header);
                    if (value != null) {
                        forward.header(header, value);
                    }
                }
                try {
                    HttpResponse<byte[]> response =
                            client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                    response.headers()
                            .firstValue("Content-Type")
                            .ifPresent(t -> exchange.getResponseHeaders().add("Content-Type", t));
                    byte[] answer = rewrite.apply(new String(response.body(), StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(response.statusCode(), answer.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exchange.sendResponseHeaders(502, -1);
                }
            });
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Accepts connections and never answers. */
    static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        final AtomicInteger connections = new AtomicInteger();

        SilentServer() {
            try {
                socket = new ServerSocket(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        connections.incrementAndGet();
                        held.add(s);
                        Thread.ofVirtual().start(() -> drain(s));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private static void drain(Socket s) {
            try (InputStream in = s.getInputStream()) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // closed by the test
            }
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1");
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
