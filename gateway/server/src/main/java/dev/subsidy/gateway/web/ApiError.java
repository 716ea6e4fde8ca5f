package dev.subsidy.gateway.web;

/** The body of every error reply: the status again and a reason a person can act on. */
public record ApiError(int status, String error) {}
