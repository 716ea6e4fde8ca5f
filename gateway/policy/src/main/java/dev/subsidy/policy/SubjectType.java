package dev.subsidy.policy;

/** What kind of registry subject a rule pays, as in the registry contract. */
public enum SubjectType {
    /** 快递企业: an express company, attributed parcels through its sites. */
    EXPRESS_COMPANY,
    /** 经营主体 / 网店: a firm or online shop selling through platforms. */
    MERCHANT,
    /** 村级电子商务服务站: a village e-commerce service station. */
    STATION,
    /** 乡镇: a town, identified by its region code. */
    TOWN,
    /** 电商物流中心: an e-commerce logistics centre integrating express firms. */
    LOGISTICS_CENTRE
}
