package dev.subsidy.gateway.storage.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes the registry tables. */
@Repository
public class RegistryStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public RegistryStore(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Replaces each subject with its new entry, shops, sites and carriers included. */
    @Transactional
    public void upsert(List<Subject> subjects) {
        long now = clock.millis();
        jdbc.batchUpdate("""
                INSERT INTO subject (id, type, name, region, registered_on, tax_registered, size_class,
                                     categories, body, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name,
                    region = excluded.region, registered_on = excluded.registered_on,
                    tax_registered = excluded.tax_registered, size_class = excluded.size_class,
                    categories = excluded.categories, body = excluded.body, updated_at = excluded.updated_at""",
                subjects, 500, (ps, s) -> {
                    ps.setString(1, s.id());
                    ps.setString(2, s.type().name());
                    ps.setString(3, s.name());
                    ps.setString(4, s.region());
                    ps.setString(5, s.registeredOn() == null ? null : s.registeredOn().toString());
                    ps.setObject(6, s.taxRegistered() == null ? null : (s.taxRegistered() ? 1 : 0), java.sql.Types.INTEGER);
                    ps.setString(7, s.sizeClass() == null ? null : s.sizeClass().name());
                    ps.setString(8, String.join(",", s.categories()));
                    ps.setString(9, write(s));
                    ps.setLong(10, now);
                });
        List<Object[]> ids = subjects.stream().map(s -> new Object[] {s.id()}).toList();
        jdbc.batchUpdate("DELETE FROM subject_shop WHERE subject_id = ?", ids);
        jdbc.batchUpdate("DELETE FROM subject_site WHERE subject_id = ?", ids);
        jdbc.batchUpdate("DELETE FROM subject_carrier WHERE subject_id = ?", ids);
        List<Object[]> shops = new ArrayList<>();
        List<Object[]> sites = new ArrayList<>();
        List<Object[]> carriers = new ArrayList<>();
        for (Subject s : subjects) {
            s.shops().forEach(shop -> shops.add(new Object[] {shop.platform().name(), shop.shopId(), s.id()}));
            s.sites().forEach(site -> sites.add(new Object[] {site.carrier().name(), site.siteCode(), s.id(), site.region()}));
            s.carriers().forEach(c -> carriers.add(new Object[] {s.id(), c.name()}));
        }
        // a shop or site named again moves to the subject that names it last: the registry is the administrators' word
        jdbc.batchUpdate("INSERT INTO subject_shop (platform, shop_id, subject_id) VALUES (?, ?, ?) "
                + "ON CONFLICT (platform, shop_id) DO UPDATE SET subject_id = excluded.subject_id", shops);
        jdbc.batchUpdate("INSERT INTO subject_site (carrier, site_code, subject_id, region) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (carrier, site_code) DO UPDATE SET subject_id = excluded.subject_id, region = excluded.region",
                sites);
        jdbc.batchUpdate("INSERT INTO subject_carrier (subject_id, carrier) VALUES (?, ?) ON CONFLICT DO NOTHING", carriers);
    }

    public Optional<Subject> find(String id) {
        List<String> bodies = jdbc.queryForList("SELECT body FROM subject WHERE id = ?", String.class, id);
        return bodies.stream().findFirst().map(this::read);
    }

    /**
     * What an administrator looks for (docs/api.md "Registry"); null parts do not filter.
     *
     * @param text lower-case text the id or the name holds; {@code %} and {@code _} are plain characters
     * @param type the subject type
     * @param regionPrefix the prefix of the region codes a region covers ({@code 5226} for 522600)
     */
    public record Search(String text, SubjectType type, String regionPrefix) {}

    public record Page(long total, List<Subject> items) {}

    /** One page of the subjects found, by id: a subject stored meanwhile does not reorder the earlier pages' subjects. */
    public Page search(Search search, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (search.text() != null) {
            String pattern = "%" + likeEscaped(search.text()) + "%";
            where.append(" AND (LOWER(id) LIKE ? ESCAPE '\\' OR LOWER(name) LIKE ? ESCAPE '\\')");
            args.add(pattern);
            args.add(pattern);
        }
        if (search.type() != null) {
            where.append(" AND type = ?");
            args.add(search.type().name());
        }
        if (search.regionPrefix() != null) {
            where.append(" AND region LIKE ? ESCAPE '\\'");
            args.add(likeEscaped(search.regionPrefix()) + "%");
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM subject" + where, Long.class, args.toArray());
        List<Object> paged = new ArrayList<>(args);
        paged.add(size);
        paged.add((long) page * size);
        List<Subject> items = jdbc.queryForList("SELECT body FROM subject" + where + " ORDER BY id LIMIT ? OFFSET ?",
                String.class, paged.toArray()).stream().map(this::read).toList();
        return new Page(total == null ? 0 : total, items);
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Every subject, for verification and figures (the registry of one county is small). */
    public List<Subject> all() {
        return jdbc.queryForList("SELECT body FROM subject ORDER BY id", String.class).stream().map(this::read).toList();
    }

    private String write(Subject s) {
        try {
            return json.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write subject " + s.id(), e);
        }
    }

    private Subject read(String body) {
        try {
            return json.readValue(body, Subject.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored subject cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
