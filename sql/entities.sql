--
-- entities of the sample articles (data/articles), one line per distinct
-- entity and zone
--
\pset format unaligned
SET client_min_messages = warning;
\i sql/include/samples.psql

SELECT s.id, e.kind, e.entity_id, e.canonical, coalesce(e.country, '') AS country, e.zone,
       count(*) AS mentions
FROM sample s, LATERAL entente.entities(s.body, s.lang, s.published) e
GROUP BY 1, 2, 3, 4, 5, 6
ORDER BY 1, 2, 3, 4, 6;

-- entity_ids per article
SELECT id, entente.entity_ids(body, lang) AS ids FROM sample ORDER BY id;
