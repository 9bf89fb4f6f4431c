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
