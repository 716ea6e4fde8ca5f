package dev.subsidy.gateway.security;

/** Who a bearer token belongs to (gateway-api.md "Authentication"). */
enum Role { ADMIN, FEEDER, READER }
