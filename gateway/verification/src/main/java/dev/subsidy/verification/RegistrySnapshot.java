package dev.subsidy.verification;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Platform;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry as one period close sees it, indexed for lookups by shop, site and carrier. Shops and sites are
 * found by platform or carrier first, then by the code as the record holds it: a close asks three times per record,
 * and a key built of both each time was a string made and hashed per question.
 */
public final class RegistrySnapshot {

    private final Map<String, Subject> byId = new HashMap<>();
    private final Map<Platform, Map<String, Subject>> byShop = new EnumMap<>(Platform.class);
    private final Map<Carrier, Map<String, Subject>> bySite = new EnumMap<>(Carrier.class);
    private final Map<Carrier, Map<String, String>> siteRegion = new EnumMap<>(Carrier.class);
    private final Map<Carrier, List<Subject>> localCompaniesByCarrier = new EnumMap<>(Carrier.class);
    private final List<Subject> towns = new ArrayList<>();
    private final List<Subject> centres = new ArrayList<>();

    public RegistrySnapshot(List<Subject> subjects, Jurisdiction jurisdiction) {
        for (Subject s : subjects) {
            byId.put(s.id(), s);
            s.shops().forEach(shop -> index(byShop, shop.platform(), shop.shopId(), s));
            for (Subject.Site site : s.sites()) {
                index(bySite, site.carrier(), site.siteCode(), s);
                if (site.region() != null) {
                    index(siteRegion, site.carrier(), site.siteCode(), site.region());
                }
            }
            boolean inside = jurisdiction.contains(s.region());
            if (s.type() == SubjectType.EXPRESS_COMPANY && inside) {
                s.operatedCarriers().forEach(c -> localCompaniesByCarrier.computeIfAbsent(c, k -> new ArrayList<>()).add(s));
            }
            if (s.type() == SubjectType.TOWN && inside) {
                towns.add(s);
            }
            if (s.type() == SubjectType.LOGISTICS_CENTRE && inside) {
                centres.add(s);
            }
        }
    }

    public Subject subject(String id) {
        return id == null ? null : byId.get(id);
    }

    public Subject shopOwner(Platform platform, String shopId) {
        return find(byShop, platform, shopId);
    }

    public Subject siteOwner(Carrier carrier, String siteCode) {
        return find(bySite, carrier, siteCode);
    }

    public String siteRegion(Carrier carrier, String siteCode) {
        return find(siteRegion, carrier, siteCode);
    }

    /** The registered local express companies that operate a carrier's brand. */
    public List<Subject> localCompanies(Carrier carrier) {
        return localCompaniesByCarrier.getOrDefault(carrier, List.of());
    }

    public List<Subject> towns() {
        return towns;
    }

    public List<Subject> logisticsCentres() {
        return centres;
    }

    /** A shop or site with no platform or carrier is kept by none: no record could name it. */
    private static <K, V> void index(Map<K, Map<String, V>> byFirst, K first, String code, V value) {
        if (first != null) {
            byFirst.computeIfAbsent(first, k -> new HashMap<>()).put(code, value);
        }
    }

    private static <K, V> V find(Map<K, Map<String, V>> byFirst, K first, String code) {
        if (first == null || code == null) {
            return null;
        }
        Map<String, V> codes = byFirst.get(first);
        return codes == null ? null : codes.get(code);
    }
}
