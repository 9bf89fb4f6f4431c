/*-------------------------------------------------------------------------
 *
 * entente.c
 *	  SQL-callable wrappers around the entente engine
 *
 * Everything here is thin: read arguments, call the engine, turn an
 * EntError into an ereport, build the result.  The engine allocates with
 * palloc (huge allocations allowed) in the caller's memory context and
 * checks for interrupts through the hooks installed by _PG_init.
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/entente.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <unicode/uchar.h>
#include <unicode/uversion.h>

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "storage/fd.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/fmgroids.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"
#include "utils/typcache.h"

#include "extract.h"
#include "relate.h"
#include "icu_cache.h"
#include "langid.h"
#include "normalize.h"
#include "segment.h"
#include "textbuf.h"

#ifdef PG_MODULE_MAGIC_EXT
PG_MODULE_MAGIC_EXT(.name = "entente",.version = "0.1");
#else
PG_MODULE_MAGIC;
#endif

void		_PG_init(void);

/* ----------------------------------------------------------------
 * Engine hooks
 * ----------------------------------------------------------------
 */
static void *
PgAlloc(size_t size)
{
	return palloc_extended(size, MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
}

static void *
PgRealloc(void *ptr, size_t size)
{
	if (ptr == NULL)
		return PgAlloc(size);
	return repalloc_huge(ptr, size);
}

static void
PgFree(void *ptr)
{
	pfree(ptr);
}

static void
PgCheckInterrupts(void)
{
	CHECK_FOR_INTERRUPTS();
}

/*
 * _PG_init points the engine's allocator and interrupt hooks at the server.
 */
static void LexiconInvalidate(Datum arg, Oid relid);

void
_PG_init(void)
{
	ent_allocator.alloc = PgAlloc;
	ent_allocator.realloc = PgRealloc;
	ent_allocator.free = PgFree;
	ent_interrupt_hook = PgCheckInterrupts;
	CacheRegisterRelcacheCallback(LexiconInvalidate, (Datum) 0);
}

/* ----------------------------------------------------------------
 * Errors and arguments
 * ----------------------------------------------------------------
 */

/*
 * IcuSqlState maps an ICU error code to the closest SQLSTATE.
 */
static int
IcuSqlState(int icu_code)
{
	switch ((UErrorCode) icu_code)
	{
		case U_MEMORY_ALLOCATION_ERROR:
			return ERRCODE_OUT_OF_MEMORY;
		case U_ILLEGAL_ARGUMENT_ERROR:
		case U_INVALID_ID:
		case U_MALFORMED_RULE:
		case U_UNSUPPORTED_ERROR:
			return ERRCODE_INVALID_PARAMETER_VALUE;
		case U_INVALID_CHAR_FOUND:
		case U_TRUNCATED_CHAR_FOUND:
		case U_ILLEGAL_CHAR_FOUND:
			return ERRCODE_CHARACTER_NOT_IN_REPERTOIRE;
		case U_BUFFER_OVERFLOW_ERROR:
		case U_INDEX_OUTOFBOUNDS_ERROR:
			return ERRCODE_PROGRAM_LIMIT_EXCEEDED;
		default:
			return ERRCODE_EXTERNAL_ROUTINE_EXCEPTION;
	}
}

/*
 * ReportError raises err as an ERROR.  It does not return.
 */
static void
pg_attribute_noreturn()
ReportError(const EntError *err)
{
	int			code;

	switch (err->status)
	{
		case ENT_ERR_ARGUMENT:
			code = ERRCODE_INVALID_PARAMETER_VALUE;
			break;
		case ENT_ERR_ICU:
			code = IcuSqlState(err->icu_code);
			break;
		case ENT_ERR_TOO_LARGE:
			code = ERRCODE_PROGRAM_LIMIT_EXCEEDED;
			break;
		case ENT_ERR_NOMEM:
			code = ERRCODE_OUT_OF_MEMORY;
			break;
		case ENT_ERR_DATA:
			code = ERRCODE_CONFIG_FILE_ERROR;
			break;
		default:
			elog(ERROR, "entente: unexpected engine status %d", err->status);
	}
	if (err->status == ENT_ERR_ARGUMENT)
		ereport(ERROR,
				(errcode(code),
				 errmsg("%s", err->message),
				 err->detail[0] ? errhint("%s", err->detail) : 0));
	ereport(ERROR,
			(errcode(code),
			 errmsg("entente: %s", err->message),
			 err->detail[0] ? errdetail("%s", err->detail) : 0));
	pg_unreachable();
}

/*
 * RequireUtf8 rejects calls in a database whose encoding is not UTF-8.
 * CREATE EXTENSION already refuses such databases; this guards restores
 * and template copies.
 */
static inline void
RequireUtf8(void)
{
	if (GetDatabaseEncoding() != PG_UTF8)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("entente requires a UTF8 database"),
				 errdetail("This database uses encoding \"%s\".",
						   GetDatabaseEncodingName())));
}

/*
 * LangArg reads an optional language argument into out (8 bytes): "" when
 * it is NULL, else its validated ISO 639 code.
 */
static void
LangArg(FunctionCallInfo fcinfo, int argno, char *out)
{
	text	   *t;
	EntError	err;

	out[0] = '\0';
	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return;
	t = PG_GETARG_TEXT_PP(argno);
	if (!ent_check_lang(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), out, &err))
		ReportError(&err);
}

/*
 * NewResultBuf starts a buffer whose first VARHDRSZ bytes are the header of
 * the text it will become, so the result is returned without a copy.
 */
static void
NewResultBuf(EntBuf *buf, size_t guess)
{
	entbuf_init(buf, guess + VARHDRSZ + 16);
	if (buf->data == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory")));
	buf->len = VARHDRSZ;
}

static text *
ResultText(EntBuf *buf)
{
	SET_VARSIZE(buf->data, buf->len);
	return (text *) buf->data;
}

/* ----------------------------------------------------------------
 * Normalization
 * ----------------------------------------------------------------
 */

/* normalize(input text, form text) returns text */
PG_FUNCTION_INFO_V1(normalize);
Datum
normalize(PG_FUNCTION_ARGS)
{
	text	   *input = PG_GETARG_TEXT_PP(0);
	text	   *formname = PG_GETARG_TEXT_PP(1);
	EntForm		form;
	EntError	err;
	EntBuf		buf;
	bool		unchanged;

	RequireUtf8();
	if (!ent_parse_form(VARDATA_ANY(formname), VARSIZE_ANY_EXHDR(formname),
						&form, &err))
		ReportError(&err);
	NewResultBuf(&buf, 0);
	if (!ent_normalize(VARDATA_ANY(input), VARSIZE_ANY_EXHDR(input), form,
					   &buf, &unchanged, &err))
		ReportError(&err);
	if (unchanged)
	{
		pfree(buf.data);
		PG_RETURN_TEXT_P(input);
	}
	PG_RETURN_TEXT_P(ResultText(&buf));
}

/* fold(input text) returns text */
PG_FUNCTION_INFO_V1(fold);
Datum
fold(PG_FUNCTION_ARGS)
{
	text	   *input = PG_GETARG_TEXT_PP(0);
	EntError	err;
	EntBuf		buf;

	RequireUtf8();
	NewResultBuf(&buf, VARSIZE_ANY_EXHDR(input));
	if (!ent_fold(VARDATA_ANY(input), VARSIZE_ANY_EXHDR(input), &buf, &err))
		ReportError(&err);
	PG_RETURN_TEXT_P(ResultText(&buf));
}

/* translit(input text, transform text) returns text */
PG_FUNCTION_INFO_V1(translit);
Datum
translit(PG_FUNCTION_ARGS)
{
	text	   *input = PG_GETARG_TEXT_PP(0);
	char	   *id = text_to_cstring(PG_GETARG_TEXT_PP(1));
	EntError	err;
	EntBuf		buf;

	RequireUtf8();
	NewResultBuf(&buf, VARSIZE_ANY_EXHDR(input));
	if (!ent_translit(VARDATA_ANY(input), VARSIZE_ANY_EXHDR(input), id, &buf,
					  &err))
		ReportError(&err);
	PG_RETURN_TEXT_P(ResultText(&buf));
}

/* ----------------------------------------------------------------
 * Tokens and sentences
 * ----------------------------------------------------------------
 */
typedef struct SrfState
{
	ReturnSetInfo *rsinfo;
	MemoryContext scratch;
	const char *input;
	int32		ord;
} SrfState;

static void
InitSrfState(FunctionCallInfo fcinfo, SrfState *st, const char *input)
{
	InitMaterializedSRF(fcinfo, 0);
	st->rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	st->scratch = AllocSetContextCreate(CurrentMemoryContext,
										"entente row scratch",
										ALLOCSET_DEFAULT_SIZES);
	st->input = input;
	st->ord = 0;
}

/*
 * PutRow stores one row, returns to the caller's context old and frees the
 * row's scratch memory.
 */
static void
PutRow(SrfState *st, MemoryContext old, Datum *values, bool *nulls)
{
	tuplestore_putvalues(st->rsinfo->setResult, st->rsinfo->setDesc,
						 values, nulls);
	MemoryContextSwitchTo(old);
	MemoryContextReset(st->scratch);
}

typedef bool (*Segmenter) (const char *s, size_t len, const char *lang,
						   EntSpanFn fn, void *arg, EntError *err);

/*
 * SegmentSrf is the body of tokens() and sentences(): argument 0 is the
 * text (NULL gives no rows), argument 1 the optional language; emit stores
 * each span as a row.
 */
static Datum
SegmentSrf(FunctionCallInfo fcinfo, Segmenter segment, EntSpanFn emit)
{
	text	   *input;
	char		lang[8];
	SrfState	st;
	EntError	err;

	RequireUtf8();
	LangArg(fcinfo, 1, lang);
	InitSrfState(fcinfo, &st, NULL);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	input = PG_GETARG_TEXT_PP(0);
	st.input = VARDATA_ANY(input);
	if (!segment(st.input, VARSIZE_ANY_EXHDR(input), lang, emit, &st, &err))
		ReportError(&err);
	return (Datum) 0;
}

/*
 * EmitToken stores one row of tokens(): (ord, token, folded, kind,
 * start_pos, end_pos), positions 1-based and inclusive.
 */
static bool
EmitToken(void *arg, const EntSpan *span, EntError *err)
{
	SrfState   *st = (SrfState *) arg;
	MemoryContext old = MemoryContextSwitchTo(st->scratch);
	Datum		values[6];
	bool		nulls[6] = {0};
	const char *tok = st->input + span->byte_start;
	size_t		toklen = span->byte_end - span->byte_start;
	EntBuf		folded;

	NewResultBuf(&folded, toklen);
	if (!ent_fold(tok, toklen, &folded, err))
	{
		MemoryContextSwitchTo(old);
		return false;
	}
	values[0] = Int32GetDatum(++st->ord);
	values[1] = PointerGetDatum(cstring_to_text_with_len(tok, (int) toklen));
	values[2] = PointerGetDatum(ResultText(&folded));
	values[3] = CStringGetTextDatum(ent_token_kind_names[span->kind]);
	values[4] = Int32GetDatum((int32) span->char_start + 1);
	values[5] = Int32GetDatum((int32) span->char_end);
	PutRow(st, old, values, nulls);
	return true;
}

/* tokens(input text, lang text) returns setof (...) */
PG_FUNCTION_INFO_V1(tokens);
Datum
tokens(PG_FUNCTION_ARGS)
{
	return SegmentSrf(fcinfo, ent_tokens, EmitToken);
}

/*
 * LoadAbbreviations reads share/extension/entente/abbreviations.tsv once
 * per backend.
 */
static void
LoadAbbreviations(void)
{
	char		sharepath[MAXPGPATH];
	char		path[MAXPGPATH];
	FILE	   *f;
	StringInfoData buf;
	char		chunk[8192];
	size_t		n;
	EntError	err;

	if (ent_abbrev_loaded())
		return;
	get_share_path(my_exec_path, sharepath);
	snprintf(path, sizeof(path), "%s/extension/entente/abbreviations.tsv",
			 sharepath);
	f = AllocateFile(path, "r");
	if (f == NULL)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("entente: could not open data file \"%s\": %m", path),
				 errhint("Reinstall entente with \"make install\".")));
	initStringInfo(&buf);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		appendBinaryStringInfo(&buf, chunk, (int) n);
	FreeFile(f);
	if (!ent_abbrev_load(buf.data, buf.len, &err))
		ReportError(&err);
	pfree(buf.data);
}

/*
 * EmitSentence stores one row of sentences(): (ord, sentence, start_pos,
 * end_pos).
 */
static bool
EmitSentence(void *arg, const EntSpan *span, EntError *err)
{
	SrfState   *st = (SrfState *) arg;
	MemoryContext old = MemoryContextSwitchTo(st->scratch);
	Datum		values[4];
	bool		nulls[4] = {0};

	values[0] = Int32GetDatum(++st->ord);
	values[1] = PointerGetDatum(cstring_to_text_with_len(st->input + span->byte_start,
														 (int) (span->byte_end - span->byte_start)));
	values[2] = Int32GetDatum((int32) span->char_start + 1);
	values[3] = Int32GetDatum((int32) span->char_end);
	PutRow(st, old, values, nulls);
	return true;
}

/* sentences(input text, lang text) returns setof (...) */
PG_FUNCTION_INFO_V1(sentences);
Datum
sentences(PG_FUNCTION_ARGS)
{
	LoadAbbreviations();
	return SegmentSrf(fcinfo, ent_sentences, EmitSentence);
}

/* ----------------------------------------------------------------
 * Language identification
 * ----------------------------------------------------------------
 */

/* detect_language(input text) returns text */
PG_FUNCTION_INFO_V1(detect_language);
Datum
detect_language(PG_FUNCTION_ARGS)
{
	text	   *input = PG_GETARG_TEXT_PP(0);
	EntLangScore langs[ENT_LANG_MAX];
	EntError	err;
	int			n;

	RequireUtf8();
	n = ent_detect_languages(VARDATA_ANY(input), VARSIZE_ANY_EXHDR(input),
							 langs, &err);
	if (n < 0)
		ReportError(&err);
	if (n == 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(langs[0].lang));
}

/* languages(input text) returns setof (lang text, score float8) */
PG_FUNCTION_INFO_V1(languages);
Datum
languages(PG_FUNCTION_ARGS)
{
	text	   *input = PG_GETARG_TEXT_PP(0);
	EntLangScore langs[ENT_LANG_MAX];
	EntError	err;
	ReturnSetInfo *rsinfo;
	int			n;

	RequireUtf8();
	InitMaterializedSRF(fcinfo, 0);
	rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	n = ent_detect_languages(VARDATA_ANY(input), VARSIZE_ANY_EXHDR(input),
							 langs, &err);
	if (n < 0)
		ReportError(&err);
	for (int i = 0; i < n; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {0};

		values[0] = CStringGetTextDatum(langs[i].lang);
		values[1] = Float8GetDatum(langs[i].score);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values,
							 nulls);
	}
	return (Datum) 0;
}

/* ----------------------------------------------------------------
 * Versions
 * ----------------------------------------------------------------
 */

/* icu_version() returns text */
PG_FUNCTION_INFO_V1(icu_version);
Datum
icu_version(PG_FUNCTION_ARGS)
{
	UVersionInfo v;
	char		s[U_MAX_VERSION_STRING_LENGTH];

	u_getVersion(v);
	u_versionToString(v, s);
	PG_RETURN_TEXT_P(cstring_to_text(s));
}

/* unicode_version() returns text */
PG_FUNCTION_INFO_V1(unicode_version);
Datum
unicode_version(PG_FUNCTION_ARGS)
{
	UVersionInfo v;
	char		s[U_MAX_VERSION_STRING_LENGTH];

	u_getUnicodeVersion(v);
	u_versionToString(v, s);
	PG_RETURN_TEXT_P(cstring_to_text(s));
}

/* ----------------------------------------------------------------
 * Entities
 * ----------------------------------------------------------------
 */

/*
 * The lexicon of this backend: built on first use from the installed data
 * files, ICU and entente.user_lexicon; rebuilt after user_lexicon changes
 * (its trigger broadcasts a relcache invalidation that every backend sees).
 */
static Lexicon *lexicon = NULL;
static bool lexicon_valid = false;
static Oid	user_lexicon_relid = InvalidOid;

/*
 * LexiconInvalidate is the relcache callback: any change to
 * entente.user_lexicon (or a full reset) makes the lexicon stale.
 */
static void
LexiconInvalidate(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == user_lexicon_relid)
		lexicon_valid = false;
}

/*
 * LoadUserEntries adds the rows of entente.user_lexicon to lex.
 */
static void
LoadUserEntries(Lexicon *lex)
{
	Oid			nsp = get_namespace_oid("entente", true);
	int			ret;

	if (!OidIsValid(nsp))
		return;
	user_lexicon_relid = get_relname_relid("user_lexicon", nsp);
	if (!OidIsValid(user_lexicon_relid))
		return;
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "entente: SPI_connect failed");
	ret = SPI_execute("SELECT kind::text, entity_id, canonical, lang, alias, country, "
					  "array_to_string(flags, ','), id::text "
					  "FROM entente.user_lexicon ORDER BY id", true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "entente: could not read entente.user_lexicon");
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		HeapTuple	tup = SPI_tuptable->vals[r];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *kind = SPI_getvalue(tup, desc, 1);
		char	   *id = SPI_getvalue(tup, desc, 2);
		char	   *canonical = SPI_getvalue(tup, desc, 3);
		char	   *lang = SPI_getvalue(tup, desc, 4);
		char	   *alias = SPI_getvalue(tup, desc, 5);
		char	   *country = SPI_getvalue(tup, desc, 6);
		char	   *flagstr = SPI_getvalue(tup, desc, 7);
		char	   *rowid = SPI_getvalue(tup, desc, 8);
		EntKind		k;
		uint16_t	flags = 0;
		char		rule[64];
		EntError	err;

		if (!kind || !ent_parse_kind(kind, &k) || !ent_parse_alias_flags(flagstr, &flags))
			continue;			/* the table's constraints prevent this */
		snprintf(rule, sizeof(rule), "user_lexicon:%s", rowid ? rowid : "?");
		if (!ent_lexicon_add(lex, k, id, canonical, lang, alias, country,
							 flags | AL_USER, rule, &err))
		{
			SPI_finish();
			ReportError(&err);
		}
	}
	SPI_finish();
}

/*
 * GetLexicon returns this backend's lexicon, (re)building it if needed.
 */
static Lexicon *
GetLexicon(void)
{
	char		sharepath[MAXPGPATH];
	char		datadir[MAXPGPATH];
	EntError	err;
	Lexicon    *lex;

	if (lexicon && lexicon_valid)
		return lexicon;
	if (lexicon)
	{
		ent_lexicon_free(lexicon);
		lexicon = NULL;
	}
	get_share_path(my_exec_path, sharepath);
	snprintf(datadir, sizeof(datadir), "%s/extension/entente", sharepath);
	LoadAbbreviations();
	lex = ent_lexicon_build(datadir, &err);
	if (!lex)
		ReportError(&err);
	PG_TRY();
	{
		LoadUserEntries(lex);
	}
	PG_CATCH();
	{
		ent_lexicon_free(lex);
		PG_RE_THROW();
	}
	PG_END_TRY();
	lexicon = lex;
	lexicon_valid = true;
	return lexicon;
}

/*
 * ResolveLang fills lang (8 bytes) from argument argno, or detects the
 * language of the text when the argument is NULL ("" if it cannot).
 */
static void
ResolveLang(FunctionCallInfo fcinfo, int argno, const char *s, size_t len,
			char *lang)
{
	LangArg(fcinfo, argno, lang);
	if (!lang[0])
	{
		EntLangScore langs[ENT_LANG_MAX];
		EntError	err;
		int			n = ent_detect_languages(s, len > 16384 ? 16384 : len,
											 langs, &err);

		if (n < 0)
			ReportError(&err);
		if (n > 0 && strlen(langs[0].lang) < 8)
			strcpy(lang, langs[0].lang);
	}
}

/*
 * Extract runs the engine on argument 0 with the language of argument 1
 * and the publication date of argument 2 (when present).
 */
static EntDate
PublishedArg(FunctionCallInfo fcinfo, int argno)
{
	EntDate		published = {0, 0, 0};

	if (PG_NARGS() > argno && !PG_ARGISNULL(argno))
	{
		DateADT		d = PG_GETARG_DATEADT(argno);

		if (!DATE_NOT_FINITE(d))
		{
			int			y,
						m,
						dd;

			j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &dd);
			if (y >= 1 && y <= 9999)
			{
				published.year = y;
				published.month = m;
				published.day = dd;
			}
		}
	}
	return published;
}

static void
Extract(FunctionCallInfo fcinfo, bool with_date, unsigned flags,
		EntExtraction *x, char *lang)
{
	text	   *body = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(body);
	size_t		len = VARSIZE_ANY_EXHDR(body);
	EntDate		published = {0, 0, 0};
	EntError	err;
	Lexicon    *lex = GetLexicon();

	ResolveLang(fcinfo, 1, s, len, lang);
	if (with_date)
		published = PublishedArg(fcinfo, 2);
	if (!ent_extract(lex, s, len, lang, published, flags, x, &err))
		ReportError(&err);
}

/*
 * EnumCache holds the enum values of a result column: each label is looked
 * up once, with the column's enum type.
 */
#define ENUM_CACHE_SIZE 32

StaticAssertDecl((int) EV_NKINDS <= ENUM_CACHE_SIZE && (int) ENT_NKINDS <= ENUM_CACHE_SIZE,
				 "entente's enums fit the enum cache");

typedef struct EnumCache
{
	Oid			type;
	Datum		value[ENUM_CACHE_SIZE];
} EnumCache;

static Datum
EnumValue(EnumCache *cache, int k, const char *label)
{
	if (!cache->value[k])
		cache->value[k] = OidFunctionCall3(F_ENUM_IN, CStringGetDatum(label),
										   ObjectIdGetDatum(cache->type),
										   Int32GetDatum(-1));
	return cache->value[k];
}

/*
 * The enum caches of a call site, kept in fn_extra: the values are OIDs,
 * valid for as long as the function's FmgrInfo.
 */
static EnumCache *
CallEnumCaches(FunctionCallInfo fcinfo, int n)
{
	if (!fcinfo->flinfo->fn_extra)
		fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
														  n * sizeof(EnumCache));
	return fcinfo->flinfo->fn_extra;
}

/*
 * TextCache: the text values of the strings one call's rows share (ids,
 * canonical names, countries, rules: the lexicon's or the extraction's
 * strings, alive until the call ends), by address.  A row copies its
 * values, so rows may share a Datum.
 */
#define TEXT_CACHE_SIZE 64

typedef struct TextCache
{
	const char *key[TEXT_CACHE_SIZE];
	Datum		value[TEXT_CACHE_SIZE];
} TextCache;

static Datum
CachedText(TextCache *tc, const char *s)
{
	int			h = (int) (((uintptr_t) s >> 3) ^ ((uintptr_t) s >> 9)) & (TEXT_CACHE_SIZE - 1);

	if (tc->key[h] != s)
	{
		tc->key[h] = s;
		tc->value[h] = CStringGetTextDatum(s);
	}
	return tc->value[h];
}

/* MentionValues fills the 11 columns of entente.mention for m */
static void
MentionValues(const EntMention *m, EnumCache *kinds, TextCache *tc,
			  Datum *values, bool *nulls)
{
	memset(nulls, 0, 11 * sizeof(bool));
	values[0] = EnumValue(kinds, m->kind, ent_kind_names[m->kind]);
	values[1] = CachedText(tc, m->entity_id);
	values[2] = CachedText(tc, m->canonical);
	values[3] = CStringGetTextDatum(m->surface);
	values[4] = Int32GetDatum((int32) m->char_start + 1);
	values[5] = Int32GetDatum((int32) m->char_end);
	values[6] = Int32GetDatum(m->sentence);
	if (m->country[0])
		values[7] = CachedText(tc, m->country);
	else
		nulls[7] = true;
	values[8] = CachedText(tc, m->boilerplate ? "boilerplate" : "body");
	values[9] = Float4GetDatum(m->confidence);
	values[10] = CachedText(tc, m->rule ? m->rule : "");
}

/* entities(body text, lang text, published date) returns setof mention */
PG_FUNCTION_INFO_V1(entities);
Datum
entities(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo;
	EntExtraction x;
	char		lang[8];
	EnumCache  *kinds;
	TextCache	tc = {{0}};

	RequireUtf8();
	InitMaterializedSRF(fcinfo, 0);
	rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	Extract(fcinfo, true, 0, &x, lang);
	kinds = CallEnumCaches(fcinfo, 1);
	kinds->type = TupleDescAttr(rsinfo->setDesc, 0)->atttypid;
	for (int i = 0; i < x.n; i++)
	{
		Datum		values[11];
		bool		nulls[11];

		if (x.m[i].dropped)
			continue;
		MentionValues(&x.m[i], kinds, &tc, values, nulls);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	ent_extraction_free(&x);
	return (Datum) 0;
}

/* RelationValues fills the 21 columns of entente.relation for r */
static void
RelationValues(const EntRelation *r, const char *s, const char *lang,
			   EnumCache *kinds, EnumCache *modalities, Datum *values, bool *nulls)
{
	memset(nulls, 0, 21 * sizeof(bool));
	values[0] = CStringGetTextDatum(r->source);
	values[1] = CStringGetTextDatum(r->target);
	values[2] = CStringGetTextDatum(r->source_country);
	values[3] = CStringGetTextDatum(r->target_country);
	values[4] = EnumValue(kinds, r->kind, ent_event_names[r->kind]);
	nulls[5] = r->mode == NULL;
	if (r->mode)
		values[5] = CStringGetTextDatum(r->mode);
	nulls[6] = r->event_date[0] == '\0';
	if (r->event_date[0])
		values[6] = CStringGetTextDatum(r->event_date);
	values[7] = BoolGetDatum(r->negated);
	values[8] = EnumValue(modalities, r->modality, ent_modality_names[r->modality]);
	values[9] = Int16GetDatum((int16) ent_event_quad(r->kind));
	nulls[10] = r->equipment == NULL;
	if (r->equipment)
		values[10] = CStringGetTextDatum(r->equipment);
	nulls[11] = r->quantity < 0;
	values[11] = Int64GetDatum(r->quantity);
	nulls[12] = r->amount == NULL;
	if (r->amount)
		values[12] = CStringGetTextDatum(r->amount);
	values[13] = Int32GetDatum(r->sentence);
	values[14] = Int32GetDatum((int32) r->char_start + 1);
	values[15] = Int32GetDatum((int32) r->char_end);
	values[16] = PointerGetDatum(cstring_to_text_with_len(s + r->ev_start,
														  r->ev_end - r->ev_start));
	values[17] = CStringGetTextDatum(r->boilerplate ? "boilerplate" : "body");
	values[18] = Float4GetDatum(r->confidence);
	nulls[19] = lang[0] == '\0';
	if (lang[0])
		values[19] = CStringGetTextDatum(lang);
	values[20] = CStringGetTextDatum(r->rule ? r->rule : "");
}

/*
 * Relate runs the relation engine on argument 0 with the language of
 * argument 1 and the publication date of argument 2.
 */
static void
Relate(FunctionCallInfo fcinfo, EntRelations *rs, char *lang, const char **s)
{
	text	   *body = PG_GETARG_TEXT_PP(0);
	size_t		len = VARSIZE_ANY_EXHDR(body);
	EntError	err;
	Lexicon    *lex = GetLexicon();

	*s = VARDATA_ANY(body);
	ResolveLang(fcinfo, 1, *s, len, lang);
	if (!ent_relate(lex, *s, len, lang, PublishedArg(fcinfo, 2), rs, &err))
		ReportError(&err);
}

/* relations(body text, lang text, published date) returns setof relation */
PG_FUNCTION_INFO_V1(relations);
Datum
relations(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo;
	EntRelations rs;
	char		lang[8];
	const char *s;
	EnumCache  *enums;			/* kinds, modalities */

	RequireUtf8();
	InitMaterializedSRF(fcinfo, 0);
	rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	Relate(fcinfo, &rs, lang, &s);
	enums = CallEnumCaches(fcinfo, 2);
	enums[0].type = TupleDescAttr(rsinfo->setDesc, 4)->atttypid;
	enums[1].type = TupleDescAttr(rsinfo->setDesc, 8)->atttypid;
	for (int i = 0; i < rs.n; i++)
	{
		Datum		values[21];
		bool		nulls[21];

		RelationValues(&rs.r[i], s, lang, &enums[0], &enums[1], values, nulls);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	ent_relations_free(&rs);
	return (Datum) 0;
}

/* CompositeArray builds an array of composite type elem_type from n rows */
static ArrayType *
CompositeArray(Oid elem_type, int n, Datum *rows)
{
	int16		typlen;
	bool		typbyval;
	char		typalign;

	get_typlenbyvalalign(elem_type, &typlen, &typbyval, &typalign);
	return construct_array(rows, n, elem_type, typlen, typbyval, typalign);
}

/*
 * extract(body text, lang text, published date) returns (mentions mention[],
 * relations relation[]): both results of one pass of the engine, for jobs
 * that store both (entente.process).
 */
PG_FUNCTION_INFO_V1(extract);
Datum
extract(PG_FUNCTION_ARGS)
{
	TupleDesc	desc;
	EntRelations rs;
	char		lang[8];
	const char *s;
	Oid			types[2];
	TupleDesc	row_desc[2];
	EnumCache  *enums;			/* mention kinds, relation kinds, modalities */
	TextCache	tc = {{0}};
	Datum	   *rows;
	int			n = 0;
	Datum		result[2];
	bool		result_nulls[2] = {false, false};

	RequireUtf8();
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "entente: extract must return a row");
	desc = BlessTupleDesc(desc);
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	for (int k = 0; k < 2; k++)
	{
		types[k] = get_element_type(TupleDescAttr(desc, k)->atttypid);
		row_desc[k] = lookup_rowtype_tupdesc_copy(types[k], -1);
	}
	enums = CallEnumCaches(fcinfo, 3);
	enums[0].type = TupleDescAttr(row_desc[0], 0)->atttypid;
	enums[1].type = TupleDescAttr(row_desc[1], 4)->atttypid;
	enums[2].type = TupleDescAttr(row_desc[1], 8)->atttypid;
	Relate(fcinfo, &rs, lang, &s);

	rows = palloc((Max(rs.x.n, rs.n) + 1) * sizeof(Datum));
	for (int i = 0; i < rs.x.n; i++)
	{
		Datum		values[11];
		bool		nulls[11];

		CHECK_FOR_INTERRUPTS();
		if (rs.x.m[i].dropped)
			continue;
		MentionValues(&rs.x.m[i], &enums[0], &tc, values, nulls);
		rows[n++] = HeapTupleGetDatum(heap_form_tuple(row_desc[0], values, nulls));
	}
	result[0] = PointerGetDatum(CompositeArray(types[0], n, rows));
	n = 0;
	for (int i = 0; i < rs.n; i++)
	{
		Datum		values[21];
		bool		nulls[21];

		CHECK_FOR_INTERRUPTS();
		RelationValues(&rs.r[i], s, lang, &enums[1], &enums[2], values, nulls);
		rows[n++] = HeapTupleGetDatum(heap_form_tuple(row_desc[1], values, nulls));
	}
	result[1] = PointerGetDatum(CompositeArray(types[1], n, rows));
	ent_relations_free(&rs);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, result, result_nulls)));
}

/*
 * An entity id with its first eight bytes as a number that sorts as the
 * bytes do (big-endian, zeros past the end): most ids are told apart
 * without strcmp.
 */
typedef struct IdKey
{
	uint64		prefix;
	const char *id;
} IdKey;

static IdKey
MakeIdKey(const char *id)
{
	IdKey		k = {0, id};

	for (int b = 0; b < 8 && id[b]; b++)
		k.prefix |= (uint64) (unsigned char) id[b] << (56 - 8 * b);
	return k;
}

static inline int
CompareIdKeys(const IdKey *a, const IdKey *b)
{
	if (a->prefix != b->prefix)
		return a->prefix < b->prefix ? -1 : 1;
	/* (equal prefixes: ids of at least eight bytes, or equal ones) */
	return (a->prefix & 0xFF) ? strcmp(a->id + 8, b->id + 8) : 0;
}

static int
CompareIdKeysQsort(const void *a, const void *b)
{
	return CompareIdKeys(a, b);
}

/*
 * TextArray builds the text[] of the n strings s[]: the array is laid out
 * in one allocation, as construct_array would lay out text values with
 * four-byte headers, without a datum per element.
 */
static ArrayType *
TextArray(const char **s, int n)
{
	size_t		nbytes = ARR_OVERHEAD_NONULLS(1);
	ArrayType  *arr;
	char	   *p;

	if (n == 0)
		return construct_empty_array(TEXTOID);
	for (int i = 0; i < n; i++)
		nbytes += INTALIGN(VARHDRSZ + strlen(s[i]));
	if (!AllocSizeIsValid(nbytes))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("entente: the array of ids is too large")));
	arr = palloc0(nbytes);
	SET_VARSIZE(arr, nbytes);
	arr->ndim = 1;
	arr->dataoffset = 0;
	arr->elemtype = TEXTOID;
	ARR_DIMS(arr)[0] = n;
	ARR_LBOUND(arr)[0] = 1;
	p = (char *) arr + ARR_OVERHEAD_NONULLS(1);	/* (no nulls) */
	for (int i = 0; i < n; i++)
	{
		size_t		len = strlen(s[i]);

		SET_VARSIZE(p, VARHDRSZ + len);
		memcpy(VARDATA(p), s[i], len);
		p += INTALIGN(VARHDRSZ + len);
	}
	return arr;
}

/* entity_ids(body text, lang text) returns text[] */
PG_FUNCTION_INFO_V1(entity_ids);
Datum
entity_ids(PG_FUNCTION_ARGS)
{
	EntExtraction x;
	char		lang[8];
	IdKey	   *keys;
	const char **ids;
	int			n = 0,
				k = 0;
	ArrayType  *arr;

	RequireUtf8();
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	Extract(fcinfo, false, ENT_X_IDS_ONLY, &x, lang);
	keys = palloc((x.n + 1) * sizeof(IdKey));
	for (int i = 0; i < x.n; i++)
	{
		const EntMention *m = &x.m[i];

		if (m->dropped || m->boilerplate ||
			(m->kind > ENT_EQUIPMENT && m->kind != ENT_NATIONALITY))
			continue;
		/* (mentions of one entity mostly share its id's string) */
		if (n > 0 && keys[n - 1].id == m->entity_id)
			continue;
		keys[n++].id = m->entity_id;
	}
	if (n <= 64)
	{
		/*
		 * An article's few ids: strings met before are passed over, the
		 * others sorted in place, without a call per comparison
		 */
		for (int i = 0; i < n; i++)
		{
			IdKey		key;
			int			j;
			int			cmp = 1;

			for (j = 0; j < k && keys[j].id != keys[i].id; j++)
				;
			if (j < k)
				continue;
			key = MakeIdKey(keys[i].id);
			for (j = k; j > 0 && (cmp = CompareIdKeys(&keys[j - 1], &key)) > 0; j--)
				keys[j] = keys[j - 1];
			if (cmp == 0)
			{
				/* (an equal string elsewhere: shift back) */
				for (; j < k; j++)
					keys[j] = keys[j + 1];
				continue;
			}
			keys[j] = key;
			k++;
		}
	}
	else
	{
		for (int i = 0; i < n; i++)
			keys[i] = MakeIdKey(keys[i].id);
		qsort(keys, n, sizeof(IdKey), CompareIdKeysQsort);
		for (int i = 0; i < n; i++)
			if (i == 0 || CompareIdKeys(&keys[i], &keys[k - 1]) != 0)
				keys[k++] = keys[i];
	}
	ids = palloc((k + 1) * sizeof(char *));
	for (int i = 0; i < k; i++)
		ids[i] = keys[i].id;
	arr = TextArray(ids, k);
	ent_extraction_free(&x);
	PG_RETURN_ARRAYTYPE_P(arr);
}

/*
 * clean(body text, lang text) returns the article without its page
 * furniture: the lines the engine marks as boilerplate (teasers, navigation,
 * banners, repeated lines) are dropped, the others kept as written, and runs
 * of blank lines left behind are closed up to one.
 */
PG_FUNCTION_INFO_V1(clean);
Datum
clean(PG_FUNCTION_ARGS)
{
	EntExtraction x;
	char		lang[8];
	text	   *body;
	const char *s;
	StringInfoData out;
	bool		pending_blank = false;

	RequireUtf8();
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	body = PG_GETARG_TEXT_PP(0);
	s = VARDATA_ANY(body);
	Extract(fcinfo, false, ENT_X_IDS_ONLY, &x, lang);
	initStringInfo(&out);
	for (int li = 0; li < x.doc.nlines; li++)
	{
		const EntLine *l = &x.doc.lines[li];

		CHECK_FOR_INTERRUPTS();
		if (l->ntok == 0)
		{
			/* a blank line: kept once, and only between kept lines */
			if (out.len > 0)
				pending_blank = true;
			continue;
		}
		if (l->boilerplate)
			continue;
		if (out.len > 0)
			appendStringInfoString(&out, pending_blank ? "\n\n" : "\n");
		pending_blank = false;
		appendBinaryStringInfo(&out, s + l->byte_start, l->byte_end - l->byte_start);
	}
	ent_extraction_free(&x);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data, out.len));
}

/*
 * user_lexicon_changed is the statement trigger on entente.user_lexicon:
 * it tells every backend (at commit) to rebuild its lexicon.
 */
PG_FUNCTION_INFO_V1(user_lexicon_changed);
Datum
user_lexicon_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trig = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("user_lexicon_changed() must be called as a trigger")));
	CacheInvalidateRelcacheByRelid(RelationGetRelid(trig->tg_relation));
	lexicon_valid = false;
	return PointerGetDatum(NULL);
}

/* lexicon_stats() returns (entities, aliases, build_ms, bytes) */
PG_FUNCTION_INFO_V1(lexicon_stats);
Datum
lexicon_stats(PG_FUNCTION_ARGS)
{
	TupleDesc	desc;
	Datum		values[5];
	bool		nulls[5] = {0};
	Lexicon    *lex;
	bool		was_built = lexicon && lexicon_valid;

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "entente: lexicon_stats must return a row");
	desc = BlessTupleDesc(desc);
	lex = GetLexicon();
	values[0] = Int32GetDatum(lex->nentities);
	values[1] = Int32GetDatum(lex->naliases);
	values[2] = Int64GetDatum((int64) lex->build_ms);
	values[3] = Int64GetDatum((int64) (lex->bytes + lex->keys.size * sizeof(StrMapSlot) +
									   lex->keys.arena_cap +
									   lex->naliases * sizeof(LexAlias) +
									   lex->nentities * sizeof(LexEntity)));
	values[4] = BoolGetDatum(was_built);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}
