package dev.subsidy.policy.internal;

import dev.subsidy.model.AwardLine;
import dev.subsidy.policy.NotComputable;
import java.util.ArrayList;
import java.util.List;

/** The lines and the not-computable entries one rule produced; filled while the rule is evaluated. */
final class Outcome {

    final List<AwardLine> lines = new ArrayList<>();
    final List<NotComputable> notComputable = new ArrayList<>();
}
