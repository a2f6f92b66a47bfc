package org.practicepulse.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import org.practicepulse.support.TestData;

/** Wall-clock times of one GET repeated over real HTTP, after warm-up requests that are not counted. */
final class HttpTimings {

    /** The sorted times in milliseconds and the last answer's body. */
    record Measured(List<Double> millis, byte[] body, String contentType) {

        double p50() {
            return millis.get(millis.size() / 2);
        }

        double p95() {
            return millis.get((int) (millis.size() * 0.95));
        }

        double max() {
            return millis.get(millis.size() - 1);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpTimings() {
    }

    /** The HTTP Basic header of a test user (password {@link TestData#PASSWORD}). */
    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code warmUp} requests first (the JIT compiles the request path), then {@code requests}
     * measured ones, one after the other; any answer but 200 stops the benchmark.
     */
    static Measured get(URI uri, String authorization, int warmUp, int requests) throws Exception {
        List<Double> millis = new ArrayList<>(requests);
        HttpResponse<byte[]> last = null;
        for (int i = 0; i < warmUp + requests; i++) {
            long t = System.nanoTime();
            last = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", authorization).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (last.statusCode() != 200) {
                throw new IllegalStateException(uri + ": " + last.statusCode() + " " + new String(last.body(), StandardCharsets.UTF_8));
            }
            if (i >= warmUp) {
                millis.add((System.nanoTime() - t) / 1e6);
            }
        }
        Collections.sort(millis);
        return new Measured(millis, last.body(), last.headers().firstValue("Content-Type").orElse(""));
    }
}
