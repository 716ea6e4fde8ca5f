package dev.subsidy.model;

/** The order's own state as the marketplace reports it (not the gateway's verification status). */
public enum OrderStatus { PAID, SHIPPED, COMPLETED, CANCELLED, REFUNDED }
