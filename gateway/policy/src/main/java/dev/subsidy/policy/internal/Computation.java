package dev.subsidy.policy.internal;

import dev.subsidy.model.Payment;
import java.math.BigDecimal;
import java.util.List;

/** What a rule computes for one subject: nothing, an award, or not computable for want of inputs. */
sealed interface Computation {

    Computation NOTHING = new Nothing();

    record Nothing() implements Computation {
    }

    record Missing(List<String> reasons) implements Computation {
        public Missing {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * @param incomplete parts that could not be computed although the rest could (a member whose figures
     *                   are missing): reported as not computable beside the line
     */
    record Award(BigDecimal amount, String explanation, String reading, List<Payment> payments, List<String> incomplete)
            implements Computation {
        public Award {
            payments = List.copyOf(payments);
            incomplete = List.copyOf(incomplete);
        }

        Award(BigDecimal amount, String explanation, String reading, List<Payment> payments) {
            this(amount, explanation, reading, payments, List.of());
        }
    }
}
