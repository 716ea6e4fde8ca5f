-- The natural keys each published figure counted (docs/figures.md "The keys a figure counted"), so
-- anyone can recompute its digest. A set of keys is kept once under its digest, whichever figures
-- and revisions counted it: a merchant's SALES_NET and ORDERS, or a revision that changed only an
-- amount, share one set. position is the key's place in the digest's order (Java String order), so
-- pages come out in that order on both databases whatever their collation.
CREATE TABLE figure_key_set (
    digest     VARCHAR(71) PRIMARY KEY,
    key_count  INTEGER     NOT NULL,
    kept_at    BIGINT      NOT NULL
);

CREATE TABLE figure_key (
    digest      VARCHAR(71)  NOT NULL,
    position    INTEGER      NOT NULL,
    natural_key VARCHAR(160) NOT NULL,
    PRIMARY KEY (digest, position)
);
