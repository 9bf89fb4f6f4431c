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
