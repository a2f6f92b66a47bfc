package org.practicepulse.web;

/** The body of every error answer of the API. */
public record ApiError(String error, String detail) {
}
