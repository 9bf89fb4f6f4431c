--
-- entities of the sample articles (data/articles), one line per distinct
-- entity and zone; loaded with psql variables so the test is self-contained
--
\pset format unaligned
SET client_min_messages = warning;
CREATE TEMP TABLE sample (id text, lang text, published date, body text);
\set body `cat data/articles/vi-01.txt`
INSERT INTO sample VALUES ('vi-01', 'vi', '2024-11-29', :'body');
\set body `cat data/articles/vi-02.txt`
INSERT INTO sample VALUES ('vi-02', 'vi', '2025-03-13', :'body');
\set body `cat data/articles/pl-01.txt`
INSERT INTO sample VALUES ('pl-01', 'pl', '2024-04-25', :'body');
\set body `cat data/articles/pl-02.txt`
INSERT INTO sample VALUES ('pl-02', 'pl', '2024-03-16', :'body');
\set body `cat data/articles/it-01.txt`
INSERT INTO sample VALUES ('it-01', 'it', '2025-02-17', :'body');
\set body `cat data/articles/en-01.txt`
INSERT INTO sample VALUES ('en-01', 'en', '2025-03-05', :'body');
\set body `cat data/articles/ru-01.txt`
INSERT INTO sample VALUES ('ru-01', 'ru', '2023-11-29', :'body');
\set body `cat data/articles/uk-01.txt`
INSERT INTO sample VALUES ('uk-01', 'uk', '2024-01-23', :'body');
\set body `cat data/articles/fr-01.txt`
INSERT INTO sample VALUES ('fr-01', 'fr', '2024-01-27', :'body');
\set body `cat data/articles/de-01.txt`
INSERT INTO sample VALUES ('de-01', 'de', '2024-03-06', :'body');
\set body `cat data/articles/es-01.txt`
INSERT INTO sample VALUES ('es-01', 'es', '2023-02-03', :'body');
\set body `cat data/articles/cs-01.txt`
INSERT INTO sample VALUES ('cs-01', 'cs', '2024-04-24', :'body');

SELECT s.id, e.kind, e.entity_id, e.canonical, coalesce(e.country, '') AS country, e.zone,
       count(*) AS mentions
FROM sample s, LATERAL entente.entities(s.body, s.lang, s.published) e
GROUP BY 1, 2, 3, 4, 5, 6
ORDER BY 1, 2, 3, 4, 6;

-- entity_ids per article
SELECT id, entente.entity_ids(body, lang) AS ids FROM sample ORDER BY id;
