package org.practicepulse.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real HTTP server on 127.0.0.1 and a free port, started before the application of the test class
 * that uses it (@WithTestResource), configured as the alert webhook and with test mail recipients. It
 * records every request and answers the statuses a test scripts (200 once the script is used up).
 */
public class WebhookReceiver implements QuarkusTestResourceLifecycleManager {

    public static final String PATH = "/hooks/pulse";
    public static final String EMAIL_TO = "reputation@alerts.test";
    public static final String SAFETY_EMAIL_TO = "medical-director@alerts.test";
    /** The retry back-off of these tests: long enough to see that a retry waits, short enough to wait for. */
    public static final long INITIAL_DELAY_MILLIS = 3000;

    /** One request as received. */
    public record Received(String deliveryId, String contentType, String body, int answeredWith) {
    }

    public static final List<Received> REQUESTS = new CopyOnWriteArrayList<>();
    private static final ConcurrentLinkedDeque<Integer> SCRIPT = new ConcurrentLinkedDeque<>();
    private HttpServer server;

    /** The next requests are answered with these statuses, in order. */
    public static void answerNext(Integer... statuses) {
        SCRIPT.clear();
        SCRIPT.addAll(List.of(statuses));
    }

    /** The requests whose body mentions this text (a practice slug), in arrival order. */
    public static List<Received> mentioning(String text) {
        return REQUESTS.stream().filter(r -> r.body().contains(text)).toList();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext(PATH, exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Integer scripted = SCRIPT.pollFirst();
            int status = scripted == null ? 200 : scripted;
            REQUESTS.add(new Received(exchange.getRequestHeaders().getFirst("X-Pulse-Delivery"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, status));
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        return Map.of(
                "pulse.alerts.webhooks", "http://127.0.0.1:" + server.getAddress().getPort() + PATH,
                "pulse.alerts.email-to", EMAIL_TO,
                "pulse.alerts.safety.email-to", SAFETY_EMAIL_TO,
                "pulse.alerts.retry.initial-delay", "PT" + INITIAL_DELAY_MILLIS / 1000 + "S",
                "pulse.alerts.retry.max-delay", "PT10S");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
