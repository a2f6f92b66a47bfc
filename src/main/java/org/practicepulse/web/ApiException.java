package org.practicepulse.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A client error with the JSON body {error, detail}; thrown by services and resources alike. */
public class ApiException extends WebApplicationException {

    public ApiException(Response.Status status, String error, String detail) {
        super(detail, Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(error, detail)).build());
    }

    public static ApiException badRequest(String error, String detail) {
        return new ApiException(Response.Status.BAD_REQUEST, error, detail);
    }

    public static ApiException notFound(String error, String detail) {
        return new ApiException(Response.Status.NOT_FOUND, error, detail);
    }
}
