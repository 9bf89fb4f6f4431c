/*-------------------------------------------------------------------------
 *
 * scan.c
 *	  Tokens of an article for extraction
 *
 * One pass over the UTF-8 text, one fold-table lookup per character (the
 * table gives both the fold and the character class), so scanning costs
 * about as much as entente.fold().
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/scan.c
 *
 *-------------------------------------------------------------------------
 */
#include "scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>

#include "normalize.h"
#include "segment.h"
#include "strmap.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define ENT_SCAN_SSE2 1
#endif

#define WORDCH (ENT_CH_LETTER | ENT_CH_MARK | ENT_CH_DIGIT)

typedef struct CharInfo
{
	int32_t		cp;
	int			used;			/* bytes */
	int			cls;
	const char *fold;
	int			foldlen;
} CharInfo;

typedef struct AsciiInfo
{
	bool		ready;
	bool		lower_plain;	/* 'a'..'z' fold to themselves, lower-case
								 * letters of one class */
	bool		alnum_plain;	/* ... and 'A'..'Z' fold to 'a'..'z' as
								 * upper-case letters, '0'..'9' are digits
								 * that fold to themselves: AsciiRun applies */
	bool		space_plain;	/* ' ' is a space and no line break */
	int			cls[128];
	char		fold[128];
	int			foldlen[128];
	bool		stop[128];		/* may end a sentence (ent_sentence_stop) */
} AsciiInfo;

static AsciiInfo ascii;

static bool
InitAscii(EntError *err)
{
	for (int c = 0; c < 128; c++)
	{
		const char *f;
		int			fl,
					cls;

		if (!ent_char_info(c, &f, &fl, &cls, err))
			return false;
		ascii.cls[c] = cls;
		ascii.stop[c] = ent_sentence_stop(c);
		ascii.foldlen[c] = fl;
		ascii.fold[c] = fl ? f[0] : 0;
	}
	ascii.lower_plain = true;
	for (int c = 'a'; c <= 'z'; c++)
		if (ascii.foldlen[c] != 1 || ascii.fold[c] != c || ascii.cls[c] != ascii.cls['a'] ||
			(ascii.cls[c] & (ENT_CH_LETTER | ENT_CH_LOWER | ENT_CH_UPPER | ENT_CH_DIGIT)) !=
			(ENT_CH_LETTER | ENT_CH_LOWER))
			ascii.lower_plain = false;
	ascii.space_plain = (ascii.cls[' '] & (ENT_CH_SPACE | ENT_CH_NEWLINE)) == ENT_CH_SPACE;
	ascii.alnum_plain = ascii.lower_plain;
	for (int c = 'A'; c <= 'Z'; c++)
		if (ascii.foldlen[c] != 1 || ascii.fold[c] != c - 'A' + 'a' ||
			(ascii.cls[c] & (ENT_CH_LETTER | ENT_CH_LOWER | ENT_CH_UPPER | ENT_CH_DIGIT)) !=
			(ENT_CH_LETTER | ENT_CH_UPPER))
			ascii.alnum_plain = false;
	for (int c = '0'; c <= '9'; c++)
		if (ascii.foldlen[c] != 1 || ascii.fold[c] != c ||
			(ascii.cls[c] & (ENT_CH_LETTER | ENT_CH_LOWER | ENT_CH_UPPER | ENT_CH_DIGIT)) !=
			ENT_CH_DIGIT)
			ascii.alnum_plain = false;
	ascii.ready = true;
	return true;
}

/*
 * Character information by 256-character block, copied from the fold table
 * the first time a block is met (kept for the process, like that table).
 * One entry of eight bytes per character holds its class and its fold (a
 * fold of up to six bytes, nearly all of them, in the entry itself), so a
 * character costs one memory access: text in a script of many blocks (Han,
 * Hangul) touches a line per eight characters, not three lines and the
 * fold table.
 */
#define BLOCK_INLINE_FOLD 6

typedef struct BlockChar
{
	uint8_t		cls;
	uint8_t		foldlen;
	char		fold[BLOCK_INLINE_FOLD];	/* if foldlen <= BLOCK_INLINE_FOLD */
} BlockChar;

typedef struct BlockInfo
{
	BlockChar	ch[256];
	const char *longfold[256];	/* folds longer than BLOCK_INLINE_FOLD */
} BlockInfo;

static BlockInfo *blocks[0x110000 >> 8];

static const BlockInfo *
NewBlock(int32_t cp, EntError *err)
{
	int			b = cp >> 8;
	BlockInfo  *bi;

	bi = malloc(sizeof(BlockInfo));
	if (!bi)
	{
		ent_fail(err, ENT_ERR_NOMEM, "out of memory");
		return NULL;
	}
	for (int k = 0; k < 256; k++)
	{
		const char *f;
		int			fl,
					cls;

		if (!ent_char_info((b << 8) | k, &f, &fl, &cls, err))
		{
			free(bi);
			return NULL;
		}
		bi->ch[k].cls = (uint8_t) cls;
		bi->ch[k].foldlen = (uint8_t) fl;
		bi->longfold[k] = f;
		if (fl <= BLOCK_INLINE_FOLD)
			memcpy(bi->ch[k].fold, f, fl);
	}
	blocks[b] = bi;
	return bi;
}

static inline const BlockInfo *
GetBlock(int32_t cp, EntError *err)
{
	return blocks[cp >> 8] ? blocks[cp >> 8] : NewBlock(cp, err);
}

/* the fold of character k of block bi */
static inline const char *
BlockFold(const BlockInfo *bi, int k)
{
	return bi->ch[k].foldlen <= BLOCK_INLINE_FOLD ? bi->ch[k].fold : bi->longfold[k];
}

/*
 * LowerAsciiRun returns 4 if the four bytes at s are lower-case ASCII
 * letters, else 0.  (Each byte is < 0x80, and adding 0x80 - 'a' sets its
 * high bit from 'a' on while adding 0x80 - 'z' - 1 sets it only past 'z'.)
 */
static inline int
LowerAsciiRun(const char *s)
{
	uint32_t	w;

	memcpy(&w, s, 4);
	if (w & 0x80808080u)
		return 0;
	return (((w + 0x1F1F1F1Fu) & ~(w + 0x05050505u)) & 0x80808080u) == 0x80808080u ? 4 : 0;
}

#ifdef ENT_SCAN_SSE2
/*
 * AsciiRun classifies the 16 bytes at s: the length of the run of ASCII
 * letters and digits they start with (0 to 16), and the masks of its upper-
 * case letters, lower-case letters and digits (bit k: byte k).  The run's
 * fold (ASCII letters lowered) is stored at out, all 16 bytes of it: the
 * caller keeps room for them and counts only the run.
 */
typedef struct AsciiRunInfo
{
	int			run;
	unsigned	upper;
	unsigned	lower;
	unsigned	digit;
} AsciiRunInfo;

/*
 * Letters count only up to two (a token is all capitals with two, and has
 * inner capitals with one after the first): the bits of a mask, at most 2.
 */
static inline int
UpToTwo(unsigned x)
{
	return (x != 0) + ((x & (x - 1)) != 0);
}

static inline AsciiRunInfo
AsciiRun(const char *s, char *out)
{
	__m128i		v = _mm_loadu_si128((const __m128i *) s);

	/* bytes from 0x80 are negative, below every bound */
	__m128i		up = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
								   _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
	__m128i		lo = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('a' - 1)),
								   _mm_cmplt_epi8(v, _mm_set1_epi8('z' + 1)));
	__m128i		dg = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
								   _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
	AsciiRunInfo r;
	unsigned	all,
				keep;

	r.upper = (unsigned) _mm_movemask_epi8(up);
	r.lower = (unsigned) _mm_movemask_epi8(lo);
	r.digit = (unsigned) _mm_movemask_epi8(dg);
	all = r.upper | r.lower | r.digit;
	r.run = __builtin_ctz(~all);	/* (~all has bit 16 set) */
	keep = (1u << r.run) - 1;
	r.upper &= keep;
	r.lower &= keep;
	r.digit &= keep;
	_mm_storeu_si128((__m128i *) out,
					 _mm_add_epi8(v, _mm_and_si128(up, _mm_set1_epi8(0x20))));
	return r;
}
#endif

/*
 * CharAt decodes the character at byte pos into ci.  It must be inlined
 * (the compiler's own choice kept it out of line, at a fifth of the scan).
 */
static ENT_ALWAYS_INLINE bool
CharAt(const char *s, size_t len, size_t pos, CharInfo *ci, EntError *err)
{
	unsigned char c = (unsigned char) s[pos];
	const BlockInfo *bi;
	int			k;

	if (c < 0x80)
	{
		ci->cp = c;
		ci->used = 1;
		ci->cls = ascii.cls[c];
		ci->fold = &ascii.fold[c];
		ci->foldlen = ascii.foldlen[c];
		return true;
	}
	ci->cp = ent_utf8_decode((const unsigned char *) s + pos, len - pos,
							 &ci->used);
	if (!(bi = GetBlock(ci->cp, err)))
		return false;
	k = ci->cp & 0xFF;
	ci->fold = BlockFold(bi, k);
	ci->foldlen = bi->ch[k].foldlen;
	ci->cls = bi->ch[k].cls;
	return true;
}

static bool
IsHyphen(int32_t c)
{
	return c == '-' || c == 0x2010 || c == 0x2011;
}

static bool
IsApostrophe(int32_t c)
{
	return c == '\'' || c == 0x2019 || c == 0x02BC;
}

/* a character that may join the parts of one token: 3.5, U.S, Mi-17, l'Italia */
static inline bool
IsJoiner(int32_t c)
{
	return c == '.' || c == ',' || IsHyphen(c) || IsApostrophe(c);
}

static bool
IsOpeningQuote(int32_t c)
{
	return c == '"' || c == 0x00AB || c == 0x201E || c == 0x201C ||
		c == 0x2018 || c == 0x201A || c == 0x2039 || c == 0x300C;
}

/* Folded elision prefixes that stand apart from the word they precede. */
static bool
IsElision(const char *f, size_t n)
{
	static const char *const el[] = {
		"l", "d", "dell", "dall", "nell", "sull", "all", "un", "qu", "j",
		"m", "n", "s", "t", "c", "quell", "quest", "dov", "com", "sant",
		"bell", "lorsqu", "puisqu", "jusqu", NULL
	};

	for (const char *const *e = el; *e; e++)
		if (strlen(*e) == n && memcmp(*e, f, n) == 0)
			return true;
	return false;
}

/* FoldGrow makes room for n more bytes of folds (and a terminator). */
static bool
FoldGrow(EntDoc *doc, int n, EntError *err)
{
	size_t		cap = doc->folded_cap * 2 + n + 64;

	if (cap > ENT_MAX_ALLOC)
		return ent_fail(err, ENT_ERR_TOO_LARGE, "text is too large");
	doc->folded = ent_realloc(doc->folded, cap);
	if (!doc->folded)
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	doc->folded_cap = cap;
	return true;
}

/* FoldAppend appends f[0..n), the fold of one character (mostly one byte). */
static inline bool
FoldAppend(EntDoc *doc, const char *f, int n, EntError *err)
{
	char	   *d;

	if (doc->folded_len + n + 1 > doc->folded_cap && !FoldGrow(doc, n, err))
		return false;
	d = doc->folded + doc->folded_len;
	if (n == 1)
		d[0] = f[0];
	else
		memcpy(d, f, n);
	doc->folded_len += n;
	return true;
}

/*
 * FoldAppendChar appends the fold of one character taken from the ASCII
 * table or a block (CharAt): a fold kept in the entry itself is copied as
 * eight bytes at once, which both tables have room for after every entry
 * (the buffer keeps as many spare), instead of a copy of variable length.
 */
static inline bool
FoldAppendChar(EntDoc *doc, const char *f, int n, EntError *err)
{
	int			need = n > 8 ? n : 8;
	char	   *d;

	if (doc->folded_len + need + 1 > doc->folded_cap && !FoldGrow(doc, need, err))
		return false;
	d = doc->folded + doc->folded_len;
	if (n <= BLOCK_INLINE_FOLD)
		memcpy(d, f, 8);
	else
		memcpy(d, f, n);
	doc->folded_len += n;
	return true;
}

/* TokensGrow makes room for one more token. */
static bool
TokensGrow(EntDoc *doc, EntError *err)
{
	size_t		cap = (size_t) doc->captok * 2 + 64;

	if (cap * sizeof(EntToken) > ENT_MAX_ALLOC)
		return ent_fail(err, ENT_ERR_TOO_LARGE, "text has too many tokens");
	doc->tok = ent_realloc(doc->tok, cap * sizeof(EntToken));
	if (!doc->tok)
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	doc->captok = (int32_t) cap;
	return true;
}

static inline EntToken *
NewToken(EntDoc *doc, EntError *err)
{
	if (doc->ntok == doc->captok && !TokensGrow(doc, err))
		return NULL;
	return &doc->tok[doc->ntok++];
}

static bool
NewLine(EntDoc *doc, size_t start, int *capl, EntError *err)
{
	if (doc->nlines == *capl)
	{
		*capl = *capl * 2 + 16;
		doc->lines = ent_realloc(doc->lines, (size_t) *capl * sizeof(EntLine));
		if (!doc->lines)
			return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	}
	doc->lines[doc->nlines].byte_start = (uint32_t) start;
	doc->lines[doc->nlines].byte_end = (uint32_t) start;
	doc->lines[doc->nlines].first_tok = doc->ntok;
	doc->lines[doc->nlines].ntok = 0;
	doc->lines[doc->nlines].boilerplate = false;
	doc->nlines++;
	return true;
}

typedef struct SentSpans
{
	size_t	   *ends;			/* byte end of each sentence */
	int			n;
	int			cap;
} SentSpans;

static bool
CollectSentence(void *arg, const EntSpan *span, EntError *err)
{
	SentSpans  *ss = arg;

	if (ss->n == ss->cap)
	{
		ss->cap = ss->cap * 2 + 16;
		ss->ends = ent_realloc(ss->ends, (size_t) ss->cap * sizeof(size_t));
		if (!ss->ends)
			return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	}
	ss->ends[ss->n++] = span->byte_end;
	return true;
}

/* AddStop notes a character at pos that may end a sentence */
static bool
AddStop(EntDoc *doc, size_t pos, EntError *err)
{
	if (doc->nstops == doc->stops_cap)
	{
		doc->stops_cap = doc->stops_cap * 2 + 64;
		doc->stops = ent_realloc(doc->stops, doc->stops_cap * sizeof(uint32_t));
		if (!doc->stops)
			return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	}
	doc->stops[doc->nstops++] = (uint32_t) pos;
	return true;
}

static inline bool
IsStop(int32_t cp)
{
	return cp < 0x80 ? ascii.stop[cp] : ent_sentence_stop(cp);
}

/*
 * AssignSentences numbers the sentences of doc as ent_sentences() finds
 * them, reading again only the text around the stops the scan met.
 */
static bool
AssignSentences(EntDoc *doc, EntError *err)
{
	SentSpans	ss = {0};
	int			i = 0;

	/* (a sentence ends at a stop the scan saw or at the end: room for all) */
	if (!doc->suspect && doc->nstops < INT_MAX / 2)
	{
		ss.cap = (int) doc->nstops + 1;
		if (!(ss.ends = ent_alloc((size_t) ss.cap * sizeof(size_t))))
			return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	}

	if (!(doc->suspect ?
		  ent_sentence_bytes(doc->text, doc->len, doc->lang, CollectSentence, &ss, err) :
		  ent_sentence_bytes_at(doc->text, doc->len, doc->lang, doc->stops, doc->nstops,
								CollectSentence, &ss, err)))
	{
		ent_free(ss.ends);
		return false;
	}
	/* sentence k + 1: the tokens that start before ends[k] (and the rest
	 * after the last), the first of them flagged */
	for (int k = 0; k <= ss.n && i < doc->ntok; k++)
	{
		size_t		end = k < ss.n ? ss.ends[k] : SIZE_MAX;

		if (doc->tok[i].byte_start >= end)
			continue;
		doc->tok[i].flags |= TK_SENT_START;
		for (; i < doc->ntok && doc->tok[i].byte_start < end; i++)
			doc->tok[i].sent = k + 1;
	}
	doc->nsent = ss.n;
	ent_free(ss.ends);
	ent_free(doc->stops);
	doc->stops = NULL;
	doc->nstops = doc->stops_cap = 0;
	return true;
}

/*
 * ent_vikey: see scan.h.
 */
bool
ent_vikey(const char *s, size_t n, EntBuf *out, EntError *err)
{
	EntBuf		vi;
	bool		unchanged;
	bool		ok;

	entbuf_init(&vi, n + 8);
	if (!ent_normalize(s, n, ENT_FORM_NFC_VI, &vi, &unchanged, err))
	{
		ent_free(vi.data);
		return false;
	}
	if (unchanged)
		ok = ent_normalize(s, n, ENT_FORM_NFKC_CF, out, &unchanged, err) &&
			(!unchanged || entbuf_append(out, s, n, err));
	else
		ok = ent_normalize(vi.data, vi.len, ENT_FORM_NFKC_CF, out, &unchanged, err) &&
			(!unchanged || entbuf_append(out, vi.data, vi.len, err));
	ent_free(vi.data);
	return ok;
}

/*
 * Keys of Vietnamese words already met, for the life of the process.
 * ent_vikey normalizes twice through ICU, yet the language has only some
 * thousands of syllables, so nearly every word of an article was seen in an
 * earlier one.  The map takes a word as written to the offset of its key in
 * the arena, where the key is stored after a byte of its length.  Only
 * words of up to VIKEY_MEMO_WORD bytes are kept, and when the memo is full
 * it starts afresh, so it stays within a few megabytes.
 */
#define VIKEY_MEMO_MAX 65536
#define VIKEY_MEMO_WORD 64

static struct
{
	StrMap		map;
	char	   *arena;			/* malloc'ed, like the map */
	size_t		len;
	size_t		cap;
} vikey_memo;

/*
 * VietnameseKey appends the key of word s[0..n) to out, from the memo when
 * the word was met before.  The memo only saves time: without memory for
 * it, the key is simply computed.
 */
static bool
VietnameseKey(const char *s, size_t n, EntBuf *out, EntError *err)
{
	int32_t		off;
	size_t		start = out->len;
	size_t		klen;

	if (n > VIKEY_MEMO_WORD)
		return ent_vikey(s, n, out, err);
	if (vikey_memo.map.count >= VIKEY_MEMO_MAX)
	{
		strmap_free(&vikey_memo.map);
		vikey_memo.len = 0;
	}
	off = strmap_get(&vikey_memo.map, s, n);
	if (off >= 0)
		return entbuf_append(out, vikey_memo.arena + off + 1,
							 (unsigned char) vikey_memo.arena[off], err);
	if (!ent_vikey(s, n, out, err))
		return false;
	/* remember keys that fit the length byte */
	klen = out->len - start;
	if (klen >= 256)
		return true;
	if (vikey_memo.len + klen + 1 > vikey_memo.cap)
	{
		size_t		cap = vikey_memo.cap * 2 + 4096;
		char	   *a = realloc(vikey_memo.arena, cap);

		if (!a)
			return true;
		vikey_memo.arena = a;
		vikey_memo.cap = cap;
	}
	if ((!vikey_memo.map.slots && !strmap_init(&vikey_memo.map, 4096)) ||
		!strmap_put(&vikey_memo.map, s, n, (int32_t) vikey_memo.len))
		return true;
	vikey_memo.arena[vikey_memo.len] = (char) klen;
	memcpy(vikey_memo.arena + vikey_memo.len + 1, out->data + start, klen);
	vikey_memo.len += klen + 1;
	return true;
}

/*
 * VietnameseKeys gives every word with a non-ASCII letter its key.
 */
static bool
VietnameseKeys(EntDoc *doc, EntError *err)
{
	EntBuf		b;

	entbuf_init(&b, doc->len / 2 + 64);
	for (int i = 0; i < doc->ntok; i++)
	{
		EntToken   *t = &doc->tok[i];
		bool		ascii = true;

		if (!(t->flags & TK_WORD))
			continue;
		for (uint32_t k = t->byte_start; k < t->byte_end && ascii; k++)
			ascii = ((unsigned char) doc->text[k] < 0x80);
		if (ascii)
			continue;
		t->key_off = (uint32_t) b.len;
		if (!VietnameseKey(doc->text + t->byte_start,
						   t->byte_end - t->byte_start, &b, err))
		{
			ent_free(b.data);
			return false;
		}
		t->key_len = (uint32_t) (b.len - t->key_off);
		t->key_in_keys = true;
	}
	if (!entbuf_reserve(&b, ENT_KEY_PAD, err))
	{
		ent_free(b.data);
		return false;
	}
	memset(b.data + b.len, 0, ENT_KEY_PAD);
	doc->keys = b.data;
	doc->keys_len = b.len;
	doc->keys_cap = b.cap;
	return true;
}

/*
 * ent_scan: see scan.h.
 */
bool
ent_scan(const char *s, size_t len, const char *lang, bool want_sentences,
		 EntDoc *doc, EntError *err)
{
	size_t		pos = 0;
	uint32_t	chr = 0;
	bool		space_before = true;
	bool		line_start = true;
	bool		quote_before = false;
	int			capl = 0;
	unsigned	countdown = 1024;

	memset(doc, 0, sizeof(*doc));
	doc->text = s;
	doc->len = len;
	strncpy(doc->lang, lang, sizeof(doc->lang) - 1);	/* (zeroed above) */
	if (!ascii.ready && !InitAscii(err))
		return false;
	if (len > ENT_MAX_ALLOC / 4)
		return ent_fail(err, ENT_ERR_TOO_LARGE, "text is too large to analyse");
	doc->captok = (int32_t) (len / 5 + 16);
	doc->tok = ent_alloc((size_t) doc->captok * sizeof(EntToken));
	doc->folded_cap = len + 64;
	doc->folded = ent_alloc(doc->folded_cap);
	if (!doc->tok || !doc->folded)
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	if (!NewLine(doc, 0, &capl, err))
		return false;

	while (pos < len)
	{
		CharInfo	ci;
		EntToken   *t;

		if (--countdown == 0)
		{
			ENT_CHECK_INTERRUPTS();
			countdown = 1024;
		}
		/* (the one space between words, without decoding it) */
		if (s[pos] == ' ' && ascii.space_plain)
		{
			space_before = true;
			pos++;
			chr++;
			continue;
		}
		if (!CharAt(s, len, pos, &ci, err))
			return false;
		if (ci.cp >= 0x80 && ent_utf8_suspect(ci.cp, ci.used))
			doc->suspect = true;
		if (ci.cls & ENT_CH_SPACE)
		{
			if (ci.cls & ENT_CH_NEWLINE)
			{
				/* (every line break the sentence rules know has the class) */
				if (want_sentences && !AddStop(doc, pos, err))
					return false;
				doc->lines[doc->nlines - 1].byte_end = (uint32_t) pos;
				if (!NewLine(doc, pos + ci.used, &capl, err))
					return false;
				line_start = true;
			}
			space_before = true;
			pos += ci.used;
			chr++;
			continue;
		}
		if (ci.cls == 0 && ci.foldlen == 0)
		{
			/* format characters and the like: invisible */
			pos += ci.used;
			chr++;
			continue;
		}
		if (!(t = NewToken(doc, err)))
			return false;
		t->byte_start = (uint32_t) pos;
		t->char_start = chr;
		t->fold_off = (uint32_t) doc->folded_len;
		t->flags = (space_before ? TK_SPACE_BEFORE : 0) |
			(line_start ? TK_LINE_START : 0) |
			(quote_before ? TK_QUOTE_BEFORE : 0);
		t->line = doc->nlines - 1;
		t->sent = doc->nlines;
		doc->lines[doc->nlines - 1].ntok++;
		space_before = false;
		line_start = false;
		quote_before = false;

		if (!(ci.cls & WORDCH))
		{
			t->flags |= TK_PUNCT;
			if (!FoldAppendChar(doc, ci.fold, ci.foldlen, err))
				return false;
			if (want_sentences && IsStop(ci.cp) && !AddStop(doc, pos, err))
				return false;
			quote_before = IsOpeningQuote(ci.cp);
			pos += ci.used;
			chr++;
		}
		else
		{
			int			letters = 0,
						uppers = 0,
						lowers = 0;
			bool		first_letter = true;
			uint32_t	seg_start = t->fold_off;	/* fold offset of the part
													 * after the last joiner */
			int			prev_cls = 0;
			CharInfo	ring[3];	/* look-ahead characters, used in turn */
			CharInfo   *cur = &ci;
			int			r = 0;

			if (ci.cls & ENT_CH_DIGIT)
				t->flags |= TK_NUM;
			for (;;)
			{
				CharInfo   *nxp = &ring[r];
				CharInfo   *afp = &ring[(r + 1) % 3];
				size_t		npos;

				/* take the word character */
				if (cur->cp >= 0x80 && ent_utf8_suspect(cur->cp, cur->used))
					doc->suspect = true;
				if (cur->cls & ENT_CH_LETTER)
				{
					letters++;
					if (cur->cls & ENT_CH_UPPER)
						uppers++;
					if (cur->cls & ENT_CH_LOWER)
						lowers++;
					if (first_letter)
						t->flags |= (cur->cls & ENT_CH_UPPER) ? TK_CAP :
							(cur->cls & ENT_CH_LOWER) ? TK_LOWER : 0;
					first_letter = false;
					if (cur->cp >= 0x370 && !(cur->cp >= 0x1E00 && cur->cp <= 0x1EFF))
						t->flags |= TK_NONLATIN;
				}
				if (cur->cls & ENT_CH_DIGIT)
					t->flags |= TK_DIGIT;
				if (!FoldAppendChar(doc, cur->fold, cur->foldlen, err))
					return false;
				prev_cls = cur->cls;
				pos += cur->used;
				chr++;

				/*
				 * The common case, a run of letters and digits of one to three
				 * bytes (ASCII, Latin, Greek, Cyrillic, Arabic, CJK ...), is
				 * taken here as above, without the look-ahead the joiners
				 * need.
				 */
				while (pos < len)
				{
					unsigned char b = (unsigned char) s[pos];
					const char *f;
					int			fl,
								cls;
					int32_t		cp;
					int			used;
					int			run;

#ifdef ENT_SCAN_SSE2

					/*
					 * A run of ASCII letters and digits, classified and folded
					 * sixteen bytes at a time (most of Latin-script text).
					 */
					if (ascii.alnum_plain && b < 0x80 && pos + 16 <= len)
					{
						AsciiRunInfo ar;
						unsigned	letter;

						if (doc->folded_len + 17 > doc->folded_cap &&
							!FoldGrow(doc, 16, err))
							return false;
						ar = AsciiRun(s + pos, doc->folded + doc->folded_len);
						if (ar.run > 0)
						{
							letter = ar.upper | ar.lower;
							if (first_letter && letter)
							{
								t->flags |= (ar.upper >> __builtin_ctz(letter)) & 1 ?
									TK_CAP : TK_LOWER;
								first_letter = false;
							}
							letters += UpToTwo(letter);
							uppers += UpToTwo(ar.upper);
							lowers += UpToTwo(ar.lower);
							if (ar.digit)
								t->flags |= TK_DIGIT;
							prev_cls = ascii.cls[(unsigned char) s[pos + ar.run - 1]];
							doc->folded_len += ar.run;
							pos += ar.run;
							chr += ar.run;
							if (ar.run == 16)
								continue;
							/* the byte after the run is no ASCII letter or digit */
							b = (unsigned char) s[pos];
							if (b < 0x80 && !(ascii.cls[b] & WORDCH))
								break;
						}
					}
#endif

					/*
					 * Four lower-case ASCII letters at once (most of the
					 * letters of Latin-script text): they are their own fold.
					 */
					if (ascii.lower_plain && b < 0x80 && pos + 4 <= len &&
						(run = LowerAsciiRun(s + pos)) > 0)
					{
						if (doc->folded_len + run + 1 > doc->folded_cap &&
							!FoldGrow(doc, run, err))
							return false;
						memcpy(doc->folded + doc->folded_len, s + pos, run);
						doc->folded_len += run;
						if (first_letter)
							t->flags |= TK_LOWER;
						first_letter = false;
						letters += run;
						lowers += run;
						prev_cls = ascii.cls['a'];
						pos += run;
						chr += run;
						continue;
					}

					if (b < 0x80)
					{
						cls = ascii.cls[b];
						if (!(cls & WORDCH) || ascii.foldlen[b] != 1)
							break;
						cp = b;
						f = &ascii.fold[b];
						fl = 1;
						used = 1;
					}
					else
					{
						const BlockInfo *bi;

						if (b >= 0xC2 && b <= 0xDF && pos + 1 < len &&
							((unsigned char) s[pos + 1] & 0xC0) == 0x80)
						{
							cp = ((b & 0x1F) << 6) | ((unsigned char) s[pos + 1] & 0x3F);
							used = 2;
						}

						/*
						 * Three bytes whose every continuation is well formed
						 * (not E0, which may be overlong, nor ED, surrogates):
						 * CJK, Vietnamese, most of the Indic scripts.
						 */
						else if (b >= 0xE1 && b <= 0xEF && b != 0xED && pos + 2 < len &&
								 ((unsigned char) s[pos + 1] & 0xC0) == 0x80 &&
								 ((unsigned char) s[pos + 2] & 0xC0) == 0x80)
						{
							cp = ((b & 0x0F) << 12) |
								(((unsigned char) s[pos + 1] & 0x3F) << 6) |
								((unsigned char) s[pos + 2] & 0x3F);
							if (cp == 0xFFFD)
								break;
							used = 3;
						}
						else
							break;
						if ((bi = blocks[cp >> 8]) == NULL)
							break;
						cls = bi->ch[cp & 0xFF].cls;
						if (!(cls & WORDCH))
							break;
						f = BlockFold(bi, cp & 0xFF);
						fl = bi->ch[cp & 0xFF].foldlen;
					}
					if (cls & ENT_CH_LETTER)
					{
						letters++;
						if (cls & ENT_CH_UPPER)
							uppers++;
						if (cls & ENT_CH_LOWER)
							lowers++;
						if (first_letter)
							t->flags |= (cls & ENT_CH_UPPER) ? TK_CAP :
								(cls & ENT_CH_LOWER) ? TK_LOWER : 0;
						first_letter = false;
						if (cp >= 0x370 && !(cp >= 0x1E00 && cp <= 0x1EFF))
							t->flags |= TK_NONLATIN;
					}
					if (cls & ENT_CH_DIGIT)
						t->flags |= TK_DIGIT;
					if (!FoldAppendChar(doc, f, fl, err))
						return false;
					prev_cls = cls;
					pos += used;
					chr++;
				}
				if (pos >= len)
					break;
				/* (most words end at a space or a mark that joins nothing) */
				if ((unsigned char) s[pos] < 0x80 && !(ascii.cls[(unsigned char) s[pos]] & WORDCH) &&
					!IsJoiner((unsigned char) s[pos]))
					break;
				if (!CharAt(s, len, pos, nxp, err))
					return false;
				if (nxp->cls & WORDCH)
				{
					cur = nxp;
					r = (r + 1) % 3;
					continue;
				}
				/* a joiner followed by a word character? (most words end at
				 * a space) */
				if (!IsJoiner(nxp->cp))
					break;
				npos = pos + nxp->used;
				if (npos >= len || !CharAt(s, len, npos, afp, err))
					break;
				if (!(afp->cls & WORDCH))
					break;
				if (IsHyphen(nxp->cp))
				{
					t->flags |= TK_HYPHEN;
					if (!FoldAppend(doc, "-", 1, err))
						return false;
				}
				else if (IsApostrophe(nxp->cp) && (afp->cls & ENT_CH_LETTER))
				{
					if (IsElision(doc->folded + t->fold_off,
								  doc->folded_len - t->fold_off))
					{
						/* l'Italia: "l'" ends here */
						if (!FoldAppend(doc, "'", 1, err))
							return false;
						pos = npos;
						chr++;
						break;
					}
					if (!FoldAppend(doc, "'", 1, err))
						return false;
				}
				else if ((nxp->cp == '.' || nxp->cp == ',') &&
						 (prev_cls & ENT_CH_DIGIT) && (afp->cls & ENT_CH_DIGIT))
				{
					if (!FoldAppend(doc, nxp->cp == '.' ? "." : ",", 1, err))
						return false;
				}
				else if (nxp->cp == '.' && (afp->cls & ENT_CH_LETTER) &&
						 doc->folded_len - seg_start == 1)
				{
					/* U.S, m.in */
					if (!FoldAppend(doc, ".", 1, err))
						return false;
				}
				else
					break;
				/* a joiner may be a full stop (U.S, 3.5) */
				if (want_sentences && IsStop(nxp->cp) && !AddStop(doc, pos, err))
					return false;
				seg_start = (uint32_t) doc->folded_len;
				pos = npos;
				chr++;
				cur = afp;
				r = (r + 2) % 3;
			}
			if (letters)
				t->flags |= TK_WORD;
			if (letters >= 2 && lowers == 0 && uppers >= 2)
				t->flags |= TK_ALLCAPS;
			else if (lowers > 0 && uppers - ((t->flags & TK_CAP) ? 1 : 0) > 0)
				t->flags |= TK_INNER_CAP;
			if (letters && !(t->flags & TK_NUM) &&
				((t->flags & (TK_CAP | TK_ALLCAPS)) || !(t->flags & TK_LOWER)))
				t->flags |= TK_CAP_WORD;
		}
		t->byte_end = (uint32_t) pos;
		t->char_end = chr;
		t->fold_len = (uint32_t) (doc->folded_len - t->fold_off);
		t->key_off = t->fold_off;
		t->key_len = t->fold_len;
		t->key_in_keys = false;
	}
	doc->lines[doc->nlines - 1].byte_end = (uint32_t) len;
	/* ENT_KEY_PAD zero bytes after the folds (see EntDoc) */
	if (doc->folded_len + ENT_KEY_PAD > doc->folded_cap &&
		!FoldGrow(doc, ENT_KEY_PAD, err))
		return false;
	memset(doc->folded + doc->folded_len, 0, ENT_KEY_PAD);
	if (strcmp(lang, "vi") == 0 && !VietnameseKeys(doc, err))
		return false;
	if (want_sentences)
		return AssignSentences(doc, err);
	doc->nsent = doc->nlines;
	return true;
}

/*
 * ent_doc_free releases what ent_scan allocated.
 */
void
ent_doc_free(EntDoc *doc)
{
	ent_free(doc->tok);
	ent_free(doc->folded);
	ent_free(doc->lines);
	ent_free(doc->stops);
	ent_free(doc->keys);
	memset(doc, 0, sizeof(*doc));
}
