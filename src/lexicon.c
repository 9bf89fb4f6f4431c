/*-------------------------------------------------------------------------
 *
 * lexicon.c
 *	  Building the compiled lexicon
 *
 * Sources, in order:
 *	- data/country_info.tsv: every ISO 3166-1 code with its English name,
 *	  adjective and capital (the COUNTRY entities and their canonical names);
 *	- data/countries.tsv, places.tsv, organizations.tsv, people.tsv,
 *	  equipment.tsv: names in each language;
 *	- ICU's CLDR data, per language on first use: region and country names
 *	  (including short and variant forms), time-zone exemplar cities, month
 *	  and weekday names;
 *	- cue lists: titles.tsv, state_bodies.tsv, given_names.tsv, dates.tsv,
 *	  money.tsv, boilerplate.tsv, inflection.tsv, name_forms.tsv,
 *	  not_organizations.tsv;
 *	- user entries, added by the caller with ent_lexicon_add.
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/lexicon.c
 *
 *-------------------------------------------------------------------------
 */
#include "lexicon.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <unicode/ucal.h>
#include <unicode/udata.h>
#include <unicode/udat.h>
#include <unicode/uenum.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include "normalize.h"
#include "scan.h"

/* ICU's region and zone bundles (their names are not public API) */
#define ENT_ICUDATA_REGION U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "region"
#define ENT_ICUDATA_ZONE U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "zone"

const char *const ent_kind_names[] = {
	"COUNTRY", "PLACE", "PERSON", "ORGANIZATION", "EQUIPMENT", "DATE",
	"MONEY", "QUANTITY", "NATIONALITY"
};

bool
ent_parse_kind(const char *s, EntKind *kind)
{
	for (int k = 0; k < ENT_NKINDS; k++)
		if (strcasecmp(s, ent_kind_names[k]) == 0)
		{
			*kind = (EntKind) k;
			return true;
		}
	return false;
}

/* ----------------------------------------------------------------
 * Arena
 * ----------------------------------------------------------------
 */
#define BLOCK_SIZE (256 * 1024)

const char *
ent_lexicon_strdup(Lexicon *lex, const char *s, size_t n)
{
	char	   *p;

	if (n + 1 > BLOCK_SIZE)
		return NULL;
	if (lex->nblocks == 0 || lex->block_used + n + 1 > BLOCK_SIZE)
	{
		char	  **b = realloc(lex->blocks, (lex->nblocks + 1) * sizeof(char *));

		if (!b)
			return NULL;
		lex->blocks = b;
		lex->blocks[lex->nblocks] = malloc(BLOCK_SIZE);
		if (!lex->blocks[lex->nblocks])
			return NULL;
		lex->nblocks++;
		lex->block_used = 0;
		lex->bytes += BLOCK_SIZE;
	}
	p = lex->blocks[lex->nblocks - 1] + lex->block_used;
	memcpy(p, s, n);
	p[n] = '\0';
	lex->block_used += n + 1;
	return p;
}

static const char *
Dup(Lexicon *lex, const char *s)
{
	return ent_lexicon_strdup(lex, s, strlen(s));
}

/* ----------------------------------------------------------------
 * Keys
 * ----------------------------------------------------------------
 */
typedef struct Key
{
	char		buf[512];
	size_t		len;
	int			ntok;
	uint32_t	shape;			/* bit i: token i capitalised */
	bool		first_lower;
	uint32_t	cuts[33];		/* key length after each token */
} Key;

/*
 * MakeKey tokenizes s like an article and joins the folded tokens with
 * KEY_SEP.  Returns false (without err) for names with no tokens or too
 * long to be a name.
 */
static bool
MakeKey(const char *s, Key *key, bool vi, EntError *err)
{
	EntDoc		doc;
	bool		ok = true;

	err->status = ENT_OK;
	key->len = 0;
	key->ntok = 0;
	key->shape = 0;
	key->first_lower = false;
	if (!ent_scan(s, strlen(s), vi ? "vi" : "", false, &doc, err))
	{
		ent_doc_free(&doc);
		return false;
	}
	if (doc.ntok == 0 || doc.ntok > 32)
		ok = false;
	for (int i = 0; ok && i < doc.ntok; i++)
	{
		const EntToken *t = &doc.tok[i];

		if (key->len + t->key_len + 1 >= sizeof(key->buf))
		{
			ok = false;
			break;
		}
		if (i > 0)
			key->buf[key->len++] = KEY_SEP;
		memcpy(key->buf + key->len, ent_tok_key(&doc, i), t->key_len);
		key->len += t->key_len;
		key->cuts[i] = (uint32_t) key->len;
		if (t->flags & (TK_CAP | TK_ALLCAPS))
			key->shape |= (1u << i);
		if (i == 0 && (t->flags & TK_LOWER))
			key->first_lower = true;
		key->ntok++;
	}
	ent_doc_free(&doc);
	return ok && key->len > 0;
}

static bool MarkFirst(Lexicon *lex, const Key *key, int32_t bits,
					  const char *lang, bool cldr, bool lower);

/* ----------------------------------------------------------------
 * Entities and aliases
 * ----------------------------------------------------------------
 */
static int32_t
EntityKey(char *buf, size_t cap, EntKind kind, const char *id)
{
	return snprintf(buf, cap, "%d|%s", (int) kind, id);
}

int32_t
ent_lexicon_entity(const Lexicon *lex, EntKind kind, const char *id)
{
	char		buf[600];
	int			n = EntityKey(buf, sizeof(buf), kind, id);

	if (n <= 0 || (size_t) n >= sizeof(buf))
		return -1;
	return strmap_get(&lex->entity_index, buf, n);
}

/*
 * GetEntity returns the entity for (kind, id), creating it.
 */
static int32_t
GetEntity(Lexicon *lex, EntKind kind, const char *id, const char *canonical,
		  const char *country, EntError *err)
{
	int32_t		e = ent_lexicon_entity(lex, kind, id);
	char		buf[600];
	int			n;
	LexEntity  *ent;

	if (e >= 0)
	{
		ent = &lex->entities[e];
		if (country && country[0] && !ent->country[0])
			snprintf(ent->country, sizeof(ent->country), "%s", country);
		return e;
	}
	if (strlen(id) > 500)
	{
		ent_fail(err, ENT_ERR_ARGUMENT, "entity id is too long");
		return -1;
	}
	if (lex->nentities == lex->capentities)
	{
		int32_t		cap = lex->capentities * 2 + 256;
		LexEntity  *a = realloc(lex->entities, cap * sizeof(LexEntity));

		if (!a)
		{
			ent_fail(err, ENT_ERR_NOMEM, "out of memory");
			return -1;
		}
		lex->entities = a;
		lex->capentities = cap;
	}
	e = lex->nentities++;
	ent = &lex->entities[e];
	ent->kind = kind;
	ent->id = Dup(lex, id);
	ent->canonical = canonical ? Dup(lex, canonical) : ent->id;
	snprintf(ent->country, sizeof(ent->country), "%s", country ? country : "");
	n = EntityKey(buf, sizeof(buf), kind, id);
	if (!ent->id || !ent->canonical || !strmap_put(&lex->entity_index, buf, n, e))
	{
		ent_fail(err, ENT_ERR_NOMEM, "out of memory");
		return -1;
	}
	return e;
}

/*
 * AddAlias links the name alias (in lang) to entity e.
 */
/* PhraseSetHead makes head the first record of key k in phrase map m */
static bool
PhraseSetHead(StrMap *m, const char *k, size_t n, int32_t head)
{
	int32_t		v = strmap_get(m, k, n);

	return strmap_put(m, k, n, (v >= 0 ? (v & PHRASE_MORE) : 0) | head);
}

/* PhraseSetMore records in phrase map m that longer keys start with k */
static bool
PhraseSetMore(StrMap *m, const char *k, size_t n)
{
	int32_t		v = strmap_get(m, k, n);

	return strmap_put(m, k, n, (v >= 0 ? v : PHRASE_NONE) | PHRASE_MORE);
}

static bool
AddAlias(Lexicon *lex, int32_t e, const char *lang, const char *alias,
		 uint16_t flags, const char *rule, EntError *err)
{
	Key			key;
	int32_t		a,
				head;
	LexAlias   *al;

	if (!MakeKey(alias, &key, lang && strcmp(lang, "vi") == 0, err))
		return err->status == ENT_OK ? true : false;
	if (lex->naliases == lex->capaliases)
	{
		int32_t		cap = lex->capaliases * 2 + 1024;
		LexAlias   *arr = realloc(lex->aliases, cap * sizeof(LexAlias));

		if (!arr)
			return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
		lex->aliases = arr;
		lex->capaliases = cap;
	}
	head = ent_phrase_head(strmap_get(&lex->keys, key.buf, key.len));
	/* the same entity under the same key and language: keep one */
	for (int32_t x = head; x >= 0; x = lex->aliases[x].next)
		if (lex->aliases[x].entity == e && strcmp(lex->aliases[x].lang, lang) == 0)
			return true;		/* the first source (a data file) wins */
	a = lex->naliases++;
	al = &lex->aliases[a];
	al->entity = e;
	al->next = head;
	al->flags = flags | (key.first_lower ? AL_LOWER : 0);
	al->ntok = (uint8_t) key.ntok;
	snprintf(al->lang, sizeof(al->lang), "%s", lang && lang[0] ? lang : "*");
	al->shape = key.shape;
	al->rule = rule;
	if (!PhraseSetHead(&lex->keys, key.buf, key.len, a) ||
		!MarkFirst(lex, &key, FIRST_NAME, al->lang, (al->flags & AL_CLDR) != 0,
				   (al->flags & (AL_ADJ | AL_LOWER)) != 0))
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	ent_bloom_add(lex->bloom_keys, 21, strmap_hash(key.buf, key.len));
	for (int i = 0; i + 1 < key.ntok; i++)
		ent_bloom_add(lex->bloom_keys, 21, strmap_hash(key.buf, key.cuts[i]));
	for (int i = 0; i + 1 < key.ntok; i++)
		if (!PhraseSetMore(&lex->keys, key.buf, key.cuts[i]))
			return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	if (key.ntok > lex->max_tokens)
		lex->max_tokens = key.ntok;
	return true;
}

bool
ent_parse_alias_flags(const char *s, uint16_t *flags)
{
	*flags = 0;
	while (s && *s)
	{
		const char *comma = strchr(s, ',');
		size_t		n = comma ? (size_t) (comma - s) : strlen(s);

		while (n > 0 && isspace((unsigned char) *s))
			s++, n--;
		while (n > 0 && isspace((unsigned char) s[n - 1]))
			n--;
		if (n == 0)
			;
		else if (n == 3 && strncmp(s, "adj", 3) == 0)
			*flags |= AL_ADJ;
		else if (n == 9 && strncmp(s, "ambiguous", 9) == 0)
			*flags |= AL_AMBIGUOUS;
		else if (n == 4 && strncmp(s, "case", 4) == 0)
			*flags |= AL_CASE;
		else if (n == 7 && strncmp(s, "surname", 7) == 0)
			*flags |= AL_SURNAME;
		else
			return false;
		s = comma ? comma + 1 : s + n;
	}
	return true;
}

/*
 * ent_lexicon_add: see lexicon.h.
 */
bool
ent_lexicon_add(Lexicon *lex, EntKind kind, const char *id,
				const char *canonical, const char *lang, const char *alias,
				const char *country, uint16_t flags, const char *rule,
				EntError *err)
{
	int32_t		e;

	if (!id || !id[0] || !alias || !alias[0])
		return ent_fail(err, ENT_ERR_ARGUMENT, "empty entity id or alias");
	if (kind == ENT_COUNTRY && !canonical)
	{
		const LexCountryInfo *ci = ent_lexicon_country(lex, id);

		canonical = ci ? ci->name : NULL;
	}
	e = GetEntity(lex, kind, id, canonical, country, err);
	if (e < 0)
		return false;
	return AddAlias(lex, e, lang ? lang : "*", alias, flags,
					rule ? Dup(lex, rule) : "user", err);
}

/* ----------------------------------------------------------------
 * Data files
 * ----------------------------------------------------------------
 */
#define MAX_FIELDS 8

typedef EntRowFn RowFn;

/*
 * ent_lexicon_read_tsv calls fn for each data line of datadir/name (comments
 * and blank lines skipped).  A missing file is an error if required.
 */
bool
ent_lexicon_read_tsv(Lexicon *lex, const char *datadir, const char *name,
					 int minfields, bool required, EntRowFn fn, EntError *err)
{
	char		path[1024];
	FILE	   *f;
	char	   *buf;
	long		size;
	char	   *line;
	int			lineno = 0;

	snprintf(path, sizeof(path), "%s/%s", datadir, name);
	f = fopen(path, "rb");
	if (!f)
	{
		if (!required)
			return true;
		return ent_fail(err, ENT_ERR_DATA, "could not open data file \"%s\"", path);
	}
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
		fseek(f, 0, SEEK_SET) != 0)
	{
		fclose(f);
		return ent_fail(err, ENT_ERR_DATA, "could not read data file \"%s\"", path);
	}
	buf = malloc(size + 1);
	if (!buf)
	{
		fclose(f);
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	}
	if ((long) fread(buf, 1, size, f) != size)
	{
		fclose(f);
		free(buf);
		return ent_fail(err, ENT_ERR_DATA, "could not read data file \"%s\"", path);
	}
	fclose(f);
	buf[size] = '\0';

	line = buf;
	while (line && *line)
	{
		char	   *nl = strchr(line, '\n');
		char	   *fields[MAX_FIELDS];
		int			nf = 0;
		char	   *p;
		char		rule[96];

		lineno++;
		if (nl)
			*nl = '\0';
		if (nl > line && nl[-1] == '\r')
			nl[-1] = '\0';
		if (line[0] == '#' || line[0] == '\0')
		{
			line = nl ? nl + 1 : NULL;
			continue;
		}
		p = line;
		fields[nf++] = p;
		while ((p = strchr(p, '\t')) != NULL && nf < MAX_FIELDS)
		{
			*p++ = '\0';
			fields[nf++] = p;
		}
		for (int i = nf; i < MAX_FIELDS; i++)
			fields[i] = "";
		if (nf < minfields)
		{
			free(buf);
			return ent_fail(err, ENT_ERR_DATA,
							"%s line %d: expected %d tab-separated fields",
							name, lineno, minfields);
		}
		snprintf(rule, sizeof(rule), "%s:%d", name, lineno);
		if (!fn(lex, fields, nf, rule, err))
		{
			free(buf);
			if (err->status == ENT_OK)
				return ent_fail(err, ENT_ERR_DATA, "%s line %d is malformed",
								name, lineno);
			return false;
		}
		line = nl ? nl + 1 : NULL;
	}
	free(buf);
	return true;
}

static bool
RowCountryInfo(Lexicon *lex, char **f, int nf, const char *rule, EntError *err)
{
	LexCountryInfo *ci;
	int32_t		e;

	if (strlen(f[0]) != 2)
		return ent_fail(err, ENT_ERR_DATA, "%s: bad country code \"%s\"", rule, f[0]);
	lex->country_info = realloc(lex->country_info,
								(lex->ncountry_info + 1) * sizeof(LexCountryInfo));
	if (!lex->country_info)
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	ci = &lex->country_info[lex->ncountry_info];
	memcpy(ci->code, f[0], 3);
	ci->name = Dup(lex, f[1]);
	ci->adjective = Dup(lex, f[2]);
	ci->capital = Dup(lex, f[3]);
	ci->attributive = Dup(lex, f[4][0] ? f[4] : f[2]);
	if (!strmap_put(&lex->country_info_index, f[0], 2, lex->ncountry_info))
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	lex->ncountry_info++;
	e = GetEntity(lex, ENT_COUNTRY, f[0], f[1], f[0], err);
	if (e < 0)
		return false;
	if (!AddAlias(lex, e, "en", f[1], 0, Dup(lex, rule), err))
		return false;
	if (f[2][0] && !AddAlias(lex, e, "en", f[2], AL_ADJ, Dup(lex, rule), err))
		return false;
	return true;
}

const LexCountryInfo *
ent_lexicon_country(const Lexicon *lex, const char *code)
{
	int32_t		i = strmap_get(&lex->country_info_index, code, strlen(code));

	return i >= 0 ? &lex->country_info[i] : NULL;
}

static bool
RowCountry(Lexicon *lex, char **f, int nf, const char *rule, EntError *err)
{
	uint16_t	flags;
	const LexCountryInfo *ci = ent_lexicon_country(lex, f[0]);
	int32_t		e;

	if (!ent_parse_alias_flags(f[3], &flags))
		return ent_fail(err, ENT_ERR_DATA, "%s: unknown flags \"%s\"", rule, f[3]);
	e = GetEntity(lex, ENT_COUNTRY, f[0], ci ? ci->name : f[0], f[0], err);
	return e >= 0 && AddAlias(lex, e, f[1], f[2], flags, Dup(lex, rule), err);
}

static EntKind row_kind;

static bool
IsAcronym(const char *s)
{
	int			upper = 0;

	for (; *s; s++)
	{
		if (islower((unsigned char) *s))
			return false;
		upper += isupper((unsigned char) *s) != 0;
	}
	return upper >= 2;
}

/*
 * FindByAlias returns an entity of kind already named alias (in English or
 * any language), so that CLDR's names join the lexicon's entity instead of
 * making a twin ("Southern Asia" is an alias of South Asia).
 */
static int32_t
FindByAlias(Lexicon *lex, EntKind kind, const char *alias, EntError *err)
{
	Key			key;

	if (!MakeKey(alias, &key, false, err))
		return -1;
	for (int32_t a = ent_phrase_head(strmap_get(&lex->keys, key.buf, key.len)); a >= 0;
		 a = lex->aliases[a].next)
		if (lex->entities[lex->aliases[a].entity].kind == kind)
			return lex->aliases[a].entity;
	return -1;
}

static bool
RowNamed(Lexicon *lex, char **f, int nf, const char *rule, EntError *err)
{
	uint16_t	flags;
	int32_t		e;

	if (!ent_parse_alias_flags(f[4], &flags))
		return ent_fail(err, ENT_ERR_DATA, "%s: unknown flags \"%s\"", rule, f[4]);
	if (!f[0][0] || !f[3][0])
		return true;
	e = GetEntity(lex, row_kind, f[0], NULL, f[1], err);
	if (e < 0)
		return false;
	/* an organization known by its acronym: canonical is its English name */
	if (row_kind == ENT_ORGANIZATION && strcmp(f[2], "en") == 0 &&
		lex->entities[e].canonical == lex->entities[e].id &&
		strcmp(f[3], f[0]) != 0 && strlen(f[3]) > strlen(f[0]) && IsAcronym(f[0]))
		lex->entities[e].canonical = Dup(lex, f[3]);
	return AddAlias(lex, e, f[2], f[3], flags, Dup(lex, rule), err);
}

/* phrase tables share the shape: key -> chain of records */
/*
 * MarkFirst records that something of kind bits (with a cue word's language
 * bits) of language lang starts with key's first token (see LexFirstMark).
 * The same mark twice is kept once; a mark is never changed, so a language
 * index that has read it stays right.
 */
static bool
MarkFirst(Lexicon *lex, const Key *key, int32_t bits, const char *lang,
		  bool cldr, bool lower)
{
	size_t		n = key->ntok > 1 ? key->cuts[0] : key->len;
	char		id[sizeof(key->buf) + 8];
	size_t		idlen;
	int32_t		old;
	LexFirstMark *m;

	/* lang, the flags and the key: a mark's identity but its bits */
	idlen = (size_t) snprintf(id, 8, "%.3s%c", lang, 1 + (cldr ? 1 : 0) + (lower ? 2 : 0));
	memcpy(id + idlen, key->buf, n);
	idlen += n;
	old = strmap_get(&lex->mark_index, id, idlen);
	if (old >= 0 && lex->marks[old].bits == bits)
		return true;
	if (lex->nmarks == lex->capmarks)
	{
		int32_t		cap = lex->capmarks * 2 + 1024;
		LexFirstMark *a = realloc(lex->marks, (size_t) cap * sizeof(LexFirstMark));

		if (!a)
			return false;
		lex->marks = a;
		lex->capmarks = cap;
	}
	m = &lex->marks[lex->nmarks];
	if (old >= 0)
		m->key = lex->marks[old].key;
	else if (!(m->key = ent_lexicon_strdup(lex, key->buf, n)))
		return false;
	m->len = (uint32_t) n;
	m->bits = bits;
	snprintf(m->lang, sizeof(m->lang), "%s", lang);
	m->cldr = cldr;
	m->lower = lower;
	if (!strmap_put(&lex->mark_index, id, idlen, lex->nmarks))
		return false;
	lex->nmarks++;
	return true;
}

/*
 * Cue words (dates, money, organization cues) belong to one language:
 * their first words also carry a mask of the languages they start a word
 * in, so that "de" or "in" is not looked up as a cue word in a language
 * that has no such word.
 */
uint32_t
ent_lang_bit(const char *lang)
{
	static const char *const langs[] = {
		"vi", "en", "it", "pl", "cs", "ru", "uk", "fr", "de", "es", "pt",
		"nl", "ro", "tr", "sk", "sl", "hr", "sr", "bg", "be", "id", "hu"
	};

	if (lang[0] == '*' || lang[0] == '\0')
		return FIRST_LANGS_ALL;
	for (int i = 0; i < (int) (sizeof(langs) / sizeof(langs[0])); i++)
		if (strcmp(lang, langs[i]) == 0)
			return (uint32_t) 1 << (FIRST_LANG_SHIFT + i);
	return FIRST_LANG_OTHER;
}

static bool
AddPhraseKey(Lexicon *lex, StrMap *keys, const char *phrase,
			 int32_t idx, int32_t *next, const char *lang, int32_t bit,
			 EntError *err)
{
	Key			key;

	if (!MakeKey(phrase, &key, strcmp(lang, "vi") == 0, err))
		return err->status == ENT_OK;
	if (bit && !MarkFirst(lex, &key, (bit & FIRST_WORD) ? bit | (int32_t) ent_lang_bit(lang) : bit,
						  lang, false, false))
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	*next = ent_phrase_head(strmap_get(keys, key.buf, key.len));
	if (!PhraseSetHead(keys, key.buf, key.len, idx))
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	for (int i = 0; i + 1 < key.ntok; i++)
		if (!PhraseSetMore(keys, key.buf, key.cuts[i]))
			return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	return true;
}

static bool
RowTitle(Lexicon *lex, char **f, int nf, const char *rule, EntError *err)
{
	LexTitle   *t;

	lex->titles = realloc(lex->titles, (lex->ntitles + 1) * sizeof(LexTitle));
	if (!lex->titles)
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	t = &lex->titles[lex->ntitles];
	snprintf(t->lang, sizeof(t->lang), "%s", f[0]);
	t->role = Dup(lex, f[2]);
	t->flags = (strstr(f[3], "honorific") ? TITLE_HONORIFIC : 0) |
		(strstr(f[3], "country_after") ? TITLE_COUNTRY_AFTER : 0) |
		(strstr(f[3], "institution") ? TITLE_INSTITUTION : 0);
	if (!AddPhraseKey(lex, &lex->title_keys, f[1],
					  lex->ntitles, &t->next, f[0], FIRST_TITLE, err))
		return false;
	lex->ntitles++;
	return true;
}

static bool
RowBody(Lexicon *lex, char **f, int nf, const char *rule, EntError *err)
{
	LexBody    *b;

	lex->bodies = realloc(lex->bodies, (lex->nbodies + 1) * sizeof(LexBody));
	if (!lex->bodies)
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	b = &lex->bodies[lex->nbodies];
	snprintf(b->lang, sizeof(b->lang), "%s", f[0]);
	b->canonical = Dup(lex, f[2]);
	b->position = strcmp(f[3], "before") == 0 ? 2 : strcmp(f[3], "both") == 0 ? 3 : 1;
	if (!AddPhraseKey(lex, &lex->body_keys, f[1],
					  lex->nbodies, &b->next, f[0], FIRST_BODY, err))
		return false;
	lex->nbodies++;
	return true;
}

static LexWord *
NewWord(Lexicon *lex, EntError *err)
{
	if (lex->nwords == lex->capwords)
	{
		int32_t		cap = lex->capwords * 2 + 256;
		LexWord    *a = realloc(lex->words, cap * sizeof(LexWord));

		if (!a)
		{
			ent_fail(err, ENT_ERR_NOMEM, "out of memory");
			return NULL;
		}
		lex->words = a;
		lex->capwords = cap;
	}
	memset(&lex->words[lex->nwords], 0, sizeof(LexWord));
	return &lex->words[lex->nwords];
}

static bool
AddWord(Lexicon *lex, const char *lang, const char *phrase, uint8_t type,
		int32_t ival, double dval, const char *code, EntError *err)
{
	LexWord    *w = NewWord(lex, err);

	if (!w)
		return false;
	snprintf(w->lang, sizeof(w->lang), "%s", lang);
	w->type = type;
	w->ival = ival;
	w->dval = dval;
	snprintf(w->code, sizeof(w->code), "%s", code ? code : "");
	/*
	 * A word that only opens a range is mostly something else (French,
	 * Spanish "de"): it is not marked as a cue word, which would send every
	 * "de" through the date patterns; they ask for it before a number.
	 */
	if (!AddPhraseKey(lex, &lex->word_keys, phrase, lex->nwords, &w->next, lang,
					  type == WORD_RANGE_FROM ? 0 : ent_word_first_bits(type, type), err))
		return false;
	lex->nwords++;
	return true;
}

static bool FoldInto(const char *s, char *out, size_t cap, size_t *outlen,
					 EntError *err);

static bool
RowDate(Lexicon *lex, char **f, int nf, const char *rule, EntError *err)
{
	static const struct
	{
		const char *name;
		uint8_t		type;
	}			simple[] =
	{
		{"year_prefix", WORD_YEAR_PREFIX}, {"year_suffix", WORD_YEAR_SUFFIX},
		{"years_prefix", WORD_YEARS_PREFIX}, {"decade_prefix", WORD_DECADE_PREFIX},
		{"since", WORD_SINCE}, {"until", WORD_UNTIL}, {"range_and", WORD_RANGE_AND},
		{"range_from", WORD_RANGE_FROM}, {"range_to", WORD_RANGE_TO},
		{"years_suffix", WORD_YEARS_SUFFIX},
		{"early", WORD_EARLY}, {"mid", WORD_MID}, {"late", WORD_LATE},
		{"month_prefix", WORD_MONTH_PREFIX}, {"day_prefix", WORD_DAY_PREFIX},
		{"last", WORD_LAST}, {"next", WORD_NEXT},
	};
	const char *m = f[2];
	const char *colon = strchr(m, ':');

	if (strcmp(m, "decade_suffix") == 0)
	{
		size_t		n;
		int			k = lex->ndecade_suffix;

		if (k == (int) (sizeof(lex->decade_suffix) / sizeof(lex->decade_suffix[0])))
			return ent_fail(err, ENT_ERR_DATA, "%s: too many decade endings", rule);
		if (!FoldInto(f[1], lex->decade_suffix[k].text,
					  sizeof(lex->decade_suffix[k].text), &n, err) || n == 0)
			return ent_fail(err, ENT_ERR_DATA, "%s: bad decade ending \"%s\"", rule, f[1]);
		snprintf(lex->decade_suffix[k].lang, sizeof(lex->decade_suffix[k].lang), "%s", f[0]);
		lex->decade_suffix[k].len = (uint8_t) n;
		lex->ndecade_suffix++;
		return true;
	}

	if (colon)
	{
		uint8_t		type;
		size_t		n = colon - m;

		if (n == 3 && strncmp(m, "day", 3) == 0)
			type = WORD_DAY;
		else if (n == 4 && strncmp(m, "week", 4) == 0)
			type = WORD_WEEK;
		else if (n == 5 && strncmp(m, "month", 5) == 0)
			type = WORD_MONTH_REL;
		else if (n == 4 && strncmp(m, "year", 4) == 0)
			type = WORD_YEAR_REL;
		else
			return ent_fail(err, ENT_ERR_DATA, "%s: unknown meaning \"%s\"", rule, m);
		return AddWord(lex, f[0], f[1], type, atoi(colon + 1), 0, NULL, err);
	}
	for (size_t i = 0; i < sizeof(simple) / sizeof(simple[0]); i++)
		if (strcmp(simple[i].name, m) == 0)
			return AddWord(lex, f[0], f[1], simple[i].type, 0, 0, NULL, err);
	/* unknown meanings are skipped: the file may grow ahead of the engine */
	return true;
}

static bool
RowMoney(Lexicon *lex, char **f, int nf, const char *rule, EntError *err)
{
	if (strcmp(f[2], "scale") == 0 || strcmp(f[2], "scale_abbrev") == 0)
	{
		double		v = strtod(f[3], NULL);

		if (v <= 0)
			return ent_fail(err, ENT_ERR_DATA, "%s: bad scale \"%s\"", rule, f[3]);
		return AddWord(lex, f[0], f[1],
					   strcmp(f[2], "scale") == 0 ? WORD_SCALE : WORD_SCALE_ABBREV,
					   0, v, NULL, err);
	}
	if (strcmp(f[2], "currency") == 0)
	{
		if (strlen(f[3]) != 3)
			return ent_fail(err, ENT_ERR_DATA, "%s: bad currency \"%s\"", rule, f[3]);
		return AddWord(lex, f[0], f[1], WORD_CURRENCY, 0, 0, f[3], err);
	}
	return true;
}

static bool
RowOrgCue(Lexicon *lex, char **f, int nf, const char *rule, EntError *err)
{
	uint8_t		type;

	if (strcmp(f[2], "suffix") == 0)
		type = WORD_ORG_SUFFIX;
	else if (strcmp(f[2], "prefix") == 0)
		type = WORD_ORG_PREFIX;
	else if (strcmp(f[2], "place") == 0)
		type = WORD_PLACE_PREP;
	else if (strcmp(f[2], "head") == 0)
		type = WORD_ORG_HEAD;
	else if (strcmp(f[2], "vessel") == 0)
		type = WORD_VESSEL;
	else if (strcmp(f[2], "vessel_prefix") == 0)
		type = WORD_VESSEL_PREFIX;
	else
		return ent_fail(err, ENT_ERR_DATA, "%s: unknown cue type \"%s\"", rule, f[2]);
	return AddWord(lex, f[0], f[1], type, 0, 0, NULL, err);
}

static bool
FoldInto(const char *s, char *out, size_t cap, size_t *outlen, EntError *err)
{
	EntBuf		b;
	bool		ok;

	entbuf_init(&b, strlen(s) + 8);
	ok = ent_fold(s, strlen(s), &b, err) && b.len < cap;
	if (ok)
	{
		memcpy(out, b.data, b.len);
		out[b.len] = '\0';
		*outlen = b.len;
	}
	ent_free(b.data);
	return ok;
}

static bool
RowCue(Lexicon *lex, char **f, int nf, const char *rule, EntError *err)
{
	LexCue	   *c;
	char		folded[256];
	size_t		n;

	if (!FoldInto(f[1], folded, sizeof(folded), &n, err) || n == 0)
		return err->status == ENT_OK;
	lex->cues = realloc(lex->cues, (lex->ncues + 1) * sizeof(LexCue));
	if (!lex->cues)
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	c = &lex->cues[lex->ncues++];
	snprintf(c->lang, sizeof(c->lang), "%s", f[0]);
	c->type = strcmp(f[2], "prefix") == 0 ? CUE_PREFIX :
		strcmp(f[2], "contains") == 0 ? CUE_CONTAINS : CUE_SEPARATOR;
	/* a separator is matched on the raw line */
	if (c->type == CUE_SEPARATOR)
		c->text = Dup(lex, f[1]), c->len = strlen(f[1]);
	else
		c->text = ent_lexicon_strdup(lex, folded, n), c->len = n;
	c->colon = c->text && memchr(c->text, ':', c->len) != NULL;
	return true;
}

/*
 * RowGiven: given names are keyed by their fold and stored as 1; Vietnamese
 * names by their Vietnamese key, family names as 2 and given names as 3
 * (Vietnamese names are recognised family name first).
 */
static bool
RowGiven(Lexicon *lex, char **f, int nf, const char *rule, EntError *err)
{
	char		folded[256];
	size_t		n;
	int32_t		value = strcmp(f[2], "family") == 0 ? 2 : 1;

	if (strcmp(f[0], "vi") == 0)
	{
		EntBuf		b;

		entbuf_init(&b, strlen(f[1]) + 8);
		if (!ent_vikey(f[1], strlen(f[1]), &b, err) || b.len >= sizeof(folded))
		{
			ent_free(b.data);
			return err->status == ENT_OK;
		}
		memcpy(folded, b.data, b.len);
		n = b.len;
		ent_free(b.data);
		if (value == 1)
			value = 3;
	}
	else if (!FoldInto(f[1], folded, sizeof(folded), &n, err) || n == 0)
		return err->status == ENT_OK;
	if (strmap_get(&lex->given_names, folded, n) == 1 && value == 3)
		return true;			/* keep an international given name */
	if (!strmap_put(&lex->given_names, folded, n, value))
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	if (value == 1 && (f[2][0] == 'm' || f[2][0] == 'f'))
	{
		int32_t		sex = strmap_get(&lex->given_sex, folded, n);

		if (!strmap_put(&lex->given_sex, folded, n,
						(sex < 0 ? 0 : sex) | (f[2][0] == 'm' ? 1 : 2)))
			return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	}
	ent_bloom_add(lex->bloom_given, 16, strmap_hash(folded, n));
	ent_prefix_add(lex->pfx_given, 16, folded, n);
	return true;
}

static bool
RowStopAcronym(Lexicon *lex, char **f, int nf, const char *rule, EntError *err)
{
	char		folded[256];
	size_t		n;

	if (!FoldInto(f[1], folded, sizeof(folded), &n, err) || n == 0)
		return err->status == ENT_OK;
	if (!strmap_put(&lex->stop_acronyms, folded, n, 1))
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	return true;
}

static bool
RowRule(Lexicon *lex, char **f, int nf, const char *rule, EntError *err)
{
	LexRule    *r;
	char		suf[64],
				rep[64];
	size_t		sl = 0,
				rl = 0;

	if (!FoldInto(f[2], suf, sizeof(suf), &sl, err) || sl == 0)
		return ent_fail(err, ENT_ERR_DATA, "%s: empty suffix", rule);
	if (f[3][0] && f[3][0] != '-' && !FoldInto(f[3], rep, sizeof(rep), &rl, err))
		return false;
	if (f[3][0] == '-' || !f[3][0])
		rl = 0, rep[0] = '\0';
	lex->rules = realloc(lex->rules, (lex->nrules + 1) * sizeof(LexRule));
	if (!lex->rules)
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	r = &lex->rules[lex->nrules++];
	snprintf(r->lang, sizeof(r->lang), "%s", f[0]);
	r->type = strcmp(f[1], "adj") == 0 ? RULE_ADJ :
		strcmp(f[1], "noun") == 0 ? RULE_NOUN : RULE_ANY;
	r->suffix = ent_lexicon_strdup(lex, suf, sl);
	r->suffix_len = (uint8_t) sl;
	r->repl = ent_lexicon_strdup(lex, rep, rl);
	r->repl_len = (uint8_t) rl;
	return true;
}

static bool
RowNameForm(Lexicon *lex, char **f, int nf, const char *rule, EntError *err)
{
	LexNameForm *r;
	char		ef[64],
				nfold[64];
	size_t		el = 0,
				nl = 0;
	bool		block = strcmp(f[5], "!") == 0;
	const char *nom = strcmp(f[5], "-") == 0 || block ? "" : f[5];
	int			g = lex->nname_form_langs - 1;

	if ((strcmp(f[1], "m") != 0 && strcmp(f[1], "f") != 0) ||
		strlen(f[2]) != 3 ||
		(strcmp(f[3], "given") != 0 && strcmp(f[3], "surname") != 0) ||
		!f[4][0] || strlen(f[4]) >= 64 || strlen(nom) >= 64 || strlen(f[0]) >= 4)
		return ent_fail(err, ENT_ERR_DATA,
						"%s: expected language, m or f, a three-letter case, given or surname, an ending and its nominative",
						rule);
	/* a language's rows are read as one range */
	if (g < 0 || strcmp(lex->name_form_langs[g].lang, f[0]) != 0)
	{
		for (int k = 0; k <= g; k++)
			if (strcmp(lex->name_form_langs[k].lang, f[0]) == 0)
				return ent_fail(err, ENT_ERR_DATA,
								"%s: the rows of language \"%s\" must be together",
								rule, f[0]);
		if (++g >= (int) (sizeof(lex->name_form_langs) / sizeof(lex->name_form_langs[0])))
			return ent_fail(err, ENT_ERR_DATA, "%s: too many languages", rule);
		snprintf(lex->name_form_langs[g].lang, 4, "%s", f[0]);
		lex->name_form_langs[g].lo = lex->nname_forms;
		lex->nname_form_langs = g + 1;
	}
	if (!FoldInto(f[4], ef, sizeof(ef), &el, err) ||
		(nom[0] && !FoldInto(nom, nfold, sizeof(nfold), &nl, err)))
		return ent_fail(err, ENT_ERR_DATA, "%s: an ending that cannot be folded", rule);
	r = realloc(lex->name_forms, (lex->nname_forms + 1) * sizeof(LexNameForm));
	if (!r)
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	lex->name_forms = r;
	r = &lex->name_forms[lex->nname_forms++];
	lex->name_form_langs[g].hi = lex->nname_forms;
	r->line = lex->nname_forms;
	r->sex = f[1][0];
	memcpy(r->gcase, f[2], 4);
	r->part = strcmp(f[3], "given") == 0 ? NAME_GIVEN : NAME_SURNAME;
	r->block = block;
	r->ending = ent_lexicon_strdup(lex, f[4], strlen(f[4]));
	r->ending_len = (uint8_t) strlen(f[4]);
	r->nom = ent_lexicon_strdup(lex, nom, strlen(nom));
	r->nom_len = (uint8_t) strlen(nom);
	r->ending_fold = ent_lexicon_strdup(lex, ef, el);
	r->ending_fold_len = (uint8_t) el;
	r->nom_fold = ent_lexicon_strdup(lex, nfold, nl);
	r->nom_fold_len = (uint8_t) nl;
	return r->ending && r->nom && r->ending_fold && r->nom_fold ? true :
		ent_fail(err, ENT_ERR_NOMEM, "out of memory");
}

static int
CompareNameForms(const void *a, const void *b)
{
	const LexNameForm *x = a,
			   *y = b;
	int			d;

	if ((d = (x->group_line > y->group_line) - (x->group_line < y->group_line)) != 0)
		return d;
	if (x->part != y->part)
		return x->part < y->part ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/*
 * SortNameForms puts each language's rows of one sex and case together,
 * in the order the file first names them, given names first, in file order
 * within, and marks on the first row of each sex and case where its given
 * names end and its surnames end.
 */
static void
SortNameForms(Lexicon *lex)
{
	for (int g = 0; g < lex->nname_form_langs; g++)
	{
		int32_t		lo = lex->name_form_langs[g].lo,
					hi = lex->name_form_langs[g].hi;
		LexNameForm *r = lex->name_forms;

		for (int32_t k = lo; k < hi; k++)
			for (int32_t j = lo; j <= k; j++)
				if (r[j].sex == r[k].sex && memcmp(r[j].gcase, r[k].gcase, 4) == 0)
				{
					r[k].group_line = r[j].line;
					break;
				}
		qsort(r + lo, hi - lo, sizeof(LexNameForm), CompareNameForms);
		for (int32_t k = lo; k < hi;)
		{
			int32_t		e = k,
						gh;

			while (e < hi && r[e].sex == r[k].sex && memcmp(r[e].gcase, r[k].gcase, 4) == 0)
				e++;
			for (gh = k; gh < e && r[gh].part == NAME_GIVEN; gh++)
				;
			r[k].given_hi = gh;
			r[k].surname_hi = e;
			k = e;
		}
	}
}

/* ----------------------------------------------------------------
 * ICU's CLDR data
 * ----------------------------------------------------------------
 */
static bool
U16ToUtf8(const UChar *u, int32_t n, char *out, size_t cap)
{
	UErrorCode	st = U_ZERO_ERROR;
	int32_t		len;

	u_strToUTF8(out, (int32_t) cap, &len, u, n, &st);
	return U_SUCCESS(st) && st != U_STRING_NOT_TERMINATED_WARNING && (size_t) len < cap;
}

/* Region codes in CLDR that are not countries or places. */
static bool
SkipRegion(const char *code)
{
	static const char *const skip[] = {
		"001", "EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "XK", NULL
	};

	for (const char *const *s = skip; *s; s++)
		if (strcmp(*s, code) == 0)
			return true;
	return false;
}

/*
 * AddRegions adds the region and country names of locale lang from ICU's
 * region bundle (names, short and variant forms).
 */
static bool
AddRegions(Lexicon *lex, const char *lang, EntError *err)
{
	static const char *const tables[] = {"Countries", "Countries%short", "Countries%variant"};
	UErrorCode	st = U_ZERO_ERROR;
	UResourceBundle *rb = ures_open(ENT_ICUDATA_REGION, lang, &st);
	UResourceBundle *en = NULL;
	UResourceBundle *en_countries = NULL;
	char		rule[32];
	bool		ok = true;

	if (U_FAILURE(st))
		return true;			/* ICU has no data for lang: nothing to add */
	snprintf(rule, sizeof(rule), "cldr:%s", lang);
	st = U_ZERO_ERROR;
	en = ures_open(ENT_ICUDATA_REGION, "en", &st);
	en_countries = ures_getByKey(en, "Countries", NULL, &st);
	for (size_t t = 0; t < 3 && ok; t++)
	{
		UErrorCode	st2 = U_ZERO_ERROR;
		UResourceBundle *tab = ures_getByKey(rb, tables[t], NULL, &st2);

		if (U_FAILURE(st2))
		{
			ures_close(tab);
			continue;
		}
		while (ok && ures_hasNext(tab))
		{
			UErrorCode	st3 = U_ZERO_ERROR;
			const char *code = NULL;
			int32_t		len;
			const UChar *name = ures_getNextString(tab, &len, &code, &st3);
			char		utf8[256];
			int32_t		e;

			if (U_FAILURE(st3) || !code || SkipRegion(code) ||
				!U16ToUtf8(name, len, utf8, sizeof(utf8)))
				continue;
			if (strlen(code) == 2 && isalpha((unsigned char) code[0]))
			{
				const LexCountryInfo *ci = ent_lexicon_country(lex, code);

				if (!ci)
					continue;	/* not a country ententes knows */
				e = GetEntity(lex, ENT_COUNTRY, code, ci->name, code, err);
			}
			else if (isdigit((unsigned char) code[0]) && strstr(
					"002 142 150 009 143 034 035 030 145 151 155 039 154 419 005 "
					"003 013 029 015 202 053 011 014 017 018 057", code))
			{
				/* a continent or region: its English name is the id */
				UErrorCode	st4 = U_ZERO_ERROR;
				int32_t		elen;
				const UChar *ename = ures_getStringByKey(en_countries, code, &elen, &st4);
				char		eutf8[256];

				if (U_FAILURE(st4) || !U16ToUtf8(ename, elen, eutf8, sizeof(eutf8)))
					continue;
				e = FindByAlias(lex, ENT_PLACE, eutf8, err);
				if (e < 0)
					e = GetEntity(lex, ENT_PLACE, eutf8, NULL, "", err);
			}
			else
				continue;
			ok = e >= 0 && AddAlias(lex, e, lang, utf8, AL_CLDR,
									Dup(lex, rule), err);
		}
		ures_close(tab);
	}
	ures_close(en_countries);
	ures_close(en);
	ures_close(rb);
	return ok;
}

/*
 * The canonical zones of each country, listed once per process: asking ICU
 * country by country scans every zone each time.
 */
typedef struct ZoneCountry
{
	char		zone[64];
	char		country[3];
} ZoneCountry;

static ZoneCountry *zone_list = NULL;
static int	nzones = 0;

/*
 * LoadZones reads zone names and their regions from ICU's zoneinfo64
 * bundle ("Names" and "Regions" are parallel arrays); asking ICU country by
 * country instead scans every zone each time and costs tens of ms.
 */
static bool
LoadZones(const Lexicon *lex, EntError *err)
{
	UErrorCode	st = U_ZERO_ERROR;
	UResourceBundle *top;
	UResourceBundle *names;
	UResourceBundle *regions;
	int32_t		n;

	if (zone_list)
		return true;
	top = ures_openDirect(NULL, "zoneinfo64", &st);
	names = ures_getByKey(top, "Names", NULL, &st);
	regions = ures_getByKey(top, "Regions", NULL, &st);
	n = U_SUCCESS(st) ? ures_getSize(names) : 0;
	if (n > 0 && ures_getSize(regions) == n)
		zone_list = malloc(n * sizeof(ZoneCountry));
	for (int32_t i = 0; zone_list && i < n; i++)
	{
		UErrorCode	st2 = U_ZERO_ERROR;
		int32_t		nl,
					rl;
		const UChar *name = ures_getStringByIndex(names, i, &nl, &st2);
		const UChar *region = ures_getStringByIndex(regions, i, &rl, &st2);

		if (U_FAILURE(st2) || rl != 2 || nl >= (int32_t) sizeof(zone_list[0].zone))
			continue;
		u_UCharsToChars(name, zone_list[nzones].zone, nl);
		zone_list[nzones].zone[nl] = '\0';
		u_UCharsToChars(region, zone_list[nzones].country, 2);
		zone_list[nzones].country[2] = '\0';
		nzones++;
	}
	ures_close(regions);
	ures_close(names);
	ures_close(top);
	if (n > 0 && !zone_list)
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	(void) lex;
	return true;
}

/*
 * AddCities adds the time-zone exemplar cities of every country, named in
 * lang (and in English, the canonical form).
 */
static bool
AddCities(Lexicon *lex, const char *lang, EntError *err)
{
	UErrorCode	st = U_ZERO_ERROR;
	UResourceBundle *rb;
	UResourceBundle *zs;
	char		rule[32];
	bool		ok = true;

	if (!LoadZones(lex, err))
		return false;
	rb = ures_open(ENT_ICUDATA_ZONE, lang, &st);
	zs = ures_getByKey(rb, "zoneStrings", NULL, &st);
	snprintf(rule, sizeof(rule), "cldr-city:%s", lang);
	if (U_FAILURE(st))
	{
		ures_close(zs);
		ures_close(rb);
		return true;
	}
	for (int zi = 0; zi < nzones && ok; zi++)
	{
		const char *zid = zone_list[zi].zone;
		const char *code = zone_list[zi].country;
		char		key[128];
		char		english[128];
		char		local[256];
		const char *last = strrchr(zid, '/');
		UErrorCode	st3 = U_ZERO_ERROR;
		UResourceBundle *z;
		int32_t		len;
		const UChar *ec;
		int32_t		e;

		if (!ent_lexicon_country(lex, code))
			continue;
		/* canonical zones of a continent, one level: Europe/Moscow */
		if (!last || strchr(zid, '/') != last ||
			!(strncmp(zid, "Africa/", 7) == 0 || strncmp(zid, "America/", 8) == 0 ||
			  strncmp(zid, "Asia/", 5) == 0 || strncmp(zid, "Atlantic/", 9) == 0 ||
			  strncmp(zid, "Australia/", 10) == 0 || strncmp(zid, "Europe/", 7) == 0 ||
			  strncmp(zid, "Indian/", 7) == 0 || strncmp(zid, "Pacific/", 8) == 0))
			continue;
		snprintf(english, sizeof(english), "%s", last + 1);
		for (char *p = english; *p; p++)
			if (*p == '_')
				*p = ' ';
		snprintf(key, sizeof(key), "%s", zid);
		for (char *p = key; *p; p++)
			if (*p == '/')
				*p = ':';
		z = ures_getByKey(zs, key, NULL, &st3);
		ec = U_SUCCESS(st3) ? ures_getStringByKey(z, "ec", &len, &st3) : NULL;
		ures_close(z);
		/* a zone named after its country (America/Dominica) is no city */
		if (FindByAlias(lex, ENT_COUNTRY, english, err) >= 0)
			continue;
		/* cities named after their zone in English too */
		e = ent_lexicon_entity(lex, ENT_PLACE, english);
		if (e < 0)
			e = FindByAlias(lex, ENT_PLACE, english, err);
		if (e < 0)
			e = GetEntity(lex, ENT_PLACE, english, NULL, code, err);
		if (e < 0)
		{
			ok = false;
			break;
		}
		if (strcmp(lang, "en") == 0)
			ok = AddAlias(lex, e, "en", english, AL_CLDR, Dup(lex, rule), err);
		if (ok && ec && U_SUCCESS(st3) && U16ToUtf8(ec, len, local, sizeof(local)))
			ok = AddAlias(lex, e, lang, local, AL_CLDR, Dup(lex, rule), err);
	}
	ures_close(zs);
	ures_close(rb);
	return ok;
}

/*
 * AddCalendarWords adds the month and weekday names of lang, in every form
 * ICU has (format and stand-alone, wide and abbreviated).
 */
static bool
AddCalendarWords(Lexicon *lex, const char *lang, EntError *err)
{
	static const UDateFormatSymbolType months[] = {
		UDAT_MONTHS, UDAT_SHORT_MONTHS, UDAT_STANDALONE_MONTHS,
		UDAT_STANDALONE_SHORT_MONTHS
	};
	static const UDateFormatSymbolType days[] = {
		UDAT_WEEKDAYS, UDAT_STANDALONE_WEEKDAYS, UDAT_SHORT_WEEKDAYS
	};
	UErrorCode	st = U_ZERO_ERROR;
	UDateFormat *df = udat_open(UDAT_DEFAULT, UDAT_DEFAULT, lang, NULL, 0,
								NULL, 0, &st);
	bool		ok = true;

	if (U_FAILURE(st))
		return true;
	for (size_t t = 0; t < 4 && ok; t++)
		for (int i = 0; i < 12 && ok; i++)
		{
			UChar		u[64];
			char		s[128];
			UErrorCode	st2 = U_ZERO_ERROR;
			int32_t		n = udat_getSymbols(df, months[t], i, u, 64, &st2);

			if (U_FAILURE(st2) || n <= 1 || !U16ToUtf8(u, n, s, sizeof(s)))
				continue;
			/* "janv." -> "janv" */
			if (s[strlen(s) - 1] == '.')
				s[strlen(s) - 1] = '\0';
			if (strlen(s) < 3 && strcmp(lang, "vi") != 0)
				continue;
			ok = AddWord(lex, lang, s, WORD_MONTH_NAME, i + 1, 0, NULL, err);
		}
	for (size_t t = 0; t < 3 && ok; t++)
		for (int i = 1; i <= 7 && ok; i++)
		{
			UChar		u[64];
			char		s[128];
			UErrorCode	st2 = U_ZERO_ERROR;
			int32_t		n = udat_getSymbols(df, days[t], i, u, 64, &st2);

			if (U_FAILURE(st2) || n <= 2 || !U16ToUtf8(u, n, s, sizeof(s)))
				continue;
			if (s[strlen(s) - 1] == '.')
				s[strlen(s) - 1] = '\0';
			if (strlen(s) < 3)
				continue;
			ok = AddWord(lex, lang, s, WORD_WEEKDAY, i, 0, NULL, err);
		}
	udat_close(df);
	return ok;
}

/*
 * ent_lexicon_need_lang: see lexicon.h.
 */
bool
ent_lexicon_need_lang(Lexicon *lex, const char *lang, EntError *err)
{
	if (!lang || !lang[0])
		return true;
	for (int i = 0; i < lex->ncldr_langs; i++)
		if (strcmp(lex->cldr_langs[i], lang) == 0)
			return true;
	if (lex->ncldr_langs == 64)
		return true;			/* enough languages: stop growing */
	snprintf(lex->cldr_langs[lex->ncldr_langs], 4, "%s", lang);
	lex->ncldr_langs++;
	return AddRegions(lex, lang, err) &&
		AddCities(lex, lang, err) &&
		AddCalendarWords(lex, lang, err);
}

/*
 * ent_lexicon_compact_aliases: see lexicon.h.  Aliases are added as files,
 * CLDR languages and user entries come, each at the head of its key's
 * chain, so a chain is spread over the whole array: a walk that meets a key
 * for the first time in an article touched a cache line per alias.
 */
void
ent_lexicon_compact_aliases(Lexicon *lex)
{
	LexAlias   *arr;
	int32_t		n = 0;

	if (lex->compact_aliases == lex->naliases)
		return;
	/* every alias is on the chain of its key: count before moving any */
	for (size_t i = 0; i < lex->keys.size; i++)
		if (lex->keys.slots[i].hash)
			for (int32_t a = ent_phrase_head(lex->keys.slots[i].value); a >= 0;
				 a = lex->aliases[a].next)
				n++;
	if (n != lex->naliases ||
		(arr = malloc((size_t) lex->capaliases * sizeof(LexAlias))) == NULL)
	{
		/* left as they are, and not tried again for every article */
		lex->compact_aliases = lex->naliases;
		return;
	}
	n = 0;
	for (size_t i = 0; i < lex->keys.size; i++)
	{
		StrMapSlot *slot = &lex->keys.slots[i];
		int32_t		head;

		if (!slot->hash || (head = ent_phrase_head(slot->value)) < 0)
			continue;
		slot->value = (slot->value & PHRASE_MORE) | n;
		for (int32_t a = head; a >= 0; a = lex->aliases[a].next)
		{
			arr[n] = lex->aliases[a];
			arr[n].next = lex->aliases[a].next >= 0 ? n + 1 : -1;
			n++;
		}
	}
	free(lex->aliases);
	lex->aliases = arr;
	lex->compact_aliases = n;
}

/* ----------------------------------------------------------------
 * Build and free
 * ----------------------------------------------------------------
 */
static void FreeLangIndex(LexLangIndex *x);

Lexicon *
ent_lexicon_build(const char *datadir, EntError *err)
{
	Lexicon    *lex = calloc(1, sizeof(Lexicon));
	struct timespec t0,
				t1;
	bool		ok;

	if (!lex)
	{
		ent_fail(err, ENT_ERR_NOMEM, "out of memory");
		return NULL;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ok = strmap_init(&lex->keys, 1 << 15) &&
		strmap_init(&lex->mark_index, 1 << 15) &&
		strmap_init(&lex->entity_index, 1 << 13) &&
		strmap_init(&lex->title_keys, 512) &&
		strmap_init(&lex->body_keys, 256) &&
		strmap_init(&lex->word_keys, 1024) &&
		strmap_init(&lex->given_names, 2048) &&
		strmap_init(&lex->given_sex, 2048) &&
		strmap_init(&lex->stop_acronyms, 256) &&
		strmap_init(&lex->country_info_index, 512);
	if (!ok)
	{
		ent_lexicon_free(lex);
		ent_fail(err, ENT_ERR_NOMEM, "out of memory");
		return NULL;
	}
	ok = ent_lexicon_read_tsv(lex, datadir, "country_info.tsv", 4, true, RowCountryInfo, err) &&
		ent_lexicon_read_tsv(lex, datadir, "countries.tsv", 3, false, RowCountry, err);
	row_kind = ENT_PLACE;
	ok = ok && ent_lexicon_read_tsv(lex, datadir, "places.tsv", 4, false, RowNamed, err);
	ok = ok && ent_lexicon_read_tsv(lex, datadir, "regions.tsv", 4, false, RowNamed, err);
	row_kind = ENT_ORGANIZATION;
	ok = ok && ent_lexicon_read_tsv(lex, datadir, "organizations.tsv", 4, false, RowNamed, err) &&
		ent_lexicon_read_tsv(lex, datadir, "companies.tsv", 4, false, RowNamed, err);
	row_kind = ENT_PERSON;
	ok = ok && ent_lexicon_read_tsv(lex, datadir, "people.tsv", 4, false, RowNamed, err);
	row_kind = ENT_EQUIPMENT;
	ok = ok && ent_lexicon_read_tsv(lex, datadir, "equipment.tsv", 4, false, RowNamed, err);
	ok = ok && ent_lexicon_read_tsv(lex, datadir, "titles.tsv", 3, false, RowTitle, err) &&
		ent_lexicon_read_tsv(lex, datadir, "state_bodies.tsv", 4, false, RowBody, err) &&
		ent_lexicon_read_tsv(lex, datadir, "dates.tsv", 3, false, RowDate, err) &&
		ent_lexicon_read_tsv(lex, datadir, "money.tsv", 4, false, RowMoney, err) &&
		ent_lexicon_read_tsv(lex, datadir, "boilerplate.tsv", 3, false, RowCue, err) &&
		ent_lexicon_read_tsv(lex, datadir, "given_names.tsv", 3, false, RowGiven, err) &&
		ent_lexicon_read_tsv(lex, datadir, "given_names_foreign.tsv", 3, false, RowGiven, err) &&
		ent_lexicon_read_tsv(lex, datadir, "not_organizations.tsv", 2, false, RowStopAcronym, err) &&
		ent_lexicon_read_tsv(lex, datadir, "org_cues.tsv", 3, false, RowOrgCue, err) &&
		ent_lexicon_read_tsv(lex, datadir, "inflection.tsv", 4, true, RowRule, err) &&
		ent_lexicon_read_tsv(lex, datadir, "name_forms.tsv", 6, false, RowNameForm, err) &&
		(SortNameForms(lex), true) &&
		ent_rel_load(lex, datadir, err) &&
		ent_lexicon_need_lang(lex, "en", err);
	if (!ok)
	{
		ent_lexicon_free(lex);
		return NULL;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	lex->build_ms = (size_t) ((t1.tv_sec - t0.tv_sec) * 1000 +
							  (t1.tv_nsec - t0.tv_nsec) / 1000000);
	return lex;
}

void
ent_lexicon_free(Lexicon *lex)
{
	if (!lex)
		return;
	free(lex->entities);
	free(lex->aliases);
	strmap_free(&lex->keys);
	free(lex->marks);
	strmap_free(&lex->mark_index);
	strmap_free(&lex->entity_index);
	free(lex->titles);
	strmap_free(&lex->title_keys);
	free(lex->bodies);
	strmap_free(&lex->body_keys);
	free(lex->words);
	strmap_free(&lex->word_keys);
	strmap_free(&lex->given_names);
	strmap_free(&lex->given_sex);
	free(lex->name_forms);
	strmap_free(&lex->stop_acronyms);
	free(lex->rules);
	for (int i = 0; i < lex->nlang_index; i++)
		FreeLangIndex(lex->lang_index[i]);
	free(lex->cues);
	strmap_free(&lex->country_info_index);
	free(lex->country_info);
	ent_rel_free(lex->rel);
	for (int i = 0; i < lex->nblocks; i++)
		free(lex->blocks[i]);
	free(lex->blocks);
	free(lex);
}

/* ----------------------------------------------------------------
 * Suffix index of the inflection rules
 * ----------------------------------------------------------------
 */

/* SuffixChild returns the child of node (-1: the root) for byte b, or -1 */
static int32_t
SuffixChild(const LexLangIndex *x, int32_t node, uint8_t b)
{
	int32_t		c;

	if (node < 0)
		return x->root[b];
	for (c = x->nodes[node].child; c >= 0 && x->nodes[c].byte != b;
		 c = x->nodes[c].sibling)
		;
	return c;
}

/* FreeLangIndex frees x (which may be partly built, or NULL) */
static void
FreeLangIndex(LexLangIndex *x)
{
	if (!x)
		return;
	free(x->nodes);
	free(x->rule_ids);
	free(x->by_repl);
	free(x->cues);
	free(x->first.b);
	free(x->lower_forms.t.b);
	free(x->name_forms.t.b);
	free(x);
}

/* a rule's group in LexLangIndex.by_repl: 0 for an empty replacement, else
 * 1 + its last byte */
static inline int
ReplGroup(const LexRule *r)
{
	return r->repl_len == 0 ? 0 : 1 + (uint8_t) r->repl[r->repl_len - 1];
}

static LexLangIndex *
BuildLangIndex(const Lexicon *lex, const char *lang, EntError *err)
{
	LexLangIndex *x = calloc(1, sizeof(LexLangIndex));
	int32_t    *node_of = malloc(((size_t) lex->nrules + 1) * sizeof(int32_t));
	int32_t		cap = 64;
	int32_t		nids = 0;

	if (!x || !node_of || !(x->nodes = malloc(cap * sizeof(LexSuffixNode))))
		goto nomem;
	snprintf(x->lang, sizeof(x->lang), "%s", lang);
	x->lower_forms.lower = true;
	x->lower_forms.min_len = 4;
	x->name_forms.min_len = 3;
	for (int b = 0; b < 256; b++)
		x->root[b] = -1;
	/* the path of every rule's suffix, last byte first */
	for (int32_t r = 0; r < lex->nrules; r++)
	{
		const LexRule *rule = &lex->rules[r];
		int32_t		node = -1;

		node_of[r] = -1;
		if (strcmp(rule->lang, lang) != 0 || rule->suffix_len == 0)
			continue;
		for (int k = rule->suffix_len - 1; k >= 0; k--)
		{
			uint8_t		b = (uint8_t) rule->suffix[k];
			int32_t		c = SuffixChild(x, node, b);

			if (c < 0)
			{
				if (x->nnodes == cap)
				{
					LexSuffixNode *bigger;

					cap *= 2;
					if (!(bigger = realloc(x->nodes, cap * sizeof(LexSuffixNode))))
						goto nomem;
					x->nodes = bigger;
				}
				c = x->nnodes++;
				x->nodes[c].child = -1;
				x->nodes[c].nrules = 0;
				x->nodes[c].byte = b;
				if (node < 0)
				{
					x->nodes[c].sibling = -1;
					x->root[b] = c;
				}
				else
				{
					x->nodes[c].sibling = x->nodes[node].child;
					x->nodes[node].child = c;
				}
			}
			node = c;
		}
		node_of[r] = node;
		x->nodes[node].nrules++;
		nids++;
		{
			uint8_t    *m = &x->sfx_max[(uint8_t) rule->suffix[rule->suffix_len - 1]];
			size_t		len = rule->suffix_len < 255 ? rule->suffix_len : 255;

			if (len > *m)
				*m = (uint8_t) len;
		}
	}
	/* each node's rules side by side, in file order */
	if (!(x->rule_ids = malloc(((size_t) nids + 1) * sizeof(int32_t))))
		goto nomem;
	nids = 0;
	for (int32_t k = 0; k < x->nnodes; k++)
	{
		x->nodes[k].rule_start = nids;
		nids += x->nodes[k].nrules;
		x->nodes[k].nrules = 0;
	}
	for (int32_t r = 0; r < lex->nrules; r++)
		if (node_of[r] >= 0)
		{
			LexSuffixNode *nd = &x->nodes[node_of[r]];

			x->rule_ids[nd->rule_start + nd->nrules++] = r;
		}
	/* the same rules by the last byte of their replacement, for MarkForms */
	if (!(x->by_repl = malloc(((size_t) nids + 1) * sizeof(int32_t))))
		goto nomem;
	for (int32_t r = 0; r < lex->nrules; r++)
		if (node_of[r] >= 0)
			x->by_repl_at[ReplGroup(&lex->rules[r]) + 1]++;
	for (int g = 0; g < 257; g++)
		x->by_repl_at[g + 1] += x->by_repl_at[g];
	{
		int32_t		at[257];

		memcpy(at, x->by_repl_at, sizeof(at));
		for (int32_t r = 0; r < lex->nrules; r++)
			if (node_of[r] >= 0)
				x->by_repl[at[ReplGroup(&lex->rules[r])]++] = r;
	}
	free(node_of);
	node_of = NULL;
	/* the cues of the language and of every language */
	if (!(x->cues = malloc(((size_t) lex->ncues + 1) * sizeof(LexCue *))))
		goto nomem;
	for (int k = 0; k < lex->ncues; k++)
		if (lex->cues[k].lang[0] == '*' || strcmp(lex->cues[k].lang, lang) == 0)
			x->cues[x->ncues++] = &lex->cues[k];
	for (int k = 0; k < lex->nwords && !x->org_heads; k++)
		x->org_heads = lex->words[k].type == WORD_ORG_HEAD &&
			strcmp(lex->words[k].lang, lang) == 0;
	return x;

nomem:
	FreeLangIndex(x);
	free(node_of);
	ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	return NULL;
}

/* MarkFits: an article of language lang can match what mark m starts */
static bool
MarkFits(const LexFirstMark *m, const char *lang)
{
	if (m->bits & FIRST_WORD)
		return ((uint32_t) m->bits & ent_lang_bit(lang)) != 0;
	switch (m->bits & (FIRST_NAME | FIRST_TITLE | FIRST_BODY))
	{
		case FIRST_NAME:
			return ent_alias_lang_ok(m->lang, m->cldr, lang);
		case FIRST_TITLE:
			return m->lang[0] == '*' || ent_lang_eq(m->lang, lang) || !lang[0];
		case FIRST_BODY:
			return m->lang[0] == '*' || ent_lang_eq(m->lang, lang);
	}
	return false;
}

/* keys a table is sized for per bucket of LEX_BUCKET_KEYS, on average */
#define LEX_BUCKET_FILL 12

/* the buckets of a table for need keys (a table is never full, so a
 * lookup always ends) */
static size_t
FirstTableBuckets(uint32_t need)
{
	size_t		nb = 16;

	while (nb * LEX_BUCKET_FILL < need)
		nb *= 2;
	return nb;
}

/*
 * FirstTableSize replaces t by an empty table for need keys.  Returns false
 * with *err set on out of memory.
 */
static bool
FirstTableSize(LexFirstTable *t, uint32_t need, EntError *err)
{
	size_t		nb = FirstTableBuckets(need);
	LexFirstBucket *b;

	if (!(b = aligned_alloc(64, nb * sizeof(LexFirstBucket))))
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	memset(b, 0, nb * sizeof(LexFirstBucket));
	free(t->b);
	t->b = b;
	t->mask = (uint32_t) nb - 1;
	t->count = 0;
	return true;
}

/* FirstTablePut adds bits to those of the key with hash h */
static void
FirstTablePut(LexFirstTable *t, uint32_t h, uint8_t bits)
{
	uint16_t	fp = ent_first_fp(h);

	for (uint32_t i = h & t->mask;; i = (i + 1) & t->mask)
	{
		LexFirstBucket *b = &t->b[i];

		for (int k = 0; k < b->n; k++)
			if (b->fp[k] == fp)
			{
				b->bits[k] |= bits;
				return;
			}
		if (b->n < LEX_BUCKET_KEYS)
		{
			b->fp[b->n] = fp;
			b->bits[b->n++] = bits;
			t->count++;
			return;
		}
	}
}

/* ReadMarksFrom takes marks[marks_seen ..] into x (see ReadMarks) */
static void
ReadMarksFrom(const Lexicon *lex, LexLangIndex *x)
{
	for (; x->marks_seen < lex->nmarks; x->marks_seen++)
	{
		const LexFirstMark *m = &lex->marks[x->marks_seen];
		uint32_t	h;

		if (!MarkFits(m, x->lang))
			continue;
		h = strmap_hash(m->key, m->len);
		FirstTablePut(&x->first, h, (uint8_t) ((m->bits & 0x7F) |
											   ((m->bits & FIRST_NAME) && m->lower ?
												FIRST_LOWER : 0)));
		if (!(m->bits & FIRST_NAME))
			continue;
		ent_prefix_add(x->pfx_name, 16, m->key, m->len);
	}
}

/*
 * MarkForms adds to f the forms of mark m (when add is false, only counts
 * them) and returns how many there are: what extract.c's variants of a word
 * would take to m's key.  A rule of the language whose replacement ends the
 * key, over a stem of two bytes or more, gives the stem and the rule's
 * suffix, when neither the form nor the key is shorter than f's min_len or
 * as long as LEX_FORM_LEN.  The forms of lower-case words (f->lower) are
 * those of names that may start in lower case, by rules for adjectives.
 */
static uint32_t
MarkForms(const Lexicon *lex, const LexLangIndex *x, LexFormTable *f,
		  const LexFirstMark *m, bool add)
{
	uint32_t	n = 0;
	char		form[LEX_FORM_LEN];
	int32_t		from[2],
				to[2];

	if (!(m->bits & FIRST_NAME) || (f->lower && !m->lower) || m->len < f->min_len ||
		m->len >= LEX_FORM_LEN || !MarkFits(m, x->lang))
		return 0;
	/* the rules that may apply: those that remove their suffix, then those
	 * whose replacement ends with the key's last byte */
	from[0] = x->by_repl_at[0];
	to[0] = x->by_repl_at[1];
	from[1] = x->by_repl_at[1 + (uint8_t) m->key[m->len - 1]];
	to[1] = x->by_repl_at[2 + (uint8_t) m->key[m->len - 1]];
	for (int part = 0; part < 2; part++)
	{
		for (int32_t q = from[part]; q < to[part]; q++)
		{
			const LexRule *r = &lex->rules[x->by_repl[q]];
			size_t		stem;

			if ((f->lower && r->type == RULE_NOUN) || r->repl_len > m->len)
				continue;
			stem = m->len - r->repl_len;
			if (stem < 2 || stem + r->suffix_len < f->min_len ||
				stem + r->suffix_len >= LEX_FORM_LEN ||
				memcmp(m->key + stem, r->repl, r->repl_len) != 0)
				continue;
			n++;
			if (add)
			{
				memcpy(form, m->key, stem);
				memcpy(form + stem, r->suffix, r->suffix_len);
				FirstTablePut(&f->t, strmap_hash(form, stem + r->suffix_len), 1);
			}
		}
	}
	return n;
}

/* t has room for more keys than it holds (see FirstTableBuckets) */
static inline bool
TableFits(const LexFirstTable *t, uint32_t more)
{
	return t->b && t->count + more <= (t->mask + 1) * LEX_BUCKET_FILL;
}

/*
 * ReadAllMarks reads every mark anew into the first tokens of x (f NULL)
 * or into its form table f.
 */
static void
ReadAllMarks(const Lexicon *lex, LexLangIndex *x, LexFormTable *f)
{
	if (!f)
	{
		x->marks_seen = 0;
		ReadMarksFrom(lex, x);
		return;
	}
	for (f->seen = 0; f->seen < lex->nmarks; f->seen++)
		MarkForms(lex, x, f, &lex->marks[f->seen], true);
}

/*
 * Refill sizes x's first tokens (f NULL) or its form table f again and reads
 * every mark into it, when the keys it has and more new ones may not fit.
 * Keys repeat (marks share them: "New" York, "New" Delhi; two rules or two
 * names give one form), so the table first has room for all of them in full
 * buckets, and is sized again, and read again, only if the keys there are
 * need fewer buckets than that.  The tables keep no keys to move; a filter
 * or a table given a mark twice is unchanged.
 */
static bool
Refill(const Lexicon *lex, LexLangIndex *x, LexFormTable *f, uint32_t more,
	   EntError *err)
{
	LexFirstTable *t = f ? &f->t : &x->first;

	for (int pass = 0; pass < 2; pass++)
	{
		uint32_t	need = pass == 0 ?
			(uint32_t) (((uint64_t) t->count + more) * LEX_BUCKET_FILL / LEX_BUCKET_KEYS + 1) :
			t->count;

		if (pass == 1 && FirstTableBuckets(need) == (size_t) t->mask + 1)
			break;
		if (!FirstTableSize(t, need, err))
			return false;
		ReadAllMarks(lex, x, f);
	}
	return true;
}

/*
 * ReadForms takes into f the forms of the marks added since it last read
 * them.  A language without rules has none, and no table.
 */
static bool
ReadForms(const Lexicon *lex, LexLangIndex *x, LexFormTable *f, EntError *err)
{
	uint32_t	more = 0;

	for (int32_t i = f->seen; i < lex->nmarks; i++)
		more += MarkForms(lex, x, f, &lex->marks[i], false);
	if (more > 0 && !TableFits(&f->t, more))
		return Refill(lex, x, f, more, err);
	for (int32_t i = f->seen; i < lex->nmarks && more > 0; i++)
		MarkForms(lex, x, f, &lex->marks[i], true);
	f->seen = lex->nmarks;
	return true;
}

/*
 * ReadMarks takes into x's first tokens and its form tables the marks added
 * to the lexicon since it last read them (all of them when x is new): a new
 * CLDR language or a user entry adds some after the index was built.
 */
static bool
ReadMarks(const Lexicon *lex, LexLangIndex *x, EntError *err)
{
	uint32_t	more = 0;

	for (int32_t i = x->marks_seen; i < lex->nmarks; i++)
		if (MarkFits(&lex->marks[i], x->lang))
			more++;
	if (TableFits(&x->first, more))
		ReadMarksFrom(lex, x);
	else if (!Refill(lex, x, NULL, more, err))
		return false;
	return ReadForms(lex, x, &x->lower_forms, err) &&
		ReadForms(lex, x, &x->name_forms, err);
}

/*
 * ent_lexicon_lang_index: see lexicon.h.  Languages past LEX_LANG_INDEXES
 * (codes no rule is written for) share the last slot, rebuilt when the
 * language changes.
 */
const LexLangIndex *
ent_lexicon_lang_index(Lexicon *lex, const char *lang, EntError *err)
{
	LexLangIndex *x;
	int			slot;

	for (int i = 0; i < lex->nlang_index; i++)
		if (strcmp(lex->lang_index_code[i], lang) == 0)
		{
			x = lex->lang_index[i];
			return x->marks_seen == lex->nmarks || ReadMarks(lex, x, err) ? x : NULL;
		}
	if (!(x = BuildLangIndex(lex, lang, err)))
		return NULL;
	if (!ReadMarks(lex, x, err))
	{
		FreeLangIndex(x);
		return NULL;
	}
	if (lex->nlang_index < LEX_LANG_INDEXES)
		slot = lex->nlang_index++;
	else
	{
		slot = LEX_LANG_INDEXES - 1;
		FreeLangIndex(lex->lang_index[slot]);
	}
	lex->lang_index[slot] = x;
	memcpy(lex->lang_index_code[slot], x->lang, sizeof(lex->lang_index_code[slot]));
	return x;
}

/*
 * ent_suffix_longest: see lexicon.h.
 */
int
ent_suffix_longest(const LexLangIndex *x, const char *w, size_t n)
{
	int			longest = 0;
	size_t		p;

	if (n == 0)
		return 0;
	p = n - 1;
	for (int32_t node = x->root[(uint8_t) w[p]]; node >= 0;)
	{
		if (x->nodes[node].nrules > 0)
			longest = (int) (n - p);
		if (p == 0)
			break;
		node = SuffixChild(x, node, (uint8_t) w[--p]);
	}
	return longest;
}

/*
 * ent_suffix_rules: see lexicon.h.
 */
int
ent_suffix_rules(const LexLangIndex *x, const char *w, size_t n,
				 int32_t *ids, int max)
{
	int			count = 0;
	int32_t		node;
	size_t		p;

	if (n == 0)
		return 0;
	p = n - 1;
	for (node = x->root[(uint8_t) w[p]]; node >= 0;)
	{
		const LexSuffixNode *nd = &x->nodes[node];

		for (int32_t r = 0; r < nd->nrules && count < max; r++)
			ids[count++] = x->rule_ids[nd->rule_start + r];
		if (p == 0)
			break;
		node = SuffixChild(x, node, (uint8_t) w[--p]);
	}
	/* in file order, as the rules are written (a handful: insertion sort) */
	for (int i = 1; i < count; i++)
	{
		int32_t		v = ids[i];
		int			j = i;

		for (; j > 0 && ids[j - 1] > v; j--)
			ids[j] = ids[j - 1];
		ids[j] = v;
	}
	return count;
}
