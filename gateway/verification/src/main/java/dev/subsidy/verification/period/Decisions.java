package dev.subsidy.verification.period;

import dev.subsidy.model.RecordKind;
import dev.subsidy.verification.ByOrderKey;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.RecordSource;
import dev.subsidy.verification.Review;
import dev.subsidy.verification.ReviewBook;
import dev.subsidy.verification.ShipmentVerdict;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reviewers' decisions that hold, applied to screened verdicts (docs/verification.md "Review queue"): a decision holds for
 * the content it was made on. The period was read without content hashes: only the records a reviewer decided on
 * need theirs, asked of the source.
 */
final class Decisions {

    private final ReviewBook reviews;
    private final RecordSource records;

    Decisions(ReviewBook reviews, RecordSource records) {
        this.reviews = reviews;
        this.records = records;
    }

    /** The parcels, each with the decision that holds for it applied; the list itself when none does. */
    List<ShipmentVerdict> onShipments(List<ShipmentVerdict> parcels) {
        // the keys as a view: a book with few decisions looks up those, and no list of every key is built
        Map<String, Review> decided = reviews.decisions(RecordKind.SHIPMENT, new AbstractList<>() {
            @Override
            public String get(int i) {
                return parcels.get(i).key();
            }

            @Override
            public int size() {
                return parcels.size();
            }
        });
        if (decided.isEmpty()) {
            return parcels;
        }
        Map<String, String> hashes = records.contentHashes(RecordKind.SHIPMENT, decided.keySet());
        return parcels.stream().map(s -> {
            Review r = decided.get(s.key());
            return r != null && r.holdsFor(hash(s.stored().contentHash(), hashes, s.key())) ? s.reviewed(r) : s;
        }).toList();
    }

    /** The orders, each with the decision that holds for it applied; the map itself when none does. */
    Map<String, OrderVerdict> onOrders(Map<String, OrderVerdict> orders) {
        Map<String, Review> decided = reviews.decisions(RecordKind.ORDER, orders.keySet());
        if (decided.isEmpty()) {
            return orders;
        }
        Map<String, String> hashes = records.contentHashes(RecordKind.ORDER, decided.keySet());
        List<OrderVerdict> reviewed = new ArrayList<>(orders.size());
        orders.forEach((key, o) -> {
            Review r = decided.get(key);
            reviewed.add(r != null && r.holdsFor(hash(o.stored().contentHash(), hashes, key)) ? o.reviewed(r) : o);
        });
        return ByOrderKey.of(orders, reviewed, o -> o.stored().record());
    }

    private static String hash(String read, Map<String, String> asked, String key) {
        return read != null ? read : asked.get(key);
    }
}
