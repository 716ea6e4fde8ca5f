package dev.subsidy.gateway.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * ZTO's trace pushes (中通轨迹推送) for the parcels in {@link PartnerFeeds#ztoTraces()}, as ZTO sends
 * them to a subscriber: {@code {"data": [event, …]}} with events of several waybills, each event
 * {@code billCode, action, actionTime (China time), city, facilityCode, facilityName}, signed in the
 * {@code x-dataDigest} header = Base64(MD5(body + app secret)) — computed here with
 * {@link MessageDigest}, not with the gateway's signer, so a gateway that verifies wrongly is caught.
 *
 * <p>A parcel's scans: GOT at its 从江 site, DEPARTURE, ARRIVAL and DEPARTURE at the 贵阳 hub,
 * ARRIVAL at the destination city's hub, DISPATCH and SIGNED there. ZTO pushes as parcels move, so
 * the demo pushes in two rounds: every parcel's trace up to its destination hub (in transit, no
 * delivery yet), then the whole trace of the delivered ones, a newer version of the same shipment.
 * Within a push the events are shuffled: the mapping must pick scans by time, never by position.
 */
final class ZtoTracePushes {

    static final int WAYBILLS_PER_PUSH = 50;
    /** The city ZTO's scans name for its 从江 sites: the prefecture (黔东南州). */
    static final String ORIGIN_CITY = "黔东南苗族侗族自治州";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Where the county's parcels go: the destination districts of MonthOfFeeds, by the city ZTO's scans name. */
    private static final Map<String, String[]> CITIES = Map.ofEntries(
            Map.entry("440106", new String[] {"广州市", "GZ"}), Map.entry("310115", new String[] {"上海市", "SH"}),
            Map.entry("110105", new String[] {"北京市", "BJ"}), Map.entry("330106", new String[] {"杭州市", "HZ"}),
            Map.entry("510107", new String[] {"成都市", "CD"}), Map.entry("500103", new String[] {"重庆市", "CQ"}),
            Map.entry("420106", new String[] {"武汉市", "WH"}), Map.entry("320102", new String[] {"南京市", "NJ"}),
            Map.entry("520102", new String[] {"贵阳市", "GY"}), Map.entry("450103", new String[] {"南宁市", "NN"}),
            Map.entry("430104", new String[] {"长沙市", "CS"}), Map.entry("370102", new String[] {"济南市", "JN"}),
            Map.entry("350203", new String[] {"厦门市", "XM"}), Map.entry("610113", new String[] {"西安市", "XA"}),
            Map.entry("530102", new String[] {"昆明市", "KM"}));
    private static final Map<String, String> SITE_NAMES = Map.of("CJ-ZTO-01", "从江县城", "CJ-ZTO-02", "从江贯洞",
            "CJ-ZTO-03", "从江洛香");

    /** One push: its body exactly as sent, and what it holds. */
    record Push(String label, byte[] body, int waybills, int events) {

        /** ZTO's x-dataDigest of this body under the app secret. */
        String digest(String appSecret) {
            return ZtoTracePushes.digest(body, appSecret);
        }
    }

    /** Both rounds, in the order ZTO sends them. */
    record Rounds(List<Push> inTransit, List<Push> signed) {

        Rounds {
            inTransit = List.copyOf(inTransit);
            signed = List.copyOf(signed);
        }

        int waybills() {
            return inTransit.stream().mapToInt(Push::waybills).sum() + signed.stream().mapToInt(Push::waybills).sum();
        }
    }

    private ZtoTracePushes() {}

    /** The pushes for these standard shipments (collected at a 从江 ZTO site, bound outside). */
    static Rounds of(List<Map<String, Object>> parcels) {
        // its own seed: the shuffling never disturbs the month's generator, whose records stay the same
        Random random = new Random(MonthOfFeeds.SEED + 17);
        List<List<ObjectNode>> inTransit = new ArrayList<>();
        List<List<ObjectNode>> signed = new ArrayList<>();
        for (Map<String, Object> parcel : parcels) {
            List<ObjectNode> trace = trace(parcel);
            boolean delivered = parcel.containsKey("deliveredAt");
            inTransit.add(delivered ? trace.subList(0, 5) : trace);
            if (delivered) {
                signed.add(trace);
            }
        }
        return new Rounds(pushes("in transit", inTransit, random), pushes("signed", signed, random));
    }

    /** Base64(MD5 raw bytes of (body + secret)): ZTO's signature of a push. */
    static String digest(byte[] body, String appSecret) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(body);
            md5.update(appSecret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    /** The scans of one parcel, oldest first: ZTO's timeline between collection and signing. */
    static List<ObjectNode> trace(Map<String, Object> parcel) {
        String bill = (String) parcel.get("waybillNo");
        String site = (String) parcel.get("originSite");
        String[] city = CITIES.get((String) parcel.get("destRegion"));
        if (site == null || city == null) {
            throw new IllegalArgumentException("ZTO trace of " + bill + " needs a 从江 site and a known destination");
        }
        OffsetDateTime collected = OffsetDateTime.parse((String) parcel.get("collectedAt"));
        String deliveredText = (String) parcel.get("deliveredAt");
        // a parcel not yet delivered when the month was exported has reached its destination hub a day later
        OffsetDateTime signed = deliveredText == null ? collected.plusHours(40) : OffsetDateTime.parse(deliveredText);
        long span = Duration.between(collected, signed).toSeconds();
        String hub = city[1] + "-ZTO-00";
        String branch = city[1] + "-ZTO-" + "%02d".formatted(1 + Math.floorMod(bill.hashCode(), 40));
        List<ObjectNode> scans = new ArrayList<>();
        scans.add(event(bill, "GOT", collected, ORIGIN_CITY, site, SITE_NAMES.get(site)));
        scans.add(event(bill, "DEPARTURE", at(collected, span, 0.06), ORIGIN_CITY, site, SITE_NAMES.get(site)));
        scans.add(event(bill, "ARRIVAL", at(collected, span, 0.20), "贵阳市", "GY-ZTO-00", "贵阳转运中心"));
        scans.add(event(bill, "DEPARTURE", at(collected, span, 0.30), "贵阳市", "GY-ZTO-00", "贵阳转运中心"));
        scans.add(event(bill, "ARRIVAL", at(collected, span, 0.75), city[0], hub, city[0] + "转运中心"));
        if (deliveredText != null) {
            scans.add(event(bill, "DISPATCH", at(collected, span, 0.92), city[0], branch, city[0] + "派件网点"));
            scans.add(event(bill, "SIGNED", signed, city[0], branch, city[0] + "派件网点"));
        }
        return scans;
    }

    private static OffsetDateTime at(OffsetDateTime start, long spanSeconds, double share) {
        return start.plusSeconds((long) (spanSeconds * share));
    }

    private static ObjectNode event(String bill, String action, OffsetDateTime at, String city, String code,
                                    String name) {
        return JSON.createObjectNode().put("billCode", bill).put("action", action)
                .put("actionTime", CHINA_TIME.format(at)).put("city", city).put("facilityCode", code)
                .put("facilityName", name);
    }

    /** Waybills in pushes of {@link #WAYBILLS_PER_PUSH}, each push's events shuffled. */
    private static List<Push> pushes(String round, List<List<ObjectNode>> traces, Random random) {
        List<Push> pushes = new ArrayList<>();
        int count = (traces.size() + WAYBILLS_PER_PUSH - 1) / WAYBILLS_PER_PUSH;
        for (int from = 0; from < traces.size(); from += WAYBILLS_PER_PUSH) {
            List<List<ObjectNode>> part = traces.subList(from, Math.min(traces.size(), from + WAYBILLS_PER_PUSH));
            List<ObjectNode> events = new ArrayList<>();
            part.forEach(events::addAll);
            Collections.shuffle(events, random);
            ObjectNode body = JSON.createObjectNode();
            ArrayNode data = body.putArray("data");
            events.forEach(data::add);
            try {
                pushes.add(new Push(round + " " + (pushes.size() + 1) + "/" + count, JSON.writeValueAsBytes(body),
                        part.size(), events.size()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a push is plain JSON and always serialises", e);
            }
        }
        return pushes;
    }
}
