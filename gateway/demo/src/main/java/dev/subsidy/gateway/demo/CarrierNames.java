package dev.subsidy.gateway.demo;

import dev.subsidy.gateway.records.Carrier;
import java.util.Map;

/** How marketplaces write a waybill's carrier: the company's Chinese name, and 抖店's pinyin code. */
final class CarrierNames {

    private static final Map<String, String[]> NAMES = Map.of(
            "ZTO", new String[] {"中通快递", "zhongtong"},
            "SF", new String[] {"顺丰速运", "shunfeng"},
            "YUNDA", new String[] {"韵达快递", "yunda"},
            "JT", new String[] {"极兔速递", "jtexpress"},
            "EMS", new String[] {"邮政EMS", "ems"});

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
        return names(carrier)[0];
    }

    /** zhongtong, shunfeng …: 抖店's company code. */
    static String code(String carrier) {
        return names(carrier)[1];
    }

    private static String[] names(String carrier) {
        String[] names = NAMES.get(Carrier.valueOf(carrier).name());
        if (names == null) {
            throw new IllegalArgumentException("no marketplace name for carrier " + carrier);
        }
        return names;
    }
}
