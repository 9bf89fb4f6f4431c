/*-------------------------------------------------------------------------
 *
 * segment.c
 *	  Words and sentences
 *
 * Both run ICU break iterators over the UTF-8 text in place (UText), so
 * nothing is converted or copied, and convert byte offsets to character
 * offsets with a cursor that only moves forward.
 *
 * Sentences start from ICU's rules and then join across full stops that
 * do not end a sentence: after an abbreviation listed in data/abbreviations.tsv, after
 * an initial ("J. Smith", "Kornet-E."), and after an ordinal number in
 * languages that write ordinals with a full stop ("am 3. März").  A line
 * break always ends a sentence, so headlines stand alone.  ICU's own
 * abbreviation filter ("ss=standard") is not used: it matches word endings,
 * so that in German "Weber." or "Müller." would never end a sentence.
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/segment.c
 *
 *-------------------------------------------------------------------------
 */
#include "segment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "icu_cache.h"
#include "normalize.h"

const char *const ent_token_kind_names[] = {"word", "number", "punct", "symbol"};

/* Moves a (byte, char) cursor forward to byte offset target. */
typedef struct CharCursor
{
	const char *s;
	size_t		byte;
	size_t		chr;
} CharCursor;

static size_t
CursorAt(CharCursor *c, size_t target)
{
	const char *s = c->s;
	size_t		b = c->byte;
	size_t		n = c->chr;

	for (; b < target; b++)
		n += ((s[b] & 0xC0) != 0x80);
	c->byte = b;
	c->chr = n;
	return n;
}

/*
 * OpenIterator binds a cached iterator of type for lang to s[0..len).
 */
static UBreakIterator *
OpenIterator(UBreakIteratorType type, const char *lang, const char *s,
			 size_t len, UText *ut, EntError *err)
{
	char		locale[40];
	UBreakIterator *bi;
	UErrorCode	status = U_ZERO_ERROR;

	if (len > INT32_MAX)
	{
		ent_fail(err, ENT_ERR_TOO_LARGE, "text is too large to segment");
		return NULL;
	}
	snprintf(locale, sizeof(locale), "%s", lang);
	bi = ent_break_iterator(type, locale, err);
	if (!bi)
		return NULL;
	utext_openUTF8(ut, s, (int64_t) len, &status);
	if (U_SUCCESS(status))
		ubrk_setUText(bi, ut, &status);
	if (U_FAILURE(status))
	{
		ent_fail_icu(err, status, "segmenting text");
		return NULL;
	}
	return bi;
}

/*
 * TokenKind classifies s[start..end) from the iterator's rule status.
 * Returns -1 for white space (not reported).
 */
static int
TokenKind(int32_t status, const char *s, size_t start, size_t end)
{
	int			used;
	int32_t		c;

	if (status >= UBRK_WORD_LETTER)
		return ENT_TOK_WORD;
	if (status >= UBRK_WORD_NUMBER)
		return ENT_TOK_NUMBER;
	c = ent_utf8_decode((const unsigned char *) s + start, end - start, &used);
	if (u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF)
	{
		/* a run of spaces is one segment; check it is only spaces */
		for (size_t i = start; i < end; i += used)
		{
			c = ent_utf8_decode((const unsigned char *) s + i, end - i, &used);
			if (!(u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF))
				return ENT_TOK_SYMBOL;
		}
		return -1;
	}
	if (u_ispunct(c))
		return ENT_TOK_PUNCT;
	if (u_isalpha(c) || u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY_MASK) & U_GC_M_MASK)
		return ENT_TOK_WORD;
	if (u_isdigit(c))
		return ENT_TOK_NUMBER;
	return ENT_TOK_SYMBOL;
}

/*
 * ent_tokens: see segment.h.
 */
bool
ent_tokens(const char *s, size_t len, const char *lang, EntSpanFn fn,
		   void *arg, EntError *err)
{
	UText		ut = UTEXT_INITIALIZER;
	UBreakIterator *bi;
	CharCursor	cur = {s, 0, 0};
	int32_t		start,
				end;
	bool		ok = true;

	if (len == 0)
		return true;
	bi = OpenIterator(UBRK_WORD, lang, s, len, &ut, err);
	if (!bi)
		return false;
	start = ubrk_first(bi);
	for (end = ubrk_next(bi); end != UBRK_DONE && ok;
		 start = end, end = ubrk_next(bi))
	{
		int			kind;
		EntSpan		span;

		ENT_CHECK_INTERRUPTS();
		kind = TokenKind(ubrk_getRuleStatus(bi), s, start, end);
		if (kind < 0)
			continue;
		span.byte_start = start;
		span.byte_end = end;
		span.char_start = CursorAt(&cur, start);
		span.char_end = CursorAt(&cur, end);
		span.kind = (EntTokenKind) kind;
		ok = fn(arg, &span, err);
	}
	ubrk_setText(bi, NULL, 0, &(UErrorCode) {U_ZERO_ERROR});
	utext_close(&ut);
	return ok;
}

/* ----------------------------------------------------------------
 * Abbreviations
 * ----------------------------------------------------------------
 */
typedef struct AbbrevSet
{
	char	  **keys;			/* "lang\tfolded", open addressing */
	size_t		size;			/* power of two */
	size_t		count;
} AbbrevSet;

static AbbrevSet abbrevs;

static uint32_t
HashBytes(const char *s, size_t n)
{
	uint32_t	h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char) s[i]) * 16777619u;
	return h;
}

static bool
AbbrevInsert(AbbrevSet *set, const char *key, size_t n)
{
	size_t		i = HashBytes(key, n) & (set->size - 1);

	while (set->keys[i])
	{
		if (strlen(set->keys[i]) == n && memcmp(set->keys[i], key, n) == 0)
			return true;
		i = (i + 1) & (set->size - 1);
	}
	set->keys[i] = malloc(n + 1);
	if (!set->keys[i])
		return false;
	memcpy(set->keys[i], key, n);
	set->keys[i][n] = '\0';
	set->count++;
	return true;
}

static bool
AbbrevLookup(const AbbrevSet *set, const char *key, size_t n)
{
	size_t		i;

	if (!set->keys)
		return false;
	i = HashBytes(key, n) & (set->size - 1);
	while (set->keys[i])
	{
		if (strlen(set->keys[i]) == n && memcmp(set->keys[i], key, n) == 0)
			return true;
		i = (i + 1) & (set->size - 1);
	}
	return false;
}

/*
 * MakeKey writes "lang\tfold(word)" into key (at least 128 bytes); returns
 * its length or 0 if the word is too long to be an abbreviation.
 */
static size_t
MakeKey(const char *lang, const char *word, size_t wlen, char *key)
{
	EntBuf		f;
	EntError	err;
	size_t		llen = strlen(lang);
	size_t		n;

	if (wlen == 0 || wlen > 60 || llen > 8)
		return 0;
	entbuf_init(&f, wlen * 2 + 8);
	if (!ent_fold(word, wlen, &f, &err) || f.len == 0 || f.len > 100)
	{
		ent_free(f.data);
		return 0;
	}
	memcpy(key, lang, llen);
	key[llen] = '\t';
	memcpy(key + llen + 1, f.data, f.len);
	n = llen + 1 + f.len;
	ent_free(f.data);
	return n;
}

/*
 * ent_abbrev_load: see segment.h.  Entries may be written with or without
 * the final full stop.
 */
bool
ent_abbrev_load(const char *buf, size_t len, EntError *err)
{
	AbbrevSet	set = {0};
	size_t		lines = 1;
	size_t		pos = 0;

	for (size_t i = 0; i < len; i++)
		lines += (buf[i] == '\n');
	set.size = 64;
	while (set.size < lines * 2)
		set.size *= 2;
	set.keys = calloc(set.size, sizeof(char *));
	if (!set.keys)
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");

	while (pos < len)
	{
		const char *line = buf + pos;
		const char *nl = memchr(line, '\n', len - pos);
		size_t		llen = nl ? (size_t) (nl - line) : len - pos;
		const char *tab;
		char		lang[16];
		char		key[160];
		size_t		wlen,
					klen;

		pos += llen + 1;
		if (llen && line[llen - 1] == '\r')
			llen--;
		if (llen == 0 || line[0] == '#')
			continue;
		tab = memchr(line, '\t', llen);
		if (!tab || tab == line || (size_t) (tab - line) >= sizeof(lang))
			return ent_fail(err, ENT_ERR_DATA,
							"malformed line in abbreviations.tsv: \"%.*s\"",
							(int) (llen > 60 ? 60 : llen), line);
		memcpy(lang, line, tab - line);
		lang[tab - line] = '\0';
		wlen = llen - (tab - line) - 1;
		/* an optional third column is a comment */
		{
			const char *tab2 = memchr(tab + 1, '\t', wlen);

			if (tab2)
				wlen = tab2 - (tab + 1);
		}
		while (wlen > 1 && tab[wlen] == '.')
			wlen--;
		klen = MakeKey(lang, tab + 1, wlen, key);
		if (klen && !AbbrevInsert(&set, key, klen))
			return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	}

	if (abbrevs.keys)
	{
		for (size_t i = 0; i < abbrevs.size; i++)
			free(abbrevs.keys[i]);
		free(abbrevs.keys);
	}
	abbrevs = set;
	return true;
}

bool
ent_abbrev_loaded(void)
{
	return abbrevs.keys != NULL;
}

/*
 * ent_abbrev_has: see segment.h.
 */
bool
ent_abbrev_has(const char *lang, const char *word, size_t len)
{
	char		key[160];
	size_t		n;

	n = MakeKey(lang, word, len, key);
	if (n && AbbrevLookup(&abbrevs, key, n))
		return true;
	n = MakeKey("*", word, len, key);
	return n && AbbrevLookup(&abbrevs, key, n);
}

/* ----------------------------------------------------------------
 * Sentences
 * ----------------------------------------------------------------
 */

/* Languages that write ordinal numbers with a full stop ("3. März"). */
static bool
OrdinalDotLanguage(const char *lang)
{
	static const char *const langs[] = {
		"de", "cs", "sk", "pl", "hu", "da", "no", "nb", "nn", "fi", "hr",
		"sl", "sr", "bs", "et", "lv", "lt", "is", "fo", NULL
	};

	for (const char *const *l = langs; *l; l++)
		if (strcmp(*l, lang) == 0)
			return true;
	return false;
}

static bool
IsLineBreak(int32_t c)
{
	return c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x85 ||
		c == 0x2028 || c == 0x2029;
}

static bool
IsSpaceAt(const char *s, size_t len, size_t i, int *used)
{
	int32_t		c = ent_utf8_decode((const unsigned char *) s + i, len - i, used);

	return u_isUWhiteSpace(c);
}

/*
 * ContinuesAfter decides whether the sentence s[start..end) (end trimmed of
 * trailing space) runs on past its final full stop.
 */
static bool
ContinuesAfter(const char *s, size_t start, size_t end, const char *lang)
{
	size_t		w;
	size_t		wend = end - 1;	/* the full stop */
	size_t		seg;
	bool		digits = true;
	size_t		nletters = 0;

	if (end <= start || s[end - 1] != '.')
		return false;
	/* the word before the full stop: back to white space or an opener */
	w = wend;
	while (w > start)
	{
		unsigned char c = (unsigned char) s[w - 1];

		if (c == ' ' || c == '\t' || c == '\n' || c == '(' || c == '"' ||
			c == '[' || c == '\'')
			break;
		if (c >= 0x80)
		{
			/* step back over a multibyte character; stop at spaces/quotes */
			size_t		b = w - 1;
			int			used;
			int32_t		cp;

			while (b > start && ((unsigned char) s[b] & 0xC0) == 0x80)
				b--;
			cp = ent_utf8_decode((const unsigned char *) s + b, wend - b, &used);
			if (u_isUWhiteSpace(cp) || u_hasBinaryProperty(cp, UCHAR_QUOTATION_MARK) ||
				cp == 0x00AB || cp == 0x201E)
				break;
			w = b;
			continue;
		}
		w--;
	}
	if (w >= wend)
		return false;
	if (ent_abbrev_has(lang, s + w, wend - w))
		return true;

	/* the last part after a hyphen or full stop: an initial? */
	seg = wend;
	while (seg > w && s[seg - 1] != '-' && s[seg - 1] != '.')
		seg--;
	for (size_t i = seg; i < wend;)
	{
		int			used;
		int32_t		c = ent_utf8_decode((const unsigned char *) s + i, wend - i, &used);

		if (u_isalpha(c))
		{
			nletters++;
			digits = false;
		}
		else if (!u_isdigit(c))
			digits = false;
		i += used;
	}
	if (nletters == 1 && seg < wend && wend - seg <= 4)
	{
		int			used;
		int32_t		c = ent_utf8_decode((const unsigned char *) s + seg, wend - seg, &used);

		if (u_isupper(c) && (size_t) used == wend - seg)
			return true;
	}
	/* an ordinal number: 1 to 3 digits standing alone */
	if (digits && seg == w && wend - w <= 3 && OrdinalDotLanguage(lang))
		return true;
	return false;
}

/*
 * ent_sentences: see segment.h.
 */
bool
ent_sentences(const char *s, size_t len, const char *lang, EntSpanFn fn,
			  void *arg, EntError *err)
{
	UText		ut = UTEXT_INITIALIZER;
	UBreakIterator *bi;
	CharCursor	cur = {s, 0, 0};
	int32_t		b;
	size_t		start = 0;
	bool		ok = true;

	if (len == 0)
		return true;
	bi = OpenIterator(UBRK_SENTENCE, lang, s, len, &ut, err);
	if (!bi)
		return false;
	ubrk_first(bi);
	for (b = ubrk_next(bi); b != UBRK_DONE && ok; b = ubrk_next(bi))
	{
		size_t		end = (size_t) b;
		size_t		tstart = start;
		size_t		tend = end;
		bool		newline = false;
		int			used;
		EntSpan		span;

		ENT_CHECK_INTERRUPTS();
		/* trim trailing white space, noting a line break */
		while (tend > tstart)
		{
			size_t		p = tend - 1;
			int32_t		c;

			while (p > tstart && ((unsigned char) s[p] & 0xC0) == 0x80)
				p--;
			c = ent_utf8_decode((const unsigned char *) s + p, len - p, &used);
			if (!u_isUWhiteSpace(c))
				break;
			newline |= IsLineBreak(c);
			tend = p;
		}
		if (end < len && !newline && ContinuesAfter(s, tstart, tend, lang))
			continue;
		/* trim leading white space */
		while (tstart < tend && IsSpaceAt(s, len, tstart, &used))
			tstart += used;
		if (tstart < tend)
		{
			span.byte_start = tstart;
			span.byte_end = tend;
			span.char_start = CursorAt(&cur, tstart);
			span.char_end = CursorAt(&cur, tend);
			span.kind = ENT_TOK_WORD;
			ok = fn(arg, &span, err);
		}
		start = end;
	}
	ubrk_setText(bi, NULL, 0, &(UErrorCode) {U_ZERO_ERROR});
	utext_close(&ut);
	return ok;
}
