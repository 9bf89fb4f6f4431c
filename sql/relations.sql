--
-- relations of the sample articles (data/articles): who did what to whom,
-- with mode, date, modality and negation, one line per distinct relation
--
\pset format unaligned
SET client_min_messages = warning;
\i sql/include/samples.psql

SELECT s.id, r.source_country, r.kind, r.target_country, coalesce(r.mode, '') AS mode,
       coalesce(r.event_date, '') AS event_date, r.modality, r.negated, r.zone,
       count(*) AS sentences
FROM sample s, LATERAL entente.relations(s.body, s.lang, s.published) r
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

-- arms transfers with their equipment, as a SIPRI-like table
SELECT s.id, r.source_country AS supplier, r.target_country AS recipient,
       r.equipment, r.quantity, coalesce(r.event_date, '') AS event_date
FROM sample s, LATERAL entente.relations(s.body, s.lang, s.published) r
WHERE r.mode = 'arms'
ORDER BY 1, 2, 3, 4;
