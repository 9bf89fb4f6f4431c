--
-- From stored articles to facts: the sample articles (data/articles) in a
-- tracked table, extracted by entente.process(), and what the BI views and
-- the graph make of them.
--
SET client_min_messages = warning;
SET DateStyle = ISO;
\i sql/include/samples.psql
CREATE TABLE news (id text PRIMARY KEY, lang text, published date, body text NOT NULL);
INSERT INTO news SELECT id, lang, published, body FROM sample;
SELECT entente.track('news', 'body', 'lang', 'published') AS queued;
CALL entente.process(5);

-- progress and per-article counts
SELECT article_table, pending, done, failed FROM entente.progress;
SELECT article_id, state, lang, published, mentions, facts FROM entente.documents ORDER BY article_id;

-- events merged across articles and languages
SELECT source_country AS src, kind, target_country AS tgt, arms, period, planned, modes,
       quad_class AS q, articles, languages, langs, reports, first_date, last_date
FROM entente.events
ORDER BY articles DESC, src, kind, tgt, arms, period, planned;

-- the evidence of the events more than one article reports
SELECT source_country AS src, kind, target_country AS tgt, period, article_refs, evidence
FROM entente.events WHERE articles > 1
ORDER BY src, kind, tgt, period;

-- dyads: country pairs per kind and month
SELECT * FROM entente.dyads ORDER BY country_a, country_b, month, kind;

-- the most mentioned entities per day
SELECT day, entity_id, kind, canonical, country, mentions, articles
FROM entente.entity_mentions
WHERE mentions >= 5
ORDER BY day, mentions DESC, entity_id;

-- the entities of one article
SELECT entity_id, kind, canonical, country, mentions, first_pos
FROM entente.article_entities WHERE article_id = 'pl-01'
ORDER BY first_pos;

-- page furniture is kept out of the views
SELECT count(*) AS boilerplate_mentions FROM entente.mentions WHERE zone = 'boilerplate';
SELECT count(*) AS boilerplate_mentions_in_views
FROM entente.article_entities a
WHERE NOT EXISTS (SELECT FROM entente.mentions m WHERE m.article_id = a.article_id
                  AND m.entity_id = a.entity_id AND m.zone = 'body');

-- the graph in its three formats
\pset format unaligned
\pset tuples_only on
SELECT entente.graph();
SELECT entente.graph('graphml', countries => '{PL}');
SELECT entente.graph('json', kinds => '{ASSAULT,SANCTION}');
SELECT entente.graph('dot', since => '2025-01-01', min_articles => 1);
\pset tuples_only off
\pset format aligned

-- event dates as day ranges
SELECT d, entente.event_date_range(d)
FROM (VALUES ('2024'), ('2024-02'), ('2024-03-05'), ('2016/2024'), ('2024-11-27/2024-11-28'),
             ('late 2014'), (''), ('2024-13'), ('2024-02-30'), ('2024-02-29'), ('2023-02-29'),
             ('0000'), ('2024/2023'), ('2024/2025/2026'), ('/2024')) v(d);

-- bad input
SELECT entente.graph('svg');
SELECT entente.graph('dot', min_articles => 0);
CALL entente.process(-1);
CALL entente.process(NULL);
SELECT entente.track('news', 'body');
SELECT entente.untrack('sample');

SELECT entente.untrack('news');
SELECT count(*) AS left_behind FROM entente.documents;
DROP TABLE news;
