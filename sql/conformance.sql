--
-- Conformance with Unicode's NormalizationTest.txt (Debian's unicode-data)
--
-- Every test line is checked against the invariants in the file's header,
-- for all four forms, and every code point not listed in Part 1 must be
-- left unchanged by all four forms.  The file must match ICU's Unicode
-- version (Debian 12: both 15.0).
--
SET client_min_messages = warning;

CREATE TEMP TABLE nt_raw (n serial, line text);
\copy nt_raw (line) FROM PROGRAM 'bzcat /usr/share/unicode/NormalizationTest.txt.bz2' WITH (FORMAT text, DELIMITER E'\x01')

SELECT split_part(line, ' ', 2) = 'NormalizationTest-' || entente.unicode_version() || '.txt'
       AS same_unicode_version
FROM nt_raw WHERE line LIKE '# NormalizationTest-%';

CREATE TEMP TABLE nt AS
WITH parts AS (
    SELECT n, line,
           sum(CASE WHEN line LIKE '@Part%' THEN 1 ELSE 0 END) OVER (ORDER BY n) - 1 AS part
    FROM nt_raw
)
SELECT n, part,
       (SELECT string_agg(chr(('x' || lpad(h, 8, '0'))::bit(32)::int), '' ORDER BY o)
        FROM unnest(string_to_array(split_part(line, ';', 1), ' ')) WITH ORDINALITY u(h, o)) AS c1,
       (SELECT string_agg(chr(('x' || lpad(h, 8, '0'))::bit(32)::int), '' ORDER BY o)
        FROM unnest(string_to_array(split_part(line, ';', 2), ' ')) WITH ORDINALITY u(h, o)) AS c2,
       (SELECT string_agg(chr(('x' || lpad(h, 8, '0'))::bit(32)::int), '' ORDER BY o)
        FROM unnest(string_to_array(split_part(line, ';', 3), ' ')) WITH ORDINALITY u(h, o)) AS c3,
       (SELECT string_agg(chr(('x' || lpad(h, 8, '0'))::bit(32)::int), '' ORDER BY o)
        FROM unnest(string_to_array(split_part(line, ';', 4), ' ')) WITH ORDINALITY u(h, o)) AS c4,
       (SELECT string_agg(chr(('x' || lpad(h, 8, '0'))::bit(32)::int), '' ORDER BY o)
        FROM unnest(string_to_array(split_part(line, ';', 5), ' ')) WITH ORDINALITY u(h, o)) AS c5
FROM parts
WHERE line !~ '^(#|@|$)';

SELECT count(*) AS test_lines FROM nt;

-- the invariants, one count of failing lines per form
SELECT
  count(*) FILTER (WHERE NOT (
      c2 = entente.normalize(c1, 'NFC') AND c2 = entente.normalize(c2, 'NFC') AND
      c2 = entente.normalize(c3, 'NFC') AND c4 = entente.normalize(c4, 'NFC') AND
      c4 = entente.normalize(c5, 'NFC'))) AS nfc_failures,
  count(*) FILTER (WHERE NOT (
      c3 = entente.normalize(c1, 'NFD') AND c3 = entente.normalize(c2, 'NFD') AND
      c3 = entente.normalize(c3, 'NFD') AND c5 = entente.normalize(c4, 'NFD') AND
      c5 = entente.normalize(c5, 'NFD'))) AS nfd_failures,
  count(*) FILTER (WHERE NOT (
      c4 = entente.normalize(c1, 'NFKC') AND c4 = entente.normalize(c2, 'NFKC') AND
      c4 = entente.normalize(c3, 'NFKC') AND c4 = entente.normalize(c4, 'NFKC') AND
      c4 = entente.normalize(c5, 'NFKC'))) AS nfkc_failures,
  count(*) FILTER (WHERE NOT (
      c5 = entente.normalize(c1, 'NFKD') AND c5 = entente.normalize(c2, 'NFKD') AND
      c5 = entente.normalize(c3, 'NFKD') AND c5 = entente.normalize(c4, 'NFKD') AND
      c5 = entente.normalize(c5, 'NFKD'))) AS nfkd_failures
FROM nt;

-- the same invariants, with the text embedded in a longer ASCII context
-- (exercises the chunked and quick-check paths)
SELECT count(*) FILTER (WHERE entente.normalize('x ' || c1 || ' y', 'NFC') <> 'x ' || c2 || ' y'
                           OR entente.normalize('x ' || c1 || ' y', 'NFKD') <> 'x ' || c5 || ' y')
       AS context_failures
FROM nt;

-- Part 1 lists every code point that changes; all others are invariant
CREATE TEMP TABLE part1 AS SELECT DISTINCT c1 FROM nt WHERE part = 1;
SELECT count(*) AS invariant_failures
FROM generate_series(1, 1114111) cp
CROSS JOIN LATERAL (SELECT chr(cp) AS c) x
WHERE (cp < 55296 OR cp > 57343)
  AND NOT EXISTS (SELECT 1 FROM part1 WHERE part1.c1 = x.c)
  AND (entente.normalize(c, 'NFC') <> c OR entente.normalize(c, 'NFD') <> c OR
       entente.normalize(c, 'NFKC') <> c OR entente.normalize(c, 'NFKD') <> c);
