-- bench/bench.sql: run by bench/run.  Expects tables articles, langid_samples
-- and eval_langid, and extensions entente and unaccent.
\pset border 1
SET client_min_messages = warning;
SET jit = off;
SET max_parallel_workers_per_gather = 0;

-- A corpus of :mb MB: documents of 12-30 sentences drawn at random from the
-- sentences of one language (articles and language samples), so no document
-- repeats another verbatim.
SELECT setseed(0.42);
CREATE TABLE pool AS
SELECT a.lang, s.sentence FROM articles a, LATERAL entente.sentences(a.body, a.lang) s
UNION ALL
SELECT lang, txt FROM langid_samples WHERE kind = 'sentence';
CREATE TABLE pool_n AS
SELECT lang, sentence, row_number() OVER (PARTITION BY lang ORDER BY random()) AS n,
       count(*) OVER (PARTITION BY lang) AS total
FROM pool;
CREATE INDEX ON pool_n (lang, n);
CREATE TABLE langs AS SELECT DISTINCT lang FROM pool;

CREATE TABLE corpus (id serial, lang text, body text);
INSERT INTO corpus (lang, body)
SELECT l.lang,
       (SELECT string_agg(p.sentence, CASE WHEN random() < 0.2 THEN E'\n\n' ELSE ' ' END)
          FROM generate_series(1, 12 + (g % 19)) k
          JOIN pool_n p ON p.lang = l.lang
                       AND p.n = 1 + ((g::bigint * 7919 + k::bigint * 104729 + l.h) % p.total))
FROM generate_series(1, (:mb * 1048576 / 2300)::int) g
CROSS JOIN LATERAL (SELECT lang, abs(hashtext(lang))::bigint AS h FROM langs
                    ORDER BY lang OFFSET (g % (SELECT count(*) FROM langs)) LIMIT 1) l;
ANALYZE corpus;

SELECT count(*) AS documents, count(DISTINCT lang) AS languages,
       count(DISTINCT md5(body)) AS distinct_documents,
       round(sum(octet_length(body)) / 1048576.0, 1) AS mb
FROM corpus;

-- time_query(sql) runs sql once to warm up caches, then measures it three
-- times and returns the median run, so that one slow run does not decide a
-- ratio
CREATE FUNCTION time_query(q text) RETURNS double precision LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; r record; t double precision[] := '{}';
BEGIN
    EXECUTE q INTO r;
    FOR k IN 1..3 LOOP
        t0 := clock_timestamp();
        EXECUTE q INTO r;
        t := t || extract(epoch FROM clock_timestamp() - t0)::double precision;
    END LOOP;
    RETURN (SELECT x FROM unnest(t) x ORDER BY x OFFSET 1 LIMIT 1);
END $$;

CREATE FUNCTION backend_rss_kb() RETURNS bigint LANGUAGE sql AS $$
    SELECT (regexp_match(pg_read_file('/proc/' || pg_backend_pid() || '/status'), 'VmRSS:\s+(\d+)'))[1]::bigint
$$;
CREATE FUNCTION context_kb() RETURNS bigint LANGUAGE sql AS $$
    SELECT sum(total_bytes) / 1024 FROM pg_backend_memory_contexts
$$;
CREATE TABLE results (what text, entente_s float8, builtin_s float8);
INSERT INTO results VALUES
 ('fold(x)  vs  lower(unaccent(normalize(x, NFKC)))',
  time_query('SELECT sum(length(entente.fold(body))) FROM corpus'),
  time_query('SELECT sum(length(lower(unaccent(normalize(body, NFKC))))) FROM corpus')),
 ('normalize(x, ''NFKC'')  vs  normalize(x, NFKC)',
  time_query('SELECT sum(length(entente.normalize(body, ''NFKC''))) FROM corpus'),
  time_query('SELECT sum(length(normalize(body, NFKC))) FROM corpus')),
 ('normalize(x, ''NFC'')  vs  normalize(x, NFC)',
  time_query('SELECT sum(length(entente.normalize(body, ''NFC''))) FROM corpus'),
  time_query('SELECT sum(length(normalize(body, NFC))) FROM corpus')),
 ('tokens(x)  vs  to_tsvector(''simple'', x)',
  time_query('SELECT count(*) FROM corpus, LATERAL entente.tokens(body)'),
  time_query('SELECT sum(length(to_tsvector(''simple'', body))) FROM corpus')),
 ('sentences(x)  vs  to_tsvector(''simple'', x)',
  time_query('SELECT count(*) FROM corpus, LATERAL entente.sentences(body)'),
  time_query('SELECT sum(length(to_tsvector(''simple'', body))) FROM corpus')),
 ('entities(x, lang)  vs  to_tsvector(''simple'', x)',
  time_query('SELECT count(*) FROM corpus, LATERAL entente.entities(body, lang)'),
  time_query('SELECT sum(length(to_tsvector(''simple'', body))) FROM corpus')),
 ('entity_ids(x, lang)  vs  to_tsvector(''simple'', x)',
  time_query('SELECT count(entente.entity_ids(body, lang)) FROM corpus'),
  time_query('SELECT sum(length(to_tsvector(''simple'', body))) FROM corpus')),
 ('entities(x) detecting the language  vs  to_tsvector(''simple'', x)',
  time_query('SELECT count(*) FROM corpus, LATERAL entente.entities(body)'),
  time_query('SELECT sum(length(to_tsvector(''simple'', body))) FROM corpus')),
 ('relations(x, lang)  vs  to_tsvector(''simple'', x)',
  time_query('SELECT count(*) FROM corpus, LATERAL entente.relations(body, lang)'),
  time_query('SELECT sum(length(to_tsvector(''simple'', body))) FROM corpus')),
 ('detect_language(x)  vs  to_tsvector(''simple'', x)',
  time_query('SELECT count(entente.detect_language(body)) FROM corpus'),
  time_query('SELECT sum(length(to_tsvector(''simple'', body))) FROM corpus'));

\echo
\echo '== Throughput on the same corpus, same run (ratio > 1: entente is faster)'
SELECT what,
       round((SELECT sum(octet_length(body)) FROM corpus) / 1048576.0 / entente_s) AS entente_mb_s,
       round((SELECT sum(octet_length(body)) FROM corpus) / 1048576.0 / builtin_s) AS builtin_mb_s,
       round((builtin_s / entente_s)::numeric, 2) AS ratio
FROM results;

\echo
\echo '== The extraction job: entente.process() over the corpus, against the bare relations() call'
\echo '   (process() runs one pass of the engine per article through entente.extract(), and stores'
\echo '   the mentions and facts with their indexes and the queue)'
ALTER TABLE corpus ADD PRIMARY KEY (id);
SELECT entente.track('corpus', 'body', 'lang') AS queued \gset
SELECT clock_timestamp() AS t0 \gset
CALL entente.process(500);
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) AS process_s \gset
SELECT :queued AS articles,
       round(:queued / :process_s) AS process_articles_per_s,
       round(:queued / (SELECT entente_s FROM results WHERE what LIKE 'relations(x, lang)%')) AS relations_articles_per_s,
       round(((SELECT entente_s FROM results WHERE what LIKE 'relations(x, lang)%') / :process_s)::numeric, 2) AS ratio,
       (SELECT count(*) FROM entente.facts) AS facts,
       (SELECT count(*) FROM entente.mentions) AS mentions;
SELECT entente.untrack('corpus');

\echo
\echo '== The compiled lexicon: build time and size in a new session'
\c
SELECT backend_rss_kb() AS rss_before_kb \gset
SELECT entities, aliases, build_ms, pg_size_pretty(bytes) AS lexicon_size FROM entente.lexicon_stats();
SELECT count(*) AS mentions FROM entente.entities('Rosja i Pakistan podpisały umowę w Moskwie.', 'pl');
SELECT backend_rss_kb() - :rss_before_kb AS rss_growth_kb_for_lexicon_and_polish;

\echo
\echo '== Memory: backend RSS and memory-context total across a million calls'
CREATE TEMP TABLE mem (step text, rss_kb bigint, contexts_kb bigint);
-- warm-up: every function once on every language, so ICU objects and the
-- fold tables are built; after this, memory should stay flat
SELECT count(entente.fold(body)), count(entente.normalize(body, 'NFKC_Casefold')),
       count(entente.detect_language(body)), count(entente.entity_ids(body, lang)),
       sum((SELECT count(*) FROM entente.tokens(body, lang))),
       sum((SELECT count(*) FROM entente.sentences(body, lang)))
FROM corpus WHERE id <= 4000;
INSERT INTO mem VALUES ('after warm-up', backend_rss_kb(), context_kb());
SELECT count(entente.fold('Nga và Pakistan ký thoả thuận ' || g)) FROM generate_series(1, 1000000) g;
INSERT INTO mem VALUES ('after 10^6 fold()', backend_rss_kb(), context_kb());
SELECT count(entente.normalize('Rosja i Pakistan ' || g, 'NFKC_Casefold')) FROM generate_series(1, 1000000) g;
INSERT INTO mem VALUES ('after 10^6 normalize()', backend_rss_kb(), context_kb());
SELECT count(entente.detect_language('Россия и Пакистан подписали ' || g)) FROM generate_series(1, 1000000) g;
INSERT INTO mem VALUES ('after 10^6 detect_language()', backend_rss_kb(), context_kb());
SELECT count(*) FROM generate_series(1, 1000000) g, LATERAL entente.tokens('Hà Nội ' || g, 'vi');
INSERT INTO mem VALUES ('after 10^6 tokens()', backend_rss_kb(), context_kb());
SELECT count(*) FROM generate_series(1, 1000000) g, LATERAL entente.sentences('Il gen. Rossi. ' || g, 'it');
INSERT INTO mem VALUES ('after 10^6 sentences()', backend_rss_kb(), context_kb());
SELECT count(*) FROM generate_series(1, 1000000) g, LATERAL entente.entities('Rosja i Pakistan, ' || g, 'pl');
INSERT INTO mem VALUES ('after 10^6 entities()', backend_rss_kb(), context_kb());
SELECT count(*) FROM generate_series(1, 1000000) g, LATERAL entente.relations('Rosja i Pakistan podpisały umowę ' || g, 'pl');
INSERT INTO mem VALUES ('after 10^6 relations()', backend_rss_kb(), context_kb());
SELECT step, rss_kb, contexts_kb, rss_kb - first_value(rss_kb) OVER () AS rss_growth_kb FROM mem;

\echo
\echo '== Language identification accuracy'
\echo 'own samples (data/langid): paragraphs and single sentences, per language'
SELECT lang,
       round(avg((entente.detect_language(txt) = lang)::int) FILTER (WHERE kind = 'paragraph') * 100, 1) AS paragraphs_pct,
       round(avg((entente.detect_language(txt) = lang)::int) FILTER (WHERE kind = 'sentence') * 100, 1) AS sentences_pct,
       count(*) FILTER (WHERE kind = 'sentence') AS sentences
FROM langid_samples GROUP BY lang ORDER BY lang;
\echo 'real sentences (../shared/eval/dev/real/langid), when present'
SELECT lang, count(*) AS sentences,
       round(avg((entente.detect_language(txt) = lang)::int) * 100, 1) AS correct_pct,
       string_agg(DISTINCT entente.detect_language(txt), ',') FILTER (WHERE entente.detect_language(txt) IS DISTINCT FROM lang) AS confused_with
FROM eval_langid GROUP BY lang ORDER BY lang;
