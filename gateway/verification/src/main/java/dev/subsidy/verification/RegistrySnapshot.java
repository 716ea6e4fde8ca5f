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

/** The registry as one period close sees it, indexed for lookups by shop, site and carrier. */
public final class RegistrySnapshot {

    private final Map<String, Subject> byId = new HashMap<>();
    private final Map<String, Subject> byShop = new HashMap<>();
    private final Map<String, Subject> bySite = new HashMap<>();
    private final Map<String, String> siteRegion = new HashMap<>();
    private final Map<Carrier, List<Subject>> localCompaniesByCarrier = new EnumMap<>(Carrier.class);
    private final List<Subject> towns = new ArrayList<>();
    private final List<Subject> centres = new ArrayList<>();

    public RegistrySnapshot(List<Subject> subjects, Jurisdiction jurisdiction) {
        for (Subject s : subjects) {
            byId.put(s.id(), s);
            s.shops().forEach(shop -> byShop.put(shopKey(shop.platform(), shop.shopId()), s));
            for (Subject.Site site : s.sites()) {
                bySite.put(siteKey(site.carrier(), site.siteCode()), s);
                if (site.region() != null) {
                    siteRegion.put(siteKey(site.carrier(), site.siteCode()), site.region());
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
        return byShop.get(shopKey(platform, shopId));
    }

    public Subject siteOwner(Carrier carrier, String siteCode) {
        return siteCode == null ? null : bySite.get(siteKey(carrier, siteCode));
    }

    public String siteRegion(Carrier carrier, String siteCode) {
        return siteCode == null ? null : siteRegion.get(siteKey(carrier, siteCode));
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

    private static String shopKey(Platform platform, String shopId) {
        return platform.name() + ":" + shopId;
    }

    private static String siteKey(Carrier carrier, String siteCode) {
        return carrier.name() + ":" + siteCode;
    }
}
