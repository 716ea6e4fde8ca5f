package dev.subsidy.model;

/** Kinds of registered subject (主体). */
public enum SubjectType {
    /** 快递企业 */
    EXPRESS_COMPANY,
    /** 电商企业 / 网店 */
    MERCHANT,
    /** 村级电商服务站 */
    STATION,
    /** 乡镇 */
    TOWN,
    /** 物流配送中心 */
    LOGISTICS_CENTRE
}
