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

#include <ctype.h>
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

	/*
	 * Eight bytes at a time: every byte but a continuation byte (10xxxxxx)
	 * starts a character; the marks of continuation bytes, one bit per
	 * byte, are summed by a multiplication.
	 */
	for (; b + 8 <= target; b += 8)
	{
		uint64_t	w;
		uint64_t	cont;

		memcpy(&w, s + b, 8);
		cont = (w & ~(w << 1) & UINT64_C(0x8080808080808080)) >> 7;
		n += 8 - (size_t) ((cont * UINT64_C(0x0101010101010101)) >> 56);
	}
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
	uint64_t	words[1024];	/* a Bloom filter over the folded words of
								 * every language: most words before a full
								 * stop are no abbreviation anywhere */
} AbbrevSet;

static AbbrevSet abbrevs;

/* the fold of each ASCII character that folds to one ASCII character, else
 * 0 (made when the list is loaded, with the fold that makes the keys) */
static char abbrev_ascii_fold[128];

static uint32_t
HashBytes(const char *s, size_t n)
{
	uint32_t	h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char) s[i]) * 16777619u;
	return h;
}

/* the two bits of folded word w[0..n) in AbbrevSet.words */
static inline void
AbbrevWordBits(const char *w, size_t n, uint32_t *a, uint32_t *b)
{
	uint32_t	h = HashBytes(w, n);

	*a = h & 0xFFFF;
	*b = h >> 16;
}

static inline bool
AbbrevWordMaybe(const AbbrevSet *set, const char *w, size_t n)
{
	uint32_t	a,
				b;

	AbbrevWordBits(w, n, &a, &b);
	return ((set->words[a >> 6] >> (a & 63)) & 1) && ((set->words[b >> 6] >> (b & 63)) & 1);
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
 * MakeKey writes "lang\tfolded" into key (at least 128 bytes), where folded
 * is the fold of a word, and returns its length, or 0 if the word is too
 * long to be an abbreviation.
 */
static size_t
MakeKey(const char *lang, const char *folded, size_t flen, char *key)
{
	size_t		llen = strlen(lang);

	if (flen == 0 || flen > 100 || llen > 8)
		return 0;
	memcpy(key, lang, llen);
	key[llen] = '\t';
	memcpy(key + llen + 1, folded, flen);
	return llen + 1 + flen;
}

/*
 * FoldWord folds word[0..wlen) into f (initialized by the caller); false if
 * it is too long to be an abbreviation or cannot be folded.
 */
static bool
FoldWord(const char *word, size_t wlen, EntBuf *f)
{
	EntError	err;

	return wlen > 0 && wlen <= 60 && ent_fold(word, wlen, f, &err);
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
	EntBuf		f0;

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
		EntBuf		f;

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
		entbuf_init(&f, wlen * 2 + 8);
		klen = FoldWord(tab + 1, wlen, &f) ? MakeKey(lang, f.data, f.len, key) : 0;
		if (klen)
		{
			uint32_t	a,
						b;

			AbbrevWordBits(f.data, f.len, &a, &b);
			set.words[a >> 6] |= (uint64_t) 1 << (a & 63);
			set.words[b >> 6] |= (uint64_t) 1 << (b & 63);
		}
		ent_free(f.data);
		if (klen && !AbbrevInsert(&set, key, klen))
			return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	}

	for (int c = 1; c < 128; c++)
	{
		char		ch = (char) c;

		entbuf_init(&f0, 8);
		abbrev_ascii_fold[c] = FoldWord(&ch, 1, &f0) && f0.len == 1 &&
			(unsigned char) f0.data[0] < 0x80 ? f0.data[0] : 0;
		ent_free(f0.data);
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
static bool
AbbrevHasFolded(const char *lang, const char *folded, size_t flen)
{
	char		key[160];
	size_t		n;

	if (!abbrevs.keys || !AbbrevWordMaybe(&abbrevs, folded, flen))
		return false;
	n = MakeKey(lang, folded, flen, key);
	if (n && AbbrevLookup(&abbrevs, key, n))
		return true;
	n = MakeKey("*", folded, flen, key);
	return n && AbbrevLookup(&abbrevs, key, n);
}

bool
ent_abbrev_has(const char *lang, const char *word, size_t len)
{
	EntBuf		f;
	bool		found = false;
	char		small[64];
	size_t		i;

	/*
	 * (Asked at every full stop: a word of ASCII characters that fold to one
	 * ASCII character each is folded here, without an allocation.)
	 */
	for (i = 0; i < len && i < sizeof(small); i++)
	{
		unsigned char c = (unsigned char) word[i];

		if (c >= 0x80 || !abbrev_ascii_fold[c])
			break;
		small[i] = abbrev_ascii_fold[c];
	}
	if (i == len && len > 0)
		return AbbrevHasFolded(lang, small, len);
	/* other short words without an allocation too */
	if (len <= sizeof(small) / 2)
	{
		int			n = ent_fold_word(word, len, small, sizeof(small));

		if (n >= 0)
			return n > 0 && AbbrevHasFolded(lang, small, (size_t) n);
	}
	entbuf_init(&f, len * 2 + 8);
	if (FoldWord(word, len, &f))
		found = AbbrevHasFolded(lang, f.data, f.len);
	ent_free(f.data);
	return found;
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

/*
 * WhiteSpace: ICU's White_Space, without a call below U+2000, where only
 * the ASCII spaces, NEL, NBSP and the Ogham space mark have it (enttest
 * checks it against ICU through ent_space_or_quote).
 */
static inline bool
WhiteSpace(int32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	if (c < 0x2000)
		return c == 0x85 || c == 0xA0 || c == 0x1680;
	return u_isUWhiteSpace(c);
}

static bool
IsSpaceAt(const char *s, size_t len, size_t i, int *used)
{
	if ((unsigned char) s[i] < 0x80)
	{
		*used = 1;
		return WhiteSpace((unsigned char) s[i]);
	}
	return WhiteSpace(ent_utf8_decode((const unsigned char *) s + i, len - i, used));
}

/*
 * ent_space_or_quote: cp is white space or a quotation mark, as ICU says.
 * Below U+2000 the only quotation marks are the ASCII ones and the two
 * guillemets, so the letters of most scripts are answered without a call.
 */
bool
ent_space_or_quote(int32_t cp)
{
	if (WhiteSpace(cp))
		return true;
	if (cp < 0x80)
		return cp == '"' || cp == '\'';
	if (cp < 0x2000)
		return cp == 0xAB || cp == 0xBB;
	return u_hasBinaryProperty(cp, UCHAR_QUOTATION_MARK);
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
			/* (« and „ are quotation marks) */
			if (ent_space_or_quote(cp))
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
	/* (an initial or an ordinal is at most four bytes) */
	if (wend - seg > 4)
		return false;
	for (size_t i = seg; i < wend;)
	{
		int			used = 1;
		unsigned char b = (unsigned char) s[i];
		int32_t		c = b < 0x80 ? b :
			ent_utf8_decode((const unsigned char *) s + i, wend - i, &used);
		/* (ASCII without a call: ICU's classes are the same there) */
		bool		letter = c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : u_isalpha(c);
		bool		digit = c < 0x80 ? (c >= '0' && c <= '9') : u_isdigit(c);

		if (letter)
			nletters++;
		if (!digit)
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
 * Sentence boundaries without the ICU iterator
 *
 * ICU's sentence rules (UAX #29 as written in ICU's sent.txt) need only the
 * Sentence_Break property of each character, and apart from Extend and
 * Format characters, which attach to the character before them, they come
 * down to a few cases.  A paragraph separator always ends a sentence.  A
 * full stop, question or exclamation mark (ATerm, STerm) ends one after the
 * closing punctuation and spaces that follow it, unless a digit follows a
 * full stop at once (3.5), a capital follows a full stop between two letters
 * (U.S.A), a lower-case letter follows a full stop after only punctuation,
 * spaces and digits ("etc. and"), or a comma-like character (SContinue) or
 * another terminator follows.  Closers and spaces at the start of a sentence
 * belong to it (ICU starts every sentence as it starts the text).
 *
 * NextBreak finds the same boundaries as the ICU iterator in one pass over
 * the bytes with a table lookup per character, several times faster.  At
 * a stray byte it gives up and ICU segments the rest of the text; so does it
 * for languages whose sentence rules ICU tailors.  Each sentence is found
 * from its start alone, so ICU can take over at any boundary.
 */
enum
{
	SB_OTHER = 0,
	SB_PARASEP,					/* CR, LF, Sep */
	SB_CR,
	SB_SP,
	SB_CLOSE,
	SB_ATERM,
	SB_STERM,
	SB_SCONTINUE,
	SB_UPPER,
	SB_LOWER,
	SB_NUMERIC,
	SB_OLETTER,
	SB_EXTEND,					/* Extend or Format */
	SB_UNKNOWN					/* a stray byte: the text goes to ICU */
};

/* Sentence_Break classes by 256-character block, filled when first met. */
static uint8_t *sb_blocks[0x110000 >> 8];

/* ASCII characters that may end a sentence: terminators and line ends */
static bool sb_ascii_stop[128];

static const uint8_t *
SbBlock(int32_t cp)
{
	int			b = cp >> 8;
	uint8_t    *t;

	if (sb_blocks[b])
		return sb_blocks[b];
	t = malloc(256);
	if (!t)
		return NULL;
	for (int k = 0; k < 256; k++)
	{
		int32_t		c = (b << 8) | k;
		int			v;

		switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK))
		{
			case U_SB_CR:
				v = SB_CR;
				break;
			case U_SB_LF:
			case U_SB_SEP:
				v = SB_PARASEP;
				break;
			case U_SB_SP:
				v = SB_SP;
				break;
			case U_SB_CLOSE:
				v = SB_CLOSE;
				break;
			case U_SB_ATERM:
				v = SB_ATERM;
				break;
			case U_SB_STERM:
				v = SB_STERM;
				break;
			case U_SB_SCONTINUE:
				v = SB_SCONTINUE;
				break;
			case U_SB_UPPER:
				v = SB_UPPER;
				break;
			case U_SB_LOWER:
				v = SB_LOWER;
				break;
			case U_SB_NUMERIC:
				v = SB_NUMERIC;
				break;
			case U_SB_OLETTER:
				v = SB_OLETTER;
				break;
			case U_SB_EXTEND:
			case U_SB_FORMAT:
				v = SB_EXTEND;
				break;
			default:
				v = SB_OTHER;
				break;
		}
		t[k] = (uint8_t) v;
		if (c < 128)
			sb_ascii_stop[c] = (v == SB_ATERM || v == SB_STERM ||
								v == SB_PARASEP || v == SB_CR);
	}
	sb_blocks[b] = t;
	return t;
}

/*
 * SbAt gives the class of the character at byte i of s[0..len) and its
 * length in *used; SB_UNKNOWN for ill-formed UTF-8 or when out of memory,
 * which sends the text to ICU.
 */
static inline int
SbAt(const char *s, size_t len, size_t i, int *used)
{
	unsigned char c = (unsigned char) s[i];
	const uint8_t *t;
	int32_t		cp;

	if (c < 0x80)
	{
		*used = 1;
		return sb_blocks[0][c];
	}
	cp = ent_utf8_decode((const unsigned char *) s + i, len - i, used);
	/* what ICU would read as ill-formed: stray bytes, overlong forms,
	 * surrogates, beyond U+10FFFF */
	if (ent_utf8_suspect(cp, *used))
		return SB_UNKNOWN;
	t = sb_blocks[cp >> 8];
	if (!t && !(t = SbBlock(cp)))
		return SB_UNKNOWN;
	return t[cp & 0xFF];
}

/*
 * NativeLanguage tells whether ICU segments lang with its root rules, which
 * NextBreak follows.  Greek alone has its own (the semicolon ends a
 * sentence); a locale with keywords ("@ss=standard") may change them too.
 */
static bool
NativeLanguage(const char *lang)
{
	if (strncmp(lang, "el", 2) == 0 && !isalpha((unsigned char) lang[2]))
		return false;
	for (const char *l = lang; *l; l++)
		if (!isalnum((unsigned char) *l) && *l != '_' && *l != '-')
			return false;
	return true;
}

/*
 * SkipExtend returns the byte after the Extend and Format characters at i;
 * *cls becomes the class of the character there (SB_OTHER at the end).
 */
static inline size_t
SkipExtend(const char *s, size_t len, size_t i, int *cls, int *used)
{
	while (i < len && (*cls = SbAt(s, len, i, used)) == SB_EXTEND)
		i += *used;
	if (i >= len)
		*cls = SB_OTHER;
	return i;
}

/*
 * NextBreak returns the sentence boundary after the boundary at byte start
 * of s[0..len), as ICU's iterator would, or NO_BREAK if the sentence has a
 * stray byte: then ICU must segment the rest of the text.  Extend and
 * Format characters go with the character before them (except after a
 * paragraph separator, which ends the sentence at once).
 */
#define NO_BREAK ((size_t) -1)

/* the stops of ent_sentence_bytes_at, read forward */
typedef struct StopCursor
{
	const uint32_t *stops;
	size_t		n;
	size_t		k;				/* the first not behind the reader */
} StopCursor;

static size_t
NextBreak(const char *s, size_t len, size_t start, StopCursor *sc)
{
	size_t		i = start;
	int			used;
	int			cls = SB_OTHER;

	/* closers and spaces that start a sentence belong to it */
	while (i < len && ((cls = SbAt(s, len, i, &used)) == SB_SP ||
					   cls == SB_CLOSE || cls == SB_EXTEND))
		i += used;
	while (i < len)
	{
		size_t		q,
					r;
		int			next;

		/*
		 * Other characters, and the closers and spaces after them, go along:
		 * go to the next stop the caller saw, or skip plain ASCII ones at
		 * once.
		 */
		if (sc)
		{
			while (sc->k < sc->n && sc->stops[sc->k] < i)
				sc->k++;
			if (sc->k == sc->n)
				return len;
			i = sc->stops[sc->k];
		}
		else
			while ((unsigned char) s[i] < 0x80 && !sb_ascii_stop[(unsigned char) s[i]])
				if (++i == len)
					return len;
		cls = SbAt(s, len, i, &used);
		if (cls == SB_UNKNOWN)
			return NO_BREAK;
		if (cls == SB_CR)
			return (i + 1 < len && s[i + 1] == '\n') ? i + 2 : i + 1;
		if (cls == SB_PARASEP)
			return i + used;
		if (cls != SB_ATERM && cls != SB_STERM)
		{
			i += used;
			continue;
		}
		/* a terminator at i */
		q = SkipExtend(s, len, i + used, &next, &used);
		if (q >= len)
			return len;
		if (next == SB_UNKNOWN)
			return NO_BREAK;
		if (cls == SB_ATERM)
		{
			int			prev = SB_OTHER;
			size_t		p = i;

			/* the character before the full stop, past Extend and Format */
			while (p > start)
			{
				int			pu;

				p--;
				while (p > start && ((unsigned char) s[p] & 0xC0) == 0x80)
					p--;
				if ((prev = SbAt(s, len, p, &pu)) != SB_EXTEND)
					break;
			}
			/* 3.5; U.S.A */
			if (next == SB_NUMERIC ||
				(next == SB_UPPER && (prev == SB_UPPER || prev == SB_LOWER)))
			{
				i = q;
				continue;
			}
		}
		/* closers, then spaces */
		r = q;
		for (int want = SB_CLOSE; want != 0; want = (want == SB_CLOSE) ? SB_SP : 0)
		{
			while (next == want)
			{
				r = SkipExtend(s, len, r + used, &next, &used);
				if (r >= len)
					return len;
				if (next == SB_UNKNOWN)
					return NO_BREAK;
			}
		}
		if (cls == SB_ATERM)
		{
			/* "etc. (and": a lower-case letter after punctuation and digits */
			size_t		t = r;
			int			tc = next;
			int			tu = used;

			while (tc != SB_OLETTER && tc != SB_UPPER && tc != SB_LOWER &&
				   tc != SB_PARASEP && tc != SB_CR && tc != SB_ATERM &&
				   tc != SB_STERM)
			{
				if (tc == SB_UNKNOWN)
					return NO_BREAK;
				t += tu;
				if (t >= len)
					break;
				tc = SbAt(s, len, t, &tu);
			}
			if (t < len && tc == SB_LOWER)
			{
				i = t;
				continue;
			}
		}
		if (next == SB_SCONTINUE || next == SB_ATERM || next == SB_STERM)
		{
			i = r;
			continue;
		}
		if (next == SB_CR)
			return (r + 1 < len && s[r + 1] == '\n') ? r + 2 : r + 1;
		if (next == SB_PARASEP)
			return r + used;
		return r;
	}
	return len;
}

/*
 * Sentences does ent_sentences (see segment.h), with character offsets when
 * chars is true.
 */
static bool
Sentences(const char *s, size_t len, const char *lang, bool chars,
		  StopCursor *sc, EntSpanFn fn, void *arg, EntError *err)
{
	UText		ut = UTEXT_INITIALIZER;
	UBreakIterator *bi = NULL;
	size_t		base = 0;		/* where ICU took over */
	CharCursor	cur = {s, 0, 0};
	size_t		b = 0;			/* the last boundary */
	size_t		start = 0;
	bool		ok = true;

	if (len == 0)
		return true;
	if (!sb_blocks[0] && !SbBlock(0))
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	while (ok && b < len)
	{
		size_t		end;
		size_t		tstart = start;
		size_t		tend;
		bool		newline = false;
		int			used;
		EntSpan		span;

		if (!bi && (!NativeLanguage(lang) || (end = NextBreak(s, len, b, sc)) == NO_BREAK))
		{
			base = b;
			bi = OpenIterator(UBRK_SENTENCE, lang, s + base, len - base, &ut, err);
			if (!bi)
				return false;
			ubrk_first(bi);
		}
		if (bi)
		{
			int32_t		next = ubrk_next(bi);

			if (next == UBRK_DONE)
				break;
			end = base + (size_t) next;
		}
		b = end;
		tend = end;
		ENT_CHECK_INTERRUPTS();
		/* trim trailing white space, noting a line break */
		while (tend > tstart)
		{
			size_t		p = tend - 1;
			int32_t		c;

			while (p > tstart && ((unsigned char) s[p] & 0xC0) == 0x80)
				p--;
			if ((unsigned char) s[p] < 0x80)
				c = (unsigned char) s[p];	/* (no call for ASCII) */
			else
				c = ent_utf8_decode((const unsigned char *) s + p, len - p, &used);
			if (!WhiteSpace(c))
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
			span.char_start = chars ? CursorAt(&cur, tstart) : 0;
			span.char_end = chars ? CursorAt(&cur, tend) : 0;
			span.kind = ENT_TOK_WORD;
			ok = fn(arg, &span, err);
		}
		start = end;
	}
	if (bi)
	{
		ubrk_setText(bi, NULL, 0, &(UErrorCode) {U_ZERO_ERROR});
		utext_close(&ut);
	}
	return ok;
}

/*
 * ent_sentences: see segment.h.
 */
bool
ent_sentences(const char *s, size_t len, const char *lang, EntSpanFn fn,
			  void *arg, EntError *err)
{
	return Sentences(s, len, lang, true, NULL, fn, arg, err);
}

/*
 * ent_sentence_bytes: see segment.h.
 */
bool
ent_sentence_bytes(const char *s, size_t len, const char *lang, EntSpanFn fn,
				   void *arg, EntError *err)
{
	return Sentences(s, len, lang, false, NULL, fn, arg, err);
}

/*
 * ent_sentence_bytes_at: see segment.h.
 */
bool
ent_sentence_bytes_at(const char *s, size_t len, const char *lang,
					  const uint32_t *stops, size_t nstops,
					  EntSpanFn fn, void *arg, EntError *err)
{
	StopCursor	sc = {stops, nstops, 0};

	return Sentences(s, len, lang, false, &sc, fn, arg, err);
}

/*
 * ent_sentence_stop: see segment.h.
 */
bool
ent_sentence_stop(int32_t cp)
{
	const uint8_t *t;
	int			cls;

	if (cp < 0 || cp > 0x10FFFF)
		return false;
	t = sb_blocks[cp >> 8];
	if (!t && !(t = SbBlock(cp)))
		return true;			/* (out of memory: asking costs nothing) */
	cls = t[cp & 0xFF];
	return cls == SB_ATERM || cls == SB_STERM || cls == SB_CR || cls == SB_PARASEP;
}
