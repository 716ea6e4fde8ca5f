package dev.subsidy.model;

/** Marketplaces (电商平台) a standard order record may name. */
public enum Platform { TAOBAO, TMALL, JD, PDD, DOUYIN, KUAISHOU, YOUZAN, ALIBABA_1688, AMAZON, OTHER }
