package dev.subsidy.gateway.security;

/** Who a bearer token belongs to (docs/api.md "Authentication"). */
enum Role { ADMIN, FEEDER, READER, METRICS }
