-- Scheduled extraction with pg_cron: a job calls entente.process() every
-- minute, and a newly inserted article becomes facts without any manual
-- call.  Needs pg_cron in shared_preload_libraries with cron.database_name
-- set to this database (./check configures its cluster so); skipped on
-- other servers.  Not in one transaction: the job must see the new article.
\ir include/preamble.psql
-- ./check sets ENTENTE_REQUIRE_CRON when it configured the cluster itself:
-- then a missing scheduler is a failure, not a skip
\getenv require_cron ENTENTE_REQUIRE_CRON
SELECT :{?require_cron} AS require_cron \gset
-- the scheduler connects once the database exists: give it a few seconds
DO $$
BEGIN
    FOR i IN 1 .. 100 LOOP
        EXIT WHEN EXISTS (SELECT FROM pg_stat_activity
                          WHERE backend_type = 'pg_cron launcher' AND datname = current_database());
        PERFORM pg_sleep(0.1);
    END LOOP;
END $$;
SELECT :'require_cron'::boolean OR EXISTS (SELECT FROM pg_stat_activity
                                WHERE backend_type = 'pg_cron launcher' AND datname = current_database())
       AS have_cron \gset
\if :have_cron
SELECT plan(7);
SET client_min_messages = warning;
SELECT ok(EXISTS (SELECT FROM pg_stat_activity
                  WHERE backend_type = 'pg_cron launcher' AND datname = current_database()),
          'the pg_cron scheduler runs for this database');
CREATE EXTENSION IF NOT EXISTS pg_cron;
DROP TABLE IF EXISTS public.cron_news;
SELECT cron.unschedule(jobid) FROM cron.job WHERE jobname = 'entente-process';

CREATE TABLE public.cron_news (id bigint PRIMARY KEY, body text NOT NULL, lang text, published date);
SELECT is(entente.track('public.cron_news', 'body', 'lang', 'published'), 0::bigint, 'an empty table is tracked');
SELECT isnt(cron.schedule('entente-process', '* * * * *', 'CALL entente.process()'), NULL,
            'a pg_cron job runs entente.process() every minute');

INSERT INTO public.cron_news VALUES
    (1, 'Rosja i Pakistan podpisały w środę porozumienie o współpracy wojskowej.', 'pl', '2024-05-02');
SELECT is((SELECT state FROM entente.documents WHERE article_table = 'public.cron_news'::regclass), 'pending',
          'a new article is pending');

-- wait for the job (at most two and a half minutes)
DO $$
BEGIN
    FOR i IN 1 .. 300 LOOP
        EXIT WHEN (SELECT state FROM entente.documents
                   WHERE article_table = 'public.cron_news'::regclass) = 'done';
        PERFORM pg_sleep(0.5);
    END LOOP;
END $$;
SELECT is((SELECT state FROM entente.documents WHERE article_table = 'public.cron_news'::regclass), 'done',
          'the scheduled job extracted it');
SELECT results_eq(
    $$SELECT kind, source_country, target_country, event_date FROM entente.facts
      WHERE article_table = 'public.cron_news'::regclass ORDER BY ord$$,
    $$SELECT r.kind, r.source_country, r.target_country, r.event_date
      FROM public.cron_news n, entente.relations(n.body, n.lang, n.published) r$$,
    'its facts are stored, with no manual call');
SELECT ok((SELECT bool_or(kind = 'AGREE') FROM entente.facts WHERE article_table = 'public.cron_news'::regclass),
          'among them the agreement');

SELECT cron.unschedule('entente-process');
SELECT entente.untrack('public.cron_news');
DROP TABLE public.cron_news;
SELECT * FROM finish();
\else
SELECT plan(1);
SELECT skip('no pg_cron scheduler runs for this database (shared_preload_libraries, cron.database_name)');
\endif
