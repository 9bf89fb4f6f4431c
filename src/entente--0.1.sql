/* src/entente--0.1.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION entente" to load this file. \quit

-- entente reads and writes UTF-8 only: refuse other databases up front.
DO $$
BEGIN
    IF pg_catalog.getdatabaseencoding() OPERATOR(pg_catalog.<>) 'UTF8' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'feature_not_supported',
            MESSAGE = pg_catalog.format('entente requires a UTF8 database, not %s',
                                        pg_catalog.getdatabaseencoding()),
            HINT = 'Create the database with ENCODING ''UTF8'' (and TEMPLATE template0).';
    END IF;
END
$$;

-------------------------------------------------------------------------------
-- Versions
-------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.icu_version()
RETURNS text
AS 'MODULE_PATHNAME', 'icu_version'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.icu_version() IS
'version of the ICU library entente is running with';

CREATE FUNCTION @extschema@.unicode_version()
RETURNS text
AS 'MODULE_PATHNAME', 'unicode_version'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.unicode_version() IS
'version of the Unicode standard behind entente''s normalization and segmentation';

-------------------------------------------------------------------------------
-- Normalization
--
-- These are IMMUTABLE: their result depends only on the input and on the
-- ICU data.  After an ICU upgrade, REINDEX indexes built on them.
-------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.normalize(input text, form text DEFAULT 'NFC')
RETURNS text
AS 'MODULE_PATHNAME', 'normalize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.normalize(text, text) IS
'Unicode normalization: NFC, NFD, NFKC, NFKD, NFKC_Casefold; NFC_VI and NFC_VI_NEW also unify Vietnamese tone-mark placement (hòa/hoà)';

CREATE FUNCTION @extschema@.fold(input text)
RETURNS text
AS 'MODULE_PATHNAME', 'fold'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.fold(text) IS
'search key: NFKC, case folded, marks removed, ł→l đ→d ø→o ß→ss, quotes/dashes/spaces unified, white space collapsed';

CREATE FUNCTION @extschema@.translit(input text,
                                     transform text DEFAULT 'NFC; [:Greek:] Greek-Latin/UNGEGN; Any-Latin; Latin-ASCII')
RETURNS text
AS 'MODULE_PATHNAME', 'translit'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.translit(text, text) IS
'ICU transliteration; the default is Any-Latin with modern Greek romanization, then ASCII: Москва → Moskva, Αθήνα → Athina, 北京 → bei jing';

-------------------------------------------------------------------------------
-- Segmentation
--
-- lang may be NULL (language-neutral rules), so these are not STRICT; a NULL
-- input returns no rows.
-------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.tokens(input text, lang text DEFAULT NULL,
    OUT ord integer, OUT token text, OUT folded text, OUT kind text,
    OUT start_pos integer, OUT end_pos integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'tokens'
LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE
ROWS 200;

COMMENT ON FUNCTION @extschema@.tokens(text, text) IS
'words, numbers, punctuation and symbols with their fold, kind and 1-based character positions (end inclusive)';

CREATE FUNCTION @extschema@.sentences(input text, lang text DEFAULT NULL,
    OUT ord integer, OUT sentence text,
    OUT start_pos integer, OUT end_pos integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'sentences'
LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE
ROWS 20;

COMMENT ON FUNCTION @extschema@.sentences(text, text) IS
'sentences with 1-based character positions (end inclusive); abbreviations, initials and ordinals do not end a sentence, line breaks do';

-------------------------------------------------------------------------------
-- Language identification
-------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.detect_language(input text)
RETURNS text
AS 'MODULE_PATHNAME', 'detect_language'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.detect_language(text) IS
'most likely language of the text as an ISO 639-1 code; NULL if the text has no letters';

CREATE FUNCTION @extschema@.languages(input text,
    OUT lang text, OUT score double precision)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'languages'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 3;

COMMENT ON FUNCTION @extschema@.languages(text) IS
'languages of the text, most likely first, with the share of the text each covers (scores sum to 1)';

-------------------------------------------------------------------------------
-- Entities
-------------------------------------------------------------------------------

CREATE TYPE @extschema@.entity_kind AS ENUM
    ('COUNTRY', 'PLACE', 'PERSON', 'ORGANIZATION', 'EQUIPMENT', 'DATE', 'MONEY', 'QUANTITY',
     'NATIONALITY');

COMMENT ON TYPE @extschema@.entity_kind IS 'kinds of entity mentions; NATIONALITY is a demonym or country adjective (rosyjski, pakistanais), linked to its country''s code';

CREATE TYPE @extschema@.mention AS (
    kind        @extschema@.entity_kind,
    entity_id   text,
    canonical   text,
    surface     text,
    start_pos   integer,
    end_pos     integer,
    sentence    integer,
    country     text,
    zone        text,
    confidence  real,
    rule        text
);

COMMENT ON TYPE @extschema@.mention IS
'an entity mention: kind; entity_id (ISO 3166-1 alpha-2 for countries, a stable id otherwise); canonical (English name, ISO 8601 date, "<number> <ISO 4217>"); surface as written; 1-based character positions (end inclusive); sentence ordinal; country the entity belongs to or acts for; zone (body or boilerplate); confidence; rule (the lexicon entry or pattern that produced it)';

-- Names users add.  A change is seen by every session at once: the trigger
-- broadcasts an invalidation.
CREATE TABLE @extschema@.user_lexicon (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        @extschema@.entity_kind NOT NULL,
    entity_id   text NOT NULL,
    canonical   text,
    alias       text NOT NULL,
    lang        text,
    country     text,
    flags       text[] NOT NULL DEFAULT '{}',
    note        text,
    CONSTRAINT user_lexicon_kind_named
        CHECK (kind IN ('COUNTRY', 'PLACE', 'PERSON', 'ORGANIZATION', 'EQUIPMENT')),
    CONSTRAINT user_lexicon_entity_id_not_empty
        CHECK (pg_catalog.btrim(entity_id) OPERATOR(pg_catalog.<>) ''),
    CONSTRAINT user_lexicon_alias_not_empty
        CHECK (@extschema@.fold(alias) OPERATOR(pg_catalog.~) '[^[:punct:][:space:]]'),
    CONSTRAINT user_lexicon_lang_code
        CHECK (lang IS NULL OR lang OPERATOR(pg_catalog.~) '^([a-z]{2,3}|\*)$'),
    CONSTRAINT user_lexicon_country_code
        CHECK (country IS NULL OR country OPERATOR(pg_catalog.~) '^[A-Z]{2}$'),
    CONSTRAINT user_lexicon_known_flags
        CHECK (flags OPERATOR(pg_catalog.<@) ARRAY['adj', 'ambiguous', 'case', 'surname']::text[])
);

CREATE UNIQUE INDEX user_lexicon_alias_key ON @extschema@.user_lexicon
    (kind, entity_id, @extschema@.fold(alias), (COALESCE(lang, '*')));

COMMENT ON TABLE @extschema@.user_lexicon IS
'names users add to entente''s lexicon: one row per alias of an entity; seen by every session at once';
COMMENT ON COLUMN @extschema@.user_lexicon.id IS 'row identity';
COMMENT ON COLUMN @extschema@.user_lexicon.kind IS 'COUNTRY, PLACE, PERSON, ORGANIZATION or EQUIPMENT';
COMMENT ON COLUMN @extschema@.user_lexicon.entity_id IS 'the identity the alias links to: ISO code for countries, a stable id (usually the English name) otherwise';
COMMENT ON COLUMN @extschema@.user_lexicon.canonical IS 'canonical (English) name; NULL means entity_id';
COMMENT ON COLUMN @extschema@.user_lexicon.alias IS 'the name as written in text (nominative: inflected forms are derived)';
COMMENT ON COLUMN @extschema@.user_lexicon.lang IS 'ISO 639-1 language of the alias; NULL or * for any language';
COMMENT ON COLUMN @extschema@.user_lexicon.country IS 'ISO 3166-1 alpha-2 code of the country the entity belongs to or acts for';
COMMENT ON COLUMN @extschema@.user_lexicon.flags IS 'adj (demonym or adjective), ambiguous (needs context), case (exact capitalisation), surname (surname alone)';
COMMENT ON COLUMN @extschema@.user_lexicon.note IS 'free text for the person maintaining the entry';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.user_lexicon', '');

CREATE FUNCTION @extschema@.user_lexicon_changed()
RETURNS trigger
AS 'MODULE_PATHNAME', 'user_lexicon_changed'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.user_lexicon_changed() IS
'trigger: makes every session rebuild its lexicon after a change to entente.user_lexicon';

CREATE TRIGGER user_lexicon_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.user_lexicon
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.user_lexicon_changed();

CREATE FUNCTION @extschema@.entities(body text, lang text DEFAULT NULL,
                                     published date DEFAULT NULL)
RETURNS SETOF @extschema@.mention
AS 'MODULE_PATHNAME', 'entities'
LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE
ROWS 50;

COMMENT ON FUNCTION @extschema@.entities(text, text, date) IS
'entity mentions of an article in document order; NULL lang means detect it; published anchors relative dates.  STABLE: it reads entente.user_lexicon';

CREATE FUNCTION @extschema@.entity_ids(body text, lang text DEFAULT NULL)
RETURNS text[]
AS 'MODULE_PATHNAME', 'entity_ids'
LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.entity_ids(text, text) IS
'sorted distinct ids of the countries, places, people, organizations and equipment an article names (page furniture excluded); IMMUTABLE for expression indexes: REINDEX after changing entente.user_lexicon or upgrading';

CREATE FUNCTION @extschema@.clean(body text, lang text DEFAULT NULL)
RETURNS text
AS 'MODULE_PATHNAME', 'clean'
LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.clean(text, text) IS
'the article without its page furniture: repeated lines, teaser headlines, navigation, sharing, credit and cookie-banner lines are removed, the article''s own lines kept as written; NULL lang means detect it; the cues come from data/boilerplate.tsv';

CREATE FUNCTION @extschema@.lexicon_stats(OUT entities integer, OUT aliases integer,
                                          OUT build_ms bigint, OUT bytes bigint,
                                          OUT was_built boolean)
RETURNS record
AS 'MODULE_PATHNAME', 'lexicon_stats'
LANGUAGE C VOLATILE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.lexicon_stats() IS
'size of this session''s compiled lexicon and how long it took to build (builds it if needed)';

-------------------------------------------------------------------------------
-- Relations
-------------------------------------------------------------------------------

CREATE TYPE @extschema@.event_kind AS ENUM
    ('AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT',
     'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION',
     'MOBILIZE', 'COERCE', 'ASSAULT');

COMMENT ON TYPE @extschema@.event_kind IS
'PLOVER event kinds; see entente.relation_kinds for their meaning, direction and quad class';

CREATE TYPE @extschema@.modality AS ENUM ('asserted', 'planned', 'reported');

COMMENT ON TYPE @extschema@.modality IS
'asserted (the text states it happened), planned (future, plan or intention), reported (attributed to a speaker)';

CREATE TYPE @extschema@.relation AS (
    source          text,
    target          text,
    source_country  text,
    target_country  text,
    kind            @extschema@.event_kind,
    mode            text,
    event_date      text,
    negated         boolean,
    modality        @extschema@.modality,
    quad_class      smallint,
    equipment       text,
    quantity        bigint,
    amount          text,
    sentence        integer,
    start_pos       integer,
    end_pos         integer,
    evidence        text,
    zone            text,
    confidence      real,
    lang            text,
    rule            text
);

COMMENT ON TYPE @extschema@.relation IS
'who did what to whom: source and target actors (entity ids as found) and the countries they act for (ISO 3166-1 alpha-2, or the id of an intergovernmental body); PLOVER kind and mode (military, economic, security, diplomatic, humanitarian, arms); event_date (ISO 8601, partial or start/end); negated; modality; quad_class (1 verbal cooperation .. 4 material conflict); equipment, quantity and amount of arms transfers and aid; sentence ordinal, 1-based character span, the evidence sentence and its zone (body or boilerplate); confidence; lang; rule (trigger entry and argument pattern)';

CREATE TABLE @extschema@.relation_kinds (
    kind        @extschema@.event_kind PRIMARY KEY,
    directed    boolean NOT NULL,
    quad_class  smallint NOT NULL CHECK (quad_class BETWEEN 1 AND 4),
    description text NOT NULL,
    cameo_roots text[] NOT NULL
);

COMMENT ON TABLE @extschema@.relation_kinds IS
'reference table of the PLOVER event kinds entente extracts: join it to relations for labels, direction and quad class';
COMMENT ON COLUMN @extschema@.relation_kinds.kind IS 'the PLOVER event kind';
COMMENT ON COLUMN @extschema@.relation_kinds.directed IS 'false when source and target play the same role (the pair is unordered); COOPERATE with mode arms is still directed supplier -> recipient';
COMMENT ON COLUMN @extschema@.relation_kinds.quad_class IS '1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict';
COMMENT ON COLUMN @extschema@.relation_kinds.description IS 'what the kind covers';
COMMENT ON COLUMN @extschema@.relation_kinds.cameo_roots IS 'the CAMEO root codes (two digits) the kind corresponds to';

INSERT INTO @extschema@.relation_kinds VALUES
    ('AGREE',     false, 1, 'sign, agree, conclude or pledge jointly: agreements, treaties, memoranda', '{03,05}'),
    ('CONSULT',   false, 1, 'meet, visit, hold talks, call, negotiate', '{04}'),
    ('SUPPORT',   true,  1, 'praise, welcome, endorse, back verbally', '{05}'),
    ('CONCEDE',   true,  2, 'ease or lift sanctions or an embargo, release, yield', '{08}'),
    ('COOPERATE', false, 2, 'cooperate materially: joint exercises, trade, investment, joint projects; arms sales (mode arms, supplier -> recipient)', '{06}'),
    ('AID',       true,  2, 'give aid: loans, grants, military, economic or humanitarian assistance', '{07}'),
    ('RETREAT',   true,  2, 'withdraw forces, pull out, leave an alliance', '{08}'),
    ('REQUEST',   true,  1, 'ask, appeal, call on, urge, demand', '{02,10}'),
    ('ACCUSE',    true,  3, 'criticise, blame, condemn, accuse', '{11}'),
    ('REJECT',    true,  3, 'reject, refuse, deny, veto', '{12}'),
    ('THREATEN',  true,  3, 'threaten, warn of consequences, issue an ultimatum', '{13}'),
    ('PROTEST',   true,  4, 'protest, demonstrate against', '{14}'),
    ('SANCTION',  true,  4, 'impose sanctions or an embargo, halt aid, cut or downgrade relations', '{16}'),
    ('MOBILIZE',  true,  4, 'deploy forces, mobilise, raise alert', '{15}'),
    ('COERCE',    true,  4, 'seize, detain, expel, block', '{17}'),
    ('ASSAULT',   true,  4, 'attack, strike, bomb, invade, fight', '{18,19,20}');

CREATE FUNCTION @extschema@.relations(body text, lang text DEFAULT NULL,
                                      published date DEFAULT NULL)
RETURNS SETOF @extschema@.relation
AS 'MODULE_PATHNAME', 'relations'
LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE
ROWS 10;

COMMENT ON FUNCTION @extschema@.relations(text, text, date) IS
'who did what to whom in an article (PLOVER events between countries and their actors), in document order, with the evidence sentence; NULL lang means detect it; published anchors relative dates and dates sentences that name none.  STABLE: it reads entente.user_lexicon';

CREATE FUNCTION @extschema@.extract(body text, lang text DEFAULT NULL,
                                    published date DEFAULT NULL,
                                    OUT mentions @extschema@.mention[],
                                    OUT relations @extschema@.relation[])
RETURNS record
AS 'MODULE_PATHNAME', 'extract'
LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.extract(text, text, date) IS
'the entity mentions and the relations of an article from one pass of the engine (what entente.entities and entente.relations return, as arrays, for jobs that store both); NULL body gives NULL.  STABLE: it reads entente.user_lexicon';

-------------------------------------------------------------------------------
-- From stored articles to facts: tracking, the extraction job, BI tables
-------------------------------------------------------------------------------

-- event_date_bound: the first (or last) day of an ISO 8601 date of one, two
-- or three parts ('2024', '2024-03', '2024-03-05'); NULL if it is not one.
CREATE FUNCTION @extschema@.event_date_bound(part text, last boolean)
RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
    WHEN part !~ '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$' THEN NULL
    WHEN pg_catalog.substr(part, 1, 4) = '0000' THEN NULL
    WHEN pg_catalog.length(part) = 4 THEN
        pg_catalog.make_date(pg_catalog.substr(part, 1, 4)::integer,
                             CASE WHEN last THEN 12 ELSE 1 END, CASE WHEN last THEN 31 ELSE 1 END)
    WHEN pg_catalog.length(part) = 7 THEN
        CASE WHEN last
             THEN (pg_catalog.make_date(pg_catalog.substr(part, 1, 4)::integer,
                                        pg_catalog.substr(part, 6, 2)::integer, 1)
                   + '1 month -1 day'::interval)::date
             ELSE pg_catalog.make_date(pg_catalog.substr(part, 1, 4)::integer,
                                       pg_catalog.substr(part, 6, 2)::integer, 1) END
    ELSE
        -- a day past the month's end (2024-02-30) is not a date
        (SELECT CASE WHEN pg_catalog.date_part('month', d) = pg_catalog.substr(part, 6, 2)::integer
                     THEN d END
         FROM (SELECT pg_catalog.make_date(pg_catalog.substr(part, 1, 4)::integer,
                                           pg_catalog.substr(part, 6, 2)::integer, 1)
                      + (pg_catalog.substr(part, 9, 2)::integer - 1) AS d) x)
END;

COMMENT ON FUNCTION @extschema@.event_date_bound(text, boolean) IS
'used by entente.event_date_range(): the first day (or with last, the last day) an ISO 8601 date of the forms YYYY, YYYY-MM, YYYY-MM-DD covers; NULL if the text is not such a date';

-- event_date_range: the days an ISO 8601 event date covers ('2024' is the
-- whole year, '2024-03' the month, '2024-03-05/2024-03-07' the span).
CREATE FUNCTION @extschema@.event_date_range(event_date text)
RETURNS daterange
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (
    SELECT CASE WHEN lo IS NULL OR hi IS NULL OR hi < lo THEN NULL
                ELSE pg_catalog.daterange(lo, hi, '[]') END
    FROM (SELECT @extschema@.event_date_bound(pg_catalog.split_part(event_date, '/', 1), false) AS lo,
                 @extschema@.event_date_bound(CASE WHEN pg_catalog.strpos(event_date, '/') > 0
                                                   THEN pg_catalog.split_part(event_date, '/', 2)
                                                   ELSE event_date END, true) AS hi
          WHERE event_date ~ '^[^/]+(/[^/]+)?$') d);

COMMENT ON FUNCTION @extschema@.event_date_range(text) IS
'the days an ISO 8601 event date covers, as a closed daterange: ''2024'' is the year, ''2024-03'' the month, ''2024-03-05/2024-03-07'' the span; NULL if the text is not such a date';

-- The tables entente tracks.  The article's key is kept as text in the
-- tables below (its type is remembered to look articles up by index).
CREATE TABLE @extschema@.tracked (
    article_table    regclass PRIMARY KEY,
    body_column      name NOT NULL,
    lang_column      name,
    published_column name,
    id_column        name NOT NULL,
    id_type          regtype NOT NULL,
    body_attnum      smallint NOT NULL,
    lang_attnum      smallint,
    published_attnum smallint,
    id_attnum        smallint NOT NULL,
    tracked_at       timestamptz NOT NULL DEFAULT pg_catalog.now(),
    last_run         timestamptz
);

COMMENT ON TABLE @extschema@.tracked IS
'tables of articles entente keeps facts for (entente.track / entente.untrack)';
COMMENT ON COLUMN @extschema@.tracked.article_table IS 'the tracked table';
COMMENT ON COLUMN @extschema@.tracked.body_column IS 'column holding the article text';
COMMENT ON COLUMN @extschema@.tracked.lang_column IS 'column holding the ISO 639-1 language, or NULL: detected';
COMMENT ON COLUMN @extschema@.tracked.published_column IS 'column holding the publication date (date or timestamp), or NULL';
COMMENT ON COLUMN @extschema@.tracked.id_column IS 'the article''s key column (the primary key unless given)';
COMMENT ON COLUMN @extschema@.tracked.id_type IS 'type of the key column';
COMMENT ON COLUMN @extschema@.tracked.body_attnum IS 'attribute number of the body column: the names above follow renames';
COMMENT ON COLUMN @extschema@.tracked.lang_attnum IS 'attribute number of the language column';
COMMENT ON COLUMN @extschema@.tracked.published_attnum IS 'attribute number of the publication-date column';
COMMENT ON COLUMN @extschema@.tracked.id_attnum IS 'attribute number of the key column';
COMMENT ON COLUMN @extschema@.tracked.tracked_at IS 'when tracking started';
COMMENT ON COLUMN @extschema@.tracked.last_run IS 'when entente.process() last extracted articles of this table';

-- One row per tracked article: its extraction state.
CREATE TABLE @extschema@.documents (
    article_table regclass NOT NULL,
    article_id    text NOT NULL,
    state         text NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'done', 'failed')),
    lang          text,
    published     date,
    queued_at     timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    processed_at  timestamptz,
    processed_by  integer,
    mentions      integer,
    facts         integer,
    error         text,
    error_code    text,
    PRIMARY KEY (article_table, article_id)
);

CREATE INDEX documents_pending ON @extschema@.documents (article_table, queued_at)
    WHERE state = 'pending';
CREATE INDEX documents_published ON @extschema@.documents (published);

COMMENT ON TABLE @extschema@.documents IS
'one row per tracked article: pending (new or changed, waiting for entente.process), done or failed (with the error)';
COMMENT ON COLUMN @extschema@.documents.article_table IS 'the tracked table the article is in';
COMMENT ON COLUMN @extschema@.documents.article_id IS 'the article''s key, as text';
COMMENT ON COLUMN @extschema@.documents.state IS 'pending, done or failed';
COMMENT ON COLUMN @extschema@.documents.lang IS 'language used for extraction: declared, or detected when the article has none';
COMMENT ON COLUMN @extschema@.documents.published IS 'publication date of the article (anchors its relative dates)';
COMMENT ON COLUMN @extschema@.documents.queued_at IS 'when the article was added or last changed';
COMMENT ON COLUMN @extschema@.documents.processed_at IS 'when the article was last extracted (or failed)';
COMMENT ON COLUMN @extschema@.documents.processed_by IS 'process id of the backend that last extracted the article';
COMMENT ON COLUMN @extschema@.documents.mentions IS 'number of entity mentions stored for the article';
COMMENT ON COLUMN @extschema@.documents.facts IS 'number of relations stored for the article';
COMMENT ON COLUMN @extschema@.documents.error IS 'why extraction failed (state failed); the article is not retried until it changes or entente.retry_failed() is called';
COMMENT ON COLUMN @extschema@.documents.error_code IS 'SQLSTATE of the failure';

-- Entity mentions of tracked articles: the columns of entente.mention
-- (LIKE keeps the table in step with the type).
CREATE TABLE @extschema@.mentions (
    article_table regclass NOT NULL,
    article_id    text NOT NULL,
    ord           integer NOT NULL,
    LIKE @extschema@.mention,
    PRIMARY KEY (article_table, article_id, ord)
);
ALTER TABLE @extschema@.mentions ALTER COLUMN kind SET NOT NULL;

CREATE INDEX mentions_entity ON @extschema@.mentions (entity_id);
CREATE INDEX mentions_country ON @extschema@.mentions (country);

COMMENT ON TABLE @extschema@.mentions IS
'entity mentions of tracked articles (entente.entities), kept in step by entente.process()';
COMMENT ON COLUMN @extschema@.mentions.article_table IS 'the tracked table the article is in';
COMMENT ON COLUMN @extschema@.mentions.article_id IS 'the article''s key, as text';
COMMENT ON COLUMN @extschema@.mentions.ord IS 'ordinal of the mention in the article';
COMMENT ON COLUMN @extschema@.mentions.kind IS 'COUNTRY, PLACE, PERSON, ORGANIZATION, EQUIPMENT, DATE, MONEY, QUANTITY or NATIONALITY';
COMMENT ON COLUMN @extschema@.mentions.entity_id IS 'ISO 3166-1 alpha-2 for countries, a stable id otherwise';
COMMENT ON COLUMN @extschema@.mentions.canonical IS 'English name; ISO 8601 value for dates; "<number> <ISO 4217>" for money';
COMMENT ON COLUMN @extschema@.mentions.surface IS 'the mention as written';
COMMENT ON COLUMN @extschema@.mentions.start_pos IS '1-based character position of the first character';
COMMENT ON COLUMN @extschema@.mentions.end_pos IS '1-based character position of the last character';
COMMENT ON COLUMN @extschema@.mentions.sentence IS 'ordinal of the sentence';
COMMENT ON COLUMN @extschema@.mentions.country IS 'country the entity belongs to or acts for';
COMMENT ON COLUMN @extschema@.mentions.zone IS 'body, or boilerplate for page furniture';
COMMENT ON COLUMN @extschema@.mentions.confidence IS 'confidence between 0 and 1';
COMMENT ON COLUMN @extschema@.mentions.rule IS 'the lexicon entry or pattern that produced the mention';

-- Relations of tracked articles: the columns of entente.relation.
CREATE TABLE @extschema@.facts (
    article_table   regclass NOT NULL,
    article_id      text NOT NULL,
    ord             integer NOT NULL,
    LIKE @extschema@.relation,
    event_period    daterange GENERATED ALWAYS AS (@extschema@.event_date_range(event_date)) STORED,
    PRIMARY KEY (article_table, article_id, ord)
);
ALTER TABLE @extschema@.facts ALTER COLUMN kind SET NOT NULL;

CREATE INDEX facts_pair ON @extschema@.facts (source_country, target_country, kind);
CREATE INDEX facts_target ON @extschema@.facts (target_country);
CREATE INDEX facts_period ON @extschema@.facts USING gist (event_period);

COMMENT ON TABLE @extschema@.facts IS
'relations of tracked articles (entente.relations): the columns of entente.relation plus the article''s table and key; kept in step by entente.process()';
COMMENT ON COLUMN @extschema@.facts.article_table IS 'the tracked table the article is in';
COMMENT ON COLUMN @extschema@.facts.article_id IS 'the article''s key, as text';
COMMENT ON COLUMN @extschema@.facts.ord IS 'ordinal of the relation in the article';
COMMENT ON COLUMN @extschema@.facts.source IS 'the acting entity as found (person, organization, country or metonym)';
COMMENT ON COLUMN @extschema@.facts.target IS 'the entity acted upon, as found';
COMMENT ON COLUMN @extschema@.facts.source_country IS 'country (ISO 3166-1 alpha-2) or intergovernmental body the source acts for';
COMMENT ON COLUMN @extschema@.facts.target_country IS 'country or intergovernmental body the target acts for';
COMMENT ON COLUMN @extschema@.facts.kind IS 'PLOVER event kind (see entente.relation_kinds)';
COMMENT ON COLUMN @extschema@.facts.mode IS 'PLOVER mode: military, economic, security, diplomatic, humanitarian, arms ...';
COMMENT ON COLUMN @extschema@.facts.event_date IS 'ISO 8601 date of the event: partial values and start/end spans allowed';
COMMENT ON COLUMN @extschema@.facts.negated IS 'the text says the event did not happen';
COMMENT ON COLUMN @extschema@.facts.modality IS 'asserted, planned or reported';
COMMENT ON COLUMN @extschema@.facts.quad_class IS '1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict';
COMMENT ON COLUMN @extschema@.facts.equipment IS 'equipment of an arms transfer or aid';
COMMENT ON COLUMN @extschema@.facts.quantity IS 'number of items transferred';
COMMENT ON COLUMN @extschema@.facts.amount IS 'value, as "<number> <ISO 4217>"';
COMMENT ON COLUMN @extschema@.facts.sentence IS 'ordinal of the evidence sentence';
COMMENT ON COLUMN @extschema@.facts.start_pos IS '1-based character position where the evidence starts';
COMMENT ON COLUMN @extschema@.facts.end_pos IS '1-based character position where the evidence ends';
COMMENT ON COLUMN @extschema@.facts.evidence IS 'the sentence the relation was read from';
COMMENT ON COLUMN @extschema@.facts.zone IS 'body, or boilerplate for page furniture';
COMMENT ON COLUMN @extschema@.facts.confidence IS 'confidence between 0 and 1';
COMMENT ON COLUMN @extschema@.facts.lang IS 'language the article was read in';
COMMENT ON COLUMN @extschema@.facts.rule IS 'trigger entry and argument pattern that produced the relation';
COMMENT ON COLUMN @extschema@.facts.event_period IS 'the days event_date covers (entente.event_date_range)';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.tracked', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.documents', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.mentions', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.facts', '');

-- article_changed: the statement triggers entente.track() puts on a tracked
-- table.  New articles and articles whose text, language or date changed
-- become pending; deleted ones lose their mentions and facts at once.
CREATE FUNCTION @extschema@.article_changed()
RETURNS trigger
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    t       @extschema@.tracked;
    ncols   text;
    ocols   text;
BEGIN
    SELECT * INTO t FROM @extschema@.tracked WHERE article_table = TG_RELID;
    IF NOT FOUND THEN
        RETURN NULL;            -- untracked while the statement ran
    END IF;

    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM @extschema@.mentions WHERE article_table = TG_RELID;
        DELETE FROM @extschema@.facts WHERE article_table = TG_RELID;
        DELETE FROM @extschema@.documents WHERE article_table = TG_RELID;
        RETURN NULL;
    END IF;

    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        -- keys that are gone: deleted rows, or the old key of an update
        -- that changed it
        EXECUTE format($q$
            WITH gone AS (
                SELECT o.%1$I::text AS id FROM entente_old o %2$s),
            m AS (
                DELETE FROM @extschema@.mentions x USING gone
                WHERE x.article_table = $1 AND x.article_id = gone.id),
            f AS (
                DELETE FROM @extschema@.facts x USING gone
                WHERE x.article_table = $1 AND x.article_id = gone.id)
            DELETE FROM @extschema@.documents x USING gone
            WHERE x.article_table = $1 AND x.article_id = gone.id$q$,
            t.id_column,
            CASE WHEN TG_OP = 'UPDATE'
                 THEN format('WHERE NOT EXISTS (SELECT FROM entente_new n WHERE n.%1$I = o.%1$I)',
                             t.id_column)
                 ELSE '' END)
        USING TG_RELID;
    END IF;

    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        -- the columns whose change means extracting again
        SELECT string_agg(format('n.%I', c), ', '), string_agg(format('o.%I', c), ', ')
        INTO ncols, ocols
        FROM unnest(ARRAY[t.body_column, t.lang_column, t.published_column]) c
        WHERE c IS NOT NULL;
        EXECUTE format($q$
            INSERT INTO @extschema@.documents (article_table, article_id)
            SELECT $1, n.%1$I::text FROM entente_new n %2$s
            ON CONFLICT (article_table, article_id) DO UPDATE
                SET state = 'pending', queued_at = pg_catalog.clock_timestamp(),
                    error = NULL, error_code = NULL$q$,
            t.id_column,
            CASE WHEN TG_OP = 'UPDATE'
                 THEN format('WHERE NOT EXISTS (SELECT FROM entente_old o WHERE o.%1$I = n.%1$I AND ROW(%2$s, 0) IS NOT DISTINCT FROM ROW(%3$s, 0))',
                             t.id_column, ocols, ncols)
                 ELSE '' END)
        USING TG_RELID;
    END IF;
    RETURN NULL;
END
$$;

COMMENT ON FUNCTION @extschema@.article_changed() IS
'trigger on tracked tables: queues new and changed articles for entente.process() and drops the facts of deleted ones';

-- track: start keeping facts for a table of articles.  Returns the number of
-- articles queued.
CREATE FUNCTION @extschema@.track(articles regclass, body name, lang name DEFAULT NULL,
                                  published name DEFAULT NULL, id name DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql
VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    kind        "char";
    id_type     regtype;
    queued      bigint;
    primary_key boolean := id IS NULL;  -- the key is the primary key
BEGIN
    IF articles IS NULL OR body IS NULL THEN
        RAISE EXCEPTION 'entente: the table and its body column are required'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    SELECT c.relkind INTO kind FROM pg_class c WHERE c.oid = articles;
    IF kind NOT IN ('r', 'p') THEN
        RAISE EXCEPTION 'entente: % is not a table', articles
            USING ERRCODE = 'wrong_object_type',
                  HINT = 'Track the table the view or foreign table reads from.';
    END IF;
    IF EXISTS (SELECT FROM @extschema@.tracked t WHERE t.article_table = articles) THEN
        RAISE EXCEPTION 'entente: % is already tracked', articles
            USING ERRCODE = 'duplicate_object',
                  HINT = 'Call entente.untrack() first to track it with other columns.';
    END IF;

    -- the columns and their types
    PERFORM @extschema@.tracked_column_type(articles, body, 'body', 'text');
    IF lang IS NOT NULL THEN
        PERFORM @extschema@.tracked_column_type(articles, lang, 'language', 'text');
    END IF;
    IF published IS NOT NULL THEN
        PERFORM @extschema@.tracked_column_type(articles, published, 'publication date', 'date');
    END IF;

    -- the key: the single-column primary key, or a unique NOT NULL column
    IF id IS NULL THEN
        SELECT a.attname INTO id
        FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
        WHERE i.indrelid = articles AND i.indisprimary AND i.indnkeyatts = 1;
        IF id IS NULL THEN
            RAISE EXCEPTION 'entente: % has no single-column primary key', articles
                USING ERRCODE = 'object_not_in_prerequisite_state',
                      HINT = 'Add one, or name a unique NOT NULL column with id => ''column''.';
        END IF;
    END IF;
    id_type := @extschema@.tracked_column_type(articles, id, 'key', 'key');
    IF NOT primary_key AND NOT EXISTS (
        SELECT FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
        WHERE i.indrelid = articles AND i.indisunique AND i.indnkeyatts = 1 AND i.indpred IS NULL
          AND i.indexprs IS NULL AND i.indimmediate AND a.attname = id AND a.attnotnull) THEN
        RAISE EXCEPTION 'entente: column % of % is not a usable key', quote_ident(id), articles
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  DETAIL = 'An article key must be NOT NULL and have a unique index of its own.';
    END IF;

    INSERT INTO @extschema@.tracked (article_table, body_column, lang_column, published_column,
                                     id_column, id_type, body_attnum, lang_attnum,
                                     published_attnum, id_attnum)
    SELECT articles, body, lang, published, id, id_type,
           (SELECT a.attnum FROM pg_attribute a WHERE a.attrelid = articles AND a.attname = body),
           (SELECT a.attnum FROM pg_attribute a WHERE a.attrelid = articles AND a.attname = lang),
           (SELECT a.attnum FROM pg_attribute a WHERE a.attrelid = articles AND a.attname = published),
           (SELECT a.attnum FROM pg_attribute a WHERE a.attrelid = articles AND a.attname = id);

    EXECUTE format('CREATE TRIGGER entente_inserted AFTER INSERT ON %s'
                   ' REFERENCING NEW TABLE AS entente_new'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.article_changed()', articles);
    EXECUTE format('CREATE TRIGGER entente_updated AFTER UPDATE ON %s'
                   ' REFERENCING OLD TABLE AS entente_old NEW TABLE AS entente_new'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.article_changed()', articles);
    EXECUTE format('CREATE TRIGGER entente_deleted AFTER DELETE ON %s'
                   ' REFERENCING OLD TABLE AS entente_old'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.article_changed()', articles);
    EXECUTE format('CREATE TRIGGER entente_truncated AFTER TRUNCATE ON %s'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.article_changed()', articles);

    EXECUTE format('INSERT INTO @extschema@.documents (article_table, article_id)'
                   ' SELECT $1, x.%I::text FROM %s x', id, articles)
    USING articles;
    GET DIAGNOSTICS queued = ROW_COUNT;
    RETURN queued;
END
$$;

COMMENT ON FUNCTION @extschema@.track(regclass, name, name, name, name) IS
'start keeping entity mentions and facts for a table of articles: its body column, optional language and publication-date columns, and key (the primary key unless given); queues every article for entente.process() and returns how many';

-- tracked_column_type: the type of a tracked column, checked against what
-- it is used for ('text', 'date' or 'key'); raises a clear error otherwise.
CREATE FUNCTION @extschema@.tracked_column_type(articles regclass, col name, role text, expect text)
RETURNS regtype
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    typ     oid;
    base    oid;
    cat     "char";
BEGIN
    SELECT a.atttypid INTO typ FROM pg_attribute a
    WHERE a.attrelid = articles AND a.attname = col AND a.attnum > 0 AND NOT a.attisdropped;
    IF typ IS NULL THEN
        RAISE EXCEPTION 'entente: % has no column %', articles, quote_ident(col)
            USING ERRCODE = 'undefined_column';
    END IF;
    base := typ;
    WHILE (SELECT t.typtype FROM pg_type t WHERE t.oid = base) = 'd' LOOP
        base := (SELECT t.typbasetype FROM pg_type t WHERE t.oid = base);
    END LOOP;
    SELECT t.typcategory INTO cat FROM pg_type t WHERE t.oid = base;
    IF (expect = 'text' AND cat <> 'S')
       OR (expect = 'date' AND base NOT IN ('date'::regtype, 'timestamp'::regtype, 'timestamptz'::regtype))
       OR (expect = 'key' AND cat IN ('D', 'A', 'C', 'U', 'X', 'P')) THEN
        RAISE EXCEPTION 'entente: the % column %.% has type %', role, articles, quote_ident(col),
                        format_type(typ, NULL)
            USING ERRCODE = 'datatype_mismatch',
                  HINT = CASE expect
                         WHEN 'text' THEN 'Use a text or varchar column.'
                         WHEN 'date' THEN 'Use a date, timestamp or timestamptz column.'
                         ELSE 'Use an integer, text or uuid key.' END;
    END IF;
    RETURN typ;
END
$$;

COMMENT ON FUNCTION @extschema@.tracked_column_type(regclass, name, text, text) IS
'used by entente.track(): the type of a column, checked against its role';

-- untrack: stop tracking a table; its mentions and facts are removed.
CREATE FUNCTION @extschema@.untrack(articles regclass)
RETURNS void
LANGUAGE plpgsql
VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM @extschema@.tracked t WHERE t.article_table = articles) THEN
        RAISE EXCEPTION 'entente: % is not tracked', articles
            USING ERRCODE = 'undefined_object';
    END IF;
    EXECUTE format('DROP TRIGGER IF EXISTS entente_inserted ON %1$s;'
                   'DROP TRIGGER IF EXISTS entente_updated ON %1$s;'
                   'DROP TRIGGER IF EXISTS entente_deleted ON %1$s;'
                   'DROP TRIGGER IF EXISTS entente_truncated ON %1$s', articles);
    PERFORM @extschema@.forget(articles);
END
$$;

COMMENT ON FUNCTION @extschema@.untrack(regclass) IS
'stop tracking a table of articles; its mentions, facts and queue entries are removed';

-- forget: remove what entente keeps for a table (untrack, or the table was
-- dropped).
CREATE FUNCTION @extschema@.forget(articles oid)
RETURNS void
LANGUAGE sql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    DELETE FROM @extschema@.mentions m WHERE m.article_table = articles;
    DELETE FROM @extschema@.facts f WHERE f.article_table = articles;
    DELETE FROM @extschema@.documents d WHERE d.article_table = articles;
    DELETE FROM @extschema@.tracked t WHERE t.article_table = articles;
END;

COMMENT ON FUNCTION @extschema@.forget(oid) IS
'used by entente.untrack() and when a tracked table is dropped: removes its mentions, facts, queue entries and tracking row';

-- table_dropped: a dropped tracked table loses its facts.
CREATE FUNCTION @extschema@.table_dropped()
RETURNS event_trigger
LANGUAGE plpgsql
VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    o oid;
BEGIN
    FOR o IN SELECT d.objid FROM pg_event_trigger_dropped_objects() d
             WHERE d.classid = 'pg_class'::regclass AND d.objsubid = 0
               AND d.object_type = 'table' LOOP
        IF EXISTS (SELECT FROM @extschema@.tracked t WHERE t.article_table = o) THEN
            PERFORM @extschema@.forget(o);
        END IF;
    END LOOP;
END
$$;

COMMENT ON FUNCTION @extschema@.table_dropped() IS
'event trigger: removes the mentions and facts of a tracked table that is dropped';

CREATE EVENT TRIGGER entente_table_dropped ON sql_drop
    EXECUTE FUNCTION @extschema@.table_dropped();

-- table_altered: the names of tracked columns follow ALTER TABLE ... RENAME;
-- a table whose body or key column is dropped is no longer tracked (with a
-- warning), a dropped language or date column is no longer used.
CREATE FUNCTION @extschema@.table_altered()
RETURNS event_trigger
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    t   @extschema@.tracked;
BEGIN
    FOR t IN SELECT k.* FROM @extschema@.tracked k
             WHERE k.article_table IN (SELECT c.objid FROM pg_event_trigger_ddl_commands() c
                                       WHERE c.classid = 'pg_class'::regclass) LOOP
        UPDATE @extschema@.tracked k
        SET body_column = b.attname, lang_column = l.attname,
            published_column = p.attname, id_column = i.attname,
            lang_attnum = l.attnum, published_attnum = p.attnum
        FROM (SELECT NULL) x
        LEFT JOIN pg_attribute b ON b.attrelid = t.article_table AND b.attnum = t.body_attnum AND NOT b.attisdropped
        LEFT JOIN pg_attribute l ON l.attrelid = t.article_table AND l.attnum = t.lang_attnum AND NOT l.attisdropped
        LEFT JOIN pg_attribute p ON p.attrelid = t.article_table AND p.attnum = t.published_attnum AND NOT p.attisdropped
        LEFT JOIN pg_attribute i ON i.attrelid = t.article_table AND i.attnum = t.id_attnum AND NOT i.attisdropped
        WHERE k.article_table = t.article_table AND b.attname IS NOT NULL AND i.attname IS NOT NULL;
        IF NOT FOUND THEN
            RAISE WARNING 'entente: % lost its body or key column and is no longer tracked', t.article_table;
            PERFORM @extschema@.untrack(t.article_table);
        END IF;
    END LOOP;
END
$$;

COMMENT ON FUNCTION @extschema@.table_altered() IS
'event trigger: keeps the names of tracked columns in step with ALTER TABLE, and stops tracking a table that lost its body or key column';

CREATE EVENT TRIGGER entente_table_altered ON ddl_command_end
    WHEN TAG IN ('ALTER TABLE')
    EXECUTE FUNCTION @extschema@.table_altered();

-- retry_failed: queue failed articles again (all tables, or one).
CREATE FUNCTION @extschema@.retry_failed(articles regclass DEFAULT NULL)
RETURNS bigint
LANGUAGE sql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    WITH r AS (
        UPDATE @extschema@.documents d
        SET state = 'pending', queued_at = pg_catalog.clock_timestamp()
        WHERE d.state = 'failed' AND (articles IS NULL OR d.article_table = articles)
        RETURNING 1)
    SELECT pg_catalog.count(*) FROM r;
END;

COMMENT ON FUNCTION @extschema@.retry_failed(regclass) IS
'queue failed articles again, of every tracked table or of one; returns how many';

-- extract_sql: the statement entente.process() runs for a batch of one
-- tracked table: it reads the articles by key ($2, keys as text), stores
-- their mentions and facts, marks them done, and drops the queue entries of
-- keys no longer in the table.  The old mentions and facts are deleted
-- before it runs.
CREATE FUNCTION @extschema@.extract_sql(t @extschema@.tracked)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN format($q$
    WITH a AS MATERIALIZED (
        SELECT s.id, s.body, s.published,
               COALESCE(s.lang, @extschema@.detect_language(s.body)) AS lang
        FROM (SELECT x.%1$I::text AS id, x.%2$I::text AS body,
                     %3$s AS lang, %4$s AS published
              FROM %5$s x WHERE x.%1$I = ANY ($2::text[]::%6$s[])) s),
    e AS MATERIALIZED (
        SELECT a.id, r.mentions, r.relations
        FROM a, LATERAL @extschema@.extract(a.body, a.lang, a.published) r),
    m AS (
        INSERT INTO @extschema@.mentions
            (article_table, article_id, ord, kind, entity_id, canonical, surface, start_pos,
             end_pos, sentence, country, zone, confidence, rule)
        SELECT $1, e.id, u.ord, u.kind, u.entity_id, u.canonical, u.surface, u.start_pos,
               u.end_pos, u.sentence, u.country, u.zone, u.confidence, u.rule
        FROM e, LATERAL unnest(e.mentions) WITH ORDINALITY
             AS u(kind, entity_id, canonical, surface, start_pos, end_pos, sentence, country,
                  zone, confidence, rule, ord)
        RETURNING article_id),
    f AS (
        INSERT INTO @extschema@.facts
            (article_table, article_id, ord, source, target, source_country, target_country,
             kind, mode, event_date, negated, modality, quad_class, equipment, quantity, amount,
             sentence, start_pos, end_pos, evidence, zone, confidence, lang, rule)
        SELECT $1, e.id, u.ord, u.source, u.target, u.source_country, u.target_country,
               u.kind, u.mode, u.event_date, u.negated, u.modality, u.quad_class, u.equipment,
               u.quantity, u.amount, u.sentence, u.start_pos, u.end_pos, u.evidence, u.zone,
               u.confidence, u.lang, u.rule
        FROM e, LATERAL unnest(e.relations) WITH ORDINALITY
             AS u(source, target, source_country, target_country, kind, mode, event_date,
                  negated, modality, quad_class, equipment, quantity, amount, sentence,
                  start_pos, end_pos, evidence, zone, confidence, lang, rule, ord)
        RETURNING article_id),
    mc AS (SELECT article_id, pg_catalog.count(*) AS n FROM m GROUP BY article_id),
    fc AS (SELECT article_id, pg_catalog.count(*) AS n FROM f GROUP BY article_id),
    done AS (
        UPDATE @extschema@.documents d
        SET state = 'done', lang = a.lang, published = a.published,
            processed_at = pg_catalog.clock_timestamp(), processed_by = pg_catalog.pg_backend_pid(),
            error = NULL, error_code = NULL, mentions = COALESCE(mc.n, 0), facts = COALESCE(fc.n, 0)
        FROM a LEFT JOIN mc ON mc.article_id = a.id LEFT JOIN fc ON fc.article_id = a.id
        WHERE d.article_table = $1 AND d.article_id = a.id
        RETURNING 1),
    gone AS (
        DELETE FROM @extschema@.documents d
        WHERE d.article_table = $1 AND d.article_id = ANY ($2)
          AND NOT EXISTS (SELECT FROM a WHERE a.id = d.article_id))
    SELECT pg_catalog.count(*) FROM done$q$,
    t.id_column, t.body_column,
    CASE WHEN t.lang_column IS NULL THEN 'NULL::text'
         ELSE format('NULLIF(pg_catalog.btrim(x.%I::text), '''')', t.lang_column) END,
    CASE WHEN t.published_column IS NULL THEN 'NULL::date'
         ELSE format('x.%I::date', t.published_column) END,
    t.article_table, t.id_type);

COMMENT ON FUNCTION @extschema@.extract_sql(@extschema@.tracked) IS
'used by entente.process(): the statement that extracts a batch of articles of a tracked table';

-- process: extract pending articles, one committed batch at a time.
CREATE PROCEDURE @extschema@.process(batch_size integer DEFAULT 500)
LANGUAGE plpgsql
AS $$
DECLARE
    t           @extschema@.tracked;
    q           text;
    ids         text[];
    one         text;
    msg         text;
    code        text;
    started     timestamptz := pg_catalog.clock_timestamp();
    n_done      bigint := 0;
    n_failed    bigint := 0;
    remaining   bigint;
    secs        double precision;
BEGIN
    IF batch_size IS NULL OR batch_size < 1 THEN
        RAISE EXCEPTION 'entente: batch_size must be a positive number, not %',
                        COALESCE(batch_size::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR t IN SELECT * FROM @extschema@.tracked ORDER BY article_table::oid LOOP
        q := @extschema@.extract_sql(t);
        LOOP
            -- claim a batch; other sessions skip what this one holds
            SELECT pg_catalog.array_agg(c.article_id) INTO ids
            FROM (SELECT d.article_id FROM @extschema@.documents d
                  WHERE d.article_table = t.article_table AND d.state = 'pending'
                  ORDER BY d.queued_at
                  LIMIT batch_size
                  FOR UPDATE SKIP LOCKED) c;
            EXIT WHEN ids IS NULL;

            DELETE FROM @extschema@.mentions m
            WHERE m.article_table = t.article_table AND m.article_id = ANY (ids);
            DELETE FROM @extschema@.facts f
            WHERE f.article_table = t.article_table AND f.article_id = ANY (ids);
            BEGIN
                EXECUTE q USING t.article_table, ids;
                n_done := n_done + pg_catalog.cardinality(ids);
            EXCEPTION WHEN OTHERS THEN
                -- some article fails: take them one by one and record which
                FOREACH one IN ARRAY ids LOOP
                    BEGIN
                        EXECUTE q USING t.article_table, ARRAY[one];
                        n_done := n_done + 1;
                    EXCEPTION WHEN OTHERS THEN
                        GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, code = RETURNED_SQLSTATE;
                        UPDATE @extschema@.documents d
                        SET state = 'failed', error = msg, error_code = code,
                            processed_at = pg_catalog.clock_timestamp(),
                            processed_by = pg_catalog.pg_backend_pid(),
                            mentions = NULL, facts = NULL
                        WHERE d.article_table = t.article_table AND d.article_id = one;
                        n_failed := n_failed + 1;
                    END;
                END LOOP;
            END;
            UPDATE @extschema@.tracked k SET last_run = pg_catalog.clock_timestamp()
            WHERE k.article_table = t.article_table;
            COMMIT;

            SELECT pg_catalog.count(*) INTO remaining FROM @extschema@.documents d
            WHERE d.state = 'pending';
            secs := pg_catalog.date_part('epoch', pg_catalog.clock_timestamp() - started);
            RAISE NOTICE 'entente.process: % articles done, % failed, % pending, % articles/s',
                n_done, n_failed, remaining,
                pg_catalog.round(((n_done + n_failed) / GREATEST(secs, 0.001))::numeric, 1);
        END LOOP;
    END LOOP;
END
$$;

COMMENT ON PROCEDURE @extschema@.process(integer) IS
'extract pending articles of every tracked table into entente.mentions and entente.facts, committing per batch; safe to run in several sessions at once, and to interrupt; call it outside a transaction block';

-- progress: per tracked table, what is pending, done and failed.
CREATE VIEW @extschema@.progress AS
SELECT t.article_table,
       pg_catalog.count(d.article_id) FILTER (WHERE d.state = 'pending') AS pending,
       pg_catalog.count(d.article_id) FILTER (WHERE d.state = 'done') AS done,
       pg_catalog.count(d.article_id) FILTER (WHERE d.state = 'failed') AS failed,
       pg_catalog.min(d.queued_at) FILTER (WHERE d.state = 'pending') AS oldest_pending,
       t.last_run,
       t.tracked_at
FROM @extschema@.tracked t
LEFT JOIN @extschema@.documents d ON d.article_table = t.article_table
GROUP BY t.article_table, t.last_run, t.tracked_at;

COMMENT ON VIEW @extschema@.progress IS 'extraction progress of each tracked table';
COMMENT ON COLUMN @extschema@.progress.article_table IS 'the tracked table';
COMMENT ON COLUMN @extschema@.progress.pending IS 'articles new or changed since they were last extracted';
COMMENT ON COLUMN @extschema@.progress.done IS 'articles whose mentions and facts are up to date';
COMMENT ON COLUMN @extschema@.progress.failed IS 'articles whose extraction failed (see entente.documents.error)';
COMMENT ON COLUMN @extschema@.progress.oldest_pending IS 'when the longest-waiting pending article was queued';
COMMENT ON COLUMN @extschema@.progress.last_run IS 'when entente.process() last extracted articles of this table';
COMMENT ON COLUMN @extschema@.progress.tracked_at IS 'when tracking started';

-------------------------------------------------------------------------------
-- Views for BI tools
-------------------------------------------------------------------------------

-- event_facts: the facts that count as events (stated in the article's body,
-- not negated, between two different actors), each with the key of the
-- event it reports.  Undirected kinds have their pair in alphabetical order,
-- so "RU meets PK" and "PK meets RU" are the same event.
CREATE VIEW @extschema@.event_facts AS
SELECT f.article_table, f.article_id, f.ord,
       CASE WHEN NOT k.directed AND f.mode IS DISTINCT FROM 'arms'
                 AND f.target_country < f.source_country
            THEN f.target_country ELSE f.source_country END AS source_country,
       f.kind,
       CASE WHEN NOT k.directed AND f.mode IS DISTINCT FROM 'arms'
                 AND f.target_country < f.source_country
            THEN f.source_country ELSE f.target_country END AS target_country,
       f.mode,
       f.mode IS NOT DISTINCT FROM 'arms' AS arms,
       k.directed OR f.mode IS NOT DISTINCT FROM 'arms' AS directed,
       f.quad_class,
       f.modality = 'planned' AS planned,
       CASE WHEN pg_catalog.upper(f.event_period) - pg_catalog.lower(f.event_period) <= 31
            THEN pg_catalog.to_char(pg_catalog.lower(f.event_period), 'YYYY-MM')
            ELSE pg_catalog.to_char(pg_catalog.lower(f.event_period), 'YYYY') END AS period,
       CASE WHEN pg_catalog.upper(f.event_period) - pg_catalog.lower(f.event_period) <= 31
            THEN pg_catalog.date_trunc('month', pg_catalog.lower(f.event_period))::date END AS month,
       f.event_period, f.event_date, f.lang, f.evidence, f.confidence, f.equipment,
       f.quantity, f.amount
FROM @extschema@.facts f
JOIN @extschema@.relation_kinds k ON k.kind = f.kind
WHERE f.zone = 'body' AND NOT f.negated
  AND f.source_country IS NOT NULL AND f.target_country IS NOT NULL
  AND f.source_country <> f.target_country;

COMMENT ON VIEW @extschema@.event_facts IS
'facts that count as events (body text, not negated, two different actors) with the key of the event they report; undirected kinds have their pair in alphabetical order';
COMMENT ON COLUMN @extschema@.event_facts.article_table IS 'the tracked table the article is in';
COMMENT ON COLUMN @extschema@.event_facts.article_id IS 'the article''s key, as text';
COMMENT ON COLUMN @extschema@.event_facts.ord IS 'ordinal of the fact in the article';
COMMENT ON COLUMN @extschema@.event_facts.source_country IS 'acting country or body (first of the pair for undirected kinds)';
COMMENT ON COLUMN @extschema@.event_facts.kind IS 'PLOVER event kind';
COMMENT ON COLUMN @extschema@.event_facts.target_country IS 'country or body acted upon (second of the pair for undirected kinds)';
COMMENT ON COLUMN @extschema@.event_facts.mode IS 'PLOVER mode, or NULL';
COMMENT ON COLUMN @extschema@.event_facts.arms IS 'an arms transfer (mode arms): supplier -> recipient';
COMMENT ON COLUMN @extschema@.event_facts.directed IS 'whether source and target play different roles';
COMMENT ON COLUMN @extschema@.event_facts.quad_class IS '1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict';
COMMENT ON COLUMN @extschema@.event_facts.planned IS 'the article reports the event as planned or intended';
COMMENT ON COLUMN @extschema@.event_facts.period IS 'date bucket: the month (YYYY-MM) of the event when its date fits in a month, else its year (YYYY)';
COMMENT ON COLUMN @extschema@.event_facts.month IS 'first day of the event''s month; NULL when its date is coarser than a month';
COMMENT ON COLUMN @extschema@.event_facts.event_period IS 'the days the event''s date covers';
COMMENT ON COLUMN @extschema@.event_facts.event_date IS 'ISO 8601 date as found';
COMMENT ON COLUMN @extschema@.event_facts.lang IS 'language of the article';
COMMENT ON COLUMN @extschema@.event_facts.evidence IS 'the sentence the fact was read from';
COMMENT ON COLUMN @extschema@.event_facts.confidence IS 'confidence between 0 and 1';
COMMENT ON COLUMN @extschema@.event_facts.equipment IS 'equipment of an arms transfer or aid';
COMMENT ON COLUMN @extschema@.event_facts.quantity IS 'number of items transferred';
COMMENT ON COLUMN @extschema@.event_facts.amount IS 'value, as "<number> <ISO 4217>"';

-- events: one row per event however many articles and languages report it.
CREATE VIEW @extschema@.events AS
SELECT e.source_country, e.kind, e.target_country, e.arms, e.period, e.planned,
       pg_catalog.array_agg(DISTINCT e.mode ORDER BY e.mode)
           FILTER (WHERE e.mode IS NOT NULL) AS modes,
       pg_catalog.min(e.quad_class) AS quad_class,
       pg_catalog.bool_or(e.directed) AS directed,
       pg_catalog.count(DISTINCT (e.article_table, e.article_id)) AS articles,
       pg_catalog.count(DISTINCT e.lang) AS languages,
       pg_catalog.array_agg(DISTINCT e.lang ORDER BY e.lang) AS langs,
       pg_catalog.count(*) AS reports,
       pg_catalog.min(pg_catalog.lower(e.event_period)) AS first_date,
       pg_catalog.max(pg_catalog.upper(e.event_period) - 1) AS last_date,
       pg_catalog.array_agg(DISTINCT e.article_table::text || ':' || e.article_id) AS article_refs,
       (pg_catalog.array_agg(e.evidence ORDER BY e.confidence DESC, pg_catalog.length(e.evidence),
                             e.article_id, e.ord))[1] AS evidence,
       pg_catalog.array_agg(DISTINCT e.equipment) FILTER (WHERE e.equipment IS NOT NULL) AS equipment
FROM @extschema@.event_facts e
GROUP BY e.source_country, e.kind, e.target_country, e.arms, e.period, e.planned;

COMMENT ON VIEW @extschema@.events IS
'events merged across articles and languages: the same (source country, kind, target country, date bucket, planned or not) reported by several articles, in whatever words and modes, is one event; arms transfers are kept apart from other cooperation';
COMMENT ON COLUMN @extschema@.events.source_country IS 'acting country or body (first of the pair for undirected kinds)';
COMMENT ON COLUMN @extschema@.events.kind IS 'PLOVER event kind';
COMMENT ON COLUMN @extschema@.events.target_country IS 'country or body acted upon (second of the pair for undirected kinds)';
COMMENT ON COLUMN @extschema@.events.arms IS 'an arms transfer (mode arms): supplier -> recipient';
COMMENT ON COLUMN @extschema@.events.modes IS 'the PLOVER modes the reports give (military, economic, diplomatic ...), or NULL';
COMMENT ON COLUMN @extschema@.events.period IS 'date bucket: YYYY-MM, or YYYY when the reports date the event only by year; NULL when undated';
COMMENT ON COLUMN @extschema@.events.planned IS 'reported as planned or intended rather than done';
COMMENT ON COLUMN @extschema@.events.quad_class IS '1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict';
COMMENT ON COLUMN @extschema@.events.directed IS 'whether source and target play different roles';
COMMENT ON COLUMN @extschema@.events.articles IS 'number of articles reporting the event';
COMMENT ON COLUMN @extschema@.events.languages IS 'number of languages of those articles';
COMMENT ON COLUMN @extschema@.events.langs IS 'the languages of those articles';
COMMENT ON COLUMN @extschema@.events.reports IS 'number of sentences reporting the event';
COMMENT ON COLUMN @extschema@.events.first_date IS 'earliest day the reports date the event';
COMMENT ON COLUMN @extschema@.events.last_date IS 'latest day the reports date the event';
COMMENT ON COLUMN @extschema@.events.article_refs IS 'the reporting articles, as table:key';
COMMENT ON COLUMN @extschema@.events.evidence IS 'one evidence sentence (the most confident)';
COMMENT ON COLUMN @extschema@.events.equipment IS 'equipment named by the reports';

-- dyads: per country pair (in alphabetical order), kind and month.
CREATE VIEW @extschema@.dyads AS
SELECT d.country_a, d.country_b, d.kind, d.quad_class, d.month, d.events, d.articles,
       d.languages,
       pg_catalog.round(COALESCE(pg_catalog.sum(d.events) FILTER (WHERE d.quad_class <= 2) OVER w, 0)
                        / pg_catalog.sum(d.events) OVER w, 3) AS cooperative_share,
       pg_catalog.round(COALESCE(pg_catalog.sum(d.events) FILTER (WHERE d.quad_class >= 3) OVER w, 0)
                        / pg_catalog.sum(d.events) OVER w, 3) AS conflictual_share
FROM (SELECT LEAST(e.source_country, e.target_country) AS country_a,
             GREATEST(e.source_country, e.target_country) AS country_b,
             e.kind, pg_catalog.min(e.quad_class) AS quad_class, e.month,
             pg_catalog.count(DISTINCT (e.source_country, e.target_country, e.arms, e.planned)) AS events,
             pg_catalog.count(DISTINCT (e.article_table, e.article_id)) AS articles,
             pg_catalog.count(DISTINCT e.lang) AS languages
      FROM @extschema@.event_facts e
      WHERE e.month IS NOT NULL
      GROUP BY 1, 2, e.kind, e.month) d
WINDOW w AS (PARTITION BY d.country_a, d.country_b, d.month);

COMMENT ON VIEW @extschema@.dyads IS
'per country pair (alphabetical order), kind and month: events, articles, languages, and the share of the pair''s events that month that are cooperative (quad classes 1-2) or conflictual (3-4); events dated only by year are left out';
COMMENT ON COLUMN @extschema@.dyads.country_a IS 'first country or body of the pair (alphabetical)';
COMMENT ON COLUMN @extschema@.dyads.country_b IS 'second country or body of the pair';
COMMENT ON COLUMN @extschema@.dyads.kind IS 'PLOVER event kind';
COMMENT ON COLUMN @extschema@.dyads.quad_class IS '1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict';
COMMENT ON COLUMN @extschema@.dyads.month IS 'first day of the month';
COMMENT ON COLUMN @extschema@.dyads.events IS 'distinct events of this kind between the pair that month (either direction)';
COMMENT ON COLUMN @extschema@.dyads.articles IS 'articles reporting them';
COMMENT ON COLUMN @extschema@.dyads.languages IS 'languages of those articles';
COMMENT ON COLUMN @extschema@.dyads.cooperative_share IS 'share of all the pair''s events that month in quad classes 1-2';
COMMENT ON COLUMN @extschema@.dyads.conflictual_share IS 'share of all the pair''s events that month in quad classes 3-4';

-- entity_mentions: how often each entity is named, per publication day.
CREATE VIEW @extschema@.entity_mentions AS
SELECT d.published AS day, m.entity_id, m.kind,
       pg_catalog.min(m.canonical) AS canonical,
       pg_catalog.min(m.country) AS country,
       pg_catalog.count(*) AS mentions,
       pg_catalog.count(DISTINCT (m.article_table, m.article_id)) AS articles
FROM @extschema@.mentions m
JOIN @extschema@.documents d ON d.article_table = m.article_table AND d.article_id = m.article_id
WHERE m.zone = 'body' AND m.kind NOT IN ('DATE', 'MONEY', 'QUANTITY')
GROUP BY d.published, m.entity_id, m.kind;

COMMENT ON VIEW @extschema@.entity_mentions IS
'mentions of each named entity per publication day (article body only; dates, money and quantities left out)';
COMMENT ON COLUMN @extschema@.entity_mentions.day IS 'publication date of the articles (NULL when the table has none)';
COMMENT ON COLUMN @extschema@.entity_mentions.entity_id IS 'ISO 3166-1 alpha-2 for countries, a stable id otherwise';
COMMENT ON COLUMN @extschema@.entity_mentions.kind IS 'COUNTRY, PLACE, PERSON, ORGANIZATION, EQUIPMENT or NATIONALITY';
COMMENT ON COLUMN @extschema@.entity_mentions.canonical IS 'English name';
COMMENT ON COLUMN @extschema@.entity_mentions.country IS 'country the entity belongs to or acts for';
COMMENT ON COLUMN @extschema@.entity_mentions.mentions IS 'number of mentions that day';
COMMENT ON COLUMN @extschema@.entity_mentions.articles IS 'number of articles naming it that day';

-- article_entities: the named entities of each article.
CREATE VIEW @extschema@.article_entities AS
SELECT m.article_table, m.article_id, m.entity_id, m.kind,
       pg_catalog.min(m.canonical) AS canonical,
       pg_catalog.min(m.country) AS country,
       pg_catalog.count(*) AS mentions,
       pg_catalog.min(m.start_pos) AS first_pos
FROM @extschema@.mentions m
WHERE m.zone = 'body' AND m.kind NOT IN ('DATE', 'MONEY', 'QUANTITY')
GROUP BY m.article_table, m.article_id, m.entity_id, m.kind;

COMMENT ON VIEW @extschema@.article_entities IS
'the named entities of each tracked article (body only), with how often and where first';
COMMENT ON COLUMN @extschema@.article_entities.article_table IS 'the tracked table the article is in';
COMMENT ON COLUMN @extschema@.article_entities.article_id IS 'the article''s key, as text';
COMMENT ON COLUMN @extschema@.article_entities.entity_id IS 'ISO 3166-1 alpha-2 for countries, a stable id otherwise';
COMMENT ON COLUMN @extschema@.article_entities.kind IS 'COUNTRY, PLACE, PERSON, ORGANIZATION, EQUIPMENT or NATIONALITY';
COMMENT ON COLUMN @extschema@.article_entities.canonical IS 'English name';
COMMENT ON COLUMN @extschema@.article_entities.country IS 'country the entity belongs to or acts for';
COMMENT ON COLUMN @extschema@.article_entities.mentions IS 'number of mentions in the article';
COMMENT ON COLUMN @extschema@.article_entities.first_pos IS 'character position of the first mention';

-------------------------------------------------------------------------------
-- Graphs
-------------------------------------------------------------------------------

-- graph_edges: the edges of entente.graph(): one per (source, target, kind)
-- of entente.events, planned events left out, with the filters applied.
CREATE FUNCTION @extschema@.graph_edges(since date DEFAULT NULL, until date DEFAULT NULL,
                                        countries text[] DEFAULT NULL,
                                        kinds @extschema@.event_kind[] DEFAULT NULL,
                                        min_articles integer DEFAULT 1)
RETURNS TABLE (source text, target text, kind @extschema@.event_kind, arms boolean,
               label text, quad_class smallint, directed boolean, events bigint,
               articles bigint, languages bigint, color text)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT e.source_country, e.target_country, e.kind, e.arms,
           CASE WHEN e.arms THEN 'ARMS' ELSE e.kind::text END
               || CASE WHEN pg_catalog.count(*) > 1 THEN ' ×' || pg_catalog.count(*) ELSE '' END,
           pg_catalog.min(e.quad_class),
           pg_catalog.bool_or(e.directed), pg_catalog.count(*), pg_catalog.sum(e.articles),
           pg_catalog.max(e.languages),
           (ARRAY['#4575b4', '#1a9850', '#f46d43', '#a50026'])[pg_catalog.min(e.quad_class)]
    FROM @extschema@.events e
    WHERE NOT e.planned
      AND (since IS NULL OR e.last_date >= since)
      AND (until IS NULL OR e.first_date <= until)
      AND (countries IS NULL OR e.source_country = ANY (countries)
           OR e.target_country = ANY (countries))
      AND (kinds IS NULL OR e.kind = ANY (kinds))
      AND e.articles >= COALESCE(min_articles, 1)
    GROUP BY e.source_country, e.target_country, e.kind, e.arms
    ORDER BY e.source_country, e.target_country, e.kind, e.arms;
END;

COMMENT ON FUNCTION @extschema@.graph_edges(date, date, text[], @extschema@.event_kind[], integer) IS
'edges of the relation graph: per (source, target, kind, arms transfer or not) of entente.events (planned events left out) the number of events, articles and languages, and the colour of its quad class; the filters are those of entente.graph()';

-- graph_label: the name to show for a node: the English name entente found
-- for the country or body, else its id.
CREATE FUNCTION @extschema@.graph_label(id text)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT COALESCE((SELECT m.canonical FROM @extschema@.mentions m
                     WHERE m.entity_id = id AND m.kind IN ('COUNTRY', 'ORGANIZATION')
                     LIMIT 1), id);
END;

COMMENT ON FUNCTION @extschema@.graph_label(text) IS
'used by entente.graph(): the English name found for a country or body id, else the id';

-- dot_quote, xml_quote: quoting for the graph formats.
CREATE FUNCTION @extschema@.dot_quote(s text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN '"' || pg_catalog.replace(pg_catalog.replace(s, '\', '\\'), '"', '\"') || '"';

COMMENT ON FUNCTION @extschema@.dot_quote(text) IS 'a Graphviz DOT quoted string';

CREATE FUNCTION @extschema@.xml_quote(s text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
           s, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;');

COMMENT ON FUNCTION @extschema@.xml_quote(text) IS 'text escaped for XML content and attributes';

-- graph: the relation graph of entente.events as Graphviz DOT, GraphML
-- (Gephi) or JSON nodes and edges (web libraries).
CREATE FUNCTION @extschema@.graph(format text DEFAULT 'dot',
                                  since date DEFAULT NULL,
                                  until date DEFAULT NULL,
                                  countries text[] DEFAULT NULL,
                                  kinds @extschema@.event_kind[] DEFAULT NULL,
                                  min_articles integer DEFAULT 1)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    fmt     text := lower(btrim(format));
    edges   jsonb;
    nodes   jsonb;
    result  text;
BEGIN
    IF fmt IS NULL OR fmt NOT IN ('dot', 'graphml', 'json') THEN
        RAISE EXCEPTION 'entente: unknown graph format "%"', format
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Use ''dot'' (Graphviz), ''graphml'' (Gephi) or ''json''.';
    END IF;
    IF min_articles < 1 THEN
        RAISE EXCEPTION 'entente: min_articles must be at least 1, not %', min_articles
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    SELECT COALESCE(jsonb_agg(to_jsonb(g) ORDER BY g.source, g.target, g.kind, g.arms), '[]')
    INTO edges
    FROM @extschema@.graph_edges(since, until, countries, kinds, min_articles) g;
    SELECT COALESCE(jsonb_agg(jsonb_build_object('id', n.id, 'label', @extschema@.graph_label(n.id),
                                                 'events', n.events) ORDER BY n.id), '[]')
    INTO nodes
    FROM (SELECT x.id, sum(x.events) AS events
          FROM (SELECT e->>'source' AS id, (e->>'events')::bigint AS events FROM jsonb_array_elements(edges) e
                UNION ALL
                SELECT e->>'target', (e->>'events')::bigint FROM jsonb_array_elements(edges) e) x
          GROUP BY x.id) n;

    IF fmt = 'json' THEN
        RETURN jsonb_pretty(jsonb_build_object(
            'nodes', nodes,
            'edges', (SELECT COALESCE(jsonb_agg(jsonb_build_object(
                                 'source', e->'source', 'target', e->'target', 'kind', e->'kind',
                                 'arms', e->'arms',
                                 'quad_class', e->'quad_class', 'directed', e->'directed',
                                 'weight', e->'events', 'articles', e->'articles',
                                 'languages', e->'languages', 'color', e->'color')), '[]')
                      FROM jsonb_array_elements(edges) e))) || E'\n';
    ELSIF fmt = 'dot' THEN
        RETURN 'digraph entente {' || E'\n'
            || '  graph [layout=neato, overlap=false, splines=true, sep="+14", fontname="Helvetica", fontsize=11,'
            || ' label="Events between countries. Edge width: events; colour: blue verbal cooperation, green material cooperation, orange verbal conflict, red material conflict"];' || E'\n'
            || '  node [shape=ellipse, style=filled, fillcolor="#f7f7f7", color="#777777", fontname="Helvetica"];' || E'\n'
            || '  edge [fontname="Helvetica", fontsize=9];' || E'\n'
            || COALESCE((SELECT string_agg(format('  %s [label=%s];',
                                                  @extschema@.dot_quote(n->>'id'),
                                                  @extschema@.dot_quote(n->>'label')), E'\n')
                                || E'\n'
                         FROM jsonb_array_elements(nodes) n), '')
            || COALESCE((SELECT string_agg(format('  %s -> %s [label=%s, color="%s", fontcolor="%s", penwidth=%s, weight=%s%s];',
                                                  @extschema@.dot_quote(e->>'source'),
                                                  @extschema@.dot_quote(e->>'target'),
                                                  @extschema@.dot_quote(e->>'label'),
                                                  e->>'color', e->>'color',
                                                  round(1 + 1.5 * ln((e->>'events')::numeric), 2),
                                                  e->>'events',
                                                  CASE WHEN (e->>'directed')::boolean THEN '' ELSE ', dir=none' END),
                                           E'\n') || E'\n'
                         FROM jsonb_array_elements(edges) e), '')
            || '}' || E'\n';
    ELSE
        RETURN '<?xml version="1.0" encoding="UTF-8"?>' || E'\n'
            || '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">' || E'\n'
            || '  <key id="label" for="node" attr.name="label" attr.type="string"/>' || E'\n'
            || '  <key id="events" for="node" attr.name="events" attr.type="int"/>' || E'\n'
            || '  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>' || E'\n'
            || '  <key id="arms" for="edge" attr.name="arms" attr.type="boolean"/>' || E'\n'
            || '  <key id="quad_class" for="edge" attr.name="quad_class" attr.type="int"/>' || E'\n'
            || '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>' || E'\n'
            || '  <key id="articles" for="edge" attr.name="articles" attr.type="int"/>' || E'\n'
            || '  <key id="color" for="edge" attr.name="color" attr.type="string"/>' || E'\n'
            || '  <graph id="entente" edgedefault="directed">' || E'\n'
            || COALESCE((SELECT string_agg(format('    <node id="%s"><data key="label">%s</data><data key="events">%s</data></node>',
                                                  @extschema@.xml_quote(n->>'id'),
                                                  @extschema@.xml_quote(n->>'label'), n->>'events'),
                                           E'\n') || E'\n'
                         FROM jsonb_array_elements(nodes) n), '')
            || COALESCE((SELECT string_agg(format('    <edge id="e%s" source="%s" target="%s" directed="%s"><data key="kind">%s</data><data key="arms">%s</data><data key="quad_class">%s</data><data key="weight">%s</data><data key="articles">%s</data><data key="color">%s</data></edge>',
                                                  i, @extschema@.xml_quote(e->>'source'),
                                                  @extschema@.xml_quote(e->>'target'),
                                                  e->>'directed', e->>'kind', e->>'arms', e->>'quad_class',
                                                  e->>'events', e->>'articles', e->>'color'),
                                           E'\n' ORDER BY i) || E'\n'
                         FROM jsonb_array_elements(edges) WITH ORDINALITY AS x(e, i)), '')
            || '  </graph>' || E'\n' || '</graphml>' || E'\n';
    END IF;
END
$$;

COMMENT ON FUNCTION @extschema@.graph(text, date, date, text[], @extschema@.event_kind[], integer) IS
'the relation graph of entente.events as ''dot'' (Graphviz), ''graphml'' (Gephi) or ''json'' (nodes and edges): one edge per (source, target, kind, arms transfer or not), weighted by events and coloured by quad class; filters: events overlapping since..until, touching one of countries, of one of kinds, reported by at least min_articles articles; planned events left out';
