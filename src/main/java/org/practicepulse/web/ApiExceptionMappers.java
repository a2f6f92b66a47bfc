package org.practicepulse.web;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Every failure leaves the API as JSON {error, detail}; unexpected ones as a 500 without internals. */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.getEntity() instanceof ApiError) {
            return original;
        }
        Response.StatusType status = original.getStatusInfo();
        return json(status.getStatusCode(), status.getReasonPhrase().toLowerCase(),
                e.getMessage() == null ? status.getReasonPhrase() : e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return json(500, "internal error", "the server could not answer this request; it has been logged");
    }

    private static Response json(int status, String error, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(error, detail)).build();
    }
}
