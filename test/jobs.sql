-- Tracking tables of articles and the extraction job: track/untrack and their
-- errors, odd identifiers, process() results equal to the functions' own,
-- idempotency, update/delete/truncate propagation, a failing article, a
-- backend killed mid-batch, two sessions processing at once, a dropped table.
-- Not in one transaction: process() commits per batch.  Works on its own
-- schema and leaves nothing behind.
\ir include/preamble.psql
SELECT plan(77);
SET client_min_messages = warning;

CREATE EXTENSION IF NOT EXISTS dblink;
DROP SCHEMA IF EXISTS "entente jobs" CASCADE;
CREATE SCHEMA "entente jobs";
SET search_path = "entente jobs", public;

-- a table with awkward names: schema and columns with spaces, quotes, capitals
CREATE TABLE "News ""2024""" (
    "article id" integer PRIMARY KEY,
    "the body"   text,
    "Lang"       varchar(8),
    "when"       timestamptz,
    extra        text
);
INSERT INTO "News ""2024"""
SELECT row_number() OVER (ORDER BY id), body, lang, published, 'x'
FROM public.articles;
SELECT count(*) AS n_articles FROM "News ""2024""" \gset

-- what the functions themselves give for the table's articles
CREATE FUNCTION pg_temp.expected_facts() RETURNS TABLE (id text, ord bigint, kind text, s text, t text, d text)
LANGUAGE sql AS $$
    SELECT n."article id"::text, r.ord, r.kind::text, r.source_country, r.target_country, r.event_date
    FROM "entente jobs"."News ""2024""" n,
         LATERAL entente.relations(n."the body", n."Lang", n."when"::date) WITH ORDINALITY
             AS r(source, target, source_country, target_country, kind, mode, event_date, negated,
                  modality, quad_class, equipment, quantity, amount, sentence, start_pos, end_pos,
                  evidence, zone, confidence, lang, rule, ord)
$$;
CREATE FUNCTION pg_temp.stored_facts() RETURNS TABLE (id text, ord bigint, kind text, s text, t text, d text)
LANGUAGE sql AS $$
    SELECT article_id, ord, kind::text, source_country, target_country, event_date
    FROM entente.facts WHERE article_table = '"entente jobs"."News ""2024"""'::regclass
$$;
CREATE FUNCTION pg_temp.expected_mentions() RETURNS bigint LANGUAGE sql AS $$
    SELECT count(*) FROM "entente jobs"."News ""2024""" n,
        LATERAL entente.entities(n."the body", n."Lang", n."when"::date)
$$;
CREATE FUNCTION pg_temp.stored_mentions() RETURNS bigint LANGUAGE sql AS $$
    SELECT count(*) FROM entente.mentions WHERE article_table = '"entente jobs"."News ""2024"""'::regclass
$$;
-- a fingerprint of everything entente stores for the table
CREATE FUNCTION pg_temp.fingerprint() RETURNS text LANGUAGE sql AS $$
    SELECT md5(concat(
        (SELECT string_agg(concat_ws('|', article_id, state, lang, published, processed_at, mentions, facts),
                           ',' ORDER BY article_id) FROM entente.documents
          WHERE article_table = '"entente jobs"."News ""2024"""'::regclass),
        (SELECT string_agg(f::text, ',' ORDER BY article_id, ord) FROM entente.facts f
          WHERE article_table = '"entente jobs"."News ""2024"""'::regclass),
        (SELECT string_agg(m::text, ',' ORDER BY article_id, ord) FROM entente.mentions m
          WHERE article_table = '"entente jobs"."News ""2024"""'::regclass)))
$$;
CREATE FUNCTION pg_temp.state_of(id int) RETURNS text LANGUAGE sql AS $$
    SELECT state FROM entente.documents
    WHERE article_table = '"entente jobs"."News ""2024"""'::regclass AND article_id = id::text
$$;

-- track: refused tables and columns
CREATE VIEW "a view" AS SELECT * FROM "News ""2024""";
CREATE TABLE "no key" (body text);
CREATE TABLE "two keys" (a int, b int, body text, PRIMARY KEY (a, b));
CREATE TABLE "int body" (id int PRIMARY KEY, body integer);
CREATE TABLE "bad date" (id int PRIMARY KEY, body text, published text);
CREATE TABLE "loose key" (id int, code int UNIQUE, body text);
SELECT throws_ok($$SELECT entente.track('"entente jobs"."a view"', 'the body')$$, '42809', NULL, 'a view is refused');
SELECT throws_ok($$SELECT entente.track('"entente jobs"."no key"', 'body')$$, '55000', NULL, 'a table without a key is refused');
SELECT throws_ok($$SELECT entente.track('"entente jobs"."two keys"', 'body')$$, '55000', NULL, 'a two-column key is refused');
SELECT throws_ok($$SELECT entente.track('"entente jobs"."loose key"', 'body', id => 'id')$$, '55000', NULL, 'a column that is not unique is refused as key');
SELECT throws_ok($$SELECT entente.track('"entente jobs"."loose key"', 'body', id => 'code')$$, '55000', NULL, 'a unique column that allows NULL is refused as key');
SELECT throws_ok($$SELECT entente.track('"entente jobs"."int body"', 'body')$$, '42804', NULL, 'a body that is not text is refused');
SELECT throws_ok($$SELECT entente.track('"entente jobs"."bad date"', 'body', published => 'published')$$, '42804', NULL, 'a publication date that is not a date is refused');
SELECT throws_ok($$SELECT entente.track('"entente jobs"."News ""2024"""', 'no such column')$$, '42703', NULL, 'a missing column is refused');
SELECT throws_ok($$SELECT entente.track(NULL, 'body')$$, '22004', NULL, 'a NULL table is refused');
SELECT throws_ok($$SELECT entente.untrack('"entente jobs"."no key"')$$, '42704', NULL, 'untracking a table that is not tracked is an error');
SELECT throws_ok($$CALL entente.process(0)$$, '22023', NULL, 'batch_size must be positive');
SELECT is((SELECT count(*)::int FROM entente.tracked), 0, 'refused tables are not tracked');

-- track the awkward table
SELECT is(entente.track('"entente jobs"."News ""2024"""', 'the body', 'Lang', 'when'), :n_articles::bigint,
          'track queues every article of a table with odd identifiers');
SELECT is((SELECT id_column::text FROM entente.tracked), 'article id', 'its primary key is the article key');
SELECT is((SELECT count(*)::int FROM pg_trigger WHERE tgrelid = '"entente jobs"."News ""2024"""'::regclass AND tgname LIKE 'entente_%'),
          4, 'four triggers notice inserts, updates, deletes and truncation');
SELECT throws_ok($$SELECT entente.track('"entente jobs"."News ""2024"""', 'the body')$$, '42710', NULL, 'tracking twice is refused');
SELECT is((SELECT pending FROM entente.progress), :n_articles::bigint, 'progress shows every article pending');

-- process: results equal the functions' own
CALL entente.process(4);
SELECT is((SELECT pending + failed FROM entente.progress), 0::bigint, 'process leaves nothing pending');
SELECT bag_eq('SELECT * FROM pg_temp.stored_facts()', 'SELECT * FROM pg_temp.expected_facts()',
              'facts are what entente.relations gives for each article');
SELECT is(pg_temp.stored_mentions(), pg_temp.expected_mentions(), 'mentions are what entente.entities gives');
SELECT bag_eq($$SELECT article_id, ord, kind::text, entity_id, canonical, start_pos, zone FROM entente.mentions
                WHERE article_table = '"entente jobs"."News ""2024"""'::regclass$$,
              $$SELECT n."article id"::text, e.ord, e.kind::text, e.entity_id, e.canonical, e.start_pos, e.zone
                FROM "entente jobs"."News ""2024""" n,
                     LATERAL entente.entities(n."the body", n."Lang", n."when"::date) WITH ORDINALITY
                     AS e(kind, entity_id, canonical, surface, start_pos, end_pos, sentence, country, zone, confidence, rule, ord)$$,
              'mention by mention');
SELECT is((entente.extract(NULL)).mentions, NULL, 'extract: NULL text gives NULL');
SELECT is(cardinality((entente.extract('Russia and Pakistan signed an agreement.', 'en')).relations), 1, 'extract: the relations of one pass');
SELECT cmp_ok(pg_temp.stored_mentions(), '>', 100::bigint, 'there are mentions');
SELECT is((SELECT count(*) FROM entente.documents d WHERE d.mentions <> (SELECT count(*) FROM entente.mentions m
              WHERE m.article_table = d.article_table AND m.article_id = d.article_id)), 0::bigint,
          'each article''s mention count is recorded');
SELECT isnt((SELECT last_run FROM entente.progress), NULL, 'the last run is recorded');

-- idempotent: a second run changes nothing
SELECT pg_temp.fingerprint() AS fp \gset
CALL entente.process();
SELECT is(pg_temp.fingerprint(), :'fp', 'running process again changes nothing');

-- updates: the tracked columns queue the article again, others do not
UPDATE "News ""2024""" SET extra = 'changed' WHERE "article id" = 1;
SELECT is(pg_temp.state_of(1), 'done', 'changing an untracked column does not queue the article');
UPDATE "News ""2024""" SET "the body" = 'Rosja i Pakistan podpisały porozumienie o współpracy wojskowej.', "Lang" = 'pl'
WHERE "article id" = 2;
SELECT is(pg_temp.state_of(2), 'pending', 'changing the body queues the article');
SELECT cmp_ok((SELECT count(*) FROM pg_temp.stored_facts() WHERE id = '2'), '<>', 1::bigint, 'its old facts stay until it is processed');
UPDATE "News ""2024""" SET "when" = "when" + interval '1 day' WHERE "article id" = 3;
SELECT is(pg_temp.state_of(3), 'pending', 'changing the publication date queues the article');
UPDATE "News ""2024""" SET "article id" = 1000 WHERE "article id" = 4;
SELECT is(pg_temp.state_of(4), NULL, 'a changed key drops the old key''s entry');
SELECT is((SELECT count(*) FROM pg_temp.stored_facts() WHERE id = '4'), 0::bigint, 'and its facts');
SELECT is(pg_temp.state_of(1000), 'pending', 'and queues the new key');
CALL entente.process();
SELECT is(ARRAY(SELECT kind || ' ' || s || ' ' || t FROM pg_temp.stored_facts() WHERE id = '2'),
          ARRAY['AGREE PK RU'], 'the changed article has its new facts');
SELECT bag_eq('SELECT * FROM pg_temp.stored_facts()', 'SELECT * FROM pg_temp.expected_facts()',
              'after the updates, facts are again what entente.relations gives');

-- deletes: facts go at once
DELETE FROM "News ""2024""" WHERE "article id" IN (2, 5);
SELECT is((SELECT count(*) FROM pg_temp.stored_facts() WHERE id IN ('2', '5')), 0::bigint, 'deleted articles lose their facts at once');
SELECT is((SELECT count(*) FROM entente.mentions WHERE article_table = '"entente jobs"."News ""2024"""'::regclass
              AND article_id IN ('2', '5')), 0::bigint, 'and their mentions');
SELECT is(pg_temp.state_of(5), NULL, 'and their queue entries');

-- a failing article is recorded and skipped, and does not stop the batch
INSERT INTO "News ""2024""" VALUES (2001, 'Rosja i Pakistan podpisały umowę.', 'zz-bogus', '2024-05-01', NULL),
                                   (2002, 'Russia and Pakistan signed an agreement.', 'en', '2024-05-01', NULL),
                                   (2003, NULL, 'en', NULL, NULL);
CALL entente.process(10);
SELECT is(pg_temp.state_of(2001), 'failed', 'an article with an unknown language code fails');
SELECT is((SELECT error_code FROM entente.documents WHERE article_id = '2001'), '22023', 'with its SQLSTATE');
SELECT matches((SELECT error FROM entente.documents WHERE article_id = '2001'), 'unknown language code', 'and its message');
SELECT is(pg_temp.state_of(2002), 'done', 'the other articles of the batch are done');
SELECT is(pg_temp.state_of(2003), 'done', 'an article without text is done, with nothing found');
SELECT is((SELECT failed FROM entente.progress), 1::bigint, 'progress counts the failure');
SELECT processed_at AS failed_at FROM entente.documents WHERE article_id = '2001' \gset
CALL entente.process();
SELECT is((SELECT processed_at FROM entente.documents WHERE article_id = '2001'), :'failed_at'::timestamptz,
          'a failed article is not retried by the next run');
SELECT is(entente.retry_failed(), 1::bigint, 'retry_failed queues it again');
UPDATE "News ""2024""" SET "Lang" = 'pl' WHERE "article id" = 2001;
CALL entente.process();
SELECT is(pg_temp.state_of(2001), 'done', 'once its language is fixed it is extracted');

-- a backend killed in the middle of a batch: nothing lost, nothing doubled
INSERT INTO "News ""2024"""
SELECT 10000 + g * 100 + n."article id", n."the body", n."Lang", n."when", NULL
FROM generate_series(1, 12) g, "News ""2024""" n WHERE n."article id" < 1000;
-- a second session on this database
CREATE FUNCTION pg_temp.connect(name text) RETURNS text LANGUAGE sql AS $$
    SELECT dblink_connect(name, format('host=%s port=%s dbname=%s user=%s',
        split_part(current_setting('unix_socket_directories'), ',', 1),
        current_setting('port'), current_database(), current_user))
$$;
SELECT pg_temp.connect('worker');
SELECT pg_temp.connect('locker');
SELECT pid AS worker_pid FROM dblink('worker', 'SELECT pg_backend_pid()') AS t(pid int) \gset
SELECT done AS done_before FROM entente.progress \gset
SELECT set_config('entente_test.worker', :'worker_pid', false), set_config('entente_test.done', :'done_before', false);
SELECT dblink_send_query('worker', 'CALL entente.process(5)');
-- wait for a few batches to commit, then lock the facts table: the worker
-- blocks inside its next batch, holding the articles it claimed
DO $$
BEGIN
    FOR i IN 1 .. 600 LOOP
        EXIT WHEN (SELECT done FROM entente.progress) >= current_setting('entente_test.done')::int + 20;
        PERFORM pg_sleep(0.02);
    END LOOP;
END $$;
SELECT dblink_exec('locker', 'BEGIN');
SELECT dblink_exec('locker', 'LOCK TABLE entente.facts IN EXCLUSIVE MODE');
DO $$
BEGIN
    FOR i IN 1 .. 600 LOOP
        EXIT WHEN EXISTS (SELECT FROM pg_stat_activity
                          WHERE pid = current_setting('entente_test.worker')::int AND wait_event_type = 'Lock');
        PERFORM pg_sleep(0.02);
    END LOOP;
END $$;
SELECT is((SELECT wait_event_type FROM pg_stat_activity WHERE pid = :worker_pid), 'Lock',
          'the worker is stopped in the middle of a batch');
SELECT ok(pg_terminate_backend(:worker_pid, 10000), 'the worker''s backend is killed');
SELECT dblink_exec('locker', 'ROLLBACK');
SELECT dblink_disconnect('worker');
SELECT cmp_ok((SELECT pending FROM entente.progress), '>', 0::bigint, 'the killed batch is still pending');
SELECT cmp_ok((SELECT done FROM entente.progress), '>=', :done_before + 20::bigint, 'the batches before it were kept');
SELECT is((SELECT count(*) FROM entente.documents d WHERE d.article_table = '"entente jobs"."News ""2024"""'::regclass
              AND d.state = 'done' AND d.facts <> (SELECT count(*) FROM entente.facts f
                  WHERE f.article_table = d.article_table AND f.article_id = d.article_id)), 0::bigint,
          'every article done has exactly its facts');
CALL entente.process(5);
SELECT is((SELECT pending FROM entente.progress), 0::bigint, 'the next run finishes the work');
SELECT bag_eq('SELECT * FROM pg_temp.stored_facts()', 'SELECT * FROM pg_temp.expected_facts()',
              'with nothing lost and nothing duplicated');

-- two sessions at once split the work and give what one gives
SELECT entente.untrack('"entente jobs"."News ""2024"""');
SELECT is((SELECT count(*)::int FROM pg_trigger WHERE tgrelid = '"entente jobs"."News ""2024"""'::regclass AND tgname LIKE 'entente_%'),
          0, 'untrack removes the triggers');
SELECT is(pg_temp.stored_mentions(), 0::bigint, 'and the mentions');
SELECT is((SELECT count(*) FROM pg_temp.stored_facts()), 0::bigint, 'and the facts');
SELECT cmp_ok(entente.track('"entente jobs"."News ""2024"""', 'the body', 'Lang', 'when'), '>', 100::bigint,
              'tracked again: every article queued');
SELECT pg_temp.connect('w1');
SELECT pg_temp.connect('w2');
SELECT dblink_send_query('w1', 'CALL entente.process(7)'), dblink_send_query('w2', 'CALL entente.process(7)');
DO $$
BEGIN
    FOR i IN 1 .. 6000 LOOP
        EXIT WHEN dblink_is_busy('w1') = 0 AND dblink_is_busy('w2') = 0;
        PERFORM pg_sleep(0.02);
    END LOOP;
END $$;
SELECT is((SELECT r FROM dblink_get_result('w1') AS t(r text)), 'CALL', 'the first session finished');
SELECT is((SELECT r FROM dblink_get_result('w2') AS t(r text)), 'CALL', 'the second session finished');
SELECT dblink_disconnect('w1'), dblink_disconnect('w2'), dblink_disconnect('locker');
SELECT is((SELECT count(DISTINCT processed_by)::int FROM entente.documents
           WHERE article_table = '"entente jobs"."News ""2024"""'::regclass), 2, 'both sessions did part of the work');
SELECT is((SELECT pending + failed FROM entente.progress), 0::bigint, 'together they did all of it');
SELECT bag_eq('SELECT * FROM pg_temp.stored_facts()', 'SELECT * FROM pg_temp.expected_facts()',
              'and stored exactly what one session stores');
SELECT is(pg_temp.stored_mentions(), pg_temp.expected_mentions(), 'mentions too');

-- renamed and dropped columns
ALTER TABLE "News ""2024""" RENAME COLUMN "the body" TO "Body text";
SELECT is((SELECT body_column::text FROM entente.tracked), 'Body text', 'a renamed body column is followed');
INSERT INTO "News ""2024""" ("article id", "Body text", "Lang", "when") VALUES (3001, 'Russia and Pakistan signed an agreement.', 'en', '2024-05-01');
CALL entente.process();
SELECT is(pg_temp.state_of(3001), 'done', 'articles are extracted after the rename');
DROP VIEW "a view";
ALTER TABLE "News ""2024""" DROP COLUMN "when";
SELECT is((SELECT published_column FROM entente.tracked), NULL, 'a dropped date column is no longer used');
UPDATE "News ""2024""" SET "Body text" = 'Russia and India signed an agreement.' WHERE "article id" = 3001;
CALL entente.process();
SELECT is(ARRAY(SELECT kind || ' ' || least(s, t) || ' ' || greatest(s, t) FROM pg_temp.stored_facts() WHERE id = '3001'),
          ARRAY['AGREE IN RU'], 'and extraction goes on without it');
ALTER TABLE "News ""2024""" RENAME COLUMN "Body text" TO "the body";
ALTER TABLE "News ""2024""" ADD COLUMN "when" timestamptz;

-- truncation and dropping
TRUNCATE "News ""2024""";
SELECT is((SELECT count(*) FROM entente.documents), 0::bigint, 'truncating the table empties its queue');
SELECT is(pg_temp.stored_mentions() + (SELECT count(*) FROM pg_temp.stored_facts()), 0::bigint, 'and its mentions and facts');
INSERT INTO "News ""2024""" VALUES (1, 'Russia and Pakistan signed an agreement.', 'en', '2024-05-01', NULL);
CALL entente.process();
SELECT is((SELECT count(*) FROM pg_temp.stored_facts()), 1::bigint, 'a new article after truncation is extracted');
CREATE TABLE "lose body" (id int PRIMARY KEY, body text);
SELECT entente.track('"entente jobs"."lose body"', 'body') AS zero \gset
INSERT INTO "lose body" VALUES (1, 'Russia and India signed an agreement.');
UPDATE "lose body" SET body = 'Rosja i Indie podpisały porozumienie.' WHERE id = 1;
CALL entente.process();
SELECT is((SELECT state || ' ' || lang FROM entente.documents WHERE article_table = '"entente jobs"."lose body"'::regclass),
          'done pl', 'a table with only a key and a body: updates work, the language is detected');
ALTER TABLE "lose body" DROP COLUMN body;
SELECT is((SELECT count(*) FROM entente.tracked WHERE article_table::text LIKE '%lose body%'), 0::bigint,
          'a table that loses its body column is no longer tracked');
INSERT INTO "lose body" VALUES (2);
SELECT pass('and writes to it still work');
DROP TABLE "News ""2024""" CASCADE;
SELECT is((SELECT count(*) FROM entente.tracked), 0::bigint, 'a dropped table is no longer tracked');
SELECT is((SELECT count(*) FROM entente.facts) + (SELECT count(*) FROM entente.mentions)
          + (SELECT count(*) FROM entente.documents), 0::bigint, 'and its facts are gone');

SELECT * FROM finish();
RESET search_path;
DROP SCHEMA "entente jobs" CASCADE;
