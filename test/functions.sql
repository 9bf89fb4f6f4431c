-- Signatures, labels and comments of every entente function.
\ir include/preamble.psql
BEGIN;
SELECT plan(68);

-- signatures and return types
SELECT has_function('entente', 'normalize', ARRAY['text', 'text']);
SELECT function_returns('entente', 'normalize', ARRAY['text', 'text'], 'text');
SELECT has_function('entente', 'fold', ARRAY['text']);
SELECT function_returns('entente', 'fold', ARRAY['text'], 'text');
SELECT has_function('entente', 'translit', ARRAY['text', 'text']);
SELECT function_returns('entente', 'translit', ARRAY['text', 'text'], 'text');
SELECT has_function('entente', 'tokens', ARRAY['text', 'text']);
SELECT function_returns('entente', 'tokens', ARRAY['text', 'text'], 'setof record');
SELECT has_function('entente', 'sentences', ARRAY['text', 'text']);
SELECT function_returns('entente', 'sentences', ARRAY['text', 'text'], 'setof record');
SELECT has_function('entente', 'detect_language', ARRAY['text']);
SELECT function_returns('entente', 'detect_language', ARRAY['text'], 'text');
SELECT has_function('entente', 'languages', ARRAY['text']);
SELECT function_returns('entente', 'languages', ARRAY['text'], 'setof record');
SELECT has_function('entente', 'entities', ARRAY['text', 'text', 'date']);
SELECT function_returns('entente', 'entities', ARRAY['text', 'text', 'date'], 'setof entente.mention');
SELECT has_function('entente', 'entity_ids', ARRAY['text', 'text']);
SELECT function_returns('entente', 'entity_ids', ARRAY['text', 'text'], 'text[]');
SELECT has_function('entente', 'relations', ARRAY['text', 'text', 'date']);
SELECT function_returns('entente', 'relations', ARRAY['text', 'text', 'date'], 'setof entente.relation');
SELECT has_function('entente', 'lexicon_stats', ARRAY[]::text[]);
SELECT has_function('entente', 'icu_version', ARRAY[]::text[]);
SELECT has_function('entente', 'unicode_version', ARRAY[]::text[]);

-- volatility: pure functions of input and ICU data are IMMUTABLE
SELECT volatility_is('entente', 'normalize', ARRAY['text', 'text'], 'immutable');
SELECT volatility_is('entente', 'fold', ARRAY['text'], 'immutable');
SELECT volatility_is('entente', 'translit', ARRAY['text', 'text'], 'immutable');
SELECT volatility_is('entente', 'tokens', ARRAY['text', 'text'], 'immutable');
SELECT volatility_is('entente', 'sentences', ARRAY['text', 'text'], 'immutable');
SELECT volatility_is('entente', 'detect_language', ARRAY['text'], 'immutable');
SELECT volatility_is('entente', 'languages', ARRAY['text'], 'immutable');
SELECT volatility_is('entente', 'entities', ARRAY['text', 'text', 'date'], 'stable');
SELECT volatility_is('entente', 'entity_ids', ARRAY['text', 'text'], 'immutable');
SELECT isnt_strict('entente', 'entities', ARRAY['text', 'text', 'date']);
SELECT isnt_strict('entente', 'entity_ids', ARRAY['text', 'text']);
SELECT volatility_is('entente', 'relations', ARRAY['text', 'text', 'date'], 'stable');
SELECT isnt_strict('entente', 'relations', ARRAY['text', 'text', 'date']);
SELECT volatility_is('entente', 'extract', ARRAY['text', 'text', 'date'], 'stable');
SELECT function_returns('entente', 'extract', ARRAY['text', 'text', 'date'], 'record');
SELECT volatility_is('entente', 'icu_version', ARRAY[]::text[], 'stable');
SELECT volatility_is('entente', 'unicode_version', ARRAY[]::text[], 'stable');

-- strictness: NULL lang means "language-neutral", so tokens/sentences are not STRICT
SELECT is_strict('entente', 'normalize', ARRAY['text', 'text']);
SELECT is_strict('entente', 'fold', ARRAY['text']);
SELECT is_strict('entente', 'translit', ARRAY['text', 'text']);
SELECT isnt_strict('entente', 'tokens', ARRAY['text', 'text']);
SELECT isnt_strict('entente', 'sentences', ARRAY['text', 'text']);
SELECT is_strict('entente', 'detect_language', ARRAY['text']);
SELECT is_strict('entente', 'languages', ARRAY['text']);

-- language and parallel safety
SELECT is(
    (SELECT array_agg(p.proname::text ORDER BY p.proname) FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
      WHERE p.pronamespace = 'entente'::regnamespace AND l.lanname <> 'c'),
    ARRAY['article_changed', 'dot_quote', 'event_date_bound', 'event_date_range', 'extract_sql', 'forget', 'graph',
          'graph_edges', 'graph_label', 'process', 'retry_failed', 'table_altered', 'table_dropped', 'track',
          'tracked_column_type', 'untrack', 'xml_quote'],
    'the text functions are written in C; only the jobs, views and graphs are SQL and PL/pgSQL');
SELECT is(
    (SELECT array_agg(proname::text ORDER BY proname) FROM pg_proc
      WHERE pronamespace = 'entente'::regnamespace AND proparallel <> 's'),
    ARRAY['article_changed', 'forget', 'process', 'retry_failed', 'table_altered', 'table_dropped', 'track',
          'untrack', 'user_lexicon_changed'],
    'every entente function is PARALLEL SAFE but the triggers and those that write');
SELECT is(
    (SELECT array_agg(proname::text ORDER BY proname) FROM pg_proc
      WHERE pronamespace = 'entente'::regnamespace AND proparallel <> 's' AND provolatile <> 'v'),
    NULL, 'the functions that write are VOLATILE');
SELECT is(
    (SELECT count(*)::int FROM pg_class c
      WHERE c.relnamespace = 'entente'::regnamespace AND c.relkind IN ('r', 'v')
        AND obj_description(c.oid, 'pg_class') IS NULL),
    0, 'every entente table and view has a comment (BI tools show them)');
SELECT is(
    (SELECT array_agg(c.relname || '.' || a.attname) FROM pg_class c
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE c.relnamespace = 'entente'::regnamespace AND c.relkind IN ('r', 'v')
        AND col_description(c.oid, a.attnum) IS NULL),
    NULL, 'every column of entente''s tables and views has a comment');
SELECT is(
    (SELECT count(*)::int FROM pg_proc p WHERE pronamespace = 'entente'::regnamespace
        AND obj_description(p.oid, 'pg_proc') IS NULL),
    0, 'every entente function has a comment');

-- defaults
SELECT is(entente.normalize(U&'e\0301'), U&'\00E9', 'normalize defaults to NFC');
SELECT is(entente.translit('Москва'), 'Moskva', 'translit defaults to Latin ASCII');
SELECT is((SELECT count(*)::int FROM entente.tokens('a b')), 2, 'tokens lang defaults to NULL');
SELECT is((SELECT count(*)::int FROM entente.sentences('One. Two.')), 2, 'sentences lang defaults to NULL');

-- result columns
SELECT is(
    (SELECT count(*)::int FROM pg_proc WHERE pronamespace = 'entente'::regnamespace),
    33, 'thirty-three functions and procedures in schema entente');
SELECT is(
    (SELECT proargnames::text[] FROM pg_proc WHERE oid = 'entente.tokens(text,text)'::regprocedure),
    ARRAY['input','lang','ord','token','folded','kind','start_pos','end_pos']::text[],
    'tokens columns');
SELECT is(
    (SELECT proargnames::text[] FROM pg_proc WHERE oid = 'entente.sentences(text,text)'::regprocedure),
    ARRAY['input','lang','ord','sentence','start_pos','end_pos']::text[],
    'sentences columns');
SELECT is(
    (SELECT proargnames::text[] FROM pg_proc WHERE oid = 'entente.languages(text)'::regprocedure),
    ARRAY['input','lang','score']::text[],
    'languages columns');

-- the extension: schema, not relocatable, versions
SELECT has_schema('entente');
SELECT is((SELECT extrelocatable FROM pg_extension WHERE extname = 'entente'), false, 'not relocatable');
SELECT is((SELECT extversion FROM pg_extension WHERE extname = 'entente'), '0.1', 'version 0.1');
SELECT matches(entente.icu_version(), '^[0-9]+\.[0-9]+', 'icu_version looks like a version');
SELECT matches(entente.unicode_version(), '^[0-9]+\.[0-9]+', 'unicode_version looks like a version');

-- the functions run in parallel workers
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
CREATE TABLE par AS SELECT i, 'Hà Nội ' || i AS s FROM generate_series(1, 20000) i;
ANALYZE par;
\ir include/plan_of.psql
SELECT matches(pg_temp.plan_of($$SELECT count(DISTINCT entente.fold(s)) FROM par WHERE entente.detect_language(s) IS NOT NULL$$),
    'Gather', 'fold and detect_language can run in parallel workers');
SELECT is((SELECT count(DISTINCT entente.fold(s))::int FROM par), 20000, 'fold gives the same answers in a parallel plan');

SELECT * FROM finish();
ROLLBACK;
