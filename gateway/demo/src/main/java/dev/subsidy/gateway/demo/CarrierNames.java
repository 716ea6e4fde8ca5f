package dev.subsidy.gateway.demo;

import dev.subsidy.model.Carrier;

/** A waybill reference's parts, and how marketplaces write its carrier (the model's {@link Carrier} names). */
final class CarrierNames {

    private CarrierNames() {}

    /** The carrier of a waybill reference ({@code ZTO:75…}). */
    static String carrier(String waybillRef) {
        return waybillRef.substring(0, waybillRef.indexOf(':'));
    }

    static String waybillNo(String waybillRef) {
        return waybillRef.substring(waybillRef.indexOf(':') + 1);
    }

    /** 中通快递, 顺丰速运 …: what TOP's logistics_company and 抖店's company_name say. */
    static String chinese(String carrier) {
        return Carrier.valueOf(carrier).chineseName();
    }

    /** zhongtong, shunfeng …: 抖店's company code. */
    static String code(String carrier) {
        return Carrier.valueOf(carrier).pinyin();
    }
}
