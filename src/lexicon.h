/*-------------------------------------------------------------------------
 *
 * lexicon.h
 *	  The compiled lexicon: entity names from the data files, ICU's CLDR data
 *	  and user entries, and the cue words extraction needs
 *
 * Names are keyed by their folded tokens (scan.h), so a lookup is one hash
 * of bytes the scanner already produced; multi-token names are found by
 * extending a key while it is a known prefix.  Inflected forms are not
 * stored: the extractor turns a token back into candidate nominatives with
 * the language's suffix rules (data/inflection.tsv) and looks those up.
 *
 * Everything is allocated with malloc and lives until ent_lexicon_free.
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/lexicon.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ENTENTE_LEXICON_H
#define ENTENTE_LEXICON_H

#include <string.h>

#include "strmap.h"
#include "textbuf.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

typedef enum EntKind
{
	ENT_COUNTRY = 0,
	ENT_PLACE,
	ENT_PERSON,
	ENT_ORGANIZATION,
	ENT_EQUIPMENT,
	ENT_DATE,
	ENT_MONEY,
	ENT_QUANTITY,
	ENT_NATIONALITY,			/* a demonym or country adjective */
	ENT_NKINDS
} EntKind;

extern const char *const ent_kind_names[];
extern bool ent_parse_kind(const char *s, EntKind *kind);

/* alias flags */
#define AL_ADJ			0x0001	/* demonym or adjective: any case, adjective
								 * endings */
#define AL_AMBIGUOUS	0x0002	/* also a common word: needs context */
#define AL_CASE			0x0004	/* capitalisation must match the alias */
#define AL_SURNAME		0x0008	/* a surname alone: needs evidence */
#define AL_LOWER		0x0010	/* alias starts in lower case */
#define AL_CLDR			0x0020	/* from ICU's CLDR data */
#define AL_USER			0x0040	/* from entente.user_lexicon */

typedef struct LexEntity
{
	EntKind		kind;
	char		country[8];		/* ISO 3166-1 alpha-2 (or an IGO id) */
	const char *id;
	const char *canonical;
} LexEntity;

typedef struct LexAlias
{
	int32_t		entity;
	int32_t		next;			/* next alias with the same key, or -1 */
	uint16_t	flags;
	uint8_t		ntok;			/* tokens in the key */
	char		lang[4];		/* ISO 639-1 or "*" */
	uint32_t	shape;			/* bit i: token i is written in capitals */
	const char *rule;			/* where it came from, for auditing */
} LexAlias;

#define FIRST_NAME	0x01
#define FIRST_TITLE 0x02
#define FIRST_BODY	0x04
/*
 * Cue words (LexWord) by group of their types, so that a pass asking for
 * one group passes over the words of the others without looking them up
 * (see ent_word_first_bits).
 */
#define FIRST_WORD_DATE		0x08	/* WORD_DAY .. WORD_YEARS_SUFFIX */
#define FIRST_WORD_MONEY	0x10	/* WORD_SCALE .. WORD_CURRENCY */
#define FIRST_WORD_ORG		0x20	/* WORD_ORG_SUFFIX .. WORD_ORG_HEAD */
#define FIRST_WORD_VESSEL	0x40	/* WORD_VESSEL, WORD_VESSEL_PREFIX */
#define FIRST_WORD	(FIRST_WORD_DATE | FIRST_WORD_MONEY | FIRST_WORD_ORG | FIRST_WORD_VESSEL)
/* in a language's table only: a name that may be written in lower case
 * (adjectives, AL_LOWER) starts with the key */
#define FIRST_LOWER 0x80
/* the languages a cue word's first token starts it in (see ent_lang_bit) */
#define FIRST_LANG_SHIFT 8
#define FIRST_LANG_OTHER 0x40000000u	/* a language not in the list */
#define FIRST_LANGS_ALL 0x7FFFFF00u

/*
 * A first token: something of kind bit (FIRST_NAME, FIRST_TITLE, FIRST_BODY
 * or a FIRST_WORD group) of language lang starts with key.  The lexicon lists them
 * as they come (files, CLDR languages, user entries) and never changes one,
 * so each language's index takes in those of its own kinds and languages
 * (see LexLangIndex) and later ones as they are added.
 */
typedef struct LexFirstMark
{
	const char *key;			/* in the lexicon's arena */
	uint32_t	len;
	int32_t		bits;			/* the kind bit, and a cue word's FIRST_LANG
								 * bits */
	char		lang[4];
	bool		cldr;			/* a name from CLDR (AL_CLDR) */
	bool		lower;			/* a name that may be written in lower case
								 * (AL_ADJ, AL_LOWER) */
} LexFirstMark;

typedef struct LexTitle
{
	const char *role;
	char		lang[4];
	uint16_t	flags;			/* TITLE_* */
	int32_t		next;
} LexTitle;

#define TITLE_HONORIFIC		0x01
#define TITLE_COUNTRY_AFTER 0x02
#define TITLE_INSTITUTION	0x04	/* mostly followed by the institution it
									 * heads: a name after it must start
									 * with a known given name */

typedef struct LexBody
{
	const char *canonical;		/* "{country} Ministry of Defence" */
	char		lang[4];
	uint8_t		position;		/* 1 after, 2 before, 3 both */
	int32_t		next;
} LexBody;

typedef struct LexWord
{
	char		lang[4];
	uint8_t		type;			/* WORD_* */
	int32_t		ival;			/* relative offset, or ISO code index */
	double		dval;			/* money scale */
	char		code[4];		/* currency */
	int32_t		next;
} LexWord;

/* date words */
#define WORD_DAY			1
#define WORD_WEEK			2
#define WORD_MONTH_REL		3
#define WORD_YEAR_REL		4
#define WORD_YEAR_PREFIX	5
#define WORD_YEAR_SUFFIX	6
#define WORD_YEARS_PREFIX	7
#define WORD_DECADE_PREFIX	8
#define WORD_SINCE			9
#define WORD_UNTIL			10
#define WORD_RANGE_AND		11
#define WORD_EARLY			12
#define WORD_MID			13
#define WORD_LATE			14
#define WORD_MONTH_PREFIX	15
#define WORD_DAY_PREFIX		16
#define WORD_LAST			17
#define WORD_NEXT			18
#define WORD_MONTH_NAME		19	/* ival = 1..12 (from ICU) */
#define WORD_WEEKDAY		20	/* ival = 1 (Sunday) .. 7 (from ICU) */
#define WORD_DECADE_SUFFIX	21	/* see Lexicon.decade_suffix */
#define WORD_RANGE_FROM		22	/* opens a range only ("de 2014 à 2016") */
#define WORD_RANGE_TO		23	/* ... and closes it */
#define WORD_YEARS_SUFFIX	24	/* a plural year word ("2016 и 2017 годах") */
/* organization cues */
#define WORD_ORG_SUFFIX		40
#define WORD_ORG_PREFIX		41
#define WORD_PLACE_PREP		42
#define WORD_ORG_HEAD		43	/* the noun ending an official name */
#define WORD_VESSEL			44	/* a kind of ship before its name */
#define WORD_VESSEL_PREFIX	45	/* a navy's prefix of ship names: INS, USS */
/* money words */
#define WORD_SCALE			30
#define WORD_SCALE_ABBREV	31
#define WORD_CURRENCY		32

/* the FIRST_WORD groups of the word types type_lo .. type_hi */
static inline int
ent_word_first_bits(uint8_t type_lo, uint8_t type_hi)
{
	int			bits = 0;

	if (type_lo <= WORD_YEARS_SUFFIX)
		bits |= FIRST_WORD_DATE;
	if (type_lo <= WORD_CURRENCY && type_hi >= WORD_SCALE)
		bits |= FIRST_WORD_MONEY;
	if (type_lo <= WORD_ORG_HEAD && type_hi >= WORD_ORG_SUFFIX)
		bits |= FIRST_WORD_ORG;
	if (type_hi >= WORD_VESSEL)
		bits |= FIRST_WORD_VESSEL;
	return bits;
}

typedef struct LexRule
{
	char		lang[4];
	uint8_t		type;			/* RULE_NOUN, RULE_ADJ, RULE_ANY */
	const char *suffix;			/* folded */
	uint8_t		suffix_len;
	const char *repl;			/* folded */
	uint8_t		repl_len;
} LexRule;

/*
 * The case endings of people's names (name_forms.tsv): a given name or a
 * surname of sex m or f in case gcase ends so, and its nominative ends in
 * nom instead.  A person's name agrees in case: "Сергеем Скрипалем" is
 * Сергей Скрипаль, "Anną Wiśniewską" Anna Wiśniewska.
 */
typedef struct LexNameForm
{
	int32_t		line;			/* order in the file */
	int32_t		group_line;		/* that of the first row of its sex and
								 * case: cases are tried in file order */
	int32_t		given_hi;		/* on a sex and case's first row: its
								 * given-name rows are [that row, given_hi) */
	int32_t		surname_hi;		/* and surname rows [given_hi, surname_hi) */
	char		sex;			/* 'm' or 'f' */
	char		gcase[4];		/* gen, dat, acc, ins, loc */
	uint8_t		part;			/* NAME_GIVEN, NAME_SURNAME */
	bool		block;			/* a word ending so is not in this case */
	const char *ending;			/* as written (lower case, NFC) */
	uint8_t		ending_len;
	const char *nom;
	uint8_t		nom_len;
	const char *ending_fold;	/* folded, to build a given name's key */
	uint8_t		ending_fold_len;
	const char *nom_fold;
	uint8_t		nom_fold_len;
} LexNameForm;

#define NAME_GIVEN		1
#define NAME_SURNAME	2

#define RULE_NOUN 1
#define RULE_ADJ  2
#define RULE_ANY  3

/* the longest form an inflection rule may make or take, in bytes (less) */
#define LEX_FORM_LEN 96

/*
 * What the engine needs of one language, gathered on first use: its
 * inflection rules as a trie of their suffixes read backwards (a word meets
 * only the rules whose suffix it ends with, in as many steps as its longest
 * such suffix has bytes), and its page-furniture cues.
 */
typedef struct LexSuffixNode
{
	int32_t		child;			/* first child, or -1 */
	int32_t		sibling;		/* next child of the same parent, or -1 */
	int32_t		rule_start;		/* the rules of this suffix: */
	int32_t		nrules;			/* rule_ids[rule_start .. + nrules) */
	uint8_t		byte;			/* the byte this node adds, before its
								 * parent's */
} LexSuffixNode;

struct LexCue;

/*
 * A table of first tokens: the FIRST_* bits of keys, by their strmap hash.
 * A bucket is one cache line of sixteen 16-bit fingerprints and their bits,
 * so a lookup reads one line (and the next only past a full bucket) and no
 * key.  Two keys of one bucket with one fingerprint (about one word in five
 * thousand) share their bits: the table only lets a word on to the exact
 * lookups that follow, never decides a match.  A language's table of some
 * thousands of keys is some tens of kilobytes, where a map of its keys was
 * hundreds: those of the languages of a mixed stream of articles stay near
 * the core.
 */
#define LEX_BUCKET_KEYS 16

typedef struct LexFirstBucket
{
	uint16_t	fp[LEX_BUCKET_KEYS];	/* 0: empty */
	uint8_t		bits[LEX_BUCKET_KEYS];
	uint8_t		n;
	uint8_t		pad[64 - 3 * LEX_BUCKET_KEYS - 1];
} LexFirstBucket;

typedef struct LexFirstTable
{
	LexFirstBucket *b;			/* mask + 1 buckets, aligned to 64 bytes */
	uint32_t	mask;
	uint32_t	count;
} LexFirstTable;

/* a key's fingerprint: sixteen bits of its hash mixed again, not the bits
 * that chose its bucket; never 0 */
static inline uint16_t
ent_first_fp(uint32_t h)
{
	uint16_t	fp = (uint16_t) ((h * 0x9E3779B1u) >> 16);

	return fp ? fp : 1;
}

/* ent_first_get: the bits of the key with hash h (0: none) */
static inline int
ent_first_get(const LexFirstTable *t, uint32_t h)
{
	uint16_t	fp = ent_first_fp(h);

	for (uint32_t i = h & t->mask;; i = (i + 1) & t->mask)
	{
		const LexFirstBucket *b = &t->b[i];
#if defined(__SSE2__) && defined(__GNUC__)
		/* the sixteen fingerprints compared at once, without a branch each */
		__m128i		v = _mm_set1_epi16((short) fp);
		uint32_t	hit = (uint32_t) _mm_movemask_epi8(
			_mm_cmpeq_epi16(_mm_load_si128((const __m128i *) b->fp), v)) |
			((uint32_t) _mm_movemask_epi8(
			_mm_cmpeq_epi16(_mm_load_si128((const __m128i *) b->fp + 1), v)) << 16);

		/* (a hit or not is the word's, which the processor cannot foresee:
		 * the bits are taken either way, and the branch is on a full bucket) */
		int			bits = b->bits[__builtin_ctz(hit | 0x80000000u) >> 1] & -(int) (hit != 0);

		if ((hit != 0) | (b->n < LEX_BUCKET_KEYS))
			return bits;
#else
		for (int k = 0; k < LEX_BUCKET_KEYS; k++)
			if (b->fp[k] == fp)
				return b->bits[k];
		if (b->n < LEX_BUCKET_KEYS)
			return 0;
#endif
	}
}

/*
 * The words that one of a language's rules takes to the first token of a
 * name (the key of a FIRST_NAME mark): "rosyjskiego" to "rosyjski",
 * "Moskwie" to "Moskwa".  A word is looked up once instead of having its
 * forms built; most words are none.  Of lower-case words (lower) only rules
 * for adjectives count, and only names that may start in lower case.  Forms
 * and keys have min_len bytes at least.  Built from the lexicon's marks, as
 * the first tokens are: a table of first tokens whose only bit is 1.
 */
typedef struct LexFormTable
{
	LexFirstTable t;
	int32_t		seen;			/* marks read */
	bool		lower;
	uint8_t		min_len;
} LexFormTable;

typedef struct LexLangIndex
{
	char		lang[8];

	/*
	 * The first tokens an article of the language can match (FIRST_* bits
	 * by folded key): names of its language, of every language ("*") and
	 * English ones (CLDR's only in their own language), its titles, bodies
	 * and cue words, and which names may be written in lower case
	 * (FIRST_LOWER).  Built from Lexicon.marks[0 .. marks_seen).
	 */
	LexFirstTable first;
	/*
	 * The inflected forms of the first tokens of names (see LexFormTable):
	 * of those that may start in lower case, and of all.
	 */
	LexFormTable lower_forms;
	LexFormTable name_forms;
	/* of the names: the first three and four bytes of their first tokens */
	uint64_t	pfx_name[1 << 10];
	int32_t		marks_seen;
	int32_t		root[256];		/* node of each last byte, or -1 */
	uint8_t		sfx_max[256];	/* the longest suffix ending with each
								 * byte (bytes; 255 for longer) */
	LexSuffixNode *nodes;
	int32_t		nnodes;
	int32_t    *rule_ids;		/* into Lexicon.rules, in file order per node */
	/* the same rules by the last byte of their replacement (see MarkForms):
	 * by_repl[by_repl_at[0] .. by_repl_at[1]) have none, those ending in
	 * byte b are by_repl[by_repl_at[1 + b] .. by_repl_at[2 + b]) */
	int32_t    *by_repl;
	int32_t		by_repl_at[258];
	const struct LexCue **cues; /* the cues of the language and of all */
	int32_t		ncues;
	bool		org_heads;		/* the language has WORD_ORG_HEAD words */
} LexLangIndex;

#define LEX_LANG_INDEXES 64

typedef struct LexCue
{
	char		lang[4];
	uint8_t		type;			/* CUE_PREFIX, CUE_CONTAINS, CUE_SEPARATOR */
	const char *text;			/* folded */
	size_t		len;
	bool		colon;			/* the text has a ':' */
} LexCue;

#define CUE_PREFIX		1
#define CUE_CONTAINS	2
#define CUE_SEPARATOR	3

typedef struct LexCountryInfo
{
	char		code[4];
	const char *name;
	const char *adjective;
	const char *capital;
	const char *attributive;	/* in names: "US" Navy, "Russian" Navy */
} LexCountryInfo;

typedef struct Lexicon
{
	/* names */
	LexEntity  *entities;
	int32_t		nentities;
	int32_t		capentities;
	LexAlias   *aliases;
	int32_t		naliases;
	int32_t		capaliases;
	int32_t		compact_aliases;	/* aliases when last laid out by key
									 * (see ent_lexicon_compact_aliases) */
	StrMap		keys;			/* folded key -> first alias (a phrase map) */
	LexFirstMark *marks;		/* first tokens (see LexFirstMark) */
	int32_t		nmarks;
	int32_t		capmarks;
	StrMap		mark_index;		/* lang, cldr, lower and key -> its last
								 * mark */
	uint64_t	bloom_keys[1 << 15];	/* a Bloom filter over name keys and
										 * their prefixes */
	uint64_t	bloom_given[1 << 10];	/* a small one, which stays in the
										 * first-level cache, over the keys of
										 * given_names */

	/*
	 * The first three and four bytes of given names (ent_prefix_add).  A
	 * word whose inflected forms keep at least three of its bytes can only
	 * be one if its own first bytes pass: most words are rejected before any
	 * form is built.  (The same filters over names are each language's: see
	 * LexLangIndex.)
	 */
	uint64_t	pfx_given[1 << 10];
	StrMap		entity_index;	/* kind|id -> entity */
	int			max_tokens;

	/* cues */
	LexTitle   *titles;
	int32_t		ntitles;
	StrMap		title_keys;		/* phrase maps (see ent_phrase_head) */
	LexBody    *bodies;
	int32_t		nbodies;
	StrMap		body_keys;
	LexWord    *words;
	int32_t		nwords;
	/*
	 * The endings a decade takes after its digits, in one token (dates.tsv
	 * "decade_suffix": en 1990s, de 1990er, ru 1990-е), folded.
	 */
	struct
	{
		char		lang[8];
		char		text[16];
		uint8_t		len;
	}			decade_suffix[32];
	int			ndecade_suffix;
	int32_t		capwords;
	StrMap		word_keys;		/* dates, money, organization cues */
	StrMap		given_names;	/* folded given name -> 1 */
	StrMap		given_sex;		/* folded given name -> 1 m, 2 f, 3 both */
	LexNameForm *name_forms;	/* name_forms.tsv, a language's rows together,
								 * then by sex, case and part */
	int32_t		nname_forms;
	struct
	{
		char		lang[4];
		int32_t		lo,
					hi;			/* its rows: name_forms[lo .. hi) */
	}			name_form_langs[32];
	int			nname_form_langs;
	StrMap		stop_acronyms;	/* folded acronym -> 1: not organizations */
	LexRule    *rules;
	int32_t		nrules;
	LexLangIndex *lang_index[LEX_LANG_INDEXES];	/* built on first use */
	char		lang_index_code[LEX_LANG_INDEXES][8];	/* their languages, side
														 * by side: asked once
														 * per article */
	int32_t		nlang_index;
	LexCue	   *cues;
	int32_t		ncues;
	StrMap		country_info_index;
	LexCountryInfo *country_info;
	int32_t		ncountry_info;

	/* relation triggers and cues (relate.c) */
	struct RelLexicon *rel;

	/* languages whose CLDR names have been added */
	char		cldr_langs[64][4];
	int			ncldr_langs;

	/* arena for strings */
	char	  **blocks;
	int			nblocks;
	size_t		block_used;
	size_t		build_ms;
	size_t		bytes;
} Lexicon;

/*
 * ent_lexicon_build reads the data files in datadir into a new lexicon.
 * Returns NULL with err set on failure.
 */
extern Lexicon *ent_lexicon_build(const char *datadir, EntError *err);

/*
 * ent_lexicon_add adds one name (a user entry): kind, entity id, canonical
 * (NULL: the id), language ("*" or NULL for any), alias, country (may be
 * NULL), flags (AL_*).  Returns false with err set on a bad entry.
 */
extern bool ent_lexicon_add(Lexicon *lex, EntKind kind, const char *id,
							const char *canonical, const char *lang,
							const char *alias, const char *country,
							uint16_t flags, const char *rule, EntError *err);

/*
 * ent_lexicon_lang_index returns the index of lang (see LexLangIndex),
 * building it on first use (NULL on out of memory, with err set).
 */
extern const LexLangIndex *ent_lexicon_lang_index(Lexicon *lex, const char *lang,
												  EntError *err);

/*
 * ent_suffix_rules puts into ids (room for max) the rules of x whose suffix
 * word w[0..n) ends with, in file order, and returns how many.
 */
extern int	ent_suffix_rules(const LexLangIndex *x, const char *w, size_t n,
							 int32_t *ids, int max);

/* ent_suffix_longest: the length of the longest suffix of x's rules that
 * word w[0..n) ends with (0 if none) */
extern int	ent_suffix_longest(const LexLangIndex *x, const char *w, size_t n);

/*
 * ent_lexicon_compact_aliases lays the aliases out again so that those of
 * one key (a chain the name walk reads whole: "pakistan" in a dozen
 * languages) are side by side, after entries were added.  It changes no
 * lookup's answer; without memory for the copy it leaves them as they are.
 */
extern void ent_lexicon_compact_aliases(Lexicon *lex);

/*
 * ent_lexicon_need_lang makes sure ICU's CLDR names (countries, regions,
 * cities) and month and weekday names for lang are in the lexicon.
 */
extern bool ent_lexicon_need_lang(Lexicon *lex, const char *lang,
								  EntError *err);

extern void ent_lexicon_free(Lexicon *lex);

/* Entity for (kind, id), or -1. */
extern int32_t ent_lexicon_entity(const Lexicon *lex, EntKind kind,
								  const char *id);

/* Country info for an ISO code, or NULL. */
extern const LexCountryInfo *ent_lexicon_country(const Lexicon *lex,
												 const char *code);

/* Parse "adj,ambiguous,case,surname" into AL_* flags; false if unknown. */
extern bool ent_parse_alias_flags(const char *s, uint16_t *flags);

/*
 * ent_lexicon_read_tsv calls fn for each data line of datadir/name: fields
 * split at TABs (missing trailing ones are ""), rule is "name:line".
 * Comments (#) and blank lines are skipped.  A missing file is an error
 * only if required.
 */
typedef bool (*EntRowFn) (Lexicon *lex, char **f, int nf, const char *rule,
						  EntError *err);
extern bool ent_lexicon_read_tsv(Lexicon *lex, const char *datadir,
								 const char *name, int minfields,
								 bool required, EntRowFn fn, EntError *err);

/* relation data (relate.c): loaded with the lexicon, freed with it */
extern bool ent_rel_load(Lexicon *lex, const char *datadir, EntError *err);
extern void ent_rel_free(struct RelLexicon *rel);

/* Copy a string into the lexicon's arena. */
extern const char *ent_lexicon_strdup(Lexicon *lex, const char *s, size_t n);

/*
 * Bloom filters of 2^bits bits over strmap hashes: no false negatives,
 * false positives are checked against the map.
 */
static inline bool
ent_bloom_test(const uint64_t *bloom, uint32_t bits, uint32_t h)
{
	uint32_t	mask = (1u << bits) - 1;
	uint32_t	a = h & mask;
	uint32_t	b = ((h >> 12) ^ (h * 0x9E3779B1u >> 12)) & mask;

	return ((bloom[a >> 6] >> (a & 63)) & 1) && ((bloom[b >> 6] >> (b & 63)) & 1);
}

static inline void
ent_bloom_add(uint64_t *bloom, uint32_t bits, uint32_t h)
{
	uint32_t	mask = (1u << bits) - 1;
	uint32_t	a = h & mask;
	uint32_t	b = ((h >> 12) ^ (h * 0x9E3779B1u >> 12)) & mask;

	bloom[a >> 6] |= (uint64_t) 1 << (a & 63);
	bloom[b >> 6] |= (uint64_t) 1 << (b & 63);
}

/*
 * Prefix filters: bit sets over the first plen (3 or 4) bytes of keys,
 * 2^bits bits.
 */
static inline uint32_t
ent_prefix_bit(const char *s, int plen, uint32_t bits)
{
	uint32_t	w = (uint32_t) (unsigned char) s[0] |
		((uint32_t) (unsigned char) s[1] << 8) |
		((uint32_t) (unsigned char) s[2] << 16);

	if (plen == 4)
		w |= (uint32_t) (unsigned char) s[3] << 24;
	else
		w ^= 0x5bd1e995u;		/* three bytes are not four with a NUL */
	return (w * 0x9E3779B1u) >> (32 - bits);
}

static inline void
ent_prefix_add(uint64_t *f, uint32_t bits, const char *s, size_t n)
{
	for (int plen = 3; plen <= 4 && (size_t) plen <= n; plen++)
	{
		uint32_t	b = ent_prefix_bit(s, plen, bits);

		f[b >> 6] |= (uint64_t) 1 << (b & 63);
	}
}

static inline bool
ent_prefix_test(const uint64_t *f, uint32_t bits, const char *s, int plen)
{
	uint32_t	b = ent_prefix_bit(s, plen, bits);

	return (f[b >> 6] >> (b & 63)) & 1;
}

/* the FIRST_* language bit of an ISO 639-1 code ("*": every language) */
extern uint32_t ent_lang_bit(const char *lang);

/*
 * ent_lang_eq compares two language codes (NUL-terminated, two or three
 * letters) without a call: they are compared on every lexicon hit.
 */
static inline bool
ent_lang_eq(const char *a, const char *b)
{
	return a[0] == b[0] && a[1] == b[1] && (a[1] == '\0' || a[2] == b[2]);
}

/*
 * ent_alias_lang_ok: a name of language alang ("*": every language) may be
 * matched in an article of language lang ("": unknown): names of its own
 * language, of every language, and English ones, which news everywhere
 * quotes; CLDR's names only in their own language.
 */
static inline bool
ent_alias_lang_ok(const char *alang, bool cldr, const char *lang)
{
	if (!lang[0])
		return true;
	if (cldr)
		return strcmp(alang, lang) == 0;
	return alang[0] == '*' || ent_lang_eq(alang, lang) || ent_lang_eq(alang, "en");
}

/*
 * Phrase maps take a key (folded tokens joined by KEY_SEP) to the head of a
 * chain of records, and tell in the same value whether the key is also a
 * proper prefix of a longer key: a walk over the tokens of a text asks one
 * map once per token.
 */
#define PHRASE_MORE		0x40000000	/* a longer key starts with this one */
#define PHRASE_NONE		0x3FFFFFFF	/* no record: only a prefix */

/* the first record of a phrase map's value v (strmap_get), or -1 */
static inline int32_t
ent_phrase_head(int32_t v)
{
	return v < 0 || (v & PHRASE_NONE) == PHRASE_NONE ? -1 : (v & PHRASE_NONE);
}

/* a longer key starts with the key of value v */
static inline bool
ent_phrase_more(int32_t v)
{
	return v >= 0 && (v & PHRASE_MORE);
}

/* The separator between tokens in keys. */
#define KEY_SEP '\x1f'

#endif							/* ENTENTE_LEXICON_H */
