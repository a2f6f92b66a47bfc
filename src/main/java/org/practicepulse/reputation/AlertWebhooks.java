package org.practicepulse.reputation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Alert webhooks: the message as a JSON POST. Any 2xx answer is success; anything else, a timeout or
 * a refused connection is a failure the job retries. Redirects are not followed. The header
 * {@code X-Pulse-Delivery} carries the delivery id, the same on every retry, so a receiver can
 * drop a duplicate (a sender that dies after the POST but before recording it sends it again).
 */
@ApplicationScoped
public class AlertWebhooks {

    @Inject
    ObjectMapper json;
    @Inject
    AlertConfig config;

    private HttpClient client;

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(config.webhookTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return client;
    }

    void send(AlertMessage message, String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.webhookTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "PracticePulse-Alerts/1")
                .header("X-Pulse-Delivery", Long.toString(message.deliveryId()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(message)))
                .build();
        HttpResponse<Void> response = client().send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the webhook answered HTTP " + response.statusCode());
        }
    }
}
