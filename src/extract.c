/*-------------------------------------------------------------------------
 *
 * extract.c
 *	  Entity mentions of an article
 *
 * The article is scanned once (scan.c); recognisers then claim tokens in
 * order of reliability, so that a token belongs to at most one mention of
 * each span:
 *
 *	1. page furniture: lines that are teasers, navigation, credits or
 *	   repeats are marked, and their mentions get zone "boilerplate";
 *	2. dates and money, driven by numbers and the language's words;
 *	3. lexicon names, longest match first, exact or through the language's
 *	   inflection rules; ambiguous names need evidence nearby;
 *	4. people announced by a title ("Tổng thống", "generał", "Mr"), by a
 *	   known given name, or in Vietnamese by a family name;
 *	5. state bodies made of a body phrase and a country ("Bộ Quốc phòng
 *	   Pakistan", "Ministerstwo Obrony Rosji");
 *	6. equipment designations by shape (Mi-35M, Су-35, S-400);
 *	7. organizations by shape: acronyms, quoted names;
 *	8. within the article, later mentions of a person's surname (in any
 *	   inflected form) link to the full name found earlier.
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/extract.c
 *
 *-------------------------------------------------------------------------
 */
#include "extract.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"

#define MAX_VARIANTS 24
#define VAR_FOLD 5				/* the fold of a Vietnamese token */
#define VARIANT_LEN LEX_FORM_LEN

typedef struct Variant
{
	const char *s;				/* the token's key or fold, or buf */
	uint8_t		len;
	uint8_t		type;			/* 0 exact, RULE_NOUN, RULE_ADJ, RULE_ANY */
	char		buf[VARIANT_LEN + STRMAP_PAD];	/* an inflected form (and
												 * room to hash it) */
} Variant;

typedef struct Ctx
{
	Lexicon    *lex;
	EntDoc	   *doc;
	EntExtraction *out;
	EntError   *err;
	const char *lang;
	bool		vi;				/* Vietnamese: keys keep tone marks */
	bool		en;				/* English: names capitalise every word */
	bool		caps_nouns;		/* German: every noun is capitalised */
	bool		ids_only;		/* ENT_X_IDS_ONLY: no surfaces, canonicals */
	EntDate		published;
	int32_t    *claim;			/* token -> mention index, or -1 */
	/* per token: FIRST_* bits of its key (FirstBitsAt) */
	uint8_t    *first;
	uint32_t   *hash;			/* per token: strmap hash of its key */
	uint8_t    *sfx;			/* per token: 1 + the longest inflection
								 * suffix its key ends with (0: not yet) */
	uint8_t    *known;			/* per token: MEMO_* answers asked before */
	const LexLangIndex *li;		/* the language's rules and cues */
	struct Match *found;		/* per token: FindNames' candidates */
	int32_t    *cand_entity;	/* per token: their entities, or -1 */
	int32_t    *seen;			/* entities named unambiguously, sorted (see
								 * FindNames) */
	int32_t		nseen;
	struct WordHits *word_hits; /* cue words at each token (see WordAt) */
} Ctx;

/*
 * The cue words (dates, money, organization cues) starting at each token,
 * looked up once however many patterns ask: at[i] is -1 until then, else
 * the index in hit of the first of the token's phrases, shortest first,
 * which end with one of ntok 0.
 */
typedef struct WordHit
{
	int32_t		head;			/* first LexWord of the phrase */
	int32_t		ntok;
	uint64_t	types;			/* bit t: a word of type t in the document's
								 * language */
} WordHit;

typedef struct WordHits
{
	int32_t    *at;
	uint64_t   *types;			/* per token looked up: the types of all its
								 * phrases */
	WordHit    *hit;
	int32_t		n;
	int32_t		cap;
} WordHits;

/* Ctx.known: what several passes ask of a token, answered once */
#define MEMO_GIVEN		0x01	/* IsGivenName(c, i, false) is known */
#define MEMO_GIVEN_YES	0x02	/* ... and true */
#define MEMO_HEAD		0x04	/* IsOrgHead(c, i) is known */
#define MEMO_HEAD_YES	0x08	/* ... and true */

static inline bool IsGivenName(const Ctx *c, int i, bool family);
static bool IsTitleBefore(const Ctx *c, int i);
static bool IsParticle(const Ctx *c, int i);
static bool IsCountryLike(EntKind k);

/* ----------------------------------------------------------------
 * Helpers
 * ----------------------------------------------------------------
 */
/*
 * ent_extraction_keep copies s[0..n) into a string freed with the
 * extraction.  NULL on out of memory.
 */
#define STRING_BLOCK 4096

const char *
ent_extraction_keep(EntExtraction *x, const char *s, size_t n)
{
	char	   *p;
	bool		own = n + 1 > STRING_BLOCK / 4;

	/* strings share blocks of STRING_BLOCK bytes; a long one has its own */
	if (own || n + 1 > x->block_free)
	{
		if (x->nstrings == x->capstrings)
		{
			int32_t		cap = x->capstrings * 2 + 16;
			char	  **a = ent_realloc(x->strings, cap * sizeof(char *));

			if (!a)
				return NULL;
			x->strings = a;
			x->capstrings = cap;
		}
		if (!(p = ent_alloc(own ? n + 1 : STRING_BLOCK)))
			return NULL;
		x->strings[x->nstrings++] = p;
		if (!own)
		{
			x->block = p;
			x->block_free = STRING_BLOCK;
		}
	}
	if (!own)
	{
		p = x->block + (STRING_BLOCK - x->block_free);
		x->block_free -= n + 1;
	}
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static const char *
KeepString(Ctx *c, const char *s, size_t n)
{
	return ent_extraction_keep(c->out, s, n);
}

static inline const char *
Fold(const Ctx *c, int i)
{
	return ent_tok_fold(c->doc, i);
}

static inline uint32_t
FoldLen(const Ctx *c, int i)
{
	return c->doc->tok[i].fold_len;
}

/* the lookup key of token i (see ent_tok_key) */
static inline const char *
Key(const Ctx *c, int i)
{
	return ent_tok_key(c->doc, i);
}

static inline uint32_t
KeyLen(const Ctx *c, int i)
{
	return c->doc->tok[i].key_len;
}

/* the strmap hash of token i's key (hashed before the passes) */
static inline uint32_t
KeyHash(const Ctx *c, int i)
{
	return c->hash[i];
}

/* FIRST_* bits of a key with hash h: what may start with it in the
 * article's language (0: nothing) */
static inline uint8_t
FirstBitsOf(const Ctx *c, uint32_t h)
{
	return (uint8_t) ent_first_get(&c->li->first, h);
}

/*
 * FirstBitsAt: what may start at token i (FIRST_* bits).  Every key is
 * looked up: a filter before the table would be a branch on each word that
 * the processor cannot foresee.  For Vietnamese the fold is asked too, when
 * it is not the key (names from other languages).
 */
static int
FirstBitsAt(const Ctx *c, int i)
{
	int			b = KeyLen(c, i) > 0 ? FirstBitsOf(c, KeyHash(c, i)) : 0;

	/* (a name in lower case is one of the language, keyed as written) */
	if (c->vi && c->doc->tok[i].key_in_keys)
		b |= FirstBitsOf(c, strmap_hash_padded(Fold(c, i), FoldLen(c, i))) & ~FIRST_LOWER;
	return b;
}

/* (asked several times per token by the passes: looked up once, before) */
static inline int
FirstBits(const Ctx *c, int i)
{
	return c->first[i];
}

static inline bool
TokIs(const Ctx *c, int i, const char *s)
{
	size_t		n = strlen(s);

	return i >= 0 && i < c->doc->ntok && KeyLen(c, i) == n &&
		memcmp(Key(c, i), s, n) == 0;
}

/* a capitalised word, or one of a script without case (see TK_CAP_WORD) */
static inline bool
IsCapWord(const Ctx *c, int i)
{
	return i >= 0 && i < c->doc->ntok && (c->doc->tok[i].flags & TK_CAP_WORD);
}

static inline bool
SameLine(const Ctx *c, int i, int j)
{
	return c->doc->tok[i].line == c->doc->tok[j].line;
}

/* the document's language is l, a two-letter code (asked for every token) */
static inline bool
LangIs(const Ctx *c, const char *l)
{
	/* with l of two letters, ent_lang_eq is strcmp without the call */
	return ent_lang_eq(c->lang, l);
}

static bool
AliasLangOk(const Ctx *c, const char *alang)
{
	return alang[0] == '*' || ent_lang_eq(alang, c->lang) ||
		ent_lang_eq(alang, "en") || c->lang[0] == '\0';
}

/*
 * AddMention records a mention over tokens [ts, te) and claims them.
 * Returns its index, or -1 on out of memory.
 */
static int32_t
AddMention(Ctx *c, EntKind kind, const char *id, const char *canonical,
		   const char *country, int ts, int te, float confidence,
		   const char *rule, bool claim)
{
	EntExtraction *x = c->out;
	EntMention *m;
	const EntToken *a = &c->doc->tok[ts];
	const EntToken *b = &c->doc->tok[te - 1];

	if (x->n == x->cap)
	{
		int32_t		cap = x->cap * 2 + 64;

		x->m = ent_realloc(x->m, cap * sizeof(EntMention));
		if (!x->m)
		{
			ent_fail(c->err, ENT_ERR_NOMEM, "out of memory");
			return -1;
		}
		x->cap = cap;
	}
	m = &x->m[x->n];
	memset(m, 0, sizeof(*m));
	m->kind = kind;
	m->entity_id = id;
	m->canonical = canonical ? canonical : id;
	m->country = country ? country : "";
	m->tok_start = ts;
	m->tok_end = te;
	m->byte_start = a->byte_start;
	m->byte_end = b->byte_end;
	m->char_start = a->char_start;
	m->char_end = b->char_end;
	m->sentence = a->sent;
	m->boilerplate = c->doc->lines[a->line].boilerplate;
	m->confidence = confidence;
	m->rule = rule;
	/* entity_ids does not show the surface */
	m->surface = c->ids_only ? "" :
		KeepString(c, c->doc->text + m->byte_start,
				   m->byte_end - m->byte_start);
	if (!m->surface)
	{
		ent_fail(c->err, ENT_ERR_NOMEM, "out of memory");
		return -1;
	}
	if (claim)
		for (int i = ts; i < te; i++)
			c->claim[i] = x->n;
	return x->n++;
}

/*
 * The prefix filter a variant is looked up in (see LexLangIndex): an
 * inflected form is only built when the filter passes the bytes it keeps
 * of the word.
 */
typedef struct PrefixFilter
{
	const uint64_t *bits;		/* NULL: every form */
	uint32_t	nbits;
	uint32_t	min_form;		/* bytes an inflected form has at least:
								 * given names may be as short as Jan, Ewa */
} PrefixFilter;

#define NO_FILTER ((PrefixFilter) {NULL, 0, 4})

/*
 * The filters of the two kinds of lookup; FormsPossible and Variants are
 * asked with the same one.  A capitalised word may be a form of a three-
 * letter name (v Římě, v Čadu) and any word of a three-letter given name
 * (Janem, Ewą); other forms keep four bytes.
 */
static inline PrefixFilter
NameFilter(const Ctx *c, int t)
{
	return (PrefixFilter) {c->li->pfx_name, 16,
		(c->doc->tok[t].flags & (TK_CAP | TK_ALLCAPS)) == TK_CAP ? 3 : 4};
}

static inline PrefixFilter
GivenFilter(const Ctx *c)
{
	return (PrefixFilter) {c->lex->pfx_given, 16, 3};
}

/*
 * RuleFormsPossible: an inflection rule may turn word f[0..n) into a form in
 * filter pf.  A form keeps the word's first bytes up to the rule's suffix,
 * which must pass: four of them when even the longest suffix leaves four,
 * else three, unless the word ends in a suffix that leaves two.
 */
static inline bool
RuleFormsPossible(const Ctx *c, int i, PrefixFilter pf)
{
	const char *f = Key(c, i);
	uint32_t	n = KeyLen(c, i);
	uint32_t	longest;

	if (n < 3)
		return false;
	/*
	 * A word longer by four bytes than any suffix ending with its last byte
	 * keeps four bytes in every form, found without the walk (most words);
	 * otherwise the walk is done once, however many passes ask.
	 */
	if (n >= 4u + c->li->sfx_max[(uint8_t) f[n - 1]])
		return ent_prefix_test(pf.bits, pf.nbits, f, 4);
	if (c->sfx[i] == 0)
		c->sfx[i] = (uint8_t) (1 + ent_suffix_longest(c->li, f, n));
	longest = c->sfx[i] - 1u;
	if (n < 3 + longest)
		return true;
	return ent_prefix_test(pf.bits, pf.nbits, f, n - longest >= 4 ? 4 : 3);
}

/*
 * Variants lists token i as written (folded) and the nominatives the
 * language's inflection rules propose for it, those that can be in filter
 * pf.  Forms that are the token's own bytes point into the document; only
 * inflected ones are copied.
 */
static int
Variants(const Ctx *c, int i, Variant *v, bool first, PrefixFilter pf)
{
	const char *f = Key(c, i);
	uint32_t	n = KeyLen(c, i);
	int			k = 0;
	const char *hy;
	int8_t		pass[5] = {-1, -1, -1, -1, -1};	/* by prefix length */
	int32_t		ids[128];		/* the rules whose suffix the word ends with */
	int			nrules;

	if (n >= VARIANT_LEN || FoldLen(c, i) >= VARIANT_LEN)
		return 0;
	v[0].s = f;
	v[0].len = (uint8_t) n;
	v[0].type = 0;
	k = 1;
	if (c->vi)
	{
		/* Vietnamese: names from other languages are keyed by their fold */
		v[1].s = Fold(c, i);
		v[1].len = (uint8_t) FoldLen(c, i);
		v[1].type = VAR_FOLD;
		k = 2;
	}
	if (!(c->doc->tok[i].flags & TK_WORD))
		return k;
	/* PiS-u, NATO-wskiego: an acronym with a case ending after a hyphen (not
	 * a number: Nord Stream-2) */
	if ((c->doc->tok[i].flags & (TK_CAP | TK_HYPHEN)) == (TK_CAP | TK_HYPHEN) &&
		(hy = memrchr(f, '-', n)) != NULL && hy > f &&
		(size_t) (f + n - hy - 1) <= 5 && !isdigit((unsigned char) hy[1]))
	{
		size_t		m = hy - f;

		v[k].s = f;
		v[k].len = (uint8_t) m;
		v[k].type = RULE_ANY;
		k++;
	}
	if (pf.bits && !RuleFormsPossible(c, i, pf))
		return k;
	nrules = ent_suffix_rules(c->li, f, n, ids, (int) (sizeof(ids) / sizeof(ids[0])));
	for (int q = 0; q < nrules && k < MAX_VARIANTS; q++)
	{
		const LexRule *rule = &c->lex->rules[ids[q]];
		size_t		stem;

		if (n <= rule->suffix_len)
			continue;
		/* names need a capital: a lower-case first word can only be an
		 * adjective */
		if (first && rule->type == RULE_NOUN && (c->doc->tok[i].flags & TK_LOWER))
			continue;
		stem = n - rule->suffix_len;
		if (stem < 2 || stem + rule->repl_len < pf.min_form)
			continue;
		if (stem + rule->repl_len >= VARIANT_LEN)
			continue;
		/* the form keeps the first min(stem, 4) bytes of the word */
		if (pf.bits && stem >= 3)
		{
			int			plen = stem >= 4 ? 4 : 3;

			if (pass[plen] < 0)
				pass[plen] = ent_prefix_test(pf.bits, pf.nbits, f, plen);
			if (!pass[plen])
				continue;
		}
		memcpy(v[k].buf, f, stem);
		memcpy(v[k].buf + stem, rule->repl, rule->repl_len);
		v[k].s = v[k].buf;
		v[k].len = (uint8_t) (stem + rule->repl_len);
		v[k].type = rule->type;
		k++;
	}
	return k;
}

/* Inflectable: token i is a word Variants lists forms of (key and fold
 * shorter than VARIANT_LEN) */
static inline bool
Inflectable(const Ctx *c, int i)
{
	return (c->doc->tok[i].flags & TK_WORD) && KeyLen(c, i) < VARIANT_LEN &&
		FoldLen(c, i) < VARIANT_LEN;
}

/*
 * FormsPossible: Variants(c, i, ..., pf) may list more than the token as
 * written.  Most words have no form in a filter, and callers that only
 * need the written form then look it up without building the list.
 */
static inline bool
FormsPossible(const Ctx *c, int i, PrefixFilter pf)
{
	uint32_t	flags = c->doc->tok[i].flags;

	if (!Inflectable(c, i))
		return false;
	if (c->vi || (flags & (TK_CAP | TK_HYPHEN)) == (TK_CAP | TK_HYPHEN))
		return true;
	return RuleFormsPossible(c, i, pf);
}

/*
 * FormIn: the word of token i, whole, is in form table f: one of the
 * inflected forms Variants would build of it (from f's rules) is the first
 * token of a name (see LexFormTable).  A table may let a word through that
 * has none (two keys of a bucket may share a fingerprint), never the other
 * way round.
 */
static inline bool
FormIn(const Ctx *c, int i, const LexFormTable *f)
{
	return f->t.count > 0 && Inflectable(c, i) &&
		ent_first_get(&f->t, KeyHash(c, i)) != 0;
}

/*
 * NameFormsPossible: a name may start with a form of token i other than
 * the token as written.  Vietnamese folds and acronyms with a case ending
 * (PiS-u) are not in the forms table: their variants are built.
 */
static inline bool
NameFormsPossible(const Ctx *c, int i)
{
	if (!FormsPossible(c, i, NameFilter(c, i)))
		return false;
	return c->vi ||
		(c->doc->tok[i].flags & (TK_CAP | TK_HYPHEN)) == (TK_CAP | TK_HYPHEN) ||
		FormIn(c, i, &c->li->name_forms);
}

/*
 * PutDigits writes v (not negative) in decimal with at least width digits,
 * as printf's "%0*d" does, and returns how many it wrote (at most 20).
 */
static size_t
PutDigits(char *out, unsigned long long v, int width)
{
	char		tmp[24];
	size_t		n = 0;

	do
	{
		tmp[n++] = (char) ('0' + v % 10);
		v /= 10;
	} while (v > 0);
	while (n < (size_t) width)
		tmp[n++] = '0';
	for (size_t k = 0; k < n; k++)
		out[k] = tmp[n - 1 - k];
	return n;
}

/* ----------------------------------------------------------------
 * Page furniture
 * ----------------------------------------------------------------
 */
/* AppendLength appends "#" and the line's length in bytes to b */
static bool
AppendLength(const Ctx *c, const EntLine *l, EntBuf *b)
{
	char		tag[24];

	tag[0] = '#';
	return entbuf_append(b, tag, 1 + PutDigits(tag + 1, l->byte_end - l->byte_start, 1),
						 c->err);
}

/*
 * LongLineCue: a line of 120 characters or more is furniture only when it
 * starts with a prefix cue that ends in ':' ("Czytaj także:"), so it is
 * folded only when its first token is the start of such a cue (or the cue
 * the start of the token).  Paragraphs, most of an article's bytes, are not.
 */
static bool
LongLineCue(const Ctx *c, const EntLine *l, const LexCue **cues, int ncues)
{
	const char *f = Fold(c, l->first_tok);
	uint32_t	n = FoldLen(c, l->first_tok);

	if (c->doc->tok[l->first_tok].byte_start != l->byte_start)
		return true;			/* something before the token: fold to see */
	for (int k = 0; k < ncues; k++)
		if (cues[k]->type == CUE_PREFIX && cues[k]->colon &&
			(n == 0 || cues[k]->len == 0 || cues[k]->text[0] == f[0]) &&
			memcmp(cues[k]->text, f, n < cues[k]->len ? n : cues[k]->len) == 0)
			return true;
	return false;
}

/*
 * What a line is compared by: its first 256 bytes (cut at a character),
 * folded or as written, and its length.  Cues are at the start of a line,
 * repeats have the same beginning and length: long paragraphs cost nothing
 * more.  A line compared as written is its own key in the text (LineBytes);
 * a folded one is built by LineKey, with the length after "#".
 */
static size_t
LineBytes(const Ctx *c, const EntLine *l, const char **raw)
{
	size_t		n = l->byte_end - l->byte_start;

	*raw = c->doc->text + l->byte_start;
	if (n > 256)
	{
		n = 256;
		while (n > 0 && ((unsigned char) (*raw)[n] & 0xC0) == 0x80)
			n--;
	}
	return n;
}

static bool
LineKey(const Ctx *c, const EntLine *l, EntBuf *b)
{
	const char *raw;
	size_t		n = LineBytes(c, l, &raw);

	return ent_fold(raw, n, b, c->err) && AppendLength(c, l, b);
}

/*
 * The lines of an article met so far, by key (see MarkBoilerplate): a table
 * of hashes that points at the keys, the text's own bytes for a line
 * compared as written and a copy for a folded one.
 */
typedef struct SeenLine
{
	uint64_t	hash;			/* 0: empty */
	const char *raw;			/* the key in the text, or NULL */
	uint32_t	off;			/* ... else in SeenLines.folded */
	uint32_t	len;
	uint32_t	rawlen;			/* the line's length when the key is its
								 * text (a folded key holds it) */
	int32_t		line;
} SeenLine;

typedef struct SeenLines
{
	SeenLine   *slot;
	uint32_t	mask;
	EntBuf		folded;			/* the folded keys, back to back */
} SeenLines;

/* (the line's length kept apart from the key's hash; never 0) */
static uint64_t
SeenHash(const char *key, size_t len, uint32_t rawlen)
{
	return ((uint64_t) rawlen << 32) | strmap_hash(key, len);
}

/*
 * SeenLineAt returns the line whose key is key[0..len) (and whose length is
 * rawlen when the key is the text as written, else 0), or records the key
 * for line li and returns -1; -2 on failure, with the error set.
 */
static int32_t
SeenLineAt(const Ctx *c, SeenLines *seen, const char *key, size_t len,
		   uint32_t rawlen, int32_t li)
{
	uint64_t	h = SeenHash(key, len, rawlen);
	uint32_t	i;
	SeenLine   *e;

	for (i = (uint32_t) h & seen->mask; seen->slot[i].hash; i = (i + 1) & seen->mask)
	{
		e = &seen->slot[i];
		if (e->hash == h && e->len == len && e->rawlen == rawlen &&
			memcmp(e->raw ? e->raw : seen->folded.data + e->off, key, len) == 0)
			return e->line;
	}
	e = &seen->slot[i];
	e->hash = h;
	e->len = (uint32_t) len;
	e->rawlen = rawlen;
	e->line = li;
	e->raw = rawlen ? key : NULL;
	e->off = (uint32_t) seen->folded.len;
	if (!rawlen)
	{
		if (!seen->folded.data)
		{
			entbuf_init(&seen->folded, 512);
			if (!seen->folded.data)
			{
				ent_fail(c->err, ENT_ERR_NOMEM, "out of memory");
				return -2;
			}
		}
		if (!entbuf_append(&seen->folded, key, len, c->err))
			return -2;
	}
	return -1;
}

/*
 * FindCue is memmem(s, n, cue, len) for the short cues of lines: it finds
 * the cue's first byte with memchr and compares the rest there, without
 * memmem's setup for every cue of every line.
 */
static const char *
FindCue(const char *s, size_t n, const char *cue, size_t len)
{
	const char *end = s + n;

	if (len == 0)
		return s;
	while (n >= len && (s = memchr(s, cue[0], n - len + 1)) != NULL)
	{
		if (memcmp(s + 1, cue + 1, len - 1) == 0)
			return s;
		s++;
		n = end - s;
	}
	return NULL;
}

/*
 * MarkBoilerplate flags lines that are page furniture: lines starting with a
 * teaser or credit cue, short lines with a banner cue, navigation lines
 * (several separators, few words), and repeats of an earlier line.
 */
static bool
MarkBoilerplate(Ctx *c)
{
	EntDoc	   *doc = c->doc;
	SeenLines	seen = {0};
	SeenLine	few[64];		/* (the table of most articles) */
	bool		ok = true;
	int			first_line = -1;
	const LexCue **cues = c->li->cues;
	int			ncues = c->li->ncues;
	EntBuf		b;				/* the folded line, reused line after line */
	bool		teasers = false;	/* in a block a teaser cue heads */

	bool		repeats = doc->nlines > 1;	/* (one line repeats nothing) */

	if (repeats)
	{
		uint32_t	size = 16;

		while (size < 2u * (uint32_t) doc->nlines)
			size *= 2;
		seen.slot = size <= sizeof(few) / sizeof(few[0]) ? few : ent_alloc(size * sizeof(SeenLine));
		if (!seen.slot)
			return ent_fail(c->err, ENT_ERR_NOMEM, "out of memory");
		memset(seen.slot, 0, size * sizeof(SeenLine));
		seen.mask = size - 1;
	}
	entbuf_init(&b, 256 + 32);
	if (!b.data)
	{
		if (seen.slot != few)
			ent_free(seen.slot);
		return ent_fail(c->err, ENT_ERR_NOMEM, "out of memory");
	}
	for (int li = 0; li < doc->nlines && ok; li++)
	{
		EntLine    *l = &doc->lines[li];
		size_t		rawlen = l->byte_end - l->byte_start;
		size_t		chars;
		const char *raw = doc->text + l->byte_start;
		int			words = 0;
		bool		final_stop = false;
		bool		heading = false;	/* the line is only a teaser cue */
		bool		fold;			/* the line is compared folded */

		if (l->ntok == 0)
		{
			teasers = false;	/* a blank line ends a teaser block */
			continue;
		}
		/* lengths are judged in characters, whatever the script */
		chars = doc->tok[l->first_tok + l->ntok - 1].char_end -
			doc->tok[l->first_tok].char_start;
		/* (words are counted for short lines only, which the counts judge) */
		for (int t = l->first_tok; t < l->first_tok + l->ntok && chars < 160; t++)
			if (doc->tok[t].flags & TK_WORD)
				words++;
		{
			const EntToken *last = &doc->tok[l->first_tok + l->ntok - 1];
			char		ch = doc->text[last->byte_start];

			final_stop = (last->flags & TK_PUNCT) &&
				(ch == '.' || ch == '!' || ch == '?' || ch == ':');
		}
		b.len = 0;
		/*
		 * A long line is compared as written unless it may start with a cue
		 * (and then no cue can match it: the cues are folded)
		 */
		fold = chars < 120 || LongLineCue(c, l, cues, ncues);
		if (fold && !(ok = LineKey(c, l, &b)))
			break;

		/*
		 * "Lire aussi :" alone on its line heads a block of teaser
		 * headlines: short lines without a full stop, up to a blank line.
		 */
		if (teasers)
		{
			if (chars < 160 && words <= 25 && !final_stop)
				l->boilerplate = true;
			else
				teasers = false;
		}
		for (int k = 0; k < ncues && fold && !l->boilerplate; k++)
		{
			const LexCue *cue = cues[k];

			/* long lines can only match a prefix cue that ends in ':' */
			if (chars >= 120 && cue->type != CUE_PREFIX)
				continue;
			if (cue->type == CUE_PREFIX)
			{
				if (b.len >= cue->len && memcmp(b.data, cue->text, cue->len) == 0 &&
					(b.len == cue->len || !isalnum((unsigned char) b.data[cue->len])) &&
					(chars < 120 || cue->colon))
				{
					size_t		e = cue->len;

					l->boilerplate = true;
					/* nothing after the cue but a colon: a heading */
					while (e < b.len && (b.data[e] == ' ' || b.data[e] == ':'))
						e++;
					if (e < b.len && b.data[e] == '#')
						heading = true;
				}
			}
			else if (cue->type == CUE_CONTAINS)
			{
				if (chars < 120 && cue->len <= b.len &&
					FindCue(b.data, b.len, cue->text, cue->len))
					l->boilerplate = true;
			}
			else if (cue->type == CUE_SEPARATOR && chars < 100 && words <= 10 &&
					 !final_stop)
			{
				int			count = 0;
				const char *p = raw;

				/* "Thế giới > Châu Á", "Świat | Polityka" */
				while ((p = FindCue(p, raw + rawlen - p, cue->text, cue->len)) != NULL)
				{
					if (p > raw && p[-1] == ' ' && p + cue->len < raw + rawlen &&
						p[cue->len] == ' ')
						count++;
					p += cue->len;
				}
				if (count >= 2 || (count == 1 && words <= 5))
					l->boilerplate = true;
			}
		}
		/* a truncated teaser: "... tăng cường phản công và chiếm ..." (a
		 * paragraph that trails off is text) */
		if (rawlen > 3 && chars < 160 && (memcmp(raw + rawlen - 3, "...", 3) == 0 ||
						   (rawlen >= 3 && memcmp(raw + rawlen - 3, "\xE2\x80\xA6", 3) == 0)))
			l->boilerplate = true;
		/* a line seen before: a teaser block repeats its headline */
		if (rawlen >= 20 && repeats)
		{
			const char *key;
			size_t		n = fold ? b.len : LineBytes(c, l, &key);
			int32_t		first = fold ?
				SeenLineAt(c, &seen, b.data, n, 0, li) :
				SeenLineAt(c, &seen, key, n, (uint32_t) rawlen, li);

			if (first == -2)
				ok = false;
			else if (first >= 0)
			{
				l->boilerplate = true;
				if (first != first_line)
					doc->lines[first].boilerplate = true;
				/* the teaser's lead line follows the repeat */
				for (int nx = li + 1; nx < doc->nlines; nx++)
					if (doc->lines[nx].ntok > 0)
					{
						if (doc->lines[nx].byte_end - doc->lines[nx].byte_start < 300)
							doc->lines[nx].boilerplate = true;
						break;
					}
			}
		}
		if (first_line < 0)
			first_line = li;
		if (heading)
			teasers = true;
	}
	ent_free(b.data);
	ent_free(seen.folded.data);
	if (seen.slot != few)
		ent_free(seen.slot);
	return ok;
}

/* ----------------------------------------------------------------
 * Numbers, dates and money
 * ----------------------------------------------------------------
 */

/*
 * NumberValue: strtod of buf[0..k) (digits, and at most one '.'), without
 * the call for a whole number of up to 15 digits, which a double holds
 * exactly: most numbers in news are years, days and counts.
 */
static double
NumberValue(char *buf, size_t k)
{
	uint64_t	v = 0;

	buf[k] = '\0';
	if (k > 15)
		return strtod(buf, NULL);
	for (size_t j = 0; j < k; j++)
	{
		if (buf[j] == '.')
			return strtod(buf, NULL);
		v = v * 10 + (uint64_t) (buf[j] - '0');
	}
	return (double) v;
}

/*
 * ParseNumber reads a number written with the usual separators from
 * s[0..n): "1,5", "1.5", "28.000", "3,000", "1 500" (not here: spaces split
 * tokens).  Returns the number of bytes used (0 if none) and the value.
 */
static size_t
ParseNumber(const char *s, size_t n, const char *lang, double *value)
{
	size_t		i = 0;
	int			dots = 0,
				commas = 0;
	size_t		last_sep = 0;
	char		last = 0;
	char		buf[64];
	size_t		k = 0;
	bool		comma_decimal;

	while (i < n && (isdigit((unsigned char) s[i]) ||
					 ((s[i] == '.' || s[i] == ',') && i + 1 < n &&
					  isdigit((unsigned char) s[i + 1]) && i > 0)))
	{
		if (s[i] == '.')
			dots++, last_sep = i, last = '.';
		else if (s[i] == ',')
			commas++, last_sep = i, last = ',';
		i++;
	}
	if (i == 0 || i >= sizeof(buf))
		return 0;
	/* which separator is the decimal point? */
	if (dots && commas)
		comma_decimal = (last == ',');
	else if (dots + commas == 1)
	{
		size_t		after = i - last_sep - 1;

		/* one separator followed by exactly three digits: thousands */
		if (after == 3)
			comma_decimal = (last == '.');	/* i.e. the separator is not
											 * decimal */
		else
			comma_decimal = (last == ',');
		if (after == 3)
		{
			/* 28.000 or 3,000: a thousands separator */
			for (size_t j = 0; j < i; j++)
				if (isdigit((unsigned char) s[j]))
					buf[k++] = s[j];
			*value = NumberValue(buf, k);
			return i;
		}
	}
	else
		comma_decimal = (last == ',');	/* 1.000.000 or 1,000,000 */
	if (dots + commas > 1 && !(dots && commas))
	{
		for (size_t j = 0; j < i; j++)
			if (isdigit((unsigned char) s[j]))
				buf[k++] = s[j];
		*value = NumberValue(buf, k);
		return i;
	}
	for (size_t j = 0; j < i; j++)
	{
		char		ch = s[j];

		if (isdigit((unsigned char) ch))
			buf[k++] = ch;
		else if ((ch == ',' && comma_decimal) || (ch == '.' && !comma_decimal))
			buf[k++] = '.';
	}
	*value = NumberValue(buf, k);
	(void) lang;
	return i;
}

static bool
AllDigits(const char *s, size_t n)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char) s[i]))
			return false;
	return true;
}

static int
IntTok(const Ctx *c, int i)
{
	char		buf[16];
	uint32_t	n;

	if (i < 0 || i >= c->doc->ntok)
		return -1;
	n = FoldLen(c, i);
	if (n == 0 || n > 9 || !AllDigits(Fold(c, i), n))
		return -1;
	memcpy(buf, Fold(c, i), n);
	buf[n] = '\0';
	return atoi(buf);
}

typedef int32_t (*PhraseAccept) (const Ctx *c, int32_t head, void *arg);
typedef void (*PhraseVisit) (const Ctx *c, int32_t head, int ntok, void *arg);

/*
 * PhraseWalk walks phrase map keys (see ent_phrase_head) from token i, at
 * most max tokens, and calls visit() with the head and length of every
 * phrase found there, shortest first.
 */
static void
PhraseWalk(const Ctx *c, int i, const StrMap *keys, int max, PhraseVisit visit,
		   void *arg)
{
	char		key[512 + STRMAP_PAD];
	size_t		klen = 0;

	for (int j = i; j < c->doc->ntok && j < i + max; j++)
	{
		uint32_t	n = KeyLen(c, j);
		uint32_t	h;
		int32_t		v,
					head;

		if (klen + n + 1 >= sizeof(key) - STRMAP_PAD)
			break;
		/* "A $24": a word and a symbol apart are not one phrase (A$) */
		if (j > i && (c->doc->tok[j].flags & TK_SPACE_BEFORE) &&
			((c->doc->tok[j].flags | c->doc->tok[j - 1].flags) & TK_PUNCT))
			break;
		if (j > i)
			key[klen++] = KEY_SEP;
		memcpy(key + klen, Key(c, j), n);
		klen += n;
		h = (j == i) ? KeyHash(c, i) : strmap_hash_padded(key, klen);
		v = strmap_get_hashed(keys, key, klen, h);
		if ((head = ent_phrase_head(v)) >= 0)
			visit(c, head, j - i + 1, arg);
		if (!ent_phrase_more(v))
			break;
	}
}

typedef struct PhraseBest
{
	PhraseAccept accept;
	void	   *arg;
	int32_t		best;
	int			len;
} PhraseBest;

static void
VisitBest(const Ctx *c, int32_t head, int ntok, void *arg)
{
	PhraseBest *pb = arg;
	int32_t		r = pb->accept(c, head, pb->arg);

	if (r >= 0)
	{
		pb->best = r;
		pb->len = ntok;
	}
}

/*
 * PhraseAt returns the record of the longest phrase from token i (see
 * PhraseWalk) that accept() takes (accept gets the chain's head and returns
 * a record or -1), with its length in *len.
 */
static int32_t
PhraseAt(const Ctx *c, int i, const StrMap *keys, int max, PhraseAccept accept,
		 void *arg, int *len)
{
	PhraseBest	pb = {accept, arg, -1, 0};

	PhraseWalk(c, i, keys, max, VisitBest, &pb);
	*len = pb.len;
	return pb.best;
}

static bool
LangOk(const Ctx *c, const char *lang)
{
	return lang[0] == '*' || ent_lang_eq(lang, c->lang);
}

typedef struct WordTypes
{
	uint8_t		lo;
	uint8_t		hi;
} WordTypes;

static int32_t
AcceptWord(const Ctx *c, int32_t w, void *arg)
{
	const WordTypes *t = arg;

	for (; w >= 0; w = c->lex->words[w].next)
	{
		const LexWord *lw = &c->lex->words[w];

		if (lw->type >= t->lo && lw->type <= t->hi && LangOk(c, lw->lang))
			return w;
	}
	return -1;
}

/*
 * WordAt finds the longest cue word (dates, money, organization cues)
 * starting at token i in the document's language, with a type in
 * [type_lo, type_hi]; returns its index and sets *len (tokens).
 */
#define MAX_WORD_TOKENS 5

static void
VisitWord(const Ctx *c, int32_t head, int ntok, void *arg)
{
	WordHits   *wh = arg;
	uint64_t	types = 0;

	/* (a phrase of other languages only is no hit) */
	for (int32_t w = head; w >= 0; w = c->lex->words[w].next)
		if (LangOk(c, c->lex->words[w].lang))
			types |= (uint64_t) 1 << (c->lex->words[w].type & 63);
	if (!types)
		return;
	wh->hit[wh->n].head = head;
	wh->hit[wh->n].ntok = ntok;
	wh->hit[wh->n].types = types;
	wh->n++;
}

/*
 * WordHitsAt returns the cue words starting at token i (see WordHits), or
 * NULL when there is no memory to keep them.
 */
static const WordHit *
WordHitsAt(const Ctx *c, int i)
{
	WordHits   *wh = c->word_hits;

	if (wh->at[i] < 0)
	{
		/* room for the longest walk and the end mark */
		if (wh->n + MAX_WORD_TOKENS + 1 > wh->cap)
		{
			int32_t		cap = wh->cap * 2 + 64;
			WordHit    *h = ent_realloc(wh->hit, (size_t) cap * sizeof(WordHit));

			if (!h)
				return NULL;
			wh->hit = h;
			wh->cap = cap;
		}
		wh->at[i] = wh->n;
		PhraseWalk(c, i, &c->lex->word_keys, MAX_WORD_TOKENS, VisitWord, wh);
		wh->types[i] = 0;
		for (int32_t k = wh->at[i]; k < wh->n; k++)
			wh->types[i] |= wh->hit[k].types;
		wh->hit[wh->n].head = -1;
		wh->hit[wh->n].ntok = 0;
		wh->n++;
	}
	return &wh->hit[wh->at[i]];
}

/* the mask of word types type_lo .. type_hi (all below 64) */
static inline uint64_t
WordTypeMask(uint8_t type_lo, uint8_t type_hi)
{
	return (((uint64_t) 2 << (type_hi & 63)) - 1) & ~(((uint64_t) 1 << (type_lo & 63)) - 1);
}

static ENT_NOINLINE int32_t
WordsAt(const Ctx *c, int i, uint8_t type_lo, uint8_t type_hi, int *len)
{
	WordTypes	t = {type_lo, type_hi};
	const WordHit *h;
	int32_t		best = -1;
	uint64_t	want = WordTypeMask(type_lo, type_hi);

	if ((h = WordHitsAt(c, i)) == NULL)
		return PhraseAt(c, i, &c->lex->word_keys, MAX_WORD_TOKENS, AcceptWord,
						&t, len);
	/* the longest phrase of the wanted type, as PhraseAt would choose */
	for (; h->ntok > 0; h++)
	{
		int32_t		r;

		if (!(h->types & want))
			continue;
		if ((r = AcceptWord(c, h->head, &t)) >= 0)
		{
			best = r;
			*len = h->ntok;
		}
	}
	return best;
}

/* (asked for every token by several passes: the common case is inline) */
static inline int32_t
WordAt(const Ctx *c, int i, uint8_t type_lo, uint8_t type_hi, int *len)
{
	*len = 0;
	if (i < 0 || i >= c->doc->ntok)
		return -1;
	/* the common case: the token starts no cue word of these types */
	if (!(FirstBits(c, i) & ent_word_first_bits(type_lo, type_hi)))
		return -1;
	/* ... or, looked up before, none of these types */
	if (c->word_hits->at[i] >= 0 &&
		!(c->word_hits->types[i] & WordTypeMask(type_lo, type_hi)))
		return -1;
	return WordsAt(c, i, type_lo, type_hi, len);
}

static bool
ValidDay(int y, int m, int d)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	if (m == 2 && d == 29 && y > 0 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return false;
	return true;
}

/* days since 1970-01-01 (proleptic Gregorian) */
static long
DaysFromCivil(int y, int m, int d)
{
	long		era;
	unsigned	yoe,
				doy,
				doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned) (y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long) doe - 719468;
}

static void
CivilFromDays(long z, int *y, int *m, int *d)
{
	long		era;
	unsigned	doe,
				yoe,
				doy,
				mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned) (z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	*y = (int) yoe + (int) (era * 400);
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
	*m = (int) (mp < 10 ? mp + 3 : mp - 9);
	*y += (*m <= 2);
}

/*
 * YearFor picks the year of a day-month without year: the published year,
 * or the one before if that puts the date more than two months after
 * publication.  0 if there is no publication date.
 */
static int
YearFor(const Ctx *c, int m, int d)
{
	int			y = c->published.year;

	if (y == 0)
		return 0;
	if (d == 0)
		d = 1;
	if (DaysFromCivil(y, m, d) > DaysFromCivil(y, c->published.month,
											   c->published.day) + 62)
		y--;
	else if (DaysFromCivil(y, m, d) < DaysFromCivil(y, c->published.month,
													c->published.day) - 300)
		y++;
	return y;
}

static const char *
FormatDate(Ctx *c, int y, int m, int d)
{
	char		buf[32];
	size_t		k = 0;

	/* relative to a publication date in year 1: before the calendar */
	if (y < 1)
		y = 0;
	if (y == 0 && m == 0)
		return "";
	/* YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD, --MM */
	if (y)
		k = PutDigits(buf, y, 4);
	else
	{
		buf[k++] = '-';
		buf[k++] = '-';
	}
	if (y && m)
		buf[k++] = '-';
	if (m)
		k += PutDigits(buf + k, m, 2);
	if (m && d)
	{
		buf[k++] = '-';
		k += PutDigits(buf + k, d, 2);
	}
	return KeepString(c, buf, k);
}

static bool
AddDate(Ctx *c, int ts, int te, const char *iso, const char *rule)
{
	if (!iso)
		return ent_fail(c->err, ENT_ERR_NOMEM, "out of memory");
	if (!*iso)
		return true;			/* no date left to name */
	return AddMention(c, ENT_DATE, iso, iso, "", ts, te, 0.9f, rule, true) >= 0;
}

static bool
IsYear(int v)
{
	return v >= 1900 && v <= 2100;
}

/* the number written by the n digits at s (no terminator needed) */
static int
DigitsValue(const char *s, size_t n)
{
	int			v = 0;

	for (size_t k = 0; k < n && k < 9; k++)
		v = v * 10 + (s[k] - '0');
	return v;
}

/* "27-28" as one token: the two days */
static bool
DayRange(const Ctx *c, int i, int *d1, int *d2)
{
	const char *f = Fold(c, i);
	uint32_t	n = FoldLen(c, i);
	const char *dash = memchr(f, '-', n);

	if (!dash || !AllDigits(f, dash - f) || !AllDigits(dash + 1, f + n - dash - 1) ||
		dash - f > 2 || f + n - dash - 1 > 2)
		return false;
	*d1 = DigitsValue(f, dash - f);
	*d2 = DigitsValue(dash + 1, f + n - dash - 1);
	return *d1 >= 1 && *d1 <= 31 && *d2 >= 1 && *d2 <= 31 && *d1 < *d2;
}

static bool
IsPunctTok(const Ctx *c, int i, char ch)
{
	return i >= 0 && i < c->doc->ntok && (c->doc->tok[i].flags & TK_PUNCT) &&
		FoldLen(c, i) == 1 && Fold(c, i)[0] == ch;
}

/* IsInitial: token i is an initial, one capital and a full stop (George W.) */
static bool
IsInitial(const Ctx *c, int i)
{
	return IsCapWord(c, i) && c->doc->tok[i].char_end - c->doc->tok[i].char_start == 1 &&
		IsPunctTok(c, i + 1, '.');
}

/* "aprile del 2018", "abril de 2018", "April of 2018" */
static bool
IsYearConnector(const Ctx *c, int i)
{
	return TokIs(c, i, "del") || TokIs(c, i, "de") || TokIs(c, i, "of") ||
		TokIs(c, i, "dell'");
}

/*
 * DayCueBefore: a day word ("ngày", "chiều", "dnia"), a weekday or "từ",
 * "đến" right before token i, which makes "7/8" a date, not a fraction.
 */
static bool
DayCueBefore(const Ctx *c, int i)
{
	int			wl;

	for (int back = 1; back <= 3 && i - back >= 0; back++)
	{
		int32_t		w = WordAt(c, i - back, WORD_SINCE, WORD_UNTIL, &wl);

		if (w < 0)
			w = WordAt(c, i - back, WORD_WEEKDAY, WORD_WEEKDAY, &wl);
		if (w < 0)
			w = WordAt(c, i - back, WORD_DAY_PREFIX, WORD_DAY_PREFIX, &wl);
		if (w >= 0 && i - back + wl == i)
			return true;
		if (w >= 0 && i - back + wl == i - 1 && IsPunctTok(c, i - 1, ','))
			return true;
	}
	return false;
}

/* YearAfterPrefix: the token after a year word at j ("năm", "roku") if a
 * year follows it, else j */
static int
YearAfterPrefix(const Ctx *c, int j)
{
	int			wl;

	if (WordAt(c, j, WORD_YEAR_PREFIX, WORD_YEAR_PREFIX, &wl) >= 0 &&
		IsYear(IntTok(c, j + wl)))
		return j + wl;
	return j;
}

/*
 * DateAt tries the date patterns at token i; returns tokens used (0 if
 * none).
 */
static int
DateAt(Ctx *c, int i)
{
	EntDoc	   *doc = c->doc;
	int			wl;
	int32_t		w;
	int			v = IntTok(c, i);
	int			d1 = 0,
				d2 = 0;
	const char *f = Fold(c, i);
	uint32_t	n = FoldLen(c, i);

	/* ISO 2024-03-05 or dotted 25.04.2024 */
	if ((doc->tok[i].flags & TK_NUM) && (n == 10 || (n >= 8 && n <= 10)))
	{
		int			y,
					m,
					d;
		char		sep;
		char		buf[12];

		/* the fold is not terminated: scan a copy */
		memcpy(buf, f, n);
		buf[n] = '\0';
		if (n == 10 && sscanf(buf, "%4d-%2d-%2d", &y, &m, &d) == 3 && buf[4] == '-' &&
			IsYear(y) && ValidDay(y, m, d))
			return AddDate(c, i, i + 1, FormatDate(c, y, m, d), "date:iso") ? 1 : -1;
		if (sscanf(buf, "%2d%c%2d%c%4d", &d, &sep, &m, &sep, &y) == 5 &&
			(sep == '.') && IsYear(y) && ValidDay(y, m, d))
			return AddDate(c, i, i + 1, FormatDate(c, y, m, d), "date:d.m.y") ? 1 : -1;
	}

	/* day or day range, then "/" month [ "/" year ]  (Vietnamese 7/8, 27-28/11) */
	if ((v >= 1 && v <= 31) || DayRange(c, i, &d1, &d2))
	{
		int			day = v >= 1 ? v : d1;

		if (IsPunctTok(c, i + 1, '/'))
		{
			int			m = IntTok(c, i + 2);

			if (m >= 1 && m <= 12 && ValidDay(0, m, day) &&
				!(doc->tok[i + 2].flags & TK_SPACE_BEFORE) &&
				(d2 || DayCueBefore(c, i) ||
				 (IsPunctTok(c, i + 3, '/') && IsYear(IntTok(c, i + 4)))))
			{
				int			y = 0,
							used = 3,
							yp = YearAfterPrefix(c, i + 3);

				if (IsPunctTok(c, i + 3, '/') && IsYear(IntTok(c, i + 4)))
				{
					y = IntTok(c, i + 4);
					used = 5;
				}
				else if (yp > i + 3)
				{
					y = IntTok(c, yp);
					used = yp + 1 - i;
				}
				if (!y)
					y = YearFor(c, m, day);
				if (d2)
				{
					char		buf[64];
					const char *a = FormatDate(c, y, m, d1);
					const char *b = FormatDate(c, y, m, d2);

					if (!a || !b)
						return -1;
					snprintf(buf, sizeof(buf), "%s/%s", a, b);
					return AddDate(c, i, i + used, KeepString(c, buf, strlen(buf)),
								   "date:d-d/m") ? used : -1;
				}
				return AddDate(c, i, i + used, FormatDate(c, y, m, day), "date:d/m") ? used : -1;
			}
		}
		/* day [.] monthname [year], day de monthname (es, pt "3 de mayo") */
		{
			int			j = i + 1;

			if (IsPunctTok(c, j, '.'))
				j++;
			else if (TokIs(c, j, "de") &&
					 WordAt(c, j + 1, WORD_MONTH_NAME, WORD_MONTH_NAME, &wl) >= 0)
				j++;
			w = WordAt(c, j, WORD_MONTH_NAME, WORD_MONTH_NAME, &wl);
			if (w >= 0 && ValidDay(0, c->lex->words[w].ival, day))
			{
				int			m = c->lex->words[w].ival;
				int			y = 0;
				int			end = j + wl;

				if (IsYearConnector(c, end) && IsYear(IntTok(c, end + 1)))
					end++;
				if (IsYear(IntTok(c, end)))
				{
					y = IntTok(c, end);
					end++;
					if (WordAt(c, end, WORD_YEAR_SUFFIX, WORD_YEAR_SUFFIX, &wl) >= 0)
						end += wl;
				}
				else
					y = YearFor(c, m, day);
				if (d2)
				{
					char		buf[64];
					const char *a = FormatDate(c, y, m, d1);
					const char *b = FormatDate(c, y, m, d2);

					if (!a || !b)
						return -1;
					snprintf(buf, sizeof(buf), "%s/%s", a, b);
					return AddDate(c, i, end, KeepString(c, buf, strlen(buf)),
								   "date:d-d month") ? end - i : -1;
				}
				return AddDate(c, i, end, FormatDate(c, y, m, day), "date:d month y") ? end - i : -1;
			}
		}
	}

	/* monthname [day[,]] [year] */
	w = WordAt(c, i, WORD_MONTH_NAME, WORD_MONTH_NAME, &wl);
	if (w >= 0 && (doc->tok[i].flags & (TK_CAP | TK_LOWER)))
	{
		int			m = c->lex->words[w].ival;
		int			j = i + wl;
		int			day = IntTok(c, j);

		if (day >= 1 && day <= 31 && ValidDay(0, m, day) && !IsYear(day))
		{
			int			y = 0;
			int			end = j + 1;

			if (IsPunctTok(c, end, ','))
				end++;
			if (IsYear(IntTok(c, end)))
				y = IntTok(c, end), end++;
			else
			{
				y = YearFor(c, m, day);
				end = j + 1;
			}
			return AddDate(c, i, end, FormatDate(c, y, m, day), "date:month d, y") ? end - i : -1;
		}
		if (IsYearConnector(c, j) && IsYear(IntTok(c, j + 1)))
			j++;
		if (IsYear(IntTok(c, j)))
		{
			int			y = IntTok(c, j);
			int			end = j + 1;

			if (WordAt(c, end, WORD_YEAR_SUFFIX, WORD_YEAR_SUFFIX, &wl) >= 0)
				end += wl;
			return AddDate(c, i, end, FormatDate(c, y, m, 0), "date:month y") ? end - i : -1;
		}
	}

	/* Vietnamese "tháng 1 [năm 2014 | /2014]" */
	w = WordAt(c, i, WORD_MONTH_PREFIX, WORD_MONTH_PREFIX, &wl);
	if (w >= 0)
	{
		int			m = IntTok(c, i + wl);

		if (m >= 1 && m <= 12)
		{
			int			end = i + wl + 1;
			int			y = 0;
			int			yp = YearAfterPrefix(c, end);

			if (IsPunctTok(c, end, '/') && IsYear(IntTok(c, end + 1)))
				y = IntTok(c, end + 1), end += 2;
			else if (yp > end)
				y = IntTok(c, yp), end = yp + 1;
			else
				y = YearFor(c, m, 15);
			if (y == 0)
				return 0;		/* a month of no known year says little */
			return AddDate(c, i, end, FormatDate(c, y, m, 0), "date:month-prefix") ? end - i : -1;
		}
	}

	/* relative: yesterday, last year, this month */
	w = WordAt(c, i, WORD_DAY, WORD_YEAR_REL, &wl);
	if (w >= 0 && c->published.year)
	{
		const LexWord *lw = &c->lex->words[w];
		int			y = c->published.year,
					m = c->published.month,
					d = c->published.day;

		switch (lw->type)
		{
			case WORD_DAY:
				CivilFromDays(DaysFromCivil(y, m, d) + lw->ival, &y, &m, &d);
				return AddDate(c, i, i + wl, FormatDate(c, y, m, d), "date:relative-day") ? wl : -1;
			case WORD_MONTH_REL:
				m += lw->ival;
				while (m < 1)
					m += 12, y--;
				while (m > 12)
					m -= 12, y++;
				return AddDate(c, i, i + wl, FormatDate(c, y, m, 0), "date:relative-month") ? wl : -1;
			case WORD_YEAR_REL:
				return AddDate(c, i, i + wl, FormatDate(c, y + lw->ival, 0, 0), "date:relative-year") ? wl : -1;
			default:
				break;
		}
	}

	/* weekday: the latest such day up to publication (or the next one) */
	w = WordAt(c, i, WORD_WEEKDAY, WORD_WEEKDAY, &wl);
	if (w >= 0 && c->published.year && IntTok(c, i + wl) < 0 /* not "Monday 3" */ )
	{
		int			want = c->lex->words[w].ival;	/* 1 = Sunday */
		long		pub = DaysFromCivil(c->published.year, c->published.month,
										c->published.day);
		int			pubwd = (int) (((pub % 7) + 7 + 4) % 7) + 1;	/* 1970-01-01
																	 * was a
																	 * Thursday */
		int			back = (pubwd - want + 7) % 7;
		int			y,
					m,
					d;
		int			nl;

		if (WordAt(c, i + wl, WORD_NEXT, WORD_NEXT, &nl) >= 0 ||
			(i > 0 && WordAt(c, i - 1, WORD_NEXT, WORD_NEXT, &nl) >= 0))
			back = -((want - pubwd + 7) % 7 ? (want - pubwd + 7) % 7 : 7);
		CivilFromDays(pub - back, &y, &m, &d);
		return AddDate(c, i, i + wl, FormatDate(c, y, m, d), "date:weekday") ? wl : -1;
	}

	/* a year: "2014", "năm 2014", "2014 r.", "в 2014 году" */
	if (IsYear(v) && n == 4)
	{
		int			end = i + 1;
		const char *rule = "date:year";

		/* not the start of an amount or a count of things in a money phrase */
		if (WordAt(c, i + 1, WORD_SCALE, WORD_CURRENCY, &wl) >= 0)
			return 0;
		if (WordAt(c, end, WORD_YEAR_SUFFIX, WORD_YEAR_SUFFIX, &wl) >= 0)
			end += wl, rule = "date:year-suffix";
		/* 2016 i 2017, 2016-2024 */
		return AddDate(c, i, end, FormatDate(c, v, 0, 0), rule) ? end - i : -1;
	}
	/* "2016-2024" as one token: a span */
	if ((doc->tok[i].flags & TK_NUM) && n == 9 && f[4] == '-' &&
		AllDigits(f, 4) && AllDigits(f + 5, 4))
	{
		int			a = DigitsValue(f, 4),
					b = DigitsValue(f + 5, 4);

		if (IsYear(a) && IsYear(b) && a < b)
		{
			char		buf[16];

			snprintf(buf, sizeof(buf), "%04d/%04d", a, b);
			return AddDate(c, i, i + 1, KeepString(c, buf, strlen(buf)), "date:years") ? 1 : -1;
		}
	}
	return 0;
}

static const char *
FormatMoney(Ctx *c, double value, const char *code)
{
	char		buf[64];

	if (value >= 1e18 || value <= 0 || !isfinite(value))
		return NULL;
	if (fabs(value - round(value)) < 1e-6 * (value > 1 ? value : 1))
	{
		/* a whole amount (nearly all): its digits, as "%.0f" writes them */
		size_t		k = PutDigits(buf, (unsigned long long) round(value), 1);
		size_t		n = strnlen(code, sizeof(buf) - k - 2);

		buf[k++] = ' ';
		memcpy(buf + k, code, n);
		buf[k + n] = '\0';
	}
	else
		snprintf(buf, sizeof(buf), "%.2f %s", value, code);
	return KeepString(c, buf, strlen(buf));
}

/* Connectors allowed between a scale and a currency: "miliardi di dollari" */
static bool
IsMoneyConnector(const Ctx *c, int i)
{
	return ((LangIs(c, "it") && (TokIs(c, i, "di") || TokIs(c, i, "d'"))) ||
			((LangIs(c, "fr") || LangIs(c, "es") || LangIs(c, "pt")) &&
			 (TokIs(c, i, "de") || TokIs(c, i, "d'"))) ||
			(LangIs(c, "en") && TokIs(c, i, "of")));
}

/*
 * MoneyAt tries the money patterns at token i; returns tokens used.
 */
static int
MoneyAt(Ctx *c, int i)
{
	int			start = i;
	int			j = i;
	int			wl;
	int32_t		w;
	const char *code = NULL;
	double		value;
	double		scale = 1;
	size_t		used;
	const char *f;
	uint32_t	n;

	/* a currency symbol or code before the number: $24, US$ 5, € 1,2 */
	w = WordAt(c, j, WORD_CURRENCY, WORD_CURRENCY, &wl);
	if (w >= 0)
	{
		if (j + wl >= c->doc->ntok || !(c->doc->tok[j + wl].flags & TK_NUM))
			return 0;
		code = c->lex->words[w].code;
		j += wl;
	}
	if (j >= c->doc->ntok || !(c->doc->tok[j].flags & TK_NUM))
		return 0;
	f = Fold(c, j);
	n = FoldLen(c, j);
	used = ParseNumber(f, n, c->lang, &value);
	if (used == 0)
		return 0;
	if (used < n)
	{
		/* "1.5bn", "24m": a scale glued to the number */
		char		key[64];

		if (n - used >= sizeof(key))
			return 0;
		memcpy(key, f + used, n - used);
		for (w = ent_phrase_head(strmap_get(&c->lex->word_keys, key, n - used)); w >= 0;
			 w = c->lex->words[w].next)
			if ((c->lex->words[w].type == WORD_SCALE ||
				 c->lex->words[w].type == WORD_SCALE_ABBREV) &&
				(c->lex->words[w].lang[0] == '*' ||
				 strcmp(c->lex->words[w].lang, c->lang) == 0))
				break;
		if (w < 0)
			return 0;
		scale = c->lex->words[w].dval;
	}
	j++;
	/* a scale word: tỷ, mld, miliardi, billion, млрд (with its full stop) */
	if (scale == 1)
	{
		int			cl;

		w = WordAt(c, j, WORD_SCALE, WORD_SCALE_ABBREV, &wl);
		if (w >= 0 && (c->lex->words[w].type == WORD_SCALE || code ||
					   WordAt(c, j + wl, WORD_CURRENCY, WORD_CURRENCY, &cl) >= 0))
		{
			scale = c->lex->words[w].dval;
			j += wl;
			if (IsPunctTok(c, j, '.'))
				j++;
		}
	}
	if (!code)
	{
		int			k = j;

		if (IsMoneyConnector(c, k))
			k++;
		w = WordAt(c, k, WORD_CURRENCY, WORD_CURRENCY, &wl);
		if (w < 0)
			return 0;
		code = c->lex->words[w].code;
		j = k + wl;
	}
	{
		const char *canon = FormatMoney(c, value * scale, code);

		if (!canon)
			return 0;
		if (AddMention(c, ENT_MONEY, canon, canon, "", start, j, 0.9f,
					   "money", true) < 0)
			return -1;
	}
	return j - start;
}

/* the first year of a decade written with four digits (1990) or two (90) */
static int
DecadeStart(int v, uint32_t ndigits)
{
	if (v < 0 || v % 10 != 0)
		return -1;
	if (ndigits == 4 && IsYear(v))
		return v;
	if (ndigits == 2)
		return 1900 + v;		/* "lata 90.", "the '90s": the last century */
	return -1;
}

/*
 * DecadeAt reads a decade: a word for it before the number ("lata 90.",
 * "những năm 1990", "negli anni '90", "les années 1980") or an ending after
 * the digits ("1990s", "90er", "1990-е", "90-х годах").  It is the range of
 * its ten years ("1990/1999").  Returns the tokens used, 0 or -1.
 */
static int
DecadeAt(Ctx *c, int i)
{
	const Lexicon *lex = c->lex;
	int			wl,
				start = -1,
				end = i + 1;
	char		buf[16];

	if (WordAt(c, i, WORD_DECADE_PREFIX, WORD_DECADE_PREFIX, &wl) >= 0)
	{
		int			j = i + wl;

		if (IsPunctTok(c, j, '\'') && j + 1 < c->doc->ntok &&
			!(c->doc->tok[j + 1].flags & TK_SPACE_BEFORE))
			j++;				/* anni '90 */
		if (j >= c->doc->ntok || !SameLine(c, i, j))
			return 0;
		start = DecadeStart(IntTok(c, j), FoldLen(c, j));
		end = j + 1;
		/* "lata 2020 – 2022" are years */
		if (end + 1 < c->doc->ntok && (c->doc->tok[end].flags & TK_PUNCT) &&
			IntTok(c, end + 1) >= 0)
			start = -1;
	}
	else if ((c->doc->tok[i].flags & TK_NUM) && lex->ndecade_suffix > 0)
	{
		const char *f = Fold(c, i);
		uint32_t	n = FoldLen(c, i),
					d = 0;

		while (d < n && d < 5 && isdigit((unsigned char) f[d]))
			d++;
		if ((d != 2 && d != 4) || d == n)
			return 0;
		for (int k = 0; k < lex->ndecade_suffix; k++)
			if (lex->decade_suffix[k].len == n - d &&
				memcmp(lex->decade_suffix[k].text, f + d, n - d) == 0 &&
				LangOk(c, lex->decade_suffix[k].lang))
			{
				memcpy(buf, f, d);
				buf[d] = '\0';
				start = DecadeStart(atoi(buf), d);
				break;
			}
		/* "90-х годах", "1990er Jahre" */
		if (start >= 0 && WordAt(c, end, WORD_YEAR_SUFFIX, WORD_YEAR_SUFFIX, &wl) >= 0)
			end += wl;
	}
	if (start < 0)
		return 0;
	snprintf(buf, sizeof(buf), "%d/%d", start, start + 9);
	return AddDate(c, i, end, KeepString(c, buf, strlen(buf)), "date:decade") ? end - i : -1;
}

/*
 * AfterArticle: the token after a short lower-case word at j (an article:
 * "desde el 3 de mayo hasta el 5 de junio", "du 3 au 5 mai") that a day's
 * number follows, else j.
 */
static int
AfterArticle(const Ctx *c, int j)
{
	int			d;

	if (j + 1 < c->doc->ntok && (c->doc->tok[j].flags & (TK_WORD | TK_LOWER)) == (TK_WORD | TK_LOWER) &&
		KeyLen(c, j) <= 3 && (d = IntTok(c, j + 1)) >= 1 && d <= 31 && SameLine(c, j, j + 1))
		return j + 1;
	return j;
}

/* IsDashTok: token i is a dash standing alone ("2020 – 2022") */
static bool
IsDashTok(const Ctx *c, int i)
{
	const char *f;
	uint32_t	n;
	int32_t		cp;
	int			used;

	if (i < 0 || i >= c->doc->ntok || !(c->doc->tok[i].flags & TK_PUNCT))
		return false;
	f = Fold(c, i);
	n = FoldLen(c, i);
	if (n == 0)
		return false;
	/* "-", or U+2010 .. U+2015 (hyphens, en and em dashes) */
	cp = ent_utf8_decode((const unsigned char *) f, n, &used);
	return (uint32_t) used == n && (cp == '-' || (cp >= 0x2010 && cp <= 0x2015));
}

/* YearsSuffixAt: one of tokens [from, to) is a plural year word ("годах") */
static bool
YearsSuffixAt(const Ctx *c, int from, int to)
{
	int			wl;

	for (int t = from; t < to; t++)
		if (WordAt(c, t, WORD_YEARS_SUFFIX, WORD_YEARS_SUFFIX, &wl) >= 0)
			return true;
	return false;
}

/*
 * DayRangeAt reads a range of days of one month after an opener at i: a
 * day number at j, a dash or a word that closes a range, and a date that
 * names the month ("du 3 au 5 mai", "from 3 to 5 May", "od 3 do 5 maja",
 * "vom 3. bis 5. Mai", "с 3 по 5 мая").  Returns the tokens read from i,
 * 0 if there is no such range, -1 on error.
 */
static int
DayRangeAt(Ctx *c, int i, int j, bool from_only)
{
	EntExtraction *x = c->out;
	int32_t		n0 = x->n;
	int			d1 = IntTok(c, j),
				d2,
				k = j + 1,
				al = 0,
				r2;
	const char *b;
	size_t		blen;
	bool		one_day;
	char		buf[64];

	if (d1 < 1 || d1 > 31)
		return 0;
	/* the ordinal's full stop (3. bis 5. Mai) */
	if (IsPunctTok(c, k, '.') && !(c->doc->tok[k].flags & TK_SPACE_BEFORE))
		k++;
	if (IsDashTok(c, k))
		al = 1;
	else if (from_only ? (WordAt(c, k, WORD_UNTIL, WORD_UNTIL, &al) < 0 &&
						  WordAt(c, k, WORD_RANGE_TO, WORD_RANGE_TO, &al) < 0) :
			 WordAt(c, k, WORD_UNTIL, WORD_RANGE_AND, &al) < 0)
		return 0;
	k += al;
	if (k >= c->doc->ntok || c->claim[k] >= 0 || !SameLine(c, j, k) ||
		(d2 = IntTok(c, k)) <= d1)
		return 0;
	if ((r2 = DateAt(c, k)) <= 0)
		return r2;
	b = x->m[x->n - 1].canonical;	/* (kept with the extraction) */
	blen = strlen(b);
	/* one day of a month: YYYY-MM-DD, or --MM-DD without a year */
	one_day = x->n == n0 + 1 && (blen == 10 || (blen == 7 && b[0] == '-')) &&
		!strchr(b, '/') && atoi(b + blen - 2) == d2;
	/* the second date gives way: to the range, or to DateAt at its own token */
	for (int t = k; t < k + r2; t++)
		c->claim[t] = -1;
	x->n = n0;
	if (!one_day)
		return 0;
	snprintf(buf, sizeof(buf), "%.*s%02d/%s", (int) blen - 2, b, d1, b);
	return AddDate(c, j, k + r2, KeepString(c, buf, strlen(buf)), "date:range") ?
		k + r2 - i : -1;
}

/*
 * DateRangeAt reads a period announced by a word for years, a span or its
 * start ("w latach 2016 i 2017", "between 2020 and April 2021", "from 2014
 * to 2016", "od 2014 do 2016 r.", "с 2014 по 2016 год", "từ năm 2014 đến
 * năm 2016", "de 2014 à 2016"), or two years joined by a dash ("2020 –
 * 2022") or by "and" before a plural year word ("в 2016 и 2017 годах"): the
 * two dates joined by a range or "until" word become one range
 * "start/end".  A word that only opens a range (French, Spanish "de") needs
 * the word that closes it.  It returns the tokens it used (0: no such period
 * at i, -1 on error).
 */
static int
DateRangeAt(Ctx *c, int i)
{
	EntExtraction *x = c->out;
	int			wl = 0,
				al = 0,
				j,
				k,
				r1,
				r2;
	int32_t		n0 = x->n;
	char		buf[64];
	const EntMention *a,
			   *b;
	bool		from_only = false,
				bare = false,
				dash;

	if (WordAt(c, i, WORD_YEARS_PREFIX, WORD_YEARS_PREFIX, &wl) < 0 &&
		WordAt(c, i, WORD_SINCE, WORD_SINCE, &wl) < 0)
	{
		/* (not a cue word by itself: see AddWord) */
		if (WordsAt(c, i, WORD_RANGE_FROM, WORD_RANGE_FROM, &wl) >= 0)
			from_only = true;
		else
		{
			/* two bare years, a dash or "and" between them: decided below */
			int			jl = 0;

			if (IsYear(IntTok(c, i)))
				jl = IsDashTok(c, i + 1) ? 1 :
					WordAt(c, i + 1, WORD_RANGE_AND, WORD_RANGE_AND, &jl) >= 0 ? jl : 0;
			if (jl == 0 || !IsYear(IntTok(c, i + 1 + jl)) || !SameLine(c, i, i + 1 + jl))
				return 0;
			bare = true;
		}
	}
	j = bare ? i : AfterArticle(c, YearAfterPrefix(c, i + wl));
	if (j >= c->doc->ntok || c->claim[j] >= 0 || !SameLine(c, i, j))
		return 0;
	if (!bare && (r1 = DayRangeAt(c, i, j, from_only)) != 0)
		return r1;
	if ((r1 = DateAt(c, j)) <= 0 || x->n != n0 + 1)
		return r1 < 0 ? -1 : (r1 > 0 ? j + r1 - i : 0);
	k = j + r1;
	dash = IsDashTok(c, k) && (c->doc->tok[k].flags & TK_SPACE_BEFORE);
	if (dash && (bare || !from_only))
		al = 1;
	else if (from_only ? (WordAt(c, k, WORD_UNTIL, WORD_UNTIL, &al) < 0 &&
						  WordAt(c, k, WORD_RANGE_TO, WORD_RANGE_TO, &al) < 0) :
			 WordAt(c, k, WORD_UNTIL, WORD_RANGE_AND, &al) < 0)
		return k - i;
	al = AfterArticle(c, YearAfterPrefix(c, k + al)) - k;
	if (k + al >= c->doc->ntok || c->claim[k + al] >= 0 || !SameLine(c, i, k + al))
		return k - i;
	if ((r2 = DateAt(c, k + al)) < 0)
		return -1;
	if (r2 == 0 || x->n != n0 + 2)
		return k - i;
	/* two bare years are a period joined by a dash, or by "and" before a
	 * plural year word; otherwise two dates, as written */
	if (bare && !dash && !YearsSuffixAt(c, k + al, k + al + r2 + 1))
		return k + al + r2 - i;
	a = &x->m[n0];
	b = &x->m[n0 + 1];
	/* one of them a range already, or the second before the first: two
	 * dates, as written */
	if (strchr(a->canonical, '/') || strchr(b->canonical, '/') ||
		strcmp(a->canonical, b->canonical) >= 0)
		return k + al + r2 - i;
	/* "from 12 May to 14 June 2024": the start takes the end's year */
	if (strncmp(a->canonical, "--", 2) == 0 && isdigit((unsigned char) b->canonical[0]))
		snprintf(buf, sizeof(buf), "%.4s%s/%s", b->canonical, a->canonical + 1,
				 b->canonical);
	else
		snprintf(buf, sizeof(buf), "%s/%s", a->canonical, b->canonical);
	for (int t = j; t < k + al + r2; t++)
		c->claim[t] = -1;
	x->n = n0;
	return AddDate(c, j, k + al + r2, KeepString(c, buf, strlen(buf)), "date:range") ?
		k + al + r2 - i : -1;
}

static bool
FindDatesAndMoney(Ctx *c)
{
	/* in this order; DateRangeAt alone for a word that only opens a range */
	static int	(*const patterns[]) (Ctx *c, int i) = {MoneyAt, DateRangeAt, DecadeAt, DateAt};
	const int	RANGE_PATTERN = 1;

	for (int i = 0; i < c->doc->ntok; i++)
	{
		int			k,
					first = 0,
					last = (int) (sizeof(patterns) / sizeof(patterns[0]));

		if (c->claim[i] >= 0)
			continue;

		/*
		 * Every pattern starts with a number (a token whose fold starts with
		 * a digit) or with a cue word: most tokens are passed over at once.
		 */
		if (!(c->doc->tok[i].flags & TK_NUM) &&
			!(FoldLen(c, i) > 0 && isdigit((unsigned char) Fold(c, i)[0])) &&
			!(FirstBits(c, i) & (FIRST_WORD_DATE | FIRST_WORD_MONEY)))
		{
			/* only a word that opens a range (see AddWord), before a number */
			if (!(i + 1 < c->doc->ntok && (c->doc->tok[i + 1].flags & TK_NUM) &&
				  (c->doc->tok[i].flags & TK_LOWER)))
				continue;
			first = RANGE_PATTERN;
			last = RANGE_PATTERN + 1;
		}
		/* the first pattern that reads anything at i wins */
		for (int p = first; p < last; p++)
		{
			if ((k = patterns[p] (c, i)) < 0)
				return false;
			if (k > 0)
			{
				i += k - 1;
				break;
			}
		}
	}
	return true;
}

/* ----------------------------------------------------------------
 * Lexicon names
 * ----------------------------------------------------------------
 */
typedef struct Match
{
	int32_t		alias;
	int			len;			/* tokens */
	bool		exact;
} Match;

/*
 * CaseOk checks the capitalisation of tokens [i, i+len) against alias al.
 */
static bool
CaseOk(const Ctx *c, const LexAlias *al, int i)
{
	uint32_t	f0 = c->doc->tok[i].flags;

	/* a name that starts in lower case keeps the capitals of its other
	 * words: "la Manche" is not "la manche", the sleeve */
	if (al->flags & AL_LOWER)
	{
		for (int k = 1; k < al->ntok; k++)
			if (((al->shape >> k) & 1) &&
				!(c->doc->tok[i + k].flags & (TK_CAP | TK_ALLCAPS)) &&
				(c->doc->tok[i + k].flags & TK_LOWER))
				return false;
		return true;
	}
	/*
	 * Adjectives of nationality are written in lower case in most
	 * languages (rosyjski, russo); in Vietnamese they are names ("quân đội
	 * Thái"), and "thái" is a common syllable (động thái, trạng thái).
	 */
	if (al->flags & AL_ADJ)
		return !c->vi || (f0 & (TK_CAP | TK_ALLCAPS));
	if (al->flags & AL_CASE)
	{
		for (int k = 0; k < al->ntok; k++)
		{
			uint32_t	f = c->doc->tok[i + k].flags;
			bool		want = (al->shape >> k) & 1;

			if (want && !(f & (TK_CAP | TK_ALLCAPS)))
				return false;
		}
		/* an acronym written as a word (Un, Is) is not the acronym */
		return !(al->ntok == 1 && (al->shape & 1) && (f0 & TK_CAP) &&
				 !(f0 & TK_ALLCAPS) && FoldLen(c, i) <= 4);
	}
	if (!((f0 & (TK_CAP | TK_ALLCAPS)) || !(f0 & TK_LOWER)))
		return false;

	/*
	 * English writes every word of a name in capitals: "Russia today" is
	 * not the broadcaster Russia Today.  (Other languages capitalise only
	 * the first word of many names: Организация объединённых наций, Liên
	 * hợp quốc.)
	 */
	if (c->en)
		for (int k = 1; k < al->ntok; k++)
			if (((al->shape >> k) & 1) && (c->doc->tok[i + k].flags & TK_LOWER))
				return false;
	return true;
}

/*
 * Walk finds the best name (longest, then as written, then of the article's
 * language) whose key starts with key[0..klen) and goes on with token
 * i + depth, in any of that token's forms.  FindNames calls it at depth 0
 * only for a word that may start a name.  key has room for 1024 +
 * STRMAP_PAD bytes.
 */
static void
Walk(const Ctx *c, int i, int depth, char *key, size_t klen, bool exact,
	 Match *best)
{
	Variant		v[MAX_VARIANTS];
	int			nv;
	int			t = i + depth;

	if (t >= c->doc->ntok || depth >= c->lex->max_tokens || c->claim[t] >= 0)
		return;
	if (depth > 0 && !SameLine(c, i, t))
		return;
	nv = Variants(c, t, v, depth == 0, depth == 0 ? NameFilter(c, t) : NO_FILTER);
	for (int k = 0; k < nv; k++)
	{
		size_t		n = klen;
		int32_t		a,
					pv;
		uint32_t	h = 0;

		if (n + v[k].len + 2 >= 1024)
			continue;
		/* a first word that starts nothing */
		if (depth == 0 && k == 0)
		{
			if (!(FirstBits(c, t) & FIRST_NAME))
				continue;
			h = KeyHash(c, t);
		}
		else if (depth == 0)
		{
			/* the key is the variant: hash it once */
			h = strmap_hash_padded(v[k].s, v[k].len);
			if (!(FirstBitsOf(c, h) & FIRST_NAME))
				continue;
		}
		if (depth > 0)
			key[n++] = KEY_SEP;
		memcpy(key + n, v[k].s, v[k].len);
		n += v[k].len;
		if (depth > 0)
			h = strmap_hash_padded(key, n);
		if (depth > 0 && !ent_bloom_test(c->lex->bloom_keys, 21, h))
			continue;
		pv = strmap_get_hashed(&c->lex->keys, key, n, h);
		for (a = ent_phrase_head(pv); a >= 0; a = c->lex->aliases[a].next)
		{
			const LexAlias *al = &c->lex->aliases[a];
			bool		ex = exact && (v[k].type == 0 || v[k].type == VAR_FOLD);
			int			len = depth + 1;

			if (al->ntok != len ||
				!ent_alias_lang_ok(al->lang, (al->flags & AL_CLDR) != 0, c->lang))
				continue;
			if (c->vi && (strcmp(al->lang, "vi") == 0) != (v[k].type == 0))
				continue;
			if (v[k].type == RULE_NOUN && (al->flags & AL_ADJ))
				continue;
			if (v[k].type == RULE_ADJ && !(al->flags & AL_ADJ))
				continue;
			if (!CaseOk(c, al, i))
				continue;
			if (len > best->len || (len == best->len && ex && !best->exact) ||
				(len == best->len && ex == best->exact &&
				 strcmp(al->lang, c->lang) == 0 &&
				 strcmp(c->lex->aliases[best->alias].lang, c->lang) != 0))
			{
				best->alias = a;
				best->len = len;
				best->exact = ex;
			}
		}
		if (ent_phrase_more(pv))
			Walk(c, i, depth + 1, key, n,
				 exact && (v[k].type == 0 || v[k].type == VAR_FOLD), best);
	}
}

/* LowerStart: some variant of lower-case token i starts an adjective */
static bool
LowerStart(const Ctx *c, int i)
{
	/*
	 * A short word starts a name written in lower case only as written
	 * ("mer Noire", "mar Negro", "eo biển Hormuz"); adjectives, which have
	 * forms, are longer than "w", "và".  A longer name goes on with a
	 * capital within two words (its other words keep their capitals, see
	 * CaseOk).
	 */
	if (KeyLen(c, i) < 4)
	{
		if (!(FirstBits(c, i) & FIRST_LOWER))
			return false;
		/* without a capital in the next two words, only a name of this one
		 * word ("агентство dpa"): most "la", "de" are turned away here */
		return (IsCapWord(c, i + 1) && SameLine(c, i, i + 1)) ||
			(IsCapWord(c, i + 2) && SameLine(c, i, i + 2)) ||
			ent_phrase_head(strmap_get_hashed(&c->lex->keys, Key(c, i), KeyLen(c, i),
											  KeyHash(c, i))) >= 0;
	}
	if (FirstBits(c, i) & FIRST_LOWER)
		return true;
	/* its inflected forms (a table of them), and a Vietnamese word's fold */
	return FormIn(c, i, &c->li->lower_forms) ||
		(c->vi && Inflectable(c, i) &&
		 (FirstBitsOf(c, strmap_hash_padded(Fold(c, i), FoldLen(c, i))) & FIRST_LOWER));
}

static int
CompareInt32(const void *a, const void *b)
{
	int32_t		x = *(const int32_t *) a,
				y = *(const int32_t *) b;

	return x < y ? -1 : x > y;
}

/* EntitySeen: entity e is named unambiguously in the article */
static bool
EntitySeen(const Ctx *c, int32_t e)
{
	return c->nseen > 0 &&
		bsearch(&e, c->seen, c->nseen, sizeof(int32_t), CompareInt32) != NULL;
}

/*
 * OfficeBefore: a title that is no honorific ("Thủ tướng", "Ngoại trưởng"),
 * or with bodies a state body, ends right before token i.
 */
static bool
OfficeBefore(const Ctx *c, int i, bool bodies)
{
	for (int back = 1; back <= 3 && i - back >= 0; back++)
	{
		char		key[512];
		size_t		klen = 0;

		for (int j = i - back; j < i; j++)
		{
			if (klen + KeyLen(c, j) + 1 >= sizeof(key))
				break;
			if (j > i - back)
				key[klen++] = KEY_SEP;
			memcpy(key + klen, Key(c, j), KeyLen(c, j));
			klen += KeyLen(c, j);
		}
		for (int32_t t = ent_phrase_head(strmap_get(&c->lex->title_keys, key, klen)); t >= 0;
			 t = c->lex->titles[t].next)
			if (!(c->lex->titles[t].flags & TITLE_HONORIFIC))
				return true;
		if (bodies && ent_phrase_head(strmap_get(&c->lex->body_keys, key, klen)) >= 0)
			return true;
	}
	return false;
}

/*
 * HasEvidence decides whether an ambiguous name at [i, i+len) of entity e
 * stands for it: the entity is named unambiguously elsewhere in the
 * article, a title or state body that takes a country precedes it, or
 * another country is named right next to it.
 */
static bool
HasEvidence(const Ctx *c, int i, int len, int32_t e, const int32_t *cand_entity)
{
	if (EntitySeen(c, e))
		return true;
	/* a title like "Thủ tướng", "Ngoại trưởng" right before */
	if (OfficeBefore(c, i, true))
		return true;
	/* a neighbouring country: "Nga và Anh", "Mỹ, Anh và Pháp" */
	for (int d = -3; d <= len + 2; d++)
	{
		int			j = i + d;

		if (d >= 0 && d < len)
			continue;
		if (j < 0 || j >= c->doc->ntok || !SameLine(c, i, j))
			continue;
		if (cand_entity[j] >= 0 && cand_entity[j] != e &&
			c->lex->entities[cand_entity[j]].kind == ENT_COUNTRY)
			return true;
	}
	return false;
}

/*
 * CountryAfterOffice: a country's name right after a title is the country
 * of the office, not the first word of the name after it, in Vietnamese,
 * where the country follows the title: "Đại sứ Nga Ivan Petrov" is
 * Russia's ambassador, as "Tổng thống Nga Vladimir Putin" is Russia's
 * president ("Nga", "Anh" are also given names; an honorific before one,
 * "bà Nga", makes it the name).
 */
static bool
CountryAfterOffice(const Ctx *c, int i, EntKind kind)
{
	return c->vi && IsCountryLike(kind) && OfficeBefore(c, i, false);
}

/*
 * NamePartAround: the words around [i, i+len) make it part of a longer
 * name ("Zamir ul Hassan Shah", "Michael Jordan", "anh Nguyễn Văn Anh").
 */
static bool
NamePartAround(const Ctx *c, int i, int len, const int32_t *cand_entity)
{
	int			p = i - 1,
				n = i + len;

	/* "President Bush" at the start of a sentence: a title is no name */
	if (p >= 0 && SameLine(c, p, i) && !(c->doc->tok[i].flags & TK_SENT_START) &&
		((IsCapWord(c, p) && cand_entity[p] < 0 && c->claim[p] < 0 && !IsTitleBefore(c, i)) ||
		 IsParticle(c, p)))
		return true;
	if (n < c->doc->ntok && SameLine(c, i, n) && IsCapWord(c, n) &&
		cand_entity[n] < 0 && c->claim[n] < 0 &&
		!(c->doc->tok[n].flags & TK_SENT_START))
		return true;
	return false;
}

/* a capital letter in the middle of a sentence: a name, not a common word */
static bool
CapitalisedMidSentence(const Ctx *c, int i)
{
	uint32_t	f = c->doc->tok[i].flags;

	return (f & (TK_CAP | TK_ALLCAPS)) && !(f & (TK_SENT_START | TK_LINE_START)) &&
		!(f & TK_QUOTE_BEFORE) && !IsPunctTok(c, i - 1, ':');
}

/* IsTitleBefore: the word before token i is a title of the language */
static bool
IsTitleBefore(const Ctx *c, int i)
{
	if (i <= 0 || !SameLine(c, i - 1, i))
		return false;
	for (int32_t t = ent_phrase_head(strmap_get(&c->lex->title_keys, Key(c, i - 1), KeyLen(c, i - 1)));
		 t >= 0; t = c->lex->titles[t].next)
		if (c->lex->titles[t].lang[0] == '*' || strcmp(c->lex->titles[t].lang, c->lang) == 0)
			return true;
	return false;
}

static bool
IsHonorificBefore(const Ctx *c, int i)
{
	if (i <= 0)
		return false;
	for (int32_t t = ent_phrase_head(strmap_get(&c->lex->title_keys, Key(c, i - 1), KeyLen(c, i - 1)));
		 t >= 0; t = c->lex->titles[t].next)
		if (c->lex->titles[t].flags & TITLE_HONORIFIC)
			return true;
	return false;
}

/* the first letter of a given name, with the letters transliterations
 * disagree on made one (Władimir/Vladimir, Jurij/Yuri, Konstantin/Constantin) */
static char
InitialClass(char ch)
{
	ch = (char) tolower((unsigned char) ch);
	switch (ch)
	{
		case 'w':
			return 'v';
		case 'y':
		case 'i':
			return 'j';
		case 'c':
		case 'q':
			return 'k';
		default:
			return ch;
	}
}

/*
 * OtherGivenNameBefore: the surname at token i follows another person's
 * given name (and perhaps an initial): "Dan E. Frederiksen" is not Mette
 * Frederiksen.  (The lexicon's own full names are matched before their
 * surnames, so a given name left before a surname is someone else's unless
 * it is a spelling of the entity's own: the first letters are compared,
 * the given name transliterated to Latin.)
 */
static bool
OtherGivenNameBefore(Ctx *c, int i, const LexEntity *ent)
{
	int			g = i - 1;
	char		mine,
				theirs;

	/* an initial: "Dan E. Frederiksen" */
	if (g >= 2 && IsInitial(c, g - 1))
		g -= 2;
	if (g < 0 || !SameLine(c, g, i) || c->claim[g] >= 0 || !IsGivenName(c, g, false) ||
		!ent->canonical[0])
		return false;
	if (c->doc->tok[g].flags & TK_NONLATIN)
	{
		EntBuf		b;

		entbuf_init(&b, 16);
		if (!ent_translit(c->doc->text + c->doc->tok[g].byte_start,
						  c->doc->tok[g].byte_end - c->doc->tok[g].byte_start,
						  "Any-Latin; Latin-ASCII", &b, c->err) || b.len == 0)
		{
			ent_free(b.data);
			return false;
		}
		theirs = b.data[0];
		ent_free(b.data);
	}
	else
		theirs = Fold(c, g)[0];
	mine = ent->canonical[0];
	return InitialClass(mine) != InitialClass(theirs);
}

/*
 * FindNames matches lexicon names, longest first.  Ambiguous names and bare
 * surnames are kept only with evidence.
 */
static bool
FindNames(Ctx *c)
{
	EntDoc	   *doc = c->doc;
	Match	   *found = c->found;
	int32_t    *cand_entity = c->cand_entity;
	char		key[1024 + STRMAP_PAD];	/* (Walk keeps keys under 1024) */
	bool		ok = true;

	c->nseen = 0;
	for (int i = 0; i < doc->ntok; i++)
	{
		found[i].alias = -1;
		found[i].len = 0;
	}
	memset(cand_entity, 0xFF, (size_t) doc->ntok * sizeof(int32_t));	/* (-1) */
	/* pass 1: candidates */
	for (int i = 0; i < doc->ntok; i++)
	{
		Match		best = {-1, 0, false};

		if ((i & 1023) == 0)
			ENT_CHECK_INTERRUPTS();
		if (c->claim[i] >= 0 || !(doc->tok[i].flags & (TK_WORD | TK_PUNCT | TK_NUM)))
			continue;
		/* a lower-case word only starts an adjective or a lower-case name */
		if ((doc->tok[i].flags & TK_LOWER) && !LowerStart(c, i))
			continue;
		/* a first word that starts no name, in any form (most words) */
		if (!(FirstBits(c, i) & FIRST_NAME) && !NameFormsPossible(c, i))
			continue;
		Walk(c, i, 0, key, 0, true, &best);
		if (best.alias < 0)
			continue;
		found[i] = best;
		for (int k = i; k < i + best.len; k++)
			cand_entity[k] = c->lex->aliases[best.alias].entity;
		{
			const LexAlias *al = &c->lex->aliases[best.alias];

			if (!(al->flags & (AL_AMBIGUOUS | AL_SURNAME)))
				c->seen[c->nseen++] = al->entity;
		}
		i += best.len - 1;
	}
	/* (at most one per token) */
	if (c->nseen > 1)
	{
		int32_t		n = 1;

		if (c->nseen <= 32)
			for (int32_t k = 1; k < c->nseen; k++)
			{
				int32_t		v = c->seen[k],
							j = k;

				for (; j > 0 && c->seen[j - 1] > v; j--)
					c->seen[j] = c->seen[j - 1];
				c->seen[j] = v;
			}
		else
			qsort(c->seen, c->nseen, sizeof(int32_t), CompareInt32);
		for (int32_t k = 1; k < c->nseen; k++)
			if (c->seen[k] != c->seen[n - 1])
				c->seen[n++] = c->seen[k];
		c->nseen = n;
	}
	/* pass 2: keep those with evidence */
	for (int i = 0; i < doc->ntok && ok; i++)
	{
		const LexAlias *al;
		const LexEntity *ent;
		float		conf;

		if (found[i].alias < 0)
			continue;
		al = &c->lex->aliases[found[i].alias];
		ent = &c->lex->entities[al->entity];
		if ((al->flags & AL_AMBIGUOUS) &&
			(IsHonorificBefore(c, i) ||
			 (NamePartAround(c, i, found[i].len, cand_entity) &&
			  !CountryAfterOffice(c, i, ent->kind)) ||
			 !(HasEvidence(c, i, found[i].len, al->entity, cand_entity) ||
			   CapitalisedMidSentence(c, i))))
			continue;
		/* a surname alone: the full name elsewhere, a title, or a long and
		 * distinctive surname that is not part of another name */
		if ((al->flags & AL_SURNAME) && OtherGivenNameBefore(c, i, ent))
			continue;
		if ((al->flags & AL_SURNAME) && !EntitySeen(c, al->entity) &&
			!IsTitleBefore(c, i) &&
			(FoldLen(c, i) < 5 || IsGivenName(c, i, false) ||
			 NamePartAround(c, i, found[i].len, cand_entity)))
			continue;
		/* a surname that is also a given name, before another capitalised
		 * word, opens someone else's name even after a title: "Министр
		 * Павел Иванов" is not Petr Pavel */
		if ((al->flags & AL_SURNAME) && !EntitySeen(c, al->entity) &&
			found[i].len == 1 && IsGivenName(c, i, false) &&
			i + 1 < doc->ntok && SameLine(c, i, i + 1) && IsCapWord(c, i + 1) &&
			!(doc->tok[i + 1].flags & TK_SENT_START))
			continue;
		/* "Dominika Nowak": a one-word place name that is a given name before
		 * a capitalised word belongs to a person */
		if (found[i].len == 1 && (ent->kind == ENT_COUNTRY || ent->kind == ENT_PLACE) &&
			IsGivenName(c, i, false) && IsCapWord(c, i + 1) && SameLine(c, i, i + 1) &&
			cand_entity[i + 1] < 0)
			continue;
		/* a one-word name from CLDR's city list needs a capital and some length */
		if ((al->flags & AL_CLDR) && ent->kind == ENT_PLACE && found[i].len == 1 &&
			FoldLen(c, i) < 4)
			continue;
		conf = found[i].exact ? 0.9f : 0.8f;
		if (al->flags & (AL_AMBIGUOUS | AL_SURNAME))
			conf -= 0.15f;
		if (ent->kind == ENT_COUNTRY && (al->flags & AL_ADJ))
		{
			/* "rosyjski", "pakistanais": a nationality linked to the country */
			const LexCountryInfo *ci = ent_lexicon_country(c->lex, ent->id);

			if (AddMention(c, ENT_NATIONALITY, ent->id,
						   ci && ci->adjective[0] ? ci->adjective : ent->canonical,
						   ent->id, i, i + found[i].len, conf, al->rule, true) < 0)
				ok = false;
		}
		else
		{
			int			m = AddMention(c, ent->kind, ent->id, ent->canonical,
									   ent->kind == ENT_COUNTRY ? ent->id : ent->country,
									   i, i + found[i].len, conf, al->rule, true);

			if (m < 0)
				ok = false;
			else
				c->out->m[m].inflected = !found[i].exact;
		}
		i += found[i].len - 1;
	}
	return ok;
}

/* ----------------------------------------------------------------
 * People
 * ----------------------------------------------------------------
 */

/* name particles inside a name: bin Salman, ul Hassan, von der Leyen */
static bool
IsParticle(const Ctx *c, int i)
{
	static const char *const p[] = {
		"bin", "ibn", "al", "ul", "el", "de", "van", "von", "der", "den", "di",
		"da", "du", "dos", "das", "del", "la", "le", "y", "bint", "abu", NULL
	};

	if (!(c->doc->tok[i].flags & TK_LOWER))
		return false;
	for (const char *const *s = p; *s; s++)
		if (TokIs(c, i, *s))
			return true;
	return false;
}

/* IsGivenNameForm: some form of capitalised token i is a given name */
static ENT_NOINLINE bool
IsGivenNameForm(const Ctx *c, int i)
{
	Variant		v[MAX_VARIANTS];
	int			nv;

	if (!FormsPossible(c, i, GivenFilter(c)))
		return ent_bloom_test(c->lex->bloom_given, 16, KeyHash(c, i)) &&
			strmap_get_hashed(&c->lex->given_names, Key(c, i), KeyLen(c, i),
							  KeyHash(c, i)) == 1;
	nv = Variants(c, i, v, false, GivenFilter(c));
	for (int k = 0; k < nv; k++)
	{
		uint32_t	h;

		if (v[k].type == RULE_ADJ)
			continue;
		h = k == 0 ? KeyHash(c, i) : strmap_hash_padded(v[k].s, v[k].len);
		if (ent_bloom_test(c->lex->bloom_given, 16, h) &&
			strmap_get_hashed(&c->lex->given_names, v[k].s, v[k].len, h) == 1)
			return true;
	}
	return false;
}

/*
 * IsGivenName: token i is a known given name (family: a Vietnamese family
 * name).  In Vietnamese text only foreign-looking (ASCII) words can be
 * foreign given names: Vietnamese words fold onto too many of them.  (Asked
 * for most tokens: lower-case words are turned away inline.)
 */
static inline bool
IsGivenName(const Ctx *c, int i, bool family)
{
	if (!IsCapWord(c, i))
		return false;
	if (family)
		return strmap_get(&c->lex->given_names, Key(c, i), KeyLen(c, i)) == 2;
	if (c->vi && c->doc->tok[i].key_in_keys)
		return false;
	if (!(c->known[i] & MEMO_GIVEN))
		c->known[i] |= MEMO_GIVEN | (IsGivenNameForm(c, i) ? MEMO_GIVEN_YES : 0);
	return (c->known[i] & MEMO_GIVEN_YES) != 0;
}

/*
 * NameSpan returns how many tokens from i form a person's name: capitalised
 * words (and particles between them) not claimed by another mention, at
 * most max.
 */
static int
NameSpan(const Ctx *c, int i, int max)
{
	int			n = 0;

	while (n < max + 2 && i + n < c->doc->ntok)
	{
		int			t = i + n;

		if (c->claim[t] >= 0 || !SameLine(c, i, t))
			break;
		/* a name does not change script, and acronyms are not part of it */
		if (n > 0 && ((c->doc->tok[t].flags ^ c->doc->tok[i].flags) & TK_NONLATIN))
			break;
		if ((c->doc->tok[t].flags & TK_ALLCAPS) && c->doc->tok[t].char_end - c->doc->tok[t].char_start >= 2)
			break;
		/* an initial: George W. Bush */
		if (n > 0 && IsInitial(c, t) && IsCapWord(c, t + 2) && SameLine(c, i, t + 2))
		{
			n += 2;
			continue;
		}
		if (IsCapWord(c, t) && !(c->doc->tok[t].flags & TK_ALLCAPS && FoldLen(c, t) <= 1))
		{
			/* stop before a month or weekday name */
			int			wl;
			int			words = 0;

			if (WordAt(c, t, WORD_MONTH_NAME, WORD_WEEKDAY, &wl) >= 0 && n > 0)
				break;
			for (int k = i; k < t; k++)
				words += !IsParticle(c, k) && !(c->doc->tok[k].flags & TK_PUNCT);
			if (words >= max)
				break;
			n++;
			continue;
		}
		/* "Mohammed bin Salman"; not "Marina de Brasil", where the word
		 * after the particle is a country */
		if (n > 0 && IsParticle(c, t) && IsCapWord(c, t + 1) && c->claim[t + 1] < 0)
		{
			n++;
			continue;
		}
		break;
	}
	return n;
}

static const char *
JoinSurface(Ctx *c, int ts, int te)
{
	char		buf[512];
	size_t		k = 0;

	for (int i = ts; i < te; i++)
	{
		const EntToken *t = &c->doc->tok[i];
		size_t		n = t->byte_end - t->byte_start;

		if (k + n + 2 >= sizeof(buf))
			break;
		if (i > ts && (t->flags & TK_SPACE_BEFORE))
			buf[k++] = ' ';
		memcpy(buf + k, c->doc->text + t->byte_start, n);
		k += n;
	}
	return KeepString(c, buf, k);
}

/*
 * PersonCanonical gives the canonical name of a person found by shape: the
 * name as written, in Latin letters (BGN/PCGN for Russian and Ukrainian).
 */
static const char *
PersonCanonical(Ctx *c, const char *surface)
{
	bool		latin = true;
	EntBuf		b;
	const char *id;
	const char *res;

	if (c->ids_only)
		return surface;			/* the canonical name is not asked for */
	for (const unsigned char *p = (const unsigned char *) surface; *p; p++)
		if (*p >= 0xD0 && *p <= 0xD4)	/* Cyrillic lead bytes */
			latin = false;
	if (latin)
		return surface;
	id = LangIs(c, "uk") ? "Ukrainian-Latin/BGN; Any-Latin; Latin-ASCII" :
		"Russian-Latin/BGN; Any-Latin; Latin-ASCII";
	entbuf_init(&b, strlen(surface) * 2 + 8);
	if (!ent_translit(surface, strlen(surface), id, &b, c->err))
	{
		ent_free(b.data);
		return surface;
	}
	res = KeepString(c, b.data, b.len);
	ent_free(b.data);
	return res ? res : surface;
}

static int32_t
AcceptTitle(const Ctx *c, int32_t t, void *arg)
{
	for (; t >= 0; t = c->lex->titles[t].next)
		if (LangOk(c, c->lex->titles[t].lang) || !c->lang[0])
			return t;
	return -1;
}

/*
 * CompoundTitle: German writes an office and its field as one word
 * ("Umweltministerin", "Finanzminister", "Wirtschaftsministerpräsident"),
 * whose last part is a title of the language.  It is asked only before a
 * given name or two capitalised words ("Umweltministerin Steffi Lemke"):
 * the title, or -1.
 */
static int32_t
CompoundTitle(const Ctx *c, int i)
{
	const char *k = Key(c, i);
	uint32_t	n = KeyLen(c, i);

	if (!c->caps_nouns || !(c->doc->tok[i].flags & TK_CAP) || n < 9 ||
		i + 2 >= c->doc->ntok || !SameLine(c, i, i + 2) || !IsCapWord(c, i + 1) ||
		!(IsCapWord(c, i + 2) || IsGivenName(c, i + 1, false)))
		return -1;
	for (uint32_t p = 3; p + 6 <= n; p++)
	{
		int32_t		t;

		if (((unsigned char) k[p] & 0xC0) == 0x80)
			continue;			/* (not a character's start) */
		t = AcceptTitle(c, ent_phrase_head(strmap_get(&c->lex->title_keys, k + p, n - p)),
						NULL);
		if (t >= 0 && !(c->lex->titles[t].flags & TITLE_HONORIFIC))
			return t;
	}
	return -1;
}

/* TitleAt, for a token that may start a title */
static ENT_NOINLINE int
TitleLookup(const Ctx *c, int i, uint16_t *flags)
{
	int			len;
	int32_t		t;

	if (!(FirstBits(c, i) & FIRST_TITLE))
	{
		if ((t = CompoundTitle(c, i)) < 0)
			return 0;
		*flags = c->lex->titles[t].flags;
		return 1;
	}
	t = PhraseAt(c, i, &c->lex->title_keys, 6, AcceptTitle, NULL, &len);
	if (t < 0)
		return 0;
	*flags = c->lex->titles[t].flags;
	return len;
}

/*
 * TitleAt returns the length in tokens of a title phrase at i (0 if none)
 * and its flags.  (Asked for every token: most start no title, and only
 * German joins one to a word, which is seen inline.)
 */
static inline int
TitleAt(const Ctx *c, int i, uint16_t *flags)
{
	if (!(FirstBits(c, i) & FIRST_TITLE) && !c->caps_nouns)
		return 0;
	return TitleLookup(c, i, flags);
}

/* ----------------------------------------------------------------
 * A person's name in the nominative (name_forms.tsv)
 * ----------------------------------------------------------------
 */

/* token t is a word of a name that may take a case ending */
static bool
NameWord(const Ctx *c, int t)
{
	uint32_t	f = c->doc->tok[t].flags;

	return (f & TK_WORD) && (f & TK_CAP) && !(f & (TK_ALLCAPS | TK_NUM)) &&
		c->doc->tok[t].char_end - c->doc->tok[t].char_start >= 2;
}

/* s[0..n) ends with row r's ending and keeps two bytes more */
static bool
EndsWithForm(const char *s, size_t n, const LexNameForm *r)
{
	return n >= (size_t) r->ending_len + 2 &&
		memcmp(s + n - r->ending_len, r->ending, r->ending_len) == 0;
}

/*
 * GivenForm: token t less row r's ending plus its nominative is a given
 * name of the row's sex ("Сергеем" less "ем" plus "й" is Сергей, a man's).
 */
static bool
GivenForm(const Ctx *c, int t, const LexNameForm *r)
{
	const EntToken *tk = &c->doc->tok[t];
	char		key[256];
	uint32_t	fl = FoldLen(c, t);
	size_t		n;
	int32_t		sex;

	if (r->block || !EndsWithForm(c->doc->text + tk->byte_start,
								  tk->byte_end - tk->byte_start, r) ||
		fl < (uint32_t) r->ending_fold_len + 2 ||
		fl - r->ending_fold_len + r->nom_fold_len > sizeof(key) ||
		memcmp(Fold(c, t) + fl - r->ending_fold_len, r->ending_fold,
			   r->ending_fold_len) != 0)
		return false;
	n = fl - r->ending_fold_len;
	memcpy(key, Fold(c, t), n);
	memcpy(key + n, r->nom_fold, r->nom_fold_len);
	n += r->nom_fold_len;
	if (strmap_get(&c->lex->given_names, key, n) != 1)
		return false;
	sex = strmap_get(&c->lex->given_sex, key, n);
	return sex > 0 && (sex & (r->sex == 'm' ? 1 : 2));
}

/*
 * NameFormAt: the row of part of the sex and case whose first row is g that
 * fits token t with the longest ending (a given name's must give a known
 * given name; a surname's is read on s[0..n), a part of the token), or -1.
 */
static int32_t
NameFormAt(const Ctx *c, const LexNameForm *g, uint8_t part, int t,
		   const char *s, size_t n)
{
	int32_t		best = -1;
	int32_t		lo = part == NAME_GIVEN ? (int32_t) (g - c->lex->name_forms) : g->given_hi,
				hi = part == NAME_GIVEN ? g->given_hi : g->surname_hi;

	for (int32_t k = lo; k < hi; k++)
	{
		const LexNameForm *r = &c->lex->name_forms[k];

		if (best >= 0 && r->ending_len <= c->lex->name_forms[best].ending_len)
			continue;
		if (part == NAME_GIVEN ? GivenForm(c, t, r) : EndsWithForm(s, n, r))
			best = k;
	}
	return best;
}

/*
 * SurnameForm: the surname row of the sex and case whose first row is g for
 * token t, every part of a double name taking it ("Kosiniaka-Kamysza"): the
 * row of its last part, -2 if some part is blocked (the word is not in this
 * case), -1 if none fits.  *first gets the row of the part before a hyphen
 * (-1 if there is none).
 */
static int32_t
SurnameForm(const Ctx *c, const LexNameForm *g, int t, int32_t *first)
{
	const EntToken *tk = &c->doc->tok[t];
	const char *s = c->doc->text + tk->byte_start;
	size_t		n = tk->byte_end - tk->byte_start;
	const char *h = memchr(s, '-', n);
	int32_t		r = NameFormAt(c, g, NAME_SURNAME, t,
							   h ? h + 1 : s, h ? n - (size_t) (h + 1 - s) : n);

	*first = -1;
	if (r >= 0 && c->lex->name_forms[r].block)
		return -2;
	if (h && r >= 0)
	{
		*first = NameFormAt(c, g, NAME_SURNAME, t, s, (size_t) (h - s));
		if (*first < 0 || c->lex->name_forms[*first].block)
			return -2;			/* "Kosiniak-Kamysza": not one case */
	}
	return r;
}

/* append s[0..n) less row r's ending plus its nominative (r < 0: as is) */
static bool
AppendForm(const Ctx *c, EntBuf *b, const char *s, size_t n, int32_t r)
{
	const LexNameForm *f = r >= 0 ? &c->lex->name_forms[r] : NULL;

	return entbuf_append(b, s, f ? n - f->ending_len : n, c->err) &&
		(!f || entbuf_append(b, f->nom, f->nom_len, c->err));
}

/* the rows of name_forms.tsv of the article's language: false if none */
static bool
NameFormsOf(const Ctx *c, int32_t *lo, int32_t *hi)
{
	for (int g = 0; g < c->lex->nname_form_langs; g++)
		if (ent_lang_eq(c->lex->name_form_langs[g].lang, c->lang))
		{
			*lo = c->lex->name_form_langs[g].lo;
			*hi = c->lex->name_form_langs[g].hi;
			return true;
		}
	return false;
}

/*
 * PersonNominative: the name of tokens [ts, te) in the nominative, into b
 * (empty if it is as written), by the language's rows name_forms[lo, hi)
 * (see name_forms.tsv for how a case is chosen).  tokend[k] gets where the
 * name's k-th token ends in b.  False on out of memory.
 */
static bool
PersonNominative(Ctx *c, int ts, int te, int32_t lo, int32_t hi, EntBuf *b,
				 size_t *tokend)
{
	const Lexicon *lex = c->lex;
	int32_t		given = -1,
				surname = -1,
				surname_first = -1,
				partial = -1,
				group = -1,
				partial_group = -1;
	int			last = -1;

	b->len = 0;
	if (te - ts < 2 || !NameWord(c, ts))
		return true;
	for (int t = te - 1; t > ts; t--)
		if (NameWord(c, t))
		{
			last = t;
			break;
		}
	if (last < 0)
		return true;
	/* each sex and case in turn, at the first row of it */
	for (int32_t g = lo; g < hi; g = lex->name_forms[g].surname_hi)
	{
		const LexNameForm *r = &lex->name_forms[g];
		int32_t		gi,
					su,
					su_first;

		if ((gi = NameFormAt(c, r, NAME_GIVEN, ts, NULL, 0)) < 0)
			continue;
		su = SurnameForm(c, r, last, &su_first);
		if (su == -2)
			continue;
		if (su >= 0)
		{
			group = g;
			given = gi;
			surname = su;
			surname_first = su_first;
			break;
		}
		if (partial < 0)
		{
			partial = gi;
			partial_group = g;
		}
	}
	if (given < 0)
	{
		const LexNameForm *p = partial >= 0 ? &lex->name_forms[partial] : NULL;

		/*
		 * A given name as written is the nominative ("Jana Nowak"), unless
		 * its case shows only in letters the fold drops ("Ewą Nowak").
		 */
		if (!p || (strmap_get(&lex->given_names, Fold(c, ts), FoldLen(c, ts)) == 1 &&
				   !(p->ending_fold_len == p->nom_fold_len &&
					 memcmp(p->ending_fold, p->nom_fold, p->nom_fold_len) == 0)))
			return true;
		given = partial;
		group = partial_group;
	}
	for (int t = ts; t < te; t++)
	{
		const EntToken *tk = &c->doc->tok[t];
		const char *s = c->doc->text + tk->byte_start;
		size_t		n = tk->byte_end - tk->byte_start;
		const LexNameForm *g = &lex->name_forms[group];
		int32_t		r = -1,
					r_first = -1;
		const char *h;

		if (t > ts && (tk->flags & TK_SPACE_BEFORE) && !entbuf_append(b, " ", 1, c->err))
			return false;
		if (t == ts)
			r = given;
		else if (t == last)
		{
			r = surname;
			r_first = surname_first;
		}
		else if (NameWord(c, t) &&
				 (r = NameFormAt(c, g, NAME_GIVEN, t, NULL, 0)) < 0 &&
				 (r = SurnameForm(c, g, t, &r_first)) < 0)
			r = -1;
		/* both parts of a double surname take the case */
		if (r_first >= 0 && r >= 0 && (h = memchr(s, '-', n)) != NULL)
		{
			if (!AppendForm(c, b, s, (size_t) (h - s), r_first) ||
				!entbuf_append(b, "-", 1, c->err))
				return false;
			n -= (size_t) (h + 1 - s);
			s = h + 1;
		}
		if (!AppendForm(c, b, s, n, r))
			return false;
		tokend[t - ts] = b->len;
	}
	return true;
}

/*
 * NominativeEntity: the person of the lexicon named nom (the nominative of
 * tokens [ts, te), tokend as PersonNominative sets it), or -1: "Volodymyrem
 * Zelenským" is Volodymyr Zelenský, whom the lexicon knows as Volodymyr
 * Zelensky.  -2 on out of memory.
 */
static int32_t
NominativeEntity(Ctx *c, int ts, int te, const EntBuf *nom, const size_t *tokend)
{
	EntBuf		key;
	int32_t		found = -1;
	size_t		start = 0;

	entbuf_init(&key, nom->len + 16);
	for (int t = ts; t < te; t++)
	{
		const char *s = nom->data + start;
		size_t		n = tokend[t - ts] - start;

		/* (the space the token follows is not part of it) */
		if (t > ts && n > 0 && s[0] == ' ')
			s++, n--;
		if ((t > ts && !entbuf_append(&key, "\x1f", 1, c->err)) ||
			!ent_fold(s, n, &key, c->err))
		{
			ent_free(key.data);
			return -2;
		}
		start = tokend[t - ts];
	}
	for (int32_t a = ent_phrase_head(strmap_get(&c->lex->keys, key.data, key.len));
		 a >= 0; a = c->lex->aliases[a].next)
	{
		const LexAlias *al = &c->lex->aliases[a];

		if (al->ntok == te - ts && AliasLangOk(c, al->lang) &&
			c->lex->entities[al->entity].kind == ENT_PERSON)
		{
			found = a;
			break;
		}
	}
	ent_free(key.data);
	return found;
}

/*
 * AddPerson adds a person found by a pattern at [ts, te): its identity is
 * its name in the nominative, as far as name_forms.tsv tells it, or the
 * lexicon's person of that name.
 */
static bool
AddPerson(Ctx *c, int ts, int te, const char *country, float conf,
		  const char *rule)
{
	const char *surface = JoinSurface(c, ts, te);
	const char *name = surface;
	EntBuf		nom = {0};
	size_t		tokend[64];
	int32_t		lo,
				hi,
				m;

	if (!surface)
		return ent_fail(c->err, ENT_ERR_NOMEM, "out of memory");
	if (te - ts <= (int) (sizeof(tokend) / sizeof(tokend[0])) &&
		NameFormsOf(c, &lo, &hi))
	{
		entbuf_init(&nom, 64);
		if (!PersonNominative(c, ts, te, lo, hi, &nom, tokend))
		{
			ent_free(nom.data);
			return false;
		}
	}
	if (nom.len > 0)
	{
		int32_t		a = NominativeEntity(c, ts, te, &nom, tokend);

		if (a == -2)
		{
			ent_free(nom.data);
			return false;
		}
		if (a >= 0)
		{
			const LexAlias *al = &c->lex->aliases[a];
			const LexEntity *ent = &c->lex->entities[al->entity];

			ent_free(nom.data);
			m = AddMention(c, ENT_PERSON, ent->id, ent->canonical, ent->country,
						   ts, te, conf, al->rule, true);
			return m >= 0;
		}
		name = KeepString(c, nom.data, nom.len);
		if (!name)
		{
			ent_free(nom.data);
			return ent_fail(c->err, ENT_ERR_NOMEM, "out of memory");
		}
	}
	ent_free(nom.data);
	m = AddMention(c, ENT_PERSON, name, PersonCanonical(c, name),
				   country, ts, te, conf, rule, true);
	return m >= 0;
}

/*
 * FindPeople finds people after titles, by given names and (Vietnamese) by
 * family names.
 */
static bool
FindPeople(Ctx *c)
{
	EntDoc	   *doc = c->doc;

	int			max = c->vi ? 4 : 3;	/* (Vietnamese names are longer) */

	for (int i = 0; i < doc->ntok; i++)
	{
		uint16_t	tflags = 0;
		int			tl;
		int			j;
		const char *country = "";
		int			n;

		if ((i & 1023) == 0)
			ENT_CHECK_INTERRUPTS();
		tl = TitleAt(c, i, &tflags);
		if (tl > 0)
		{
			bool		skipped_lower = false;

			j = i + tl;
			/* "Tổng thống Nga Vladimir Putin", "minister spraw zagranicznych
			 * Rosji Siergiej Ławrow": skip a country, a country adjective,
			 * an organization or a place */
			for (int skip = 0; skip < 4 && j < doc->ntok; skip++)
			{
				int32_t		m = c->claim[j];

				if (m >= 0 && (c->out->m[m].kind == ENT_COUNTRY ||
							   c->out->m[m].kind == ENT_NATIONALITY ||
							   c->out->m[m].kind == ENT_ORGANIZATION ||
							   c->out->m[m].kind == ENT_PLACE))
				{
					/* (a place gives its country: "mayor of Kyiv X") */
					if (c->out->m[m].kind == ENT_PLACE)
					{
						if (c->out->m[m].country[0])
							country = c->out->m[m].country;
					}
					else if (c->out->m[m].kind != ENT_ORGANIZATION)
						country = c->out->m[m].entity_id;
					j = c->out->m[m].tok_end;
					continue;
				}
				/* lower-case words between title and name (spraw
				 * zagranicznych) */
				if ((doc->tok[j].flags & TK_LOWER) && SameLine(c, i, j) &&
					!(tflags & TITLE_HONORIFIC) && skip < 3 && j + 1 < doc->ntok &&
					!(doc->tok[j].flags & TK_PUNCT))
				{
					j++;
					skipped_lower = true;
					continue;
				}
				break;
			}
			if (j < doc->ntok && c->claim[j] >= 0 &&
				c->out->m[c->claim[j]].kind == ENT_PERSON)
			{
				i = j;
				continue;
			}
			/* "der Kanzler gemeinsam mit Umweltministerin Steffi Lemke",
			 * "Col. Gen. Zakir Hasanov": the name belongs to the nearer
			 * title, read next */
			if (j < doc->ntok)
			{
				uint16_t	f2;

				if (TitleAt(c, j, &f2) > 0)
				{
					i = j - 1;
					continue;
				}
			}
			n = NameSpan(c, j, max);
			/* "ministro della Difesa Guido Crosetto": start at a given name */
			for (int k = 1; k < n && (skipped_lower || (tflags & TITLE_INSTITUTION)) &&
				 !IsGivenName(c, j, false); k++)
				if (IsGivenName(c, j + k, false))
				{
					j += k;
					n -= k;
					break;
				}
			if (n == 1 && skipped_lower && !(tflags & TITLE_HONORIFIC) &&
				(doc->tok[j - 1].flags & TK_LOWER))
				n = 0;			/* "ministro della Difesa": a department */
			/* "dyrektor Centrum ...", "глава МИДа": the institution, unless
			 * a given name follows */
			if (n > 0 && (tflags & TITLE_INSTITUTION) && !IsGivenName(c, j, false))
				n = 0;
			if (n == 1 && c->vi && doc->tok[j].key_in_keys &&
				!(tflags & TITLE_HONORIFIC))
				n = 0;			/* "Thứ trưởng Ngoại giao": a Vietnamese word */
			if (n > 0 && SameLine(c, i, j))
			{
				if (!AddPerson(c, j, j + n, country,
							   (tflags & TITLE_HONORIFIC) ? 0.7f : 0.8f,
							   "pattern:title"))
					return false;
				i = j + n - 1;
				continue;
			}
			i += tl - 1;
			continue;
		}
		/* Vladimir Putin, Jan Kowalski: a known given name, then a surname */
		if (c->claim[i] < 0 && IsGivenName(c, i, false) &&
			(n = NameSpan(c, i, 3)) >= 2)
		{
			if (!AddPerson(c, i, i + n, "", 0.7f, "pattern:given-name"))
				return false;
			i += n - 1;
			continue;
		}
		/* Nguyễn Văn An: a Vietnamese family name, then given names */
		if (LangIs(c, "vi") && c->claim[i] < 0 && IsGivenName(c, i, true) &&
			(n = NameSpan(c, i, 4)) >= 2)
		{
			if (!AddPerson(c, i, i + n, "VN", 0.65f, "pattern:family-name"))
				return false;
			i += n - 1;
		}
	}
	return true;
}

/*
 * FormOf: some form the language's rules propose for token b (or b as
 * written) is token a as written: "Janem" -> "Jan", "Kowalskiej" ->
 * "Kowalska".
 */
static bool
FormOf(const Ctx *c, int a, int b)
{
	Variant		v[MAX_VARIANTS];
	/* (forms are compared with a word of the article, not looked up: three
	 * bytes are enough, as for given names) */
	int			nv = Variants(c, b, v, false, (PrefixFilter) {NULL, 0, 3});

	for (int k = 0; k < nv; k++)
		if (v[k].len == KeyLen(c, a) && memcmp(v[k].s, Key(c, a), v[k].len) == 0)
			return true;
	return false;
}

/*
 * MergeInflectedNames gives a person or organization found by a pattern,
 * whose name is written in an oblique case, the identity of the same name
 * written in the nominative elsewhere in the article: every word of the
 * other name is a form the rules propose for the word in the same place
 * ("Janem Nowakiem", "Anną Kowalską", "Иваном Петровым", «Северного
 * потока» are Jan Nowak, Anna Kowalska, Иван Петров, «Северный поток» when
 * the article writes them so).  Names known to the lexicon already have one
 * identity.
 */
#define MAX_MERGE_NAMES 512

static bool
MergeInflectedNames(Ctx *c, EntKind kind)
{
	EntExtraction *x = c->out;
	StrMap		ids = {0};		/* entity id -> its first mention's index in rep */
	int32_t    *rep = NULL;		/* the first mention of each id */
	int32_t    *as = NULL;		/* per id: the id whose identity it takes */
	int32_t		nrep = 0,
				ncand = 0;
	bool		ok = true;

	bool		pattern = false;

	/* (most articles have no such pair: nothing to build) */
	for (int32_t m = 0; m < x->n && !(ncand >= 2 && pattern); m++)
		if (x->m[m].kind == kind && !x->m[m].dropped)
		{
			ncand++;
			pattern |= strncmp(x->m[m].rule, "pattern:", 8) == 0;
		}
	if (ncand < 2 || !pattern)
		return true;

	/*
	 * Names are compared by their distinct ids, each by its first mention:
	 * an article names few people many times.  (An article of thousands of
	 * distinct names found by patterns is left as it is.)
	 */
	for (int32_t m = 0; m < x->n && ok; m++)
	{
		const EntMention *pm = &x->m[m];

		if (pm->kind != kind || pm->dropped ||
			(kind == ENT_PERSON && pm->tok_end - pm->tok_start < 2))
			continue;
		if (!ids.slots && !(ok = strmap_init(&ids, 64)))
			break;
		if (strmap_get(&ids, pm->entity_id, strlen(pm->entity_id)) >= 0)
			continue;
		if (nrep >= MAX_MERGE_NAMES)
		{
			nrep = 0;
			break;
		}
		if (!rep && !(rep = ent_alloc(MAX_MERGE_NAMES * sizeof(int32_t))))
		{
			ok = false;
			break;
		}
		rep[nrep] = m;
		ok = strmap_put(&ids, pm->entity_id, strlen(pm->entity_id), nrep++);
	}
	if (ok && nrep >= 2 && (as = ent_alloc((size_t) nrep * sizeof(int32_t))) == NULL)
		ok = false;
	for (int32_t b = 0; ok && b < nrep && nrep >= 2; b++)
	{
		const EntMention *mb = &x->m[rep[b]];
		int			n = mb->tok_end - mb->tok_start;

		as[b] = -1;
		if (strncmp(mb->rule, "pattern:", 8) != 0)
			continue;
		for (int32_t a = 0; a < nrep; a++)
		{
			const EntMention *ma = &x->m[rep[a]];
			bool		same = true;

			if (a == b || ma->tok_end - ma->tok_start != n)
				continue;
			for (int k = 0; k < n && same; k++)
				same = FormOf(c, ma->tok_start + k, mb->tok_start + k);
			if (same)
			{
				as[b] = a;
				break;
			}
		}
	}
	/* every mention of a name found by a pattern takes the identity */
	for (int32_t m = 0; ok && nrep >= 2 && m < x->n; m++)
	{
		EntMention *pm = &x->m[m];
		int32_t		b;
		const EntMention *ma;

		if (pm->kind != kind || pm->dropped || strncmp(pm->rule, "pattern:", 8) != 0 ||
			(b = strmap_get(&ids, pm->entity_id, strlen(pm->entity_id))) < 0 ||
			as[b] < 0)
			continue;
		ma = &x->m[rep[as[b]]];
		pm->entity_id = ma->entity_id;
		pm->canonical = ma->canonical;
		if (!pm->country[0])
			pm->country = ma->country;
	}
	strmap_free(&ids);
	ent_free(rep);
	ent_free(as);
	return ok || ent_fail(c->err, ENT_ERR_NOMEM, "out of memory");
}

/* a set of the first two bytes of words (Propagate), as 256 bits */
static inline unsigned
StartsBit(const char *s)
{
	return (((unsigned char) s[0] * 31u) ^ (unsigned char) s[1]) & 255;
}

static inline void
StartsAdd(uint64_t *set, const char *s)
{
	set[StartsBit(s) >> 6] |= (uint64_t) 1 << (StartsBit(s) & 63);
}

static inline bool
StartsHas(const uint64_t *set, const char *s)
{
	return (set[StartsBit(s) >> 6] >> (StartsBit(s) & 63)) & 1;
}

/*
 * Propagate links later mentions of a person's surname (or its inflected
 * forms) to the full name found earlier in the article.
 */
static bool
Propagate(Ctx *c)
{
	EntDoc	   *doc = c->doc;
	StrMap		surnames = {0};	/* made for the first full name */
	uint64_t	starts[4] = {0};	/* the surnames' first two bytes, hashed */
	int32_t		nmentions = c->out->n;
	bool		ok = true;

	/* (before the surnames point to a full name) */
	if (!MergeInflectedNames(c, ENT_PERSON))
		return false;

	for (int32_t m = 0; m < nmentions && ok; m++)
	{
		const EntMention *pm = &c->out->m[m];
		Variant		v[MAX_VARIANTS];
		int			nv,
					last = pm->tok_end - 1;

		if (pm->kind != ENT_PERSON || pm->tok_end - pm->tok_start < 2)
			continue;
		if (!surnames.slots && !strmap_init(&surnames, 64))
			return ent_fail(c->err, ENT_ERR_NOMEM, "out of memory");
		nv = Variants(c, last, v, false, NO_FILTER);
		for (int k = 0; k < nv && ok; k++)
			if (v[k].type != RULE_ADJ && v[k].len >= 3 &&
				strmap_get(&surnames, v[k].s, v[k].len) < 0)
			{
				ok = strmap_put(&surnames, v[k].s, v[k].len, m);
				StartsAdd(starts, v[k].s);
			}
	}
	/* single-word people found by a title: the surname of a full name? */
	for (int32_t m = 0; m < nmentions && ok && surnames.count; m++)
	{
		EntMention *pm = &c->out->m[m];
		Variant		v[MAX_VARIANTS];
		int			nv;

		if (pm->kind != ENT_PERSON || pm->tok_end - pm->tok_start != 1)
			continue;
		nv = Variants(c, pm->tok_start, v, false, NO_FILTER);
		for (int k = 0; k < nv; k++)
		{
			int32_t		full;

			if (v[k].type == RULE_ADJ)
				continue;
			full = strmap_get(&surnames, v[k].s, v[k].len);
			if (full >= 0 && full != m)
			{
				pm->entity_id = c->out->m[full].entity_id;
				pm->canonical = c->out->m[full].canonical;
				if (!pm->country[0])
					pm->country = c->out->m[full].country;
				break;
			}
		}
	}
	for (int i = 0; i < doc->ntok && ok && surnames.count; i++)
	{
		Variant		v[MAX_VARIANTS];
		int			nv;

		if (c->claim[i] >= 0 || !IsCapWord(c, i) || (doc->tok[i].flags & TK_ALLCAPS))
			continue;
		/*
		 * A form the rules propose keeps the word's first two bytes (a form
		 * of three bytes or more, as surnames are), so a word that starts
		 * no surname's way has none; in Vietnamese the fold is a form too
		 */
		if (KeyLen(c, i) < 2 || (!StartsHas(starts, Key(c, i)) &&
								 !(c->vi && FoldLen(c, i) >= 2 && StartsHas(starts, Fold(c, i)))))
			continue;
		nv = Variants(c, i, v, false, NO_FILTER);
		for (int k = 0; k < nv; k++)
		{
			int32_t		m;

			if (v[k].type == RULE_ADJ)
				continue;
			m = strmap_get(&surnames, v[k].s, v[k].len);
			if (m >= 0)
			{
				const EntMention *pm = &c->out->m[m];

				if (AddMention(c, ENT_PERSON, pm->entity_id, pm->canonical,
							   pm->country, i, i + 1, 0.75f,
							   "propagation:surname", true) < 0)
					ok = false;
				break;
			}
		}
	}
	strmap_free(&surnames);
	return ok;
}

/* ----------------------------------------------------------------
 * State bodies, equipment, organizations by shape
 * ----------------------------------------------------------------
 */

static bool
IsCountryLike(EntKind k)
{
	return k == ENT_COUNTRY || k == ENT_NATIONALITY;
}

/* The country of a mention right at token i: a country or its adjective. */
static const char *
CountryAt(const Ctx *c, int i, int *end)
{
	int32_t		m;

	if (i < 0 || i >= c->doc->ntok)
		return NULL;
	m = c->claim[i];
	if (m < 0 || !IsCountryLike(c->out->m[m].kind) || c->out->m[m].tok_start != i)
		return NULL;
	*end = c->out->m[m].tok_end;
	return c->out->m[m].entity_id;
}

static const char *
CountryEndingAt(const Ctx *c, int i, int *start)
{
	int32_t		m;

	if (i < 0 || i >= c->doc->ntok)
		return NULL;
	m = c->claim[i];
	if (m < 0 || !IsCountryLike(c->out->m[m].kind) || c->out->m[m].tok_end != i + 1)
		return NULL;
	*start = c->out->m[m].tok_start;
	return c->out->m[m].entity_id;
}

static const char *
FillTemplate(Ctx *c, const char *tpl, const char *code)
{
	const LexCountryInfo *ci = ent_lexicon_country(c->lex, code);
	char		buf[256];
	size_t		k = 0;

	if (!ci)
		return NULL;
	for (const char *p = tpl; *p && k + 64 < sizeof(buf);)
	{
		if (strncmp(p, "{country}", 9) == 0)
		{
			k += snprintf(buf + k, sizeof(buf) - k, "%s", ci->name);
			p += 9;
		}
		else if (strncmp(p, "{adj}", 5) == 0)
		{
			k += snprintf(buf + k, sizeof(buf) - k, "%s",
						  ci->attributive[0] ? ci->attributive : ci->name);
			p += 5;
		}
		else
			buf[k++] = *p++;
	}
	return KeepString(c, buf, k);
}

/*
 * BodyId gives a state body's id in the form "Ministry of Defence of
 * Pakistan": the template without its country part, then "of" and the
 * country's English name.
 */
static const char *
BodyId(Ctx *c, const char *tpl, const char *code)
{
	const LexCountryInfo *ci = ent_lexicon_country(c->lex, code);
	char		buf[256];
	size_t		k = 0;

	if (!ci)
		return NULL;
	for (const char *p = tpl; *p && k + 2 < sizeof(buf);)
	{
		if (strncmp(p, "{country}", 9) == 0 || strncmp(p, "{adj}", 5) == 0)
		{
			p += (p[1] == 'c') ? 9 : 5;
			while (*p == ' ')
				p++;
			continue;
		}
		buf[k++] = *p++;
	}
	while (k > 0 && buf[k - 1] == ' ')
		k--;
	k += snprintf(buf + k, sizeof(buf) - k, " of %s", ci->name);
	return KeepString(c, buf, k < sizeof(buf) ? k : sizeof(buf) - 1);
}

static int32_t
AcceptBody(const Ctx *c, int32_t b, void *arg)
{
	for (; b >= 0; b = c->lex->bodies[b].next)
		if (LangOk(c, c->lex->bodies[b].lang))
			return b;
	return -1;
}

static bool
FindBodies(Ctx *c)
{
	EntDoc	   *doc = c->doc;

	for (int i = 0; i < doc->ntok; i++)
	{
		int32_t		best;
		int			bl = 0;

		if (c->claim[i] >= 0 && c->out->m[c->claim[i]].kind != ENT_ORGANIZATION)
			continue;
		if (!(FirstBits(c, i) & FIRST_BODY))
			continue;
		best = PhraseAt(c, i, &c->lex->body_keys, 6, AcceptBody, NULL, &bl);
		if (best >= 0)
		{
			const LexBody *body = &c->lex->bodies[best];
			const char *code = NULL;
			int			ts = i,
						te = i + bl;
			int			e;

			if ((body->position & 1) && (code = CountryAt(c, i + bl, &e)) != NULL)
				te = e;
			else if ((body->position & 2) && (code = CountryEndingAt(c, i - 1, &e)) != NULL)
				ts = e;
			if (code)
			{
				const char *canon = FillTemplate(c, body->canonical, code);
				const char *id = BodyId(c, body->canonical, code);

				if (canon && id && AddMention(c, ENT_ORGANIZATION, id, canon, code,
										ts, te, 0.85f, "pattern:state-body",
										false) < 0)
					return false;
				for (int k = i; k < i + bl; k++)
					if (c->claim[k] < 0)
						c->claim[k] = c->out->n - 1;
				i = te - 1;
			}
		}
	}
	return true;
}

/* the language is written in Cyrillic */
static bool
CyrillicLanguage(const Ctx *c)
{
	return LangIs(c, "ru") || LangIs(c, "uk") || LangIs(c, "be") ||
		LangIs(c, "bg") || LangIs(c, "sr") || LangIs(c, "mk");
}

/* token i ends like an adjective: an "adj" rule of inflection.tsv applies */
static bool
AdjectiveEnding(const Ctx *c, int i)
{
	int32_t		ids[128];
	int			n = ent_suffix_rules(c->li, Key(c, i), KeyLen(c, i), ids,
									 (int) (sizeof(ids) / sizeof(ids[0])));

	for (int k = 0; k < n; k++)
		if (c->lex->rules[ids[k]].type == RULE_ADJ &&
			c->lex->rules[ids[k]].suffix_len < KeyLen(c, i))
			return true;
	return false;
}

/* an English word that joins the words of a name: Bank of England */
static bool
EnglishJoiner(const Ctx *c, int i)
{
	return TokIs(c, i, "of") || TokIs(c, i, "for") || TokIs(c, i, "and") ||
		TokIs(c, i, "&") || TokIs(c, i, "on");
}

/* a capitalised word in Latin letters */
static bool
LatinCapWord(const Ctx *c, int i)
{
	return i < c->doc->ntok && IsCapWord(c, i) && (c->doc->tok[i].flags & TK_WORD) &&
		!(c->doc->tok[i].flags & TK_NONLATIN);
}

/*
 * AddNamedOrganization adds an organization over tokens [ts, te), known by
 * its surface, in place of the mentions inside it.  Returns false only on
 * failure.
 */
static bool
AddNamedOrganization(Ctx *c, int ts, int te, float confidence, const char *rule)
{
	const char *surface;

	for (int k = ts; k < te; k++)
		if (c->claim[k] >= 0)
			c->out->m[c->claim[k]].dropped = true;
	surface = JoinSurface(c, ts, te);
	if (!surface)
		return ent_fail(c->err, ENT_ERR_NOMEM, "out of memory");
	return AddMention(c, ENT_ORGANIZATION, surface, PersonCanonical(c, surface), "",
					  ts, te, confidence, rule, true) >= 0;
}

/*
 * FindForeignNames finds English names quoted in articles of other
 * languages: capitalised Latin words joined by "of", "for", "and", "&"
 * ("London School of Economics", "Ford of Europe", "Ernst & Young") are one
 * organization, not the place or country a word of them names, unless the
 * lexicon knows the whole name (Gulf of Mexico).
 */
static bool
FindForeignNames(Ctx *c)
{
	EntDoc	   *doc = c->doc;

	if (LangIs(c, "en"))
		return true;
	for (int i = 0; i < doc->ntok; i++)
	{
		int			e = i,
					joiners = 0;
		bool		free_span = true;

		if (!LatinCapWord(c, i) || (i > 0 && SameLine(c, i - 1, i) &&
									(LatinCapWord(c, i - 1) || EnglishJoiner(c, i - 1))))
			continue;
		/* the run: capitalised words, a joiner only between two of them */
		while (e + 1 < doc->ntok && SameLine(c, i, e + 1))
		{
			if (LatinCapWord(c, e + 1))
				e++;
			else if (EnglishJoiner(c, e + 1) && e + 2 < doc->ntok &&
					 SameLine(c, i, e + 2) && LatinCapWord(c, e + 2))
			{
				e += 2;
				joiners++;
			}
			else
				break;
		}
		if (joiners == 0)
			continue;
		/* a word opening the sentence before another capital is the
		 * article's own ("Analitycy London School of Economics") */
		if ((doc->tok[i].flags & (TK_SENT_START | TK_LINE_START)) && LatinCapWord(c, i + 1))
			i++;
		/* mentions inside only: one the size of the run is the lexicon's */
		for (int k = i; k <= e && free_span; k++)
		{
			int32_t		m = c->claim[k];

			if (m >= 0 && (c->out->m[m].tok_start < i || c->out->m[m].tok_end > e + 1 ||
						   (c->out->m[m].tok_start == i && c->out->m[m].tok_end == e + 1)))
				free_span = false;
		}
		if (!free_span)
		{
			i = e;
			continue;
		}
		if (!AddNamedOrganization(c, i, e + 1, 0.6f, "pattern:foreign-name"))
			return false;
		i = e;
	}
	return true;
}

/* IsOrgHead: token i is a head noun of official names, in some case */
static bool
IsOrgHead(const Ctx *c, int i)
{
	Variant		v[MAX_VARIANTS];
	int			nv;
	bool		yes = false;

	if (c->known[i] & MEMO_HEAD)
		return (c->known[i] & MEMO_HEAD_YES) != 0;
	nv = Variants(c, i, v, false, NO_FILTER);
	for (int k = 0; k < nv && !yes; k++)
	{
		/* (the first variant is the key, whose hash and bits are known) */
		uint32_t	h = k == 0 ? KeyHash(c, i) : strmap_hash_padded(v[k].s, v[k].len);
		int			bits = k == 0 ? FirstBits(c, i) : FirstBitsOf(c, h);

		if (v[k].type == RULE_ADJ || !(bits & FIRST_WORD_ORG))
			continue;
		for (int32_t w = ent_phrase_head(strmap_get_hashed(&c->lex->word_keys, v[k].s,
														   v[k].len, h));
			 w >= 0; w = c->lex->words[w].next)
			if (c->lex->words[w].type == WORD_ORG_HEAD && LangOk(c, c->lex->words[w].lang))
			{
				yes = true;
				break;
			}
	}
	c->known[i] |= MEMO_HEAD | (yes ? MEMO_HEAD_YES : 0);
	return yes;
}

/*
 * UnknownPlaceAfter: after a preposition of place ("w", "в", "v"), one or
 * two capitalised words that nothing else claimed, not a given name, are a
 * place ("w Lubminie").  Returns false only on failure.
 */
static bool
UnknownPlaceAfter(Ctx *c, int j)
{
	EntDoc	   *doc = c->doc;
	int			n = 0;
	const char *surface;

	if (j >= doc->ntok || !SameLine(c, j - 1, j) || !(doc->tok[j - 1].flags & TK_LOWER))
		return true;
	/*
	 * One capitalised word, not an acronym with an ending ("МИДе"), a word
	 * in another script than the language's ("у Brexit") nor the head noun
	 * of a body named in short ("w Unii", "в Палате")
	 */
	if (c->claim[j] < 0 && IsCapWord(c, j) && (doc->tok[j].flags & TK_CAP) &&
		!(doc->tok[j].flags & (TK_ALLCAPS | TK_INNER_CAP | TK_QUOTE_BEFORE | TK_HYPHEN)) &&
		((doc->tok[j].flags & TK_NONLATIN) != 0) == CyrillicLanguage(c) &&
		!IsGivenName(c, j, false) && KeyLen(c, j) >= 4 && !IsOrgHead(c, j))
		n = 1;
	/* the first word of a longer name ("w Unii Europejskiej") is not a
	 * place, nor is an adjective before its noun ("в Стокгольмском
	 * арбитраже") */
	if (n == 0 || (j + 1 < doc->ntok && SameLine(c, j, j + 1) &&
				   (IsCapWord(c, j + 1) || c->claim[j + 1] >= 0 ||
					((doc->tok[j + 1].flags & TK_LOWER) && AdjectiveEnding(c, j))) &&
				   !(doc->tok[j + 1].flags & TK_PUNCT)))
		return true;
	surface = JoinSurface(c, j, j + n);
	if (!surface)
		return ent_fail(c->err, ENT_ERR_NOMEM, "out of memory");
	return AddMention(c, ENT_PLACE, surface, PersonCanonical(c, surface), "",
					  j, j + n, 0.5f, "pattern:place-preposition", true) >= 0;
}


/*
 * SameWordForms: tokens a and b are the same word, as written or one a form
 * of the other (Консервативная, Консервативной).
 */
static bool
SameWordForms(const Ctx *c, int a, int b)
{
	return (KeyLen(c, a) == KeyLen(c, b) && memcmp(Key(c, a), Key(c, b), KeyLen(c, a)) == 0) ||
		FormOf(c, a, b) || FormOf(c, b, a);
}

/*
 * NamedElsewhere: the organization name [a, e) at the start of a sentence
 * was found elsewhere in the article by the head-noun pattern, in any case
 * ("Консервативная партия победила ... лидер Консервативной партии").
 */
static bool
NamedElsewhere(const Ctx *c, int a, int e)
{
	for (int32_t m = 0; m < c->out->n; m++)
	{
		const EntMention *pm = &c->out->m[m];
		bool		same = true;

		if (pm->kind != ENT_ORGANIZATION || pm->dropped ||
			pm->tok_end - pm->tok_start != e - a ||
			strcmp(pm->rule, "pattern:organization-head") != 0)
			continue;
		for (int k = 0; k < e - a && same; k++)
			same = SameWordForms(c, a + k, pm->tok_start + k);
		if (same)
			return true;
	}
	return false;
}

/*
 * FindOrgHeads finds the official names Slavic languages write with one
 * capital: a capitalised word, up to two lower-case adjectives and a head
 * noun in any case ("Консервативной партии", "Česká národní banka",
 * "Міжнародним газовим союзом").  A capital at the start of a sentence
 * proves nothing unless it is a country or its adjective, which the name
 * then takes in, before an adjective, or the article names the same body
 * elsewhere, in any case.
 */
#define MAX_ORG_HEADS_AT_START 64

static bool
FindOrgHeads(Ctx *c)
{
	EntDoc	   *doc = c->doc;
	int			at_start[MAX_ORG_HEADS_AT_START][2];
	int			nstart = 0;

	if (!c->li->org_heads)
		return true;
	for (int a = 0; a < doc->ntok; a++)
	{
		uint32_t	f = doc->tok[a].flags;
		int32_t		m = c->claim[a];
		bool		start = (f & (TK_SENT_START | TK_LINE_START)) != 0;
		int			h;

		if ((f & (TK_CAP | TK_WORD)) != (TK_CAP | TK_WORD) ||
			(f & (TK_ALLCAPS | TK_NUM | TK_QUOTE_BEFORE)))
			continue;
		/* (a country's adjective is taken in: "Česká" of Česká národní banka) */
		if (m >= 0 ? !IsCountryLike(c->out->m[m].kind) ||
			c->out->m[m].tok_start != a || c->out->m[m].tok_end != a + 1 :
			(start && nstart >= MAX_ORG_HEADS_AT_START))
			continue;
		for (h = a + 1; h <= a + 3 && h < doc->ntok && SameLine(c, a, h); h++)
		{
			uint32_t	hf = doc->tok[h].flags;

			/* (adjectives: "i", "a", "и" are not) */
			if ((hf & (TK_LOWER | TK_WORD)) != (TK_LOWER | TK_WORD) || c->claim[h] >= 0 ||
				KeyLen(c, h) < 4)
			{
				h = doc->ntok;
				break;
			}
			if (IsOrgHead(c, h))
				break;
		}
		/* (a given name opens a person's name: asked last, costing most) */
		if (h > a + 3 || h >= doc->ntok || !SameLine(c, a, h) ||
			(m < 0 && IsGivenName(c, a, false)))
			continue;
		/* "Polska partia ..." opening a sentence is a Polish party */
		if (m >= 0 && h == a + 1 && start)
			continue;
		if (m < 0 && start)
		{
			/* decided once the rest of the article is read */
			at_start[nstart][0] = a;
			at_start[nstart][1] = h + 1;
			nstart++;
		}
		else if (!AddNamedOrganization(c, a, h + 1, 0.7f, "pattern:organization-head"))
			return false;
		a = h;
	}
	for (int k = 0; k < nstart; k++)
		if (NamedElsewhere(c, at_start[k][0], at_start[k][1]) &&
			!AddNamedOrganization(c, at_start[k][0], at_start[k][1], 0.7f,
								  "pattern:organization-head"))
			return false;
	return true;
}

/* IsTitleAt: a title starts at token i (a role is not part of a name) */
static bool
IsTitleAt(const Ctx *c, int i)
{
	uint16_t	flags;

	return TitleAt(c, i, &flags) > 0;
}

/*
 * AfterName: token k follows the end of a name found before (a country, a
 * place, a body).  An official name ends with the country or body it
 * belongs to ("Departament Stanu USA", "Ministerstwo Obrony Rosji", "Biuro
 * Rady Europy"); capitalised words after it are the next name, mostly a
 * person's ("... Stanu USA Heather Nauert").
 */
static bool
AfterName(const Ctx *c, int k)
{
	int32_t		m = k > 0 ? c->claim[k - 1] : -1;

	return m >= 0 && c->out->m[m].tok_end == k;
}

/*
 * FindOrgCues finds organizations around cue words: a legal form after a
 * capitalised name ("Nord Stream 2 AG", "Orlen S.A."), or an organization
 * word before a quoted or capitalised name ("компания «Газпром»", "koncern
 * Orlen").
 */
static bool
FindOrgCues(Ctx *c)
{
	EntDoc	   *doc = c->doc;

	for (int i = 0; i < doc->ntok; i++)
	{
		int			wl;
		int32_t		w = WordAt(c, i, WORD_ORG_SUFFIX, WORD_ORG_PREFIX, &wl);
		int			ts = -1,
					te = -1;

		if (w < 0)
		{
			if ((w = WordAt(c, i, WORD_PLACE_PREP, WORD_PLACE_PREP, &wl)) >= 0 &&
				!UnknownPlaceAfter(c, i + wl))
				return false;
			continue;
		}
		if (c->lex->words[w].type == WORD_ORG_SUFFIX)
		{
			int			k = i;

			/* the legal form is written as listed (AG, not "ag") */
			if (!(doc->tok[i].flags & (TK_CAP | TK_ALLCAPS)))
				continue;
			while (k > 0 && i - k < 4 && SameLine(c, k - 1, i) &&
				   (c->claim[k - 1] < 0 ||
					c->out->m[c->claim[k - 1]].kind == ENT_ORGANIZATION ||
					c->out->m[c->claim[k - 1]].kind == ENT_PLACE ||
					c->out->m[c->claim[k - 1]].kind == ENT_COUNTRY) &&
				   (IsCapWord(c, k - 1) || ((doc->tok[k - 1].flags & TK_NUM) && k < i)))
				k--;
			if (k < i)
				ts = k, te = i + wl;
		}
		else
		{
			int			j = i + wl;

			if (j >= doc->ntok || !SameLine(c, i, j))
				continue;
			if (doc->tok[j].flags & TK_PUNCT && (doc->tok[j + (j + 1 < doc->ntok)].flags & TK_QUOTE_BEFORE))
				j++;
			if (doc->tok[j].flags & TK_QUOTE_BEFORE)
			{
				int			n = 0;

				while (n < 5 && j + n < doc->ntok && SameLine(c, j, j + n) &&
					   !(doc->tok[j + n].flags & TK_PUNCT && n > 0 &&
						 (Fold(c, j + n)[0] == '"')))
					n++;
				if (n > 0 && n < 5 && j + n < doc->ntok)
					ts = j, te = j + n;
			}
			else if (IsCapWord(c, j) &&
					 (c->claim[j] < 0 || (doc->tok[i].flags & TK_CAP)))
			{
				int			n = 0;

				/*
				 * "Agencja PAP", "Компанія Uniper": an organization the
				 * lexicon knows, named as written after a word for what it
				 * is, is that organization.  (A body of which it is part
				 * names it in an oblique case: "Rada Unii Europejskiej".)
				 */
				if (c->claim[j] >= 0)
				{
					const EntMention *m = &c->out->m[c->claim[j]];

					if (m->kind == ENT_ORGANIZATION && !m->dropped && !m->inflected &&
						m->tok_start == j && strncmp(m->rule, "pattern:", 8) != 0 &&
						!(m->tok_end < doc->ntok && SameLine(c, j, m->tok_end) &&
						  IsCapWord(c, m->tok_end)))
						continue;
				}

				if (c->claim[j] < 0)
					n = NameSpan(c, j, 3);
				/* a capitalised cue starts an official name, which may
				 * contain a country or another body: "Departament Stanu
				 * USA", "Rada Unii Europejskiej" */
				if (doc->tok[i].flags & TK_CAP)
				{
					int			k = j;

					while (k < doc->ntok && k - j < 5 && SameLine(c, j, k) &&
						   IsCapWord(c, k) && !(doc->tok[k].flags & TK_SENT_START) &&
						   !(k > j && IsGivenName(c, k, false)) &&
						   (c->claim[k] < 0 || c->out->m[c->claim[k]].kind == ENT_COUNTRY ||
							c->out->m[c->claim[k]].kind == ENT_PLACE ||
							c->out->m[c->claim[k]].kind == ENT_ORGANIZATION ||
							c->out->m[c->claim[k]].kind == ENT_NATIONALITY))
						k++;
					if (k - j > n)
						n = k - j;
				}
				/* a person's name after the body is not part of it:
				 * "Instytutu Zachodniego Marek Nowicki", "Stanu USA Heather
				 * Nauert" (NameSpan's span as well as the one above) */
				for (int q = IsGivenName(c, j, false) && n > 1 ? 0 : 1; q < n; q++)
					if (c->claim[j + q] < 0 &&
						(IsGivenName(c, j + q, false) || AfterName(c, j + q)))
					{
						n = q;
						break;
					}
				if (n > 0)
					ts = j, te = j + n;
				/* "Partia Pracy", "Informacyjna Agencja Radiowa": a
				 * capitalised cue is part of the name */
				if (n > 0 && (doc->tok[i].flags & TK_CAP))
				{
					ts = i;
					/* "Polska Agencja Prasowa": a country or its adjective
					 * before the cue belongs to the name too */
					while (ts > 0 && IsCapWord(c, ts - 1) && SameLine(c, ts - 1, i) &&
						   !(doc->tok[ts].flags & TK_SENT_START) &&
						   !IsTitleAt(c, ts - 1) &&
						   (c->claim[ts - 1] < 0 ||
							(IsCountryLike(c->out->m[c->claim[ts - 1]].kind) &&
							 c->out->m[c->claim[ts - 1]].tok_end == ts)))
						ts--;
				}
			}
		}
		if (ts >= 0)
		{
			bool		free_span = true;

			for (int k = ts; k < te; k++)
				if (c->claim[k] >= 0 &&
					c->out->m[c->claim[k]].kind == ENT_ORGANIZATION &&
					c->out->m[c->claim[k]].tok_end > te)
					free_span = false;	/* it would cut a longer name */
				else if (c->claim[k] >= 0 &&
					c->out->m[c->claim[k]].kind != ENT_ORGANIZATION &&
					!((c->lex->words[w].type == WORD_ORG_SUFFIX ||
					   (doc->tok[i].flags & TK_CAP)) &&
					  (c->out->m[c->claim[k]].kind == ENT_PLACE ||
					   c->out->m[c->claim[k]].kind == ENT_COUNTRY ||
					   c->out->m[c->claim[k]].kind == ENT_NATIONALITY)))
					free_span = false;
			/* the lexicon or a state body already names exactly this, or
			 * more: keep that identity */
			for (int32_t m = 0; m < c->out->n && free_span; m++)
				if (c->out->m[m].kind == ENT_ORGANIZATION && !c->out->m[m].dropped &&
					c->out->m[m].tok_start <= ts && c->out->m[m].tok_end >= te)
					free_span = false;
			if (!free_span)
				continue;
			if (!AddNamedOrganization(c, ts, te, 0.7f, "pattern:organization-cue"))
				return false;
			i = te - 1;
		}
	}
	return true;
}

/*
 * DesignationShape: letters (1-4), a hyphen, digits (1-4), then up to three
 * letters or digits: Mi-35M, Su-35, S-400, F-16, JF-17, Kh-101, Ми-17.
 */
static bool
DesignationShape(const Ctx *c, int i)
{
	const EntToken *t = &c->doc->tok[i];
	const char *s = c->doc->text + t->byte_start;
	size_t		n = t->byte_end - t->byte_start;
	size_t		k = 0;
	int			letters = 0,
				digits = 0,
				tail = 0;
	const char *f = Fold(c, i);

	if (!(t->flags & TK_HYPHEN) || !(t->flags & (TK_CAP | TK_ALLCAPS)))
		return false;
	/* not covid-19, sars-cov-2, g-7, h-1b */
	if (strncmp(f, "covid", 5) == 0 || strncmp(f, "sars", 4) == 0 ||
		strncmp(f, "mers", 4) == 0 || f[0] == 'g' || f[0] == 'h')
		return false;
	while (k < n && s[k] != '-')
	{
		unsigned char ch = (unsigned char) s[k];

		if (isdigit(ch))
			return false;
		letters++;
		k += (ch < 0x80) ? 1 : (ch < 0xE0 ? 2 : 3);
	}
	if (letters < 1 || letters > 4 || k >= n)
		return false;
	k++;
	while (k < n && isdigit((unsigned char) s[k]))
		digits++, k++;
	if (digits < 1 || digits > 4)
		return false;
	while (k < n)
	{
		unsigned char ch = (unsigned char) s[k];

		if (ch == '-')
			return false;
		tail++;
		k += (ch < 0x80) ? 1 : (ch < 0xE0 ? 2 : 3);
	}
	return tail <= 3;
}

static bool
FindDesignations(Ctx *c)
{
	for (int i = 0; i < c->doc->ntok; i++)
	{
		const EntToken *t = &c->doc->tok[i];
		const char *surface;
		const char *canon;

		if (c->claim[i] >= 0 || !DesignationShape(c, i))
			continue;
		surface = KeepString(c, c->doc->text + t->byte_start,
							 t->byte_end - t->byte_start);
		canon = surface;
		if (surface && (t->flags & TK_NONLATIN))
		{
			EntBuf		b;

			entbuf_init(&b, 64);
			if (ent_translit(surface, strlen(surface),
							 "Russian-Latin/BGN; Any-Latin; Latin-ASCII", &b, c->err))
				canon = KeepString(c, b.data, b.len);
			ent_free(b.data);
		}
		/* a plural s: F-16s */
		if (canon && strlen(canon) > 3 && canon[strlen(canon) - 1] == 's' &&
			isdigit((unsigned char) canon[strlen(canon) - 2]))
			canon = KeepString(c, canon, strlen(canon) - 1);
		if (!surface || !canon)
			return ent_fail(c->err, ENT_ERR_NOMEM, "out of memory");
		if (AddMention(c, ENT_EQUIPMENT, canon, canon, "", i, i + 1, 0.8f,
					   "pattern:designation", true) < 0)
			return false;
	}
	return true;
}

/*
 * FindVessels finds ships by the word for their kind or their navy's
 * prefix ("submarine Álvaro Alberto", "INS Vikrant", "крейсер «Москва»",
 * "tàu hộ vệ Đinh Tiên Hoàng"): the capitalised words after it are the
 * ship's name, an EQUIPMENT mention.  A name in quotes is the ship's even
 * where it is also a place or a person (the cruiser Moskva is not Moscow);
 * otherwise the words must be free, and in German, which capitalises every
 * noun, the name must be quoted.
 */
static bool
FindVessels(Ctx *c)
{
	EntDoc	   *doc = c->doc;

	for (int i = 0; i < doc->ntok; i++)
	{
		int			wl,
					j,
					n = 0;
		bool		quoted,
					prefix;
		int32_t		w = WordAt(c, i, WORD_VESSEL, WORD_VESSEL_PREFIX, &wl);
		const char *surface,
				   *canon;

		if (w < 0 || c->claim[i] >= 0)
			continue;
		prefix = c->lex->words[w].type == WORD_VESSEL_PREFIX;
		/* a prefix is written as the navy writes it: INS, not "ins" */
		if (prefix && !(doc->tok[i].flags & TK_ALLCAPS))
			continue;
		j = i + wl;
		if (j < doc->ntok && IsPunctTok(c, j, '"') && SameLine(c, i, j))
			j++;
		if (j >= doc->ntok || !SameLine(c, i, j))
			continue;
		quoted = (doc->tok[j].flags & TK_QUOTE_BEFORE) != 0;
		if (!quoted && (c->caps_nouns && !prefix))
			continue;
		while (n < 3 && j + n < doc->ntok && SameLine(c, j, j + n) &&
			   IsCapWord(c, j + n) &&
			   (n == 0 || !(doc->tok[j + n].flags & TK_SENT_START)))
		{
			int32_t		m = c->claim[j + n];

			if (m >= 0 && !(quoted && (c->out->m[m].kind == ENT_PLACE ||
									   c->out->m[m].kind == ENT_PERSON) &&
							c->out->m[m].tok_start >= j))
				break;
			/* an abbreviation (Gen., Adm.) is a title, not a ship */
			if (IsPunctTok(c, j + n + 1, '.') && FoldLen(c, j + n) <= 4 &&
				!(doc->tok[j + n].flags & TK_ALLCAPS))
				break;
			n++;
		}
		/* a quoted name ends at its closing quote */
		if (n == 0 || (quoted && !(j + n < doc->ntok && (doc->tok[j + n].flags & TK_PUNCT))))
			continue;
		for (int k = j; k < j + n; k++)
			if (c->claim[k] >= 0)
				c->out->m[c->claim[k]].dropped = true;
		surface = JoinSurface(c, prefix ? i : j, j + n);
		if (!surface)
			return ent_fail(c->err, ENT_ERR_NOMEM, "out of memory");
		canon = PersonCanonical(c, surface);
		if (AddMention(c, ENT_EQUIPMENT, canon, canon, "", prefix ? i : j, j + n,
					   0.7f, "pattern:vessel", true) < 0)
			return false;
		i = j + n - 1;
	}
	return true;
}

/* token i is a word in Latin letters */
static bool
LatinWordAt(const Ctx *c, int i)
{
	return i >= 0 && i < c->doc->ntok && (c->doc->tok[i].flags & TK_WORD) &&
		!(c->doc->tok[i].flags & TK_NONLATIN);
}

/*
 * LatinPassage: token i is in a passage written in Latin letters inside
 * Cyrillic text (a quoted tweet: "Bravo @BorisJohnson . Now can we ..."):
 * two or more lower-case Latin words within six tokens of it on its line.
 */
static bool
LatinPassage(const Ctx *c, int i)
{
	int			lower = 0;

	for (int k = i - 6 < 0 ? 0 : i - 6; k <= i + 6 && k < c->doc->ntok; k++)
		if (SameLine(c, i, k) && LatinWordAt(c, k) && (c->doc->tok[k].flags & TK_LOWER))
			lower++;
	return lower >= 2;
}

/* a social network handle or hashtag: "@BorisJohnson", "#NS2" */
static bool
IsHandle(const Ctx *c, int i)
{
	return i > 0 && !(c->doc->tok[i].flags & TK_SPACE_BEFORE) &&
		(IsPunctTok(c, i - 1, '@') || IsPunctTok(c, i - 1, '#'));
}

static bool
IsRoman(const char *f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr("ivxlcdm", f[i]))
			return false;
	return true;
}

/*
 * KeyCombination: token i is a key of a keyboard shortcut, joined to another
 * by "+" ("Ctrl + Enter" in the line asking readers to report a typo).
 */
static bool
KeyCombination(const Ctx *c, int i)
{
	return (i > 0 && SameLine(c, i - 1, i) && IsPunctTok(c, i - 1, '+')) ||
		(i + 1 < c->doc->ntok && SameLine(c, i, i + 1) && IsPunctTok(c, i + 1, '+'));
}

/*
 * FindOrganizationShapes finds acronyms (2 to 6 capitals) and short quoted
 * capitalised names («Газпром», „Orlen”) that nothing else claimed.
 */
static bool
FindOrganizationShapes(Ctx *c)
{
	EntDoc	   *doc = c->doc;

	for (int i = 0; i < doc->ntok; i++)
	{
		const EntToken *t = &doc->tok[i];
		const EntLine *line = &doc->lines[t->line];
		int			caps = 0;

		if (c->claim[i] >= 0 || line->boilerplate)
			continue;
		if ((t->flags & TK_ALLCAPS) && !(t->flags & (TK_DIGIT | TK_HYPHEN)) &&
			t->char_end - t->char_start >= 2 && t->char_end - t->char_start <= 6)
		{
			const char *f = Fold(c, i);
			uint32_t	n = FoldLen(c, i);
			int			wl;

			if (IsRoman(f, n) || strmap_get(&c->lex->stop_acronyms, f, n) >= 0 ||
				WordAt(c, i, WORD_CURRENCY, WORD_CURRENCY, &wl) >= 0)
				continue;
			/* letters with full stops between them are initials ("Ł.D."
			 * signing an article); dotted acronyms of bodies are the
			 * lexicon's (U.S., U.N.) */
			if (memchr(f, '.', n))
				continue;
			/* a line in capitals is a shouted headline, not acronyms */
			for (int k = line->first_tok; k < line->first_tok + line->ntok; k++)
				if (doc->tok[k].flags & TK_ALLCAPS)
					caps++;
			if (caps * 2 > line->ntok && line->ntok > 2)
				continue;
			{
				const char *surface = KeepString(c, doc->text + t->byte_start,
												 t->byte_end - t->byte_start);

				if (!surface)
					return ent_fail(c->err, ENT_ERR_NOMEM, "out of memory");
				if (AddMention(c, ENT_ORGANIZATION, surface, surface, "", i, i + 1,
							   0.5f, "pattern:acronym", true) < 0)
					return false;
			}
			continue;
		}
		/* a name in Latin letters in Russian or Ukrainian text: "Uniper" */
		if ((LangIs(c, "ru") || LangIs(c, "uk")) && IsCapWord(c, i) &&
			!(t->flags & (TK_NONLATIN | TK_ALLCAPS)) && (t->flags & TK_WORD) &&
			t->char_end - t->char_start >= 3 && !IsGivenName(c, i, false) &&
			!LatinWordAt(c, i - 1) && !KeyCombination(c, i) && !IsHandle(c, i) &&
			!LatinPassage(c, i))
		{
			int			n = 0;

			while (n < 3 && i + n < doc->ntok && c->claim[i + n] < 0 &&
				   SameLine(c, i, i + n) && IsCapWord(c, i + n) &&
				   !(doc->tok[i + n].flags & TK_NONLATIN))
				n++;
			/* Nord Stream 2 */
			if (n > 0 && i + n < doc->ntok && (doc->tok[i + n].flags & TK_NUM) &&
				!(doc->tok[i + n].flags & TK_PUNCT) && c->claim[i + n] < 0 &&
				KeyLen(c, i + n) <= 2)
				n++;
			/* inside a Latin-script passage (a quote in English) it is no name */
			if (n > 0 && LatinWordAt(c, i + n))
				n = 0;
			if (n > 0)
			{
				const char *surface = JoinSurface(c, i, i + n);

				if (!surface)
					return ent_fail(c->err, ENT_ERR_NOMEM, "out of memory");
				if (AddMention(c, ENT_ORGANIZATION, surface, surface, "", i, i + n,
							   0.45f, "pattern:latin-name", true) < 0)
					return false;
				i += n - 1;
				continue;
			}
		}
		/* «Name», „Name” of one to three capitalised words */
		if ((t->flags & TK_QUOTE_BEFORE) && IsCapWord(c, i) &&
			(LangIs(c, "ru") || LangIs(c, "uk") || LangIs(c, "pl") || LangIs(c, "cs")))
		{
			int			n = 0;

			while (n < 3 && i + n < doc->ntok && c->claim[i + n] < 0 &&
				   (doc->tok[i + n].flags & (TK_WORD | TK_NUM)) &&
				   !(doc->tok[i + n].flags & TK_PUNCT))
				n++;
			/* a quoted greeting or a person's words name no body:
			 * «Уважаемый Дэвид» */
			for (int k = i; k < i + n; k++)
				if (IsGivenName(c, k, false))
					n = 0;
			if (n > 0 && i + n < doc->ntok && (doc->tok[i + n].flags & TK_PUNCT))
			{
				const char *q = Fold(c, i + n);

				if (q[0] == '"' || (unsigned char) q[0] >= 0x80)
				{
					const char *surface = JoinSurface(c, i, i + n);

					if (!surface)
						return ent_fail(c->err, ENT_ERR_NOMEM, "out of memory");
					if (AddMention(c, ENT_ORGANIZATION, surface,
								   PersonCanonical(c, surface), "", i, i + n,
								   0.5f, "pattern:quoted-name", true) < 0)
						return false;
					i += n - 1;
				}
			}
		}
	}
	return true;
}

/* ----------------------------------------------------------------
 * Driver
 * ----------------------------------------------------------------
 */

static int
CompareMentions(const void *a, const void *b)
{
	const EntMention *x = a,
			   *y = b;

	if (x->byte_start != y->byte_start)
		return x->byte_start < y->byte_start ? -1 : 1;
	if (x->byte_end != y->byte_end)
		return x->byte_end > y->byte_end ? -1 : 1;
	return (int) x->kind - (int) y->kind;
}

/*
 * TokenArrays gives the passes their arrays of one entry per token, all
 * from one allocation with the key hashes first: ent_extraction_free frees
 * it as key_hash, which relations keep.
 */
static bool
TokenArrays(Ctx *c, WordHits *wh)
{
	size_t		n = (size_t) c->doc->ntok + 1;
	size_t		off[10];
	size_t		size = 0;
	char	   *block;

	/* widest first after the hashes, each array on an eight-byte boundary */
	static const size_t elem[10] = {
		sizeof(uint32_t),		/* hash */
		sizeof(uint64_t),		/* wh->types */
		sizeof(Match),			/* found */
		sizeof(int32_t),		/* claim */
		sizeof(int32_t),		/* wh->at */
		sizeof(int32_t),		/* cand_entity */
		sizeof(int32_t),		/* seen */
		1, 1, 1					/* first, sfx, known */
	};

	for (int k = 0; k < 10; k++)
	{
		off[k] = size;
		size += (n * elem[k] + 7) & ~(size_t) 7;
	}
	if (size > ENT_MAX_ALLOC || !(block = ent_alloc(size)))
		return false;
	c->hash = (uint32_t *) (block + off[0]);
	wh->types = (uint64_t *) (block + off[1]);
	c->found = (Match *) (block + off[2]);
	c->claim = (int32_t *) (block + off[3]);
	wh->at = (int32_t *) (block + off[4]);
	c->cand_entity = (int32_t *) (block + off[5]);
	c->seen = (int32_t *) (block + off[6]);
	c->first = (uint8_t *) (block + off[7]);
	c->sfx = (uint8_t *) (block + off[8]);
	c->known = (uint8_t *) (block + off[9]);
	return true;
}

bool
ent_extract(Lexicon *lex, const char *text, size_t len, const char *lang,
			EntDate published, unsigned flags, EntExtraction *out, EntError *err)
{
	Ctx			c;
	WordHits	wh = {0};
	bool		ok;

	memset(out, 0, sizeof(*out));
	memset(&c, 0, sizeof(c));
	c.lex = lex;
	c.out = out;
	c.err = err;
	c.lang = lang;
	c.vi = strcmp(lang, "vi") == 0;
	c.en = strcmp(lang, "en") == 0;
	c.caps_nouns = strcmp(lang, "de") == 0;
	c.ids_only = (flags & ENT_X_IDS_ONLY) != 0;
	c.published = published;
	c.doc = &out->doc;
	if (lang[0] && !ent_lexicon_need_lang(lex, lang, err))
		return false;
	ent_lexicon_compact_aliases(lex);
	/* (sentence starts decide names in both modes) */
	if (!ent_scan(text, len, lang, true, &out->doc, err))
		return false;
	if (!TokenArrays(&c, &wh))
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	c.word_hits = &wh;
	/* (the block of the arrays, kept with the hashes for relations) */
	out->key_hash = c.hash;
	if (!(c.li = ent_lexicon_lang_index(lex, lang, err)))
		return false;
	/* (-1 in every byte is -1) */
	memset(c.claim, 0xFF, (size_t) out->doc.ntok * sizeof(int32_t));
	memset(wh.at, 0xFF, (size_t) out->doc.ntok * sizeof(int32_t));
	memset(c.sfx, 0, (size_t) out->doc.ntok);
	memset(c.known, 0, (size_t) out->doc.ntok);
	for (int i = 0; i < out->doc.ntok; i++)
	{
		c.hash[i] = strmap_hash_padded(Key(&c, i), KeyLen(&c, i));
		c.first[i] = (uint8_t) FirstBitsAt(&c, i);
	}

	ok = MarkBoilerplate(&c) &&
		((flags & ENT_X_IDS_ONLY) || FindDatesAndMoney(&c)) &&
		FindNames(&c) &&
		FindVessels(&c) &&
		FindForeignNames(&c) &&
		FindBodies(&c) &&
		FindOrgHeads(&c) &&
		FindOrgCues(&c) &&
		FindPeople(&c) &&
		FindDesignations(&c) &&
		Propagate(&c) &&
		FindOrganizationShapes(&c) &&
		MergeInflectedNames(&c, ENT_ORGANIZATION);
	ent_free(wh.hit);
	if (!ok)
		return false;
	/* (entity_ids wants the set of ids, not their order) */
	if (!c.ids_only)
		ent_mentions_sort(out);
	return true;
}

/*
 * ent_mentions_sort: see extract.h.
 */
void
ent_mentions_sort(EntExtraction *x)
{
	qsort(x->m, x->n, sizeof(EntMention), CompareMentions);
}

void
ent_extraction_free(EntExtraction *x)
{
	for (int i = 0; i < x->nstrings; i++)
		ent_free(x->strings[i]);
	ent_free(x->strings);
	ent_free(x->m);
	ent_free(x->key_hash);
	ent_doc_free(&x->doc);
	memset(x, 0, sizeof(*x));
}
