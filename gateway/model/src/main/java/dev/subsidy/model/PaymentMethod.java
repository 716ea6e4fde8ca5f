package dev.subsidy.model;

/** How the buyer paid: online before shipping, or cash on delivery (货到付款), paid when signed for. */
public enum PaymentMethod { ONLINE, COD }
