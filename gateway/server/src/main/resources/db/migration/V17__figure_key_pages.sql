-- The keys of a figure's set kept a page at a time (docs/figures.md "The keys a figure counted"): a close
-- of a million records wrote a million figure_key rows, one per key, most of its time spent on figures.
-- key_list is the page's keys as a JSON array, in the digest's order; a set's pages hold keys_per_page
-- keys each, the last one the rest. Sets kept before this have keys_per_page NULL and their keys stay
-- in figure_key, read as before.
CREATE TABLE figure_key_page (
    digest   VARCHAR(71) NOT NULL,
    page_no  INTEGER     NOT NULL,
    key_list TEXT        NOT NULL,
    PRIMARY KEY (digest, page_no)
);

ALTER TABLE figure_key_set ADD COLUMN keys_per_page INTEGER;
