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

#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "storage/fd.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

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
void
_PG_init(void)
{
	ent_allocator.alloc = PgAlloc;
	ent_allocator.realloc = PgRealloc;
	ent_allocator.free = PgFree;
	ent_interrupt_hook = PgCheckInterrupts;
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
