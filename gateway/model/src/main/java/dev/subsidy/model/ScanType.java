package dev.subsidy.model;

/**
 * What a trace event (轨迹节点) records. Partners name these differently (ZTO's {@code action}, SF's
 * {@code opCode}, STO's {@code scanType}, kuaidi100's state codes); mappings translate them to this
 * list (docs/records.md "Trace events").
 */
public enum ScanType {
    /** 揽收: the carrier took the parcel in. */
    COLLECT,
    /** 发件: left a site or hub. */
    DEPART,
    /** 到件: arrived at a site or hub. */
    ARRIVE,
    /** 清关 / 海关: a customs event. */
    CUSTOMS,
    /** 出口 / 国际: handed to an international leg (export, international departure). */
    EXPORT,
    /** 派件: out for delivery. */
    OUT_FOR_DELIVERY,
    /** 签收: delivered. */
    DELIVER,
    /** 退回: returned to sender. */
    RETURN;

    /** A scan between collection and delivery: the parcel moved through the network. */
    public boolean inTransit() {
        return this == DEPART || this == ARRIVE || this == CUSTOMS || this == EXPORT;
    }

    /** A scan only an international parcel has. */
    public boolean international() {
        return this == CUSTOMS || this == EXPORT;
    }
}
