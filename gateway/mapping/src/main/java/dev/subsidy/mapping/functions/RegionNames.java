package dev.subsidy.mapping.functions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Place names to division codes (行政区划代码), from the statistics bureau's table shipped beside
 * this class (see regions/SOURCE.md). Carriers' scans say "广州市" or "广东省广州市天河区"; the
 * gateway decides inside/outside by code. The most specific unambiguous match wins: a county
 * ("天河区" → 440106), else a city ("广州" → 440100), else a province ("广东省" → 440000). A county
 * name several cities share ("朝阳区") resolves only with its city or province in the text;
 * otherwise the text resolves to the coarser level it names unambiguously, or to nothing.
 * Immutable and thread-safe once loaded.
 */
public final class RegionNames {

    /** Names in the table that are not places. */
    private static final Set<String> NOT_PLACES = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");
    private static final String[] SUFFIXES = {"维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "自治州",
        "自治县", "地区", "新区", "省", "市", "区", "县", "旗", "盟", "州"};

    private static final RegionNames TABLE = load();

    private final Map<String, List<Place>> byName = new HashMap<>();

    private record Place(String code, Level level, String cityCode, String provinceCode) {}

    private enum Level { PROVINCE, CITY, COUNTY }

    private RegionNames() {}

    public static RegionNames table() {
        return TABLE;
    }

    /** The six-digit code the text names, or null when it names none unambiguously. */
    public String code(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.replaceAll("\\s+", "");
        List<Place> counties = new ArrayList<>();
        List<Place> cities = new ArrayList<>();
        List<Place> provinces = new ArrayList<>();
        List<String> matched = byName.keySet().stream().filter(t::contains).toList();
        for (String key : matched) {
            // "朝阳" inside "朝阳区" is not a second place: a name matched only as part of a longer
            // matched name is dropped
            if (matched.stream().anyMatch(longer -> longer.length() > key.length() && longer.contains(key))) {
                continue;
            }
            for (Place p : byName.get(key)) {
                (p.level == Level.COUNTY ? counties : p.level == Level.CITY ? cities : provinces).add(p);
            }
        }
        List<Place> county = narrow(counties, cities, provinces);
        if (county.size() == 1) {
            return county.get(0).code;
        }
        List<Place> city = narrow(cities, List.of(), provinces);
        if (city.size() == 1) {
            return city.get(0).code + "00";
        }
        List<Place> province = provinces.stream().map(Place::code).distinct().count() == 1 ? provinces : List.of();
        return province.isEmpty() ? null : province.get(0).code + "0000";
    }

    /** Candidates kept when the text also names their city or province (if it names any). */
    private static List<Place> narrow(List<Place> candidates, List<Place> cities, List<Place> provinces) {
        List<Place> distinct = candidates.stream().distinct().toList();
        if (distinct.size() <= 1) {
            return distinct;
        }
        List<Place> byCity = distinct.stream()
                .filter(c -> cities.stream().anyMatch(city -> city.code.equals(c.cityCode))).toList();
        if (byCity.size() == 1) {
            return byCity;
        }
        List<Place> pool = byCity.isEmpty() ? distinct : byCity;
        List<Place> byProvince = pool.stream()
                .filter(c -> provinces.stream().anyMatch(p -> p.code.equals(c.provinceCode))).toList();
        return byProvince.size() == 1 ? byProvince : pool;
    }

    private static RegionNames load() {
        RegionNames names = new RegionNames();
        for (String[] row : rows("provinces.csv")) {
            names.add(row[1], new Place(row[0], Level.PROVINCE, null, row[0]));
        }
        for (String[] row : rows("cities.csv")) {
            names.add(row[1], new Place(row[0], Level.CITY, row[0], row[2]));
        }
        for (String[] row : rows("areas.csv")) {
            names.add(row[1], new Place(row[0], Level.COUNTY, row[2], row[3]));
        }
        return names;
    }

    private void add(String name, Place place) {
        if (NOT_PLACES.contains(name)) {
            return;
        }
        byName.computeIfAbsent(name, k -> new ArrayList<>()).add(place);
        String shortName = shorten(name);
        if (!shortName.equals(name)) {
            byName.computeIfAbsent(shortName, k -> new ArrayList<>()).add(place);
        }
    }

    /** 广州市 → 广州, 新疆维吾尔自治区 → 新疆; a name of two characters keeps its suffix (东区 stays). */
    private static String shorten(String name) {
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static List<String[]> rows(String file) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = RegionNames.class.getResourceAsStream("/dev/subsidy/mapping/regions/" + file)) {
            if (in == null) {
                throw new IllegalStateException("region table " + file + " is missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    out.add(line.replace("\"", "").split(","));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read region table " + file, e);
        }
        return out;
    }
}
