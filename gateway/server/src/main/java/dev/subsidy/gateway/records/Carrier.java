package dev.subsidy.gateway.records;

/** Express brands (快递品牌) a standard shipment record may name. */
public enum Carrier { SF, ZTO, YTO, STO, YUNDA, JT, JD, EMS, CAINIAO, DEPPON, OTHER }
