/*-------------------------------------------------------------------------
 *
 * relate.c
 *	  Who did what to whom: PLOVER events between the actors of an article
 *
 * The article's entities come first (extract.c).  Each mention that can act
 * for a state becomes an actor with a country: a country or its adjective,
 * a person or state body with a country, a capital or government building
 * (metonyms), an intergovernmental body (its own id).  News agencies and
 * broadcasters (data/relations/non_actors.tsv) report events, they are not
 * their actors.
 *
 * Trigger words and cue words are compiled into one trie over the scanner's
 * token keys: an edge is an exact token or a stem ("podpisa*" matches
 * podpisał, podpisały, podpisanie), and the longest match wins.  For each
 * trigger, within its sentence and clause:
 *
 *	- the subject is the nearest actor before the trigger, with the actors
 *	  coordinated with it ("Nga và Pakistan", "Russia and Pakistan"),
 *	  skipping places, topics, qualifiers ("the sides of Cyprus") and
 *	  appositions; the actor before a relative pronoun, the subject of a
 *	  coordinated verb, the speaker of a coordinated speech act, the
 *	  genitive owner of a noun ("atak Rosji") take precedence;
 *	- the actors after it are marked by the cue before them: an agent ("by
 *	  Russia", passive), a source ("from Russia"), a recipient ("to
 *	  Pakistan"), a partner ("with", "between"), a place ("in"), a topic
 *	  ("about"), and a list takes the role of its first member;
 *	- undirected kinds (AGREE, CONSULT, COOPERATE) pair the subject with the
 *	  object or partner, or the coordinated actors among themselves;
 *	- directed kinds go subject -> object, or agent -> subject in the
 *	  passive; receiving verbs (buy, import, receive) go from the source to
 *	  the subject, so arms transfers run supplier -> recipient;
 *	- "the two countries" and its translations stand for the two the
 *	  paragraph has just named, else the article's two most mentioned;
 *	- a stop word before aid or cooperation ("halted aid") makes it a
 *	  SANCTION, a lift word before a sanction ("lifted the embargo") a
 *	  CONCEDE; offers become AGREE, refusals REJECT, force announced for
 *	  the future THREATEN, a state's protest ACCUSE;
 *	- negation and modality come from the words just before the trigger,
 *	  reported speech from report verbs in the sentence;
 *	- the date is the sentence's date expression nearest to the trigger,
 *	  else the publication date;
 *	- equipment, its quantity and money amounts come from the sentence.
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/relate.c
 *
 *-------------------------------------------------------------------------
 */
#include "relate.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const ent_event_names[] = {
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
	"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
	"MOBILIZE", "COERCE", "ASSAULT"
};

const char *const ent_modality_names[] = {"asserted", "planned", "reported"};

static const uint8_t event_quad[EV_NKINDS] = {
	1, 1, 1, 2, 2, 2, 2, 1, 3, 3, 3, 4, 4, 4, 4, 4
};

int
ent_event_quad(EntEventKind k)
{
	return k < EV_NKINDS ? event_quad[k] : 0;
}

bool
ent_event_undirected(EntEventKind k)
{
	return k == EV_AGREE || k == EV_CONSULT || k == EV_COOPERATE;
}

static const char *const mode_names[] = {
	"military", "economic", "security", "diplomatic", "humanitarian", "arms",
	"arms?"
};

#define NMODES 7
#define MODE_ARMS 5
#define MODE_ARMS_MAYBE 6

/* cue roles */
typedef enum CueRole
{
	RC_NEG = 0,
	RC_PLAN,
	RC_REPORT,
	RC_AGENT,
	RC_PASSIVE,
	RC_FROM,
	RC_TO,
	RC_WITH,
	RC_BETWEEN,
	RC_AND,
	RC_BOTH,
	RC_CLAUSE,
	RC_WEAPON,
	RC_MODE,
	RC_NUM,
	RC_STOP,
	RC_LIFT,
	RC_BLOCK,
	RC_IN,
	RC_OF,
	RC_OFFER,
	RC_REFUSE,
	RC_REL,
	RC_TOPIC,
	RC_ALL,
	RC_NROLES
} CueRole;

static const char *const role_names[] = {
	"NEG", "PLAN", "REPORT", "AGENT", "PASSIVE", "FROM", "TO", "WITH",
	"BETWEEN", "AND", "BOTH", "CLAUSE", "WEAPON", "MODE", "NUM", "STOP", "LIFT",
	"BLOCK", "IN", "OF", "OFFER", "REFUSE", "REL", "TOPIC", "ALL"
};

#define TRIG_RECV	0x01
#define TRIG_NOUN	0x02
#define TRIG_FUTURE 0x04

#define MAX_TRIGGER_TOKENS 6

typedef struct RelEntry
{
	char		lang[4];
	bool		is_cue;
	uint8_t		what;			/* EntEventKind or CueRole */
	int8_t		mode;			/* index into mode_names, -1 if none */
	uint8_t		flags;			/* TRIG_* */
	int32_t		value;			/* RC_NUM: the number */
	uint8_t		ascii_mask;		/* bit k: word k is written without
								 * diacritics ("ze", "wurden"): a word with
								 * them ("że", "würden") does not match */
	uint8_t		accent_mask;	/* bit k: word k has them: a word without
								 * does not match */
	int32_t		path[MAX_TRIGGER_TOKENS];	/* trie node after word k, or -1 */
	const char *particle;		/* a word that must follow in the sentence
								 * (German "wies ... zurück"), its key; or
								 * NULL */
	uint8_t		short_mask;		/* bit k: word k has at most three bytes */
	int32_t		next;			/* next entry at the same trie node */
	const char *rule;
} RelEntry;

typedef struct RelLexicon
{
	RelEntry   *e;
	int32_t		n;
	int32_t		cap;
	int32_t    *node_first;		/* trie node -> first entry, or -1 */
	uint8_t    *node_kids;		/* trie node -> KIDS_* bits */
	int32_t		nnodes;
	int32_t		capnodes;
	StrMap		edges;			/* node id + token key -> child */
	StrMap		stems;			/* node id + stem -> child */
	StrMap		stem_heads;		/* node id + a stem's first STEM_HEAD bytes
								 * -> index into stem_lens */
	uint64_t   *stem_lens;		/* bit n: a stem with that head is n bytes
								 * long */
	int32_t		nstem_heads;
	uint64_t	root_words[1 << 10];	/* Bloom filters over the first word
										 * of patterns: its key */
	uint64_t	root_heads[1 << 10];	/* and its stem's head */
	StrMap		non_actors;		/* entity id -> 1 */
	StrMap		metonyms;		/* place id -> index into metonym_as, or -1
								 * when it acts for its own country */
	const char **metonym_as;
	int32_t		nmetonym_as;
	StrMap		igos;			/* organization id -> index into igo_ids */
	const char **igo_ids;		/* what an intergovernmental body acts as */
	int32_t		nigos;
	char		langs[32][4];	/* languages with triggers */
	int			nlangs;

	/*
	 * The children of the root by the words met in articles, found once for
	 * every article after (see RootChildren): key -> offset in root_kids of
	 * their number and then each child (node << 1 | exact).
	 */
	StrMap		root_memo;
	int32_t    *root_kids;
	int32_t		nroot_kids;
	int32_t		caproot_kids;
} RelLexicon;

#define KIDS_EXACT 0x01			/* a node has children by exact words */
#define KIDS_STEM 0x02			/* and by stems */
#define VIA_ASCII 0x04			/* reached by a word without diacritics */
#define VIA_ACCENT 0x08			/* and by one with them ("wurden",
								 * "würden"): then they must match */
#define STEM_HEAD 3				/* stems have at least three letters */
#define ROOT_BLOOM_BITS 16

/* ----------------------------------------------------------------
 * Loading
 * ----------------------------------------------------------------
 */
static size_t
NodeKey(char *buf, size_t cap, int32_t node, const char *s, size_t n)
{
	if (n + 4 > cap)
		n = cap - 4;
	memcpy(buf, &node, 4);
	memcpy(buf + 4, s, n);
	return n + 4;
}

static int32_t
NewNode(RelLexicon *rl)
{
	if (rl->nnodes == rl->capnodes)
	{
		int32_t		cap = rl->capnodes * 2 + 256;
		int32_t    *a = realloc(rl->node_first, cap * sizeof(int32_t));
		uint8_t    *k;

		if (!a)
			return -1;
		rl->node_first = a;
		if (!(k = realloc(rl->node_kids, cap)))
			return -1;
		rl->node_kids = k;
		rl->capnodes = cap;
	}
	rl->node_first[rl->nnodes] = -1;
	rl->node_kids[rl->nnodes] = 0;
	return rl->nnodes++;
}

static int
Utf8Chars(const char *s, size_t n)
{
	int			c = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

/*
 * AddPattern walks (and grows) the trie along the words of pattern and
 * links entry idx at its end.
 */
/*
 * Stems are looked up by their head: node and first STEM_HEAD bytes give
 * the lengths of the stems that begin so, and only those prefixes of a
 * token are tried.
 */
static bool
AddStemHead(RelLexicon *rl, int32_t node, const char *stem, size_t n)
{
	char		buf[16];
	size_t		klen = NodeKey(buf, sizeof(buf), node, stem, STEM_HEAD);
	int32_t		h = strmap_get(&rl->stem_heads, buf, klen);

	if (n >= 64)
		return true;			/* longer stems are never tried */
	if (h < 0)
	{
		uint64_t   *a = realloc(rl->stem_lens, (rl->nstem_heads + 1) * sizeof(uint64_t));

		if (!a)
			return false;
		rl->stem_lens = a;
		h = rl->nstem_heads++;
		a[h] = 0;
		if (!strmap_put(&rl->stem_heads, buf, klen, h))
			return false;
	}
	rl->stem_lens[h] |= (uint64_t) 1 << n;
	return true;
}

static bool
Ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char) s[i] >= 0x80)
			return false;
	return true;
}

static bool
AddPattern(RelLexicon *rl, const char *pattern, const char *lang,
		   int32_t idx, const char *rule, EntError *err)
{
	EntDoc		doc;
	int32_t		node = 0;
	int			words = 0;
	uint8_t		ascii_mask = 0,
				accent_mask = 0;
	int32_t		path[MAX_TRIGGER_TOKENS];
	uint8_t		short_mask = 0;
	char		buf[512];
	size_t		plen = strlen(pattern);
	int			ntok;

	/*
	 * A pattern ending in an elision ("dall'", "l'") is scanned with a
	 * letter after it, as it is met in text, and the letter dropped.
	 */
	if (plen + 2 > sizeof(buf))
		return ent_fail(err, ENT_ERR_DATA, "%s: pattern too long", rule);
	memcpy(buf, pattern, plen);
	buf[plen] = '\0';
	if ((plen >= 1 && pattern[plen - 1] == '\'') ||
		(plen >= 3 && memcmp(pattern + plen - 3, "\xE2\x80\x99", 3) == 0))
	{
		buf[plen] = 'x';
		buf[plen + 1] = '\0';
	}
	if (!ent_scan(buf, strlen(buf), lang, false, &doc, err))
	{
		ent_doc_free(&doc);
		return false;
	}
	ntok = buf[plen] == 'x' ? doc.ntok - 1 : doc.ntok;
	for (int i = 0; i < ntok; i++)
	{
		const EntToken *t = &doc.tok[i];
		bool		stem = i + 1 < doc.ntok &&
			!(doc.tok[i + 1].flags & TK_SPACE_BEFORE) &&
			doc.tok[i + 1].fold_len == 1 &&
			ent_tok_fold(&doc, i + 1)[0] == '*';
		StrMap	   *map = stem ? &rl->stems : &rl->edges;
		size_t		klen;
		int32_t		child;

		if (t->flags & TK_PUNCT)
		{
			if (t->fold_len == 1 && ent_tok_fold(&doc, i)[0] == '*')
				continue;
			/* punctuation inside a pattern is matched like a word */
		}
		if (stem && Utf8Chars(ent_tok_key(&doc, i), t->key_len) < 3)
		{
			ent_doc_free(&doc);
			return ent_fail(err, ENT_ERR_DATA,
							"%s: a stem needs at least three letters before *", rule);
		}
		if (node == 0)
			ent_bloom_add(stem ? rl->root_heads : rl->root_words, ROOT_BLOOM_BITS,
						  strmap_hash(ent_tok_key(&doc, i), stem ? STEM_HEAD : t->key_len));
		klen = NodeKey(buf, sizeof(buf), node, ent_tok_key(&doc, i), t->key_len);
		child = strmap_get(map, buf, klen);
		if (child < 0)
		{
			rl->node_kids[node] |= stem ? KIDS_STEM : KIDS_EXACT;
			child = NewNode(rl);
			if (child < 0 || !strmap_put(map, buf, klen, child))
			{
				ent_doc_free(&doc);
				return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
			}

			if (stem && !AddStemHead(rl, node, ent_tok_key(&doc, i), t->key_len))
			{
				ent_doc_free(&doc);
				return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
			}
		}
		if (!stem && (t->flags & TK_WORD))
		{
			if (t->byte_end - t->byte_start <= 3)
				short_mask |= (uint8_t) (1u << words);
			if (Ascii(pattern + t->byte_start, t->byte_end - t->byte_start))
			{
				ascii_mask |= (uint8_t) (1u << words);
				rl->node_kids[child] |= VIA_ASCII;
			}
			else
			{
				accent_mask |= (uint8_t) (1u << words);
				rl->node_kids[child] |= VIA_ACCENT;
			}
		}
		if (words < MAX_TRIGGER_TOKENS)
			path[words] = child;
		node = child;
		words++;
	}
	ent_doc_free(&doc);
	if (words == 0 || words > MAX_TRIGGER_TOKENS)
		return ent_fail(err, ENT_ERR_DATA, "%s: a pattern needs one to %d words",
						rule, MAX_TRIGGER_TOKENS);
	rl->e[idx].ascii_mask = ascii_mask;
	rl->e[idx].accent_mask = accent_mask;
	rl->e[idx].short_mask = short_mask;
	for (int k = 0; k < MAX_TRIGGER_TOKENS; k++)
		rl->e[idx].path[k] = k < words ? path[k] : -1;
	rl->e[idx].next = rl->node_first[node];
	rl->node_first[node] = idx;
	return true;
}

static RelEntry *
NewEntry(RelLexicon *rl, const char *lang, EntError *err)
{
	RelEntry   *e;

	if (rl->n == rl->cap)
	{
		int32_t		cap = rl->cap * 2 + 512;
		RelEntry   *a = realloc(rl->e, cap * sizeof(RelEntry));

		if (!a)
		{
			ent_fail(err, ENT_ERR_NOMEM, "out of memory");
			return NULL;
		}
		rl->e = a;
		rl->cap = cap;
	}
	e = &rl->e[rl->n];
	memset(e, 0, sizeof(*e));
	snprintf(e->lang, sizeof(e->lang), "%s", lang);
	e->mode = -1;
	e->next = -1;
	return e;
}

static bool
LangOk(const char *lang)
{
	size_t		n = strlen(lang);

	if (n < 2 || n > 3)
		return false;
	for (size_t i = 0; i < n; i++)
		if (lang[i] < 'a' || lang[i] > 'z')
			return false;
	return true;
}

static int
ModeIndex(const char *s)
{
	for (int i = 0; i < NMODES; i++)
		if (strcmp(s, mode_names[i]) == 0)
			return i;
	return -1;
}

/* triggers-<lang>.tsv: lang, pattern, kind, mode, flags */
static bool
RowTrigger(Lexicon *lex, char **f, int nf, const char *rule, EntError *err)
{
	RelLexicon *rl = lex->rel;
	RelEntry   *e;
	int			kind = -1;
	const char *p;

	if (!LangOk(f[0]))
		return ent_fail(err, ENT_ERR_DATA, "%s: bad language code \"%s\"", rule, f[0]);
	for (int k = 0; k < EV_NKINDS; k++)
		if (strcmp(f[2], ent_event_names[k]) == 0)
			kind = k;
	if (kind < 0)
		return ent_fail(err, ENT_ERR_DATA, "%s: unknown event kind \"%s\"", rule, f[2]);
	if (!(e = NewEntry(rl, f[0], err)))
		return false;
	e->what = (uint8_t) kind;
	if (f[3][0])
	{
		e->mode = (int8_t) ModeIndex(f[3]);
		if (e->mode < 0)
			return ent_fail(err, ENT_ERR_DATA, "%s: unknown mode \"%s\"", rule, f[3]);
	}
	if (strstr(f[4], "recv"))
		e->flags |= TRIG_RECV;
	if (strstr(f[4], "noun"))
		e->flags |= TRIG_NOUN;
	if (strstr(f[4], "future"))
		e->flags |= TRIG_FUTURE;
	if ((p = strstr(f[4], "part=")) != NULL)
	{
		/* the particle's lookup key, as the scanner makes it */
		EntDoc		doc;
		size_t		n = strcspn(p + 5, ",");

		if (n == 0 || !ent_scan(p + 5, n, f[0], false, &doc, err))
			return err->status != ENT_OK ? false :
				ent_fail(err, ENT_ERR_DATA, "%s: empty particle", rule);
		if (doc.ntok != 1)
		{
			ent_doc_free(&doc);
			return ent_fail(err, ENT_ERR_DATA, "%s: a particle is one word", rule);
		}
		e->particle = ent_lexicon_strdup(lex, ent_tok_key(&doc, 0), doc.tok[0].key_len);
		ent_doc_free(&doc);
		if (!e->particle)
			return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	}
	if (!(e->rule = ent_lexicon_strdup(lex, rule, strlen(rule))))
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	rl->n++;
	if (!AddPattern(rl, f[1], f[0], rl->n - 1, rule, err))
		return false;
	for (int i = 0; i < rl->nlangs; i++)
		if (strcmp(rl->langs[i], f[0]) == 0)
			return true;
	if (rl->nlangs < 32)
		snprintf(rl->langs[rl->nlangs++], 4, "%s", f[0]);
	return true;
}

/* cues-<lang>.tsv: lang, words, role (MODE:<mode>, NUM:<n>) */
static bool
RowCue(Lexicon *lex, char **f, int nf, const char *rule, EntError *err)
{
	RelLexicon *rl = lex->rel;
	RelEntry   *e;
	int			role = -1;
	const char *arg = strchr(f[2], ':');
	size_t		rlen = arg ? (size_t) (arg - f[2]) : strlen(f[2]);

	if (!LangOk(f[0]))
		return ent_fail(err, ENT_ERR_DATA, "%s: bad language code \"%s\"", rule, f[0]);
	for (int r = 0; r < RC_NROLES; r++)
		if (strlen(role_names[r]) == rlen && strncmp(f[2], role_names[r], rlen) == 0)
			role = r;
	if (role < 0 || ((role == RC_MODE || role == RC_NUM) != (arg != NULL)))
		return ent_fail(err, ENT_ERR_DATA, "%s: unknown cue role \"%s\"", rule, f[2]);
	if (!(e = NewEntry(rl, f[0], err)))
		return false;
	e->is_cue = true;
	e->what = (uint8_t) role;
	if (role == RC_MODE)
	{
		e->mode = (int8_t) ModeIndex(arg + 1);
		if (e->mode < 0 || e->mode >= MODE_ARMS)
			return ent_fail(err, ENT_ERR_DATA, "%s: unknown mode \"%s\"", rule, arg + 1);
	}
	else if (role == RC_NUM)
	{
		e->value = atoi(arg + 1);
		if (e->value <= 0)
			return ent_fail(err, ENT_ERR_DATA, "%s: bad number \"%s\"", rule, arg + 1);
	}
	if (!(e->rule = ent_lexicon_strdup(lex, rule, strlen(rule))))
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	rl->n++;
	return AddPattern(rl, f[1], f[0], rl->n - 1, rule, err);
}

/* non_actors.tsv and metonyms.tsv: an entity id in the first column */
static bool
RowNonActor(Lexicon *lex, char **f, int nf, const char *rule, EntError *err)
{
	if (!strmap_put(&lex->rel->non_actors, f[0], strlen(f[0]), 1))
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	return true;
}

static bool
RowMetonym(Lexicon *lex, char **f, int nf, const char *rule, EntError *err)
{
	RelLexicon *rl = lex->rel;
	int32_t		v = -2;

	if (f[1][0])
	{
		const char **a = realloc(rl->metonym_as, (rl->nmetonym_as + 1) * sizeof(char *));

		if (!a)
			return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
		rl->metonym_as = a;
		if (!(a[rl->nmetonym_as] = ent_lexicon_strdup(lex, f[1], strlen(f[1]))))
			return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
		v = rl->nmetonym_as++;
	}
	if (!strmap_put(&rl->metonyms, f[0], strlen(f[0]), v))
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	return true;
}

/* igos.tsv: an intergovernmental body, and the id it acts as */
static bool
RowIgo(Lexicon *lex, char **f, int nf, const char *rule, EntError *err)
{
	RelLexicon *rl = lex->rel;
	const char **a = realloc(rl->igo_ids, (rl->nigos + 1) * sizeof(char *));
	const char *as = f[1][0] ? f[1] : f[0];

	if (!a)
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	rl->igo_ids = a;
	if (!(a[rl->nigos] = ent_lexicon_strdup(lex, as, strlen(as))) ||
		!strmap_put(&rl->igos, f[0], strlen(f[0]), rl->nigos))
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	rl->nigos++;
	return true;
}

static int
CompareNames(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/*
 * Matching folds diacritics away, so "wurden" (passive) and "würden"
 * (would), "ze" (with) and "że" (that) are one key.  A word must be written
 * with or without diacritics as in its pattern where patterns of both kinds
 * meet at one trie edge, and a short word written without them never
 * matches one written with them.
 */
static void
StrictWords(RelLexicon *rl)
{
	for (int32_t i = 0; i < rl->n; i++)
	{
		RelEntry   *e = &rl->e[i];
		uint8_t		both = 0;

		for (int k = 0; k < MAX_TRIGGER_TOKENS && e->path[k] >= 0; k++)
			if ((rl->node_kids[e->path[k]] & (VIA_ASCII | VIA_ACCENT)) ==
				(VIA_ASCII | VIA_ACCENT))
				both |= (uint8_t) (1u << k);
		e->ascii_mask &= (uint8_t) (both | e->short_mask);
		e->accent_mask &= both;
	}
}

bool
ent_rel_load(Lexicon *lex, const char *datadir, EntError *err)
{
	RelLexicon *rl = calloc(1, sizeof(RelLexicon));
	char		dir[1024];
	DIR		   *d;
	struct dirent *de;
	char	   *names[256];
	int			nnames = 0;
	bool		ok = true;

	if (!rl)
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	lex->rel = rl;
	if (!strmap_init(&rl->edges, 8192) || !strmap_init(&rl->stems, 4096) ||
		!strmap_init(&rl->stem_heads, 2048) ||
		!strmap_init(&rl->non_actors, 128) || !strmap_init(&rl->metonyms, 64) ||
		!strmap_init(&rl->igos, 128) ||
		NewNode(rl) != 0)
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");

	snprintf(dir, sizeof(dir), "%s/relations", datadir);
	d = opendir(dir);
	if (!d)
		return ent_fail(err, ENT_ERR_DATA, "could not open data directory \"%s\"", dir);
	/* read files in name order, so rule names and results are stable */
	while ((de = readdir(d)) != NULL && nnames < 256)
	{
		size_t		n = strlen(de->d_name);

		if (n > 4 && strcmp(de->d_name + n - 4, ".tsv") == 0 &&
			(strncmp(de->d_name, "triggers-", 9) == 0 ||
			 strncmp(de->d_name, "cues-", 5) == 0))
		{
			names[nnames] = strdup(de->d_name);
			if (!names[nnames])
			{
				ok = ent_fail(err, ENT_ERR_NOMEM, "out of memory");
				break;
			}
			nnames++;
		}
	}
	closedir(d);
	qsort(names, nnames, sizeof(char *), CompareNames);
	for (int i = 0; i < nnames; i++)
	{
		char		rel[300];

		snprintf(rel, sizeof(rel), "relations/%s", names[i]);
		if (ok)
			ok = ent_lexicon_read_tsv(lex, datadir, rel, 3, true,
									  names[i][0] == 't' ? RowTrigger : RowCue, err);
		free(names[i]);
	}
	if (ok)
		StrictWords(lex->rel);
	return ok &&
		ent_lexicon_read_tsv(lex, datadir, "relations/non_actors.tsv", 1, false,
							 RowNonActor, err) &&
		ent_lexicon_read_tsv(lex, datadir, "relations/metonyms.tsv", 1, false,
							 RowMetonym, err) &&
		ent_lexicon_read_tsv(lex, datadir, "relations/igos.tsv", 1, false,
							 RowIgo, err);
}

void
ent_rel_free(RelLexicon *rl)
{
	if (!rl)
		return;
	free(rl->e);
	free(rl->node_first);
	free(rl->node_kids);
	strmap_free(&rl->edges);
	strmap_free(&rl->stems);
	strmap_free(&rl->stem_heads);
	free(rl->stem_lens);
	strmap_free(&rl->non_actors);
	strmap_free(&rl->metonyms);
	strmap_free(&rl->igos);
	free(rl->metonym_as);
	free(rl->igo_ids);
	strmap_free(&rl->root_memo);
	free(rl->root_kids);
	free(rl);
}

/* ----------------------------------------------------------------
 * Matching
 * ----------------------------------------------------------------
 */
typedef struct Match
{
	int32_t		entry;			/* trigger: the entry; cue: the trie node
								 * (its entries may have several roles);
								 * -1: none */
	uint8_t		ntok;
	bool		exact;			/* no stem edge used */
} Match;

typedef struct Actor
{
	int32_t		m;				/* mention, -1 for the article's pair */
	int32_t		ts;
	int32_t		te;
	const char *cc;				/* the country (or IGO id) it acts for */
	const char *id;
} Actor;

typedef struct Rx
{
	Lexicon    *lex;
	RelLexicon *rl;
	EntDoc	   *doc;
	EntRelations *out;
	EntError   *err;
	const char *lang;
	bool		any_lang;		/* no data for lang: use every language */
	EntDate		published;
	Match	   *trig;			/* per token: trigger starting there */
	Match	   *cue;			/* per token: cue starting there */
	uint32_t   *roles;			/* per token: the roles of that cue */
	int32_t    *mention_at;		/* per token: mention covering it, or -1 */
	Actor	   *actors;			/* actors of the article, document order */
	int32_t		nactors;
	Actor	   *places;			/* other places with a country: only where
								 * something happens ("riots in northern
								 * Israel"), document order */
	int32_t		nplaces;
	const char *pair[2];		/* the article's two main countries */
	bool		vi;				/* Vietnamese */
	bool		caps_nouns;		/* German capitalises every noun */
	int8_t	   *title_line;		/* per line: 0 unknown, 1 title case, 2 not */
	bool		genitive;		/* a bare actor after a noun is its owner
								 * (Polish, Czech, Russian, Ukrainian:
								 * "atak Rosji", "вторгнення Росії") */
	bool		impersonal;		/* "В Кремле заявили": a plural verb in -ли
								 * with "in <capital>" and no subject */
	bool		verb_final;		/* subordinate and perfect clauses end in
								 * the verb (German, Dutch) */
} Rx;

static bool
EntryLangOk(const Rx *r, const RelEntry *e)
{
	return r->any_lang || ent_lang_eq(e->lang, r->lang);
}

/*
 * entry e applies: its language, and its words written as in the text, with
 * or without diacritics (acc: bit k set when the k-th matched word has
 * them); folding makes "würden" and "wurden", "że" and "ze" one key.
 */
static inline bool
EntryOk(const Rx *r, const RelEntry *e, uint8_t acc)
{
	return (e->ascii_mask & acc) == 0 && (e->accent_mask & ~acc) == 0 &&
		EntryLangOk(r, e);
}

/* a token written with diacritics or another script */
static inline bool
Accented(const Rx *r, int i)
{
	const EntToken *t = &r->doc->tok[i];

	for (uint32_t b = t->byte_start; b < t->byte_end; b++)
		if ((unsigned char) r->doc->text[b] >= 0x80)
			return true;
	return false;
}

/* the accent bits of the n tokens from i */
static uint8_t
AccentBits(const Rx *r, int i, int n)
{
	uint8_t		acc = 0;

	for (int k = 0; k < n && k < 8; k++)
		if ((r->doc->tok[i + k].flags & TK_WORD) && Accented(r, i + k))
			acc |= (uint8_t) (1u << k);
	return acc;
}

/* best entry of the wanted type linked at node, or -1 */
static int32_t
NodeEntry(const Rx *r, int32_t node, bool cue, uint8_t acc)
{
	for (int32_t e = r->rl->node_first[node]; e >= 0; e = r->rl->e[e].next)
		if (r->rl->e[e].is_cue == cue && EntryOk(r, &r->rl->e[e], acc))
			return e;
	return -1;
}

/* strmap_hash of token i's key, as the extraction hashed it */
static inline uint32_t
KeyHashAt(Rx *r, int i)
{
	uint32_t   *h = r->out->x.key_hash;

	return h ? h[i] : strmap_hash(ent_tok_key(r->doc, i), r->doc->tok[i].key_len);
}

#define MAX_CHILDREN 24

/*
 * Children lists the trie nodes that token i leads to from node, by its
 * exact key or by stems (at most MAX_CHILDREN); returns their number.
 */
static int
Children(Rx *r, int32_t node, int i, int32_t *children, bool *child_exact)
{
	const RelLexicon *rl = r->rl;
	const EntToken *t = &r->doc->tok[i];
	const char *key = ent_tok_key(r->doc, i);
	char		buf[300];
	size_t		klen;
	int32_t		c;
	int			nch = 0;

	/* most words start no pattern: two Bloom filters say so cheaply */
	if ((rl->node_kids[node] & KIDS_EXACT) &&
		(node != 0 || ent_bloom_test(rl->root_words, ROOT_BLOOM_BITS, KeyHashAt(r, i))))
	{
		klen = NodeKey(buf, sizeof(buf), node, key, t->key_len);
		if ((c = strmap_get(&rl->edges, buf, klen)) >= 0)
		{
			child_exact[nch] = true;
			children[nch++] = c;
		}
	}
	/* stems: the prefixes as long as some stem with the token's head */
	if (t->key_len >= STEM_HEAD && (rl->node_kids[node] & KIDS_STEM) &&
		(node != 0 ||
		 ent_bloom_test(rl->root_heads, ROOT_BLOOM_BITS, strmap_hash(key, STEM_HEAD))))
	{
		int32_t		h;

		klen = NodeKey(buf, sizeof(buf), node, key, STEM_HEAD);
		if ((h = strmap_get(&rl->stem_heads, buf, klen)) >= 0)
		{
			uint64_t	lens = rl->stem_lens[h];

			for (int n = t->key_len < 63 ? (int) t->key_len : 63;
				 n >= STEM_HEAD && nch < MAX_CHILDREN; n--)
			{
				if (!((lens >> n) & 1))
					continue;
				if (n < (int) t->key_len && ((unsigned char) key[n] & 0xC0) == 0x80)
					continue;
				klen = NodeKey(buf, sizeof(buf), node, key, n);
				if ((c = strmap_get(&rl->stems, buf, klen)) >= 0)
				{
					child_exact[nch] = false;
					children[nch++] = c;
				}
			}
		}
	}
	return nch;
}

/*
 * RootChildren is Children from the root, remembered by the token's key
 * for all articles: the same words (articles, prepositions, common verbs)
 * pass the Bloom filters again and again, and each costs several lookups.
 * The memo starts afresh when it holds ROOT_MEMO_MAX words; without memory
 * it is simply not used.
 */
#define ROOT_MEMO_MAX (1 << 16)
#define ROOT_MEMO_WORD 64

static int
RootChildren(Rx *r, int i, int32_t *children, bool *child_exact)
{
	RelLexicon *rl = r->lex->rel;
	const EntToken *t = &r->doc->tok[i];
	const char *key = ent_tok_key(r->doc, i);
	int32_t		off;
	int			nch;

	/* words that start nothing are told by the Bloom filters alone */
	if (t->key_len > ROOT_MEMO_WORD ||
		(!((rl->node_kids[0] & KIDS_EXACT) &&
		   ent_bloom_test(rl->root_words, ROOT_BLOOM_BITS, KeyHashAt(r, i))) &&
		 !(t->key_len >= STEM_HEAD && (rl->node_kids[0] & KIDS_STEM) &&
		   ent_bloom_test(rl->root_heads, ROOT_BLOOM_BITS,
						  strmap_hash(key, STEM_HEAD)))))
		return Children(r, 0, i, children, child_exact);
	off = strmap_get_hashed(&rl->root_memo, key, t->key_len, KeyHashAt(r, i));
	if (off >= 0)
	{
		nch = rl->root_kids[off];
		for (int k = 0; k < nch; k++)
		{
			children[k] = rl->root_kids[off + 1 + k] >> 1;
			child_exact[k] = rl->root_kids[off + 1 + k] & 1;
		}
		return nch;
	}
	nch = Children(r, 0, i, children, child_exact);
	if (rl->root_memo.count >= ROOT_MEMO_MAX)
	{
		strmap_free(&rl->root_memo);
		rl->nroot_kids = 0;
	}
	if (!rl->root_memo.slots && !strmap_init(&rl->root_memo, 4096))
		return nch;
	if (rl->nroot_kids + nch + 1 > rl->caproot_kids)
	{
		int32_t		cap = rl->caproot_kids * 2 + MAX_CHILDREN + 1024;
		int32_t    *a = realloc(rl->root_kids, (size_t) cap * sizeof(int32_t));

		if (!a)
			return nch;
		rl->root_kids = a;
		rl->caproot_kids = cap;
	}
	if (!strmap_put(&rl->root_memo, key, t->key_len, rl->nroot_kids))
		return nch;
	rl->root_kids[rl->nroot_kids++] = nch;
	for (int k = 0; k < nch; k++)
		rl->root_kids[rl->nroot_kids++] = children[k] << 1 | (child_exact[k] ? 1 : 0);
	return nch;
}

/*
 * Walk extends a match from node over token i (tokens up to end), keeping
 * the longest trigger and cue found.
 */
static void
Walk(Rx *r, int32_t node, int i, int end, int depth, bool exact,
	 uint8_t acc, Match *trig, Match *cue)
{
	const EntToken *t;
	int32_t		children[MAX_CHILDREN];
	bool		child_exact[MAX_CHILDREN];
	int			nch;

	if (i >= end || depth >= MAX_TRIGGER_TOKENS)
		return;
	t = &r->doc->tok[i];
	if (t->key_len == 0 || t->key_len > 250)
		return;
	nch = node == 0 ? RootChildren(r, i, children, child_exact) :
		Children(r, node, i, children, child_exact);
	if (nch > 0 && (t->flags & TK_WORD) && Accented(r, i))
		acc |= (uint8_t) (1u << depth);
	for (int k = 0; k < nch; k++)
	{
		int32_t		e;
		bool		ex = exact && child_exact[k];

		if ((e = NodeEntry(r, children[k], false, acc)) >= 0 &&
			(depth + 1 > trig->ntok || (depth + 1 == trig->ntok && ex && !trig->exact)))
		{
			trig->entry = e;
			trig->ntok = (uint8_t) (depth + 1);
			trig->exact = ex;
		}
		if (NodeEntry(r, children[k], true, acc) >= 0 &&
			(depth + 1 > cue->ntok || (depth + 1 == cue->ntok && ex && !cue->exact)))
		{
			cue->entry = children[k];
			cue->ntok = (uint8_t) (depth + 1);
			cue->exact = ex;
		}
		Walk(r, children[k], i + 1, end, depth + 1, ex, acc, trig, cue);
	}
}

/* ----------------------------------------------------------------
 * Actors
 * ----------------------------------------------------------------
 */

/* the country (or IGO id) mention m acts for, or NULL */
static const char *
ActorCountry(const Rx *r, const EntMention *m)
{
	const RelLexicon *rl = r->rl;

	if (m->dropped)
		return NULL;
	if (strmap_get(&rl->non_actors, m->entity_id, strlen(m->entity_id)) >= 0)
		return NULL;
	switch (m->kind)
	{
		case ENT_COUNTRY:
			return m->entity_id;
		case ENT_NATIONALITY:
		case ENT_PERSON:
			return m->country[0] ? m->country : NULL;
		case ENT_ORGANIZATION:
			{
				int32_t		g = strmap_get(&rl->igos, m->entity_id,
										   strlen(m->entity_id));

				/* an intergovernmental body acts in its own name */
				if (g >= 0)
					return rl->igo_ids[g];
				return m->country[0] ? m->country : NULL;
			}
		case ENT_PLACE:
			{
				const LexCountryInfo *ci;
				int32_t		v = strmap_get(&rl->metonyms, m->entity_id,
										   strlen(m->entity_id));

				if (v >= 0)
					return rl->metonym_as[v];	/* Brussels acts for the EU */
				if (v == -2 && m->country[0])
					return m->country;
				if (!m->country[0])
					return NULL;
				ci = ent_lexicon_country(r->lex, m->country);
				if (ci && ci->capital && strcmp(ci->capital, m->entity_id) == 0)
					return m->country;
				return NULL;
			}
		default:
			return NULL;
	}
}

/* the article's two most mentioned countries, if they clearly lead */
static void
FindPair(Rx *r)
{
	const char *cc[64];
	int			cnt[64];
	int			n = 0;

	for (int a = 0; a < r->nactors; a++)
	{
		const char *c = r->actors[a].cc;
		int			k;

		if (r->doc->lines[r->doc->tok[r->actors[a].ts].line].boilerplate)
			continue;
		/* the headline and lede say what the article is about */
		for (k = 0; k < n; k++)
			if (strcmp(cc[k], c) == 0)
				break;
		if (k == n)
		{
			if (n == 64)
				continue;
			cc[n] = c;
			cnt[n++] = 0;
		}
		cnt[k] += r->doc->tok[r->actors[a].ts].sent <= 2 ? 3 : 1;
	}
	r->pair[0] = r->pair[1] = NULL;
	{
		int			b1 = -1,
					b2 = -1,
					b3 = -1;

		for (int k = 0; k < n; k++)
		{
			if (b1 < 0 || cnt[k] > cnt[b1])
			{
				b3 = b2;
				b2 = b1;
				b1 = k;
			}
			else if (b2 < 0 || cnt[k] > cnt[b2])
			{
				b3 = b2;
				b2 = k;
			}
			else if (b3 < 0 || cnt[k] > cnt[b3])
				b3 = k;
		}
		/* a third country as frequent as the second makes the pair unclear */
		if (b2 >= 0 && cnt[b2] >= 2 && (b3 < 0 || cnt[b3] < cnt[b2]))
		{
			r->pair[0] = cc[b1];
			r->pair[1] = cc[b2];
		}
	}
}

/* ----------------------------------------------------------------
 * Relations
 * ----------------------------------------------------------------
 */
/* the roles (bits) of the cue starting at token i */
static uint32_t
CueRoles(const Rx *r, int i)
{
	return r->roles[i];
}

/* the roles (bits) of the cue node matched at token i, in the language */
static uint32_t
NodeRoles(const Rx *r, int i)
{
	uint32_t	roles = 0;

	uint8_t		acc;

	if (r->cue[i].entry < 0)
		return 0;
	acc = AccentBits(r, i, r->cue[i].ntok);
	for (int32_t e = r->rl->node_first[r->cue[i].entry]; e >= 0; e = r->rl->e[e].next)
		if (r->rl->e[e].is_cue && EntryOk(r, &r->rl->e[e], acc))
			roles |= 1u << r->rl->e[e].what;
	return roles;
}

static inline bool
CueIs(const Rx *r, int i, CueRole role)
{
	return (CueRoles(r, i) >> role) & 1;
}

/* the entry of role role of the cue at token i (for NUM and MODE values) */
static const RelEntry *
CueEntry(const Rx *r, int i, CueRole role)
{
	uint8_t		acc;

	if (r->cue[i].entry < 0)
		return NULL;
	acc = AccentBits(r, i, r->cue[i].ntok);
	for (int32_t e = r->rl->node_first[r->cue[i].entry]; e >= 0; e = r->rl->e[e].next)
		if (r->rl->e[e].is_cue && r->rl->e[e].what == role &&
			EntryOk(r, &r->rl->e[e], acc))
			return &r->rl->e[e];
	return NULL;
}

static bool
IsComma(const Rx *r, int i)
{
	const EntToken *t;

	if (i < 0 || i >= r->doc->ntok)
		return false;
	t = &r->doc->tok[i];
	return (t->flags & TK_PUNCT) && t->fold_len == 1 &&
		ent_tok_fold(r->doc, i)[0] == ',';
}

/*
 * A dash between spaces separates clauses, as in headlines ("Xi sagt
 * Marktöffnung zu – Streit über E-Autos und Russland bleibt").
 */
static bool
IsDash(const Rx *r, int i)
{
	const EntToken *t = &r->doc->tok[i];
	const char *s = r->doc->text + t->byte_start;
	size_t		n = t->byte_end - t->byte_start;

	if (!(t->flags & TK_PUNCT) || !(t->flags & TK_SPACE_BEFORE) ||
		i + 1 >= r->doc->ntok || !(r->doc->tok[i + 1].flags & TK_SPACE_BEFORE))
		return false;
	return (n == 1 && s[0] == '-') ||
		(n == 3 && (memcmp(s, "\xE2\x80\x93", 3) == 0 || memcmp(s, "\xE2\x80\x94", 3) == 0));
}

/* a trigger after token lo ends at token i */
static bool
OtherTriggerEndsAt(const Rx *r, int i, int lo)
{
	for (int k = i - 1; k >= lo && k >= i - MAX_TRIGGER_TOKENS; k--)
		if (r->trig[k].entry >= 0 && k + r->trig[k].ntok == i)
			return true;
	return false;
}

/* a comma among tokens [from, to) */
static bool
CommaBetween(const Rx *r, int from, int to)
{
	for (int i = from; i < to; i++)
		if (IsComma(r, i))
			return true;
	return false;
}

/* is token i only glue between coordinated actors: a comma or an "and" */
static bool
IsGlue(const Rx *r, int i)
{
	return IsComma(r, i) || CueIs(r, i, RC_AND);
}

#define MARKER_ROLES ((1u << RC_AGENT) | (1u << RC_FROM) | (1u << RC_TO) | \
					  (1u << RC_WITH) | (1u << RC_BETWEEN) | (1u << RC_AND) | \
					  (1u << RC_PASSIVE) | (1u << RC_IN) | (1u << RC_OF) | \
					  (1u << RC_TOPIC))

/*
 * The role markers (bits) right before actor a: the nearest cue among the
 * three tokens before it (not before lo) that is an AGENT, FROM, TO, WITH,
 * BETWEEN, AND or PASSIVE word.  A word may have several roles (Italian
 * "da": agent and source); Marker() picks one.
 */
static uint32_t
MarkersBefore(const Rx *r, const Actor *a, int lo)
{
	for (int i = a->ts - 1; i >= lo && i >= a->ts - 3; i--)
	{
		uint32_t	roles = CueRoles(r, i) & MARKER_ROLES;

		if (roles && i + r->cue[i].ntok <= a->ts)
			return roles;
		/* "En revanche, Paris et New Delhi": not across a comma */
		if (r->mention_at[i] >= 0 || IsComma(r, i))
			break;
	}
	return 0;
}

/*
 * One role for the markers before a: an agent when the clause is passive,
 * a source when the verb receives.
 */
static int
Marker(const Rx *r, const Actor *a, int lo, bool passive, bool recv)
{
	uint32_t	m = MarkersBefore(r, a, lo);

	if (!m)
		return -1;
	if ((m & (1u << RC_AGENT)) && (m & (1u << RC_FROM)))
		return passive && !recv ? RC_AGENT : RC_FROM;
	for (int role = 0; role < RC_NROLES; role++)
		if ((m >> role) & 1)
			return role;
	return -1;
}

typedef struct Group
{
	Actor	   *a[16];
	int			n;
} Group;

static void
GroupAdd(Group *g, Actor *a)
{
	if (g->n < 16)
		g->a[g->n++] = a;
}

/* the number of distinct countries in g */
static int
Countries(const Group *g)
{
	int			n = 0;

	for (int i = 0; i < g->n; i++)
	{
		int			j;

		for (j = 0; j < i; j++)
			if (strcmp(g->a[i]->cc, g->a[j]->cc) == 0)
				break;
		n += j == i;
	}
	return n;
}

/*
 * Actors x (before) and y are coordinated: only glue between them, or glue
 * and articles ("la Francia e la Germania", "Russia and the US").
 */
static bool
Coordinated(const Rx *r, const Actor *x, const Actor *y)
{
	bool		and = false,
				comma = false;

	if (y->ts - x->te > 4)
		return false;
	if (y->ts == x->te)
		return true;
	for (int i = x->te; i < y->ts; i++)
	{
		const EntToken *t = &r->doc->tok[i];

		if (CueIs(r, i, RC_AND))
			and = true;
		else if (IsGlue(r, i))
			comma = true;
		else if (!((t->flags & TK_LOWER) && t->fold_len <= 3 &&
				   r->trig[i].entry < 0 && r->cue[i].entry < 0))
			return false;
	}
	if (and)
		return true;
	/* "Russia, China and Iran": a comma only in a list an "and" closes */
	if (comma)
		for (int i = y->te; i < y->te + 3 && i < r->doc->ntok &&
			 r->doc->tok[i].sent == r->doc->tok[y->ts].sent; i++)
			if (CueIs(r, i, RC_AND))
				return true;
	return false;
}

/*
 * Arguments and context are looked for at most this many tokens from the
 * trigger, so that a pathological sentence (a list of 10^5 names) costs
 * linear time.
 */
#define WINDOW 64

typedef struct TrigCtx
{
	int			ts;
	int			te;
	int			s0;				/* sentence tokens [s0, s1) */
	int			s1;
	int			m0;				/* the sentence's mentions [m0, m1) */
	int			m1;
	int			lo;				/* clause [lo, hi) */
	int			hi;
	const RelEntry *entry;
	EntEventKind kind;
	int			mode;
	bool		negated;
	EntModality modality;
	int			date_m;			/* DATE mention, or -1 */
	int			date_end_m;		/* its span's end ("from 2016 to 2024") */
	int			equip_m;
	const char *equip_country;	/* where the equipment is made, or NULL */
	int64_t		quantity;
	int			money_m;
	bool		boilerplate;
	bool		stopped;		/* aid or cooperation halted: a SANCTION
								 * whose target is the recipient */
	bool		reported;		/* a report verb in the sentence */
	bool		noun;			/* the trigger is a noun */
	Actor	   *prev_subj;		/* the previous trigger's subject in the
								 * sentence, or NULL */
	int			prev_te;		/* and where it ended */
	Actor	   *subj;			/* out: this trigger's subject */
	Actor	   *speaker;		/* the actor before the sentence's first
								 * report verb, or NULL */
	const char *how;			/* argument rule */
	float		confidence;
} TrigCtx;

static bool
Emit(Rx *r, const TrigCtx *t, const Actor *src, const Actor *tgt)
{
	EntRelations *out = r->out;
	EntRelation *rel;
	EntExtraction *x = &out->x;
	uint32_t	lo_tok,
				hi_tok;
	char		rule[160];
	EntEventKind kind = t->kind;

	if (!src || !tgt || strcmp(src->cc, tgt->cc) == 0)
		return true;
	/*
	 * People demonstrate ("Polish farmers protest at the border"); a state
	 * that protests disapproves in words (PLOVER: ACCUSE).
	 */
	if (kind == EV_PROTEST && src->m >= 0 &&
		(x->m[src->m].kind == ENT_COUNTRY || x->m[src->m].kind == ENT_PERSON ||
		 x->m[src->m].kind == ENT_ORGANIZATION))
		kind = EV_ACCUSE;
	/* one row per triple and sentence */
	for (int i = out->n - 1; i >= 0 && i >= out->n - 64 &&
		 out->r[i].sentence == r->doc->tok[t->ts].sent; i--)
	{
		EntRelation *o = &out->r[i];
		const char *mode = t->mode >= 0 ? mode_names[t->mode] : NULL;

		/* the same fact: arms sold and exercises held are two */
		bool		same = o->kind == kind &&
			(o->mode == mode || !o->mode || !mode) &&
			((strcmp(o->source_country, src->cc) == 0 &&
			  strcmp(o->target_country, tgt->cc) == 0) ||
			 (ent_event_undirected(kind) && !(t->mode == MODE_ARMS) &&
			  strcmp(o->source_country, tgt->cc) == 0 &&
			  strcmp(o->target_country, src->cc) == 0));

		if (same)
			return true;
	}
	if (out->n == out->cap)
	{
		int32_t		cap = out->cap * 2 + 16;
		EntRelation *a = ent_realloc(out->r, cap * sizeof(EntRelation));

		if (!a)
			return ent_fail(r->err, ENT_ERR_NOMEM, "out of memory");
		out->r = a;
		out->cap = cap;
	}
	rel = &out->r[out->n];
	memset(rel, 0, sizeof(*rel));
	rel->src = src->m;
	rel->tgt = tgt->m;
	rel->source = src->id;
	rel->target = tgt->id;
	rel->source_country = src->cc;
	rel->target_country = tgt->cc;
	rel->kind = kind;
	rel->mode = t->mode >= 0 ? mode_names[t->mode] : NULL;
	rel->negated = t->negated;
	rel->modality = t->modality;
	rel->quantity = -1;
	if (t->date_m >= 0 && t->date_end_m >= 0)
		snprintf(rel->event_date, sizeof(rel->event_date), "%s/%s",
				 x->m[t->date_m].canonical, x->m[t->date_end_m].canonical);
	else if (t->date_m >= 0)
		snprintf(rel->event_date, sizeof(rel->event_date), "%s",
				 x->m[t->date_m].canonical);
	else if (r->published.year > 0)
		snprintf(rel->event_date, sizeof(rel->event_date), "%04d-%02d-%02d",
				 r->published.year, r->published.month, r->published.day);
	/* equipment and its quantity belong to transfers */
	if (t->equip_m >= 0 &&
		(t->mode == MODE_ARMS || kind == EV_AID))
	{
		rel->equipment = x->m[t->equip_m].canonical;
		rel->quantity = t->quantity;
	}
	if (t->money_m >= 0)
		rel->amount = x->m[t->money_m].canonical;
	rel->sentence = r->doc->tok[t->ts].sent;
	lo_tok = t->ts;
	hi_tok = t->te - 1;
	if (src->m >= 0 && src->ts < (int) lo_tok)
		lo_tok = src->ts;
	if (tgt->m >= 0 && tgt->ts < (int) lo_tok)
		lo_tok = tgt->ts;
	if (src->m >= 0 && src->te - 1 > (int) hi_tok)
		hi_tok = src->te - 1;
	if (tgt->m >= 0 && tgt->te - 1 > (int) hi_tok)
		hi_tok = tgt->te - 1;
	rel->char_start = r->doc->tok[lo_tok].char_start;
	rel->char_end = r->doc->tok[hi_tok].char_end;
	/* the sentence; around the trigger when it is a pathological one */
	if (t->s1 - t->s0 > 4 * WINDOW)
	{
		int			e0 = t->ts - WINDOW > t->s0 ? t->ts - WINDOW : t->s0;
		int			e1 = t->te + WINDOW < t->s1 ? t->te + WINDOW : t->s1;

		rel->ev_start = r->doc->tok[e0].byte_start;
		rel->ev_end = r->doc->tok[e1 - 1].byte_end;
	}
	else
	{
		rel->ev_start = r->doc->tok[t->s0].byte_start;
		rel->ev_end = r->doc->tok[t->s1 - 1].byte_end;
	}
	rel->boilerplate = t->boilerplate;
	rel->confidence = t->confidence;
	snprintf(rule, sizeof(rule), "%s %s", t->entry->rule, t->how);
	rel->rule = ent_extraction_keep(x, rule, strlen(rule));
	if (!rel->rule)
		return ent_fail(r->err, ENT_ERR_NOMEM, "out of memory");
	out->n++;
	return true;
}

/* every pair of distinct countries within g */
static bool
EmitWithin(Rx *r, const TrigCtx *t, const Group *g)
{
	for (int i = 0; i < g->n; i++)
		for (int j = i + 1; j < g->n; j++)
			if (!Emit(r, t, g->a[i], g->a[j]))
				return false;
	return true;
}

static bool
EmitAcross(Rx *r, const TrigCtx *t, const Group *a, const Group *b)
{
	for (int i = 0; i < a->n; i++)
		for (int j = 0; j < b->n; j++)
			if (!Emit(r, t, a->a[i], b->a[j]))
				return false;
	return true;
}

/* the number just before equipment mention m: digits or a number word */
static int64_t
QuantityBefore(const Rx *r, const EntMention *m, int lo)
{
	for (int i = m->tok_start - 1; i >= lo && i >= m->tok_start - 4; i--)
	{
		const EntToken *t = &r->doc->tok[i];

		if (CueIs(r, i, RC_NUM))
			return CueEntry(r, i, RC_NUM)->value;
		if (t->flags & TK_NUM)
		{
			const char *s = r->doc->text + t->byte_start;
			int64_t		v = 0;
			size_t		k;

			for (k = 0; k < t->byte_end - t->byte_start && k < 12; k++)
			{
				if (s[k] < '0' || s[k] > '9')
					break;
				v = v * 10 + (s[k] - '0');
			}
			if (k == t->byte_end - t->byte_start && v > 0)
				return v;
			return -1;
		}
		if (r->mention_at[i] >= 0)
			break;
	}
	return -1;
}

/* first of actors [a0, a1) starting at or after token tok */
static int
FirstFrom(const Actor *actors, int a0, int a1, int tok)
{
	while (a0 < a1)
	{
		int			mid = a0 + (a1 - a0) / 2;

		if (actors[mid].ts < tok)
			a0 = mid + 1;
		else
			a1 = mid;
	}
	return a0;
}

/* first actor in [a0, a1) starting at or after token tok */
static int
ActorFrom(const Rx *r, int a0, int a1, int tok)
{
	return FirstFrom(r->actors, a0, a1, tok);
}

/* first mention in [m0, m1) starting at or after token tok */
static int
MentionFrom(const Rx *r, int m0, int m1, int tok)
{
	const EntMention *m = r->out->x.m;

	while (m0 < m1)
	{
		int			mid = m0 + (m1 - m0) / 2;

		if (m[mid].tok_start < tok)
			m0 = mid + 1;
		else
			m1 = mid;
	}
	return m0;
}

/*
 * A stop word at token i turns aid or cooperation into its suspension (a
 * SANCTION), a lift word a sanction into a concession and force into a
 * retreat ("lifted the blockade").  Returns whether it did.
 */
static bool
StopOrLift(const Rx *r, TrigCtx *t, int i)
{
	if (CueIs(r, i, RC_STOP) && (t->kind == EV_AID || t->kind == EV_COOPERATE))
	{
		t->kind = EV_SANCTION;
		t->mode = -1;
		t->stopped = true;
		return true;
	}
	if (CueIs(r, i, RC_LIFT) && t->kind == EV_SANCTION)
	{
		t->kind = EV_CONCEDE;
		return true;
	}
	if (CueIs(r, i, RC_LIFT) &&
		(t->kind == EV_COERCE || t->kind == EV_MOBILIZE || t->kind == EV_ASSAULT))
	{
		t->kind = EV_RETREAT;
		return true;
	}
	return false;
}

/*
 * Sentence context of trigger t: clause, negation, modality, mode, date,
 * equipment and money, within WINDOW tokens of the trigger.
 */
static void
Context(Rx *r, TrigCtx *t)
{
	const EntExtraction *x = &r->out->x;
	bool		weapon = false;
	int			mode_cue = -1;
	int			best_dist = 1 << 30;
	int			w0 = t->ts - WINDOW > t->s0 ? t->ts - WINDOW : t->s0;
	int			w1 = t->te + WINDOW < t->s1 ? t->te + WINDOW : t->s1;

	t->lo = w0;
	t->hi = w1;
	for (int i = w0; i < w1; i++)
	{
		const EntToken *tk = &r->doc->tok[i];
		bool		boundary = CueIs(r, i, RC_CLAUSE) ||
			((tk->flags & TK_PUNCT) && tk->fold_len == 1 &&
			 ent_tok_fold(r->doc, i)[0] == ';') ||
			IsDash(r, i);

		if (boundary && i < t->ts)
			t->lo = i + 1;
		if (boundary && i >= t->te && i < t->hi)
			t->hi = i;
	}

	/*
	 * Reported speech: "X said (that) Y attacked Z" is Y's event when Y is
	 * named after the report word; "Y attacked Z, X said" ends at the comma
	 * before the speaker.
	 */
	for (int i = t->ts - 1; i >= t->lo; i--)
		if (CueIs(r, i, RC_REPORT))
		{
			int			after = i + r->cue[i].ntok;

			for (int k = after; k < t->ts; k++)
				if (r->mention_at[k] >= 0 &&
					ActorCountry(r, &x->m[r->mention_at[k]]) != NULL)
				{
					t->lo = after;
					break;
				}
			break;
		}
	for (int i = t->te; i < t->hi; i++)
		if (CueIs(r, i, RC_REPORT))
		{
			for (int k = i - 1; k >= t->te; k--)
				if (IsComma(r, k))
				{
					t->hi = k;
					break;
				}
			break;
		}
	t->negated = false;
	t->modality = MOD_ASSERTED;
	for (int i = t->ts - 1; i >= t->lo && i >= t->ts - 3; i--)
		if (CueIs(r, i, RC_NEG))
			t->negated = true;
	for (int i = t->ts - 1; i >= t->lo && i >= t->ts - 5; i--)
		if (CueIs(r, i, RC_PLAN))
			t->modality = MOD_PLANNED;
	for (int i = w0; i < w1 && !t->reported; i++)
		if (CueIs(r, i, RC_REPORT))
			t->reported = true;
	if (t->modality == MOD_ASSERTED && t->reported)
		t->modality = MOD_REPORTED;

	/* stop words turn aid into its suspension, lift words sanctions into
	 * concessions */
	for (int i = t->ts - 1; i >= t->lo && i >= t->ts - 5; i--)
		if (StopOrLift(r, t, i))
			break;

	/* "refused to deploy", "failed to reach agreement": a rejection */
	for (int i = t->ts - 1; i >= t->lo && i >= t->ts - 4; i--)
		if (CueIs(r, i, RC_REFUSE))
		{
			t->kind = EV_REJECT;
			t->mode = -1;
			t->stopped = false;
			t->negated = false;
			break;
		}

	/* German and Dutch put the participle last: "Beschränkungen wurden
	 * aufgehoben", "die Hilfe wurde gestoppt" */
	if (r->verb_final && !t->stopped)
		for (int i = t->te; i < t->hi && i < t->te + 8; i++)
			if (StopOrLift(r, t, i))
				break;

	/*
	 * "offered to hand over", "promised to continue aid": what is offered
	 * has not happened; the offer is an agreement (PLOVER AGREE) between
	 * the two sides.
	 */
	for (int i = t->ts - 1; i >= t->lo && i >= t->ts - 4; i--)
		if (CueIs(r, i, RC_OFFER))
		{
			t->kind = EV_AGREE;
			t->stopped = false;
			t->modality = MOD_PLANNED;
			break;
		}

	t->date_m = t->equip_m = t->money_m = -1;
	t->quantity = -1;
	for (int32_t m = MentionFrom(r, t->m0, t->m1, w0); m < t->m1; m++)
	{
		const EntMention *pm = &x->m[m];
		int			dist;

		if (pm->tok_start >= w1)
			break;
		if (pm->dropped)
			continue;
		dist = pm->tok_start < t->ts ? t->ts - pm->tok_end : pm->tok_start - t->te;
		if (pm->kind == ENT_DATE && dist < best_dist)
		{
			t->date_m = m;
			best_dist = dist;
		}
		else if (pm->kind == ENT_EQUIPMENT && t->equip_m < 0)
		{
			t->equip_m = m;
			t->equip_country = pm->country[0] ? pm->country : NULL;
			t->quantity = QuantityBefore(r, pm, w0);
		}
		else if (pm->kind == ENT_MONEY && t->money_m < 0)
			t->money_m = m;
	}
	/* a span: the date, a "to"/"and"/dash, and a later date */
	t->date_end_m = -1;
	if (t->date_m >= 0 && !strchr(x->m[t->date_m].canonical, '/'))
	{
		const EntMention *d = &x->m[t->date_m];

		for (int32_t m = t->date_m + 1; m < t->m1; m++)
		{
			const EntMention *e = &x->m[m];
			bool		joined = e->tok_start > d->tok_end;

			if (e->dropped || e->kind != ENT_DATE)
				continue;
			if (e->tok_start - d->tok_end > 3 || strchr(e->canonical, '/') ||
				strcmp(e->canonical, d->canonical) <= 0)
				break;
			{
				bool		link = false;

				for (int i = d->tok_end; i < e->tok_start; i++)
				{
					if (CueIs(r, i, RC_TO) || CueIs(r, i, RC_AND) ||
						(r->doc->tok[i].flags & TK_HYPHEN) ||
						((r->doc->tok[i].flags & TK_PUNCT) &&
						 strchr("-/", ent_tok_fold(r->doc, i)[0])))
						link = true;
					else if (!(r->doc->tok[i].flags & TK_LOWER))
						joined = false;
				}
				joined = joined && link;
			}
			if (joined)
				t->date_end_m = m;
			break;
		}
	}
	for (int i = w0; i < w1; i++)
	{
		if (CueIs(r, i, RC_WEAPON))
			weapon = true;
		if (CueIs(r, i, RC_MODE) && i >= t->lo && i < t->hi &&
			(mode_cue < 0 || abs(i - t->ts) < abs(mode_cue - t->ts)))
			mode_cue = i;
	}
	if (t->mode == MODE_ARMS_MAYBE)
	{
		if (t->equip_m >= 0 || weapon)
			t->mode = t->kind == EV_COOPERATE ? MODE_ARMS : 0;	/* military */
		else
			t->mode = 1;		/* economic */
	}
	if (t->mode < 0 && mode_cue >= 0 &&
		(t->kind == EV_COOPERATE || t->kind == EV_AID || t->kind == EV_AGREE))
		t->mode = CueEntry(r, mode_cue, RC_MODE)->mode;
	if (t->mode == MODE_ARMS && t->kind != EV_COOPERATE)
		t->mode = 0;
	t->boilerplate = r->doc->lines[r->doc->tok[t->ts].line].boilerplate;
}

/*
 * The first of the groups that names a country other than the subject's:
 * "praised Haiti's efforts and said it was a partner for the United
 * States" is the US praising Haiti.
 */
static Group *
FirstOther(const Group *subj, Group *const *order, int n)
{
	for (int k = 0; k < n; k++)
	{
		Group	   *g = order[k];

		if (!g)
			continue;
		for (int i = 0; i < g->n; i++)
		{
			bool		same = false;

			for (int j = 0; j < subj->n && !same; j++)
				same = strcmp(g->a[i]->cc, subj->a[j]->cc) == 0;
			if (!same)
				return g;
		}
	}
	return NULL;
}

/*
 * PairGroup adds to g the pair "the two countries" at token cue stands for:
 * the two the paragraph names just before cue, when it names exactly two,
 * else the article's pair.  "All sides" (article) prefers the article's
 * pair: the parties of the story, not of the last sentence.
 */
static bool
PairGroup(Rx *r, int cue, Group *g, Actor *store, bool article)
{
	const char *cc[3] = {NULL, NULL, NULL};
	int			n = 0;
	int			sent = r->doc->tok[cue].sent;
	int			start = FirstFrom(r->actors, 0, r->nactors, cue);

	/*
	 * "Turkey's rapprochement with Armenia has stalled.  Envoys of the two
	 * countries met ...": the countries named since the start of the
	 * previous sentence of the paragraph.
	 */
	for (int a = start - 1; a >= 0 && a >= start - 16 && n < 3; a--)
	{
		const Actor *ac = &r->actors[a];
		int			k;

		if (r->doc->tok[ac->ts].sent < sent - 1 ||
			r->doc->tok[ac->ts].line != r->doc->tok[cue].line)
			break;
		for (k = 0; k < n; k++)
			if (strcmp(cc[k], ac->cc) == 0)
				break;
		if (k == n)
			cc[n++] = ac->cc;
	}
	if (n != 2 || (article && r->pair[0] && r->pair[1]))
	{
		if (!r->pair[0] || !r->pair[1])
			return false;
		cc[0] = r->pair[0];
		cc[1] = r->pair[1];
	}
	for (int k = 0; k < 2; k++)
	{
		store[k].m = -1;
		store[k].ts = store[k].te = 0;
		store[k].cc = cc[k];
		store[k].id = cc[k];
		GroupAdd(g, &store[k]);
	}
	return true;
}

/*
 * PlaceAfter adds to g the first place in the trigger's clause after it
 * that marker role introduces ("from Karabakh", "in Karachi").
 */
static void
PlaceAfter(Rx *r, const TrigCtx *t, int role, bool passive, bool recv, Group *g)
{
	for (int p = FirstFrom(r->places, 0, r->nplaces, t->te); p < r->nplaces; p++)
	{
		Actor	   *pl = &r->places[p];

		if (pl->te > t->hi)
			break;
		if (Marker(r, pl, t->te, passive, recv) == role)
		{
			GroupAdd(g, pl);
			return;
		}
	}
}

static bool
Arguments(Rx *r, TrigCtx *t, int a0, int a1)
{
	Group		subj = {0},
				in = {0},
				by = {0},		/* the agent of a noun ("threats by Russia") */
				topic = {0},	/* what it is about: no party */
				obj = {0},
				partner = {0},
				agent = {0},
				from = {0},
				to = {0};
	Actor		pair_store[2],
				obj_pair_store[2],
				answered_store;	/* the author of what a rejection answers */
	int			nearest_left = -1;
	int			subj_far = -1;	/* the subject group's farthest actor */
	bool		relative = false;	/* the subject is before "which" */
	bool		passive = false;
	bool		recv = (t->entry->flags & TRIG_RECV) != 0;
	bool		noun = t->noun;
	bool		arms = t->kind == EV_COOPERATE && t->mode == MODE_ARMS;
	int			first_right = -1;

	/* only the actors of the clause */
	a0 = ActorFrom(r, a0, a1, t->lo);
	a1 = ActorFrom(r, a0, a1, t->hi);
	for (int i = t->ts - 1; i >= t->lo && i >= t->ts - 3 && !passive; i--)
		if (CueIs(r, i, RC_PASSIVE))
			passive = true;

	/*
	 * "Argelia, que suspendió el tratado", "Russia, which signed": the
	 * actor before a relative pronoun is the subject of its clause,
	 * whatever preposition it has in the main clause.
	 */
	for (int i = t->ts - 1; i >= t->s0 && i >= t->ts - 12 && !noun; i--)
	{
		if ((r->mention_at[i] >= 0 &&
			 r->out->x.m[r->mention_at[i]].kind != ENT_DATE) ||
			r->trig[i].entry >= 0)
			break;
		if (CueIs(r, i, RC_REL))
		{
			int			a = FirstFrom(r->actors, 0, r->nactors, i) - 1;

			if (a >= 0 && (r->actors[a].te == i ||
						   (r->actors[a].te == i - 1 && IsComma(r, i - 1))) &&
				r->doc->tok[r->actors[a].ts].sent == r->doc->tok[i].sent)
			{
				GroupAdd(&subj, &r->actors[a]);
				relative = true;
				t->lo = i + r->cue[i].ntok;
				a0 = ActorFrom(r, a0, a1, t->lo);
			}
			break;
		}
	}

	/* subject: the nearest actor before the trigger and its coordinates */
	for (int a = a0; a < a1; a++)
	{
		Actor	   *ac = &r->actors[a];

		/* a noun takes its arguments close by ("Russia's attack on") */
		if (ac->te <= t->ts && ac->ts >= t->lo &&
			!(noun && t->ts - ac->te > 10))
			nearest_left = a;
		if (ac->ts >= t->te && ac->te <= t->hi && first_right < 0)
			first_right = a;
	}
	if (nearest_left >= 0 && subj.n == 0)
	{
		int			k = nearest_left;
		int			mk = Marker(r, &r->actors[k], t->lo, passive, recv);

		/* "X bị Y tấn công": Y, right after the passive marker, is the agent */
		if (mk == RC_PASSIVE)
		{
			GroupAdd(&agent, &r->actors[k]);
			passive = true;
			k--;
			if (k < a0 || r->actors[k].ts < t->lo)
				k = -1;
		}
		/* "an Kiew geliefert", "z Rosji kupił": a prepositional phrase before
		 * the verb is not its subject */
		while (k >= 0 && (mk == RC_TO || mk == RC_FROM || mk == RC_AGENT || mk == RC_IN ||
						  mk == RC_TOPIC))
		{
			/* "W Moskwie Putin spotkał": a place where it happens is no
			 * subject either, nor what is talked about */
			if (mk == RC_IN)
				GroupAdd(&in, &r->actors[k]);
			else if (mk != RC_TOPIC)
				GroupAdd(mk == RC_TO ? &to : mk == RC_FROM ? &from : &agent, &r->actors[k]);
			if (mk == RC_AGENT)
				passive = true;
			k--;
			if (k < a0 || r->actors[k].ts < t->lo)
				k = -1;
			else
				mk = Marker(r, &r->actors[k], t->lo, passive, recv);
		}
		/*
		 * "Pakistan, a key U.S. ally in the war, has refused": an actor in
		 * an apposition between commas is not the subject; the one before
		 * it is.
		 */
		if (k >= 0 && k - 1 >= a0 && r->actors[k - 1].ts >= t->lo &&
			mk < 0 && IsComma(r, r->actors[k - 1].te) &&
			Marker(r, &r->actors[k - 1], t->lo, passive, recv) < 0)
		{
			bool		close = false,
						verb = false;

			for (int i = r->actors[k - 1].te + 1; i < t->ts; i++)
			{
				if (r->trig[i].entry >= 0)
					verb = true;
				if (i >= r->actors[k].te && IsComma(r, i))
					close = true;
			}
			if (close && !verb)
				mk = Marker(r, &r->actors[--k], t->lo, passive, recv);
		}

		/*
		 * "The Turkish and Greek sides of the island of Cyprus agreed": an
		 * actor that only qualifies a noun is not the subject when another
		 * actor comes before it.
		 */
		while (k >= 0 && mk == RC_OF && k - 1 >= a0 && r->actors[k - 1].ts >= t->lo &&
			   (Marker(r, &r->actors[k - 1], t->lo, passive, recv) < 0 ||
				Marker(r, &r->actors[k - 1], t->lo, passive, recv) == RC_AND))
			mk = Marker(r, &r->actors[--k], t->lo, passive, recv);
		if (k >= 0)
		{
			GroupAdd(&subj, &r->actors[k]);
			while (k - 1 >= a0 && r->actors[k - 1].ts >= t->lo &&
				   Coordinated(r, &r->actors[k - 1], &r->actors[k]))
			{
				k--;
				GroupAdd(&subj, &r->actors[k]);
			}
			subj_far = k;
			/* "between X and Y" before a noun trigger: partners */
			mk = Marker(r, &r->actors[k], t->lo, passive, recv);
			if (mk == RC_BETWEEN || mk == RC_WITH)
			{
				for (int i = 0; i < subj.n; i++)
					GroupAdd(&partner, subj.a[i]);
				subj.n = 0;
			}
			/* "In der EU und der NATO drängt Berlin": the list takes the
			 * role of its first member */
			else if (subj.n > 1 && (mk == RC_IN || mk == RC_TOPIC))
			{
				for (int i = 0; i < subj.n && mk == RC_IN; i++)
					GroupAdd(&in, subj.a[i]);
				subj.n = 0;
			}
		}
	}
	/*
	 * Verb-final clauses ("Russland hat die Ukraine angegriffen", "von
	 * Russland angegriffen"): nothing after the trigger, and another actor
	 * before the subject group.  The nearest group is then the object (or
	 * the agent), the one before it the subject.  So too for a noun of
	 * giving in any language, the recipient before it: "Deutschland hat
	 * der Ukraine Militärhilfe zugesagt", "Polska obiecała Ukrainie pomoc".
	 */
	if (((r->verb_final && !noun) ||
		 (noun && subj.n == 1 && (t->kind == EV_AID || arms) && subj_far > a0 &&
		  r->actors[subj_far].te >= t->ts - 3 &&
		  Marker(r, &r->actors[subj_far - 1], t->lo, passive, recv) < 0)) &&
		!t->entry->particle && subj.n && !relative && subj_far >= 0 &&
		agent.n == 0 && partner.n == 0 &&
		(first_right < 0 || r->actors[first_right].ts >= t->hi))
	{
		int			k = subj_far - 1;

		/* the group before, past prepositional phrases ("wegen", "in") */
		while (k >= a0 && r->actors[k].ts >= t->lo &&
			   Marker(r, &r->actors[k], t->lo, passive, recv) >= 0 &&
			   Marker(r, &r->actors[k], t->lo, passive, recv) != RC_AND)
			k--;
		/* "Chinas Ministerpräsident Li Qiang": the same country is no
		 * second party */
		for (int i = 0; k >= a0 && i < subj.n; i++)
			if (strcmp(subj.a[i]->cc, r->actors[k].cc) == 0)
				k = a0 - 1;
		if (k >= a0 && r->actors[k].ts >= t->lo)
		{
			Group		near = subj;
			int			mk = Marker(r, &r->actors[subj_far], t->lo, passive, recv);

			subj.n = 0;
			GroupAdd(&subj, &r->actors[k]);
			while (k - 1 >= a0 && r->actors[k - 1].ts >= t->lo &&
				   Coordinated(r, &r->actors[k - 1], &r->actors[k]))
			{
				k--;
				GroupAdd(&subj, &r->actors[k]);
			}
			if (mk == RC_AGENT)
			{
				agent = near;
				passive = true;
			}
			else if (mk == RC_TO)
				to = near;
			else if (mk == RC_FROM)
				from = near;
			else if (mk == RC_WITH || mk == RC_BETWEEN)
				partner = near;
			else
				obj = near;
			t->confidence -= 0.1f;
		}
	}
	/*
	 * "В Баку опровергли", "В Кремле заявили", "У Києві заявили": Russian
	 * and Ukrainian report what a government did with "in <the capital>"
	 * and a plural verb that has no subject; the place speaks for its
	 * country.
	 */
	if (subj.n == 0 && in.n == 1 && !noun && r->impersonal && t->te - t->ts == 1 &&
		r->doc->tok[t->ts].byte_end - r->doc->tok[t->ts].byte_start > 4 &&
		memcmp(r->doc->text + r->doc->tok[t->ts].byte_end - 4, "\xD0\xBB\xD0\xB8", 4) == 0)
	{
		subj = in;
		in.n = 0;
		t->how = "impersonal";
	}

	/*
	 * "oskarżyła Seul o ... i zagroziła": a verb coordinated with the
	 * previous trigger shares its subject.
	 */
	if (!noun && t->ts > 0 && CueIs(r, t->ts - 1, RC_AND) &&
		(subj.n == 0 || (t->prev_subj && subj.a[0]->ts >= t->prev_te) ||
		 (t->speaker && subj.a[0]->ts > t->speaker->te)))
	{
		/*
		 * "заявил, что ... и призвал Москву": a speech act coordinated
		 * after a report verb is the speaker's.
		 */
		bool		verbal = ent_event_quad(t->kind) == 1 || ent_event_quad(t->kind) == 3;
		Actor	   *who = verbal && t->speaker ? t->speaker : t->prev_subj;

		if (who)
		{
			subj.n = 0;
			GroupAdd(&subj, who);
			t->how = "coordinated-verb";
		}
	}
	/* German and Dutch put the subject after the verb when something else
	 * comes first ("In der EU drängt Berlin die Partner") */
	if (subj.n == 0 && r->verb_final && first_right >= 0 &&
		r->actors[first_right].ts == t->te &&
		Marker(r, &r->actors[first_right], t->te, passive, recv) < 0)
	{
		GroupAdd(&subj, &r->actors[first_right]);
		first_right = first_right + 1 < a1 ? first_right + 1 : -1;
	}
	if (subj.n == 0)
	{
		for (int i = t->lo; i < t->ts; i++)
			if (CueIs(r, i, RC_BOTH) || CueIs(r, i, RC_ALL))
			{
				PairGroup(r, i, &subj, pair_store, CueIs(r, i, RC_ALL));
				break;
			}
	}

	/* actors after the trigger, by their markers */
	if (first_right >= 0)
	{
		Group	   *last = NULL;

		for (int a = first_right; a < a1; a++)
		{
			Actor	   *ac = &r->actors[a];
			int			mk;

			if (ac->te > t->hi)
				break;
			/* ", Rosja zdjęła embargo": an actor after a comma with its own
			 * verb right after it starts the next clause */
			{
				bool		comma = CommaBetween(r, a > first_right ? r->actors[a - 1].te : t->te,
												 ac->ts),
							verb = false;

				for (int i = ac->te; comma && i < ac->te + 3 && i < t->s1; i++)
					if (r->trig[i].entry >= 0)
						verb = true;
				if (comma && verb)
					break;
				mk = Marker(r, ac, t->te, passive, recv);

				/*
				 * "travel to India for a summit of the Quad, the grouping
				 * that also includes Japan": after a comma, an actor with
				 * no marker once the trigger has its arguments belongs to
				 * an apposition or another clause.
				 */
				if (comma && mk < 0 && (obj.n || to.n || from.n || partner.n || agent.n))
					break;

				/*
				 * "sau khi Mỹ rút quân, Moskva đã nhận ra": an object
				 * follows its verb; an actor with no marker after a comma
				 * right after the trigger starts another clause.
				 */
				if (comma && mk < 0 && a == first_right && !r->verb_final)
					break;
			}
			mk = Marker(r, ac, t->te, passive, recv);

			/*
			 * "за підтримку з перших днів вторгнення Росії": a bare
			 * genitive right after a later trigger is that one's owner,
			 * not the one supported ("potępiła atak Rosji" still accuses
			 * Russia).
			 */
			if (r->genitive && mk < 0 && ac->ts > t->te && ent_event_quad(t->kind) <= 2 &&
				OtherTriggerEndsAt(r, ac->ts, t->te))
				continue;
			if (a > first_right && last && Coordinated(r, &r->actors[a - 1], ac))
			{
				GroupAdd(last, ac);
				continue;
			}
			switch (mk)
			{
				case RC_AGENT:
					last = agent.n ? NULL : &agent;
					break;
				case RC_FROM:
					last = from.n ? NULL : &from;
					break;
				case RC_TO:
					last = to.n ? NULL : &to;
					break;
				case RC_WITH:
				case RC_BETWEEN:
					last = partner.n ? NULL : &partner;
					break;
				case RC_TOPIC:
					/* what it is about: "talks about Afghanistan", and
					 * the list that follows */
					last = &topic;
					break;
				case RC_IN:
					/* where it happens: a party to a meeting ("Lavrov in
					 * Islamabad"); for others only a fallback target */
					last = t->kind == EV_CONSULT && !obj.n ? &obj : &in;
					break;
				default:
					last = obj.n ? NULL : &obj;
					break;
			}
			if (last)
				GroupAdd(last, ac);
		}
	}
	/*
	 * "urged all sides to show restraint", "rief beide Seiten zur
	 * Zurückhaltung auf": with no actor after it, a verb whose object is
	 * "both sides" or "all sides" acts on the pair the paragraph or the
	 * article is about.
	 */
	if (subj.n && !obj.n && !to.n && !from.n && !partner.n && !noun)
		for (int i = t->te; i < t->te + 4 && i < t->hi; i++)
		{
			if (IsComma(r, i))
				break;
			if (CueIs(r, i, RC_BOTH) || CueIs(r, i, RC_ALL))
			{
				/* the subject is not one of the pair: look before the
				 * sentence */
				PairGroup(r, t->s0, &obj, obj_pair_store, CueIs(r, i, RC_ALL));
				t->how = "both-object";
				break;
			}
		}

	/*
	 * "withdrew its peacekeepers from Karabakh": forces leave the country
	 * of the place they leave.
	 */
	if (t->kind == EV_RETREAT && from.n == 0)
		PlaceAfter(r, t, RC_FROM, passive, recv, &from);

	/* places after the trigger that say where it happens */
	if (in.n == 0)
		PlaceAfter(r, t, RC_IN, passive, recv, &in);

	/*
	 * "Russia struck Odesa", "Rosja zaatakowała Odessę", "griff Charkiw
	 * an": a place attacked, seized or blockaded as the object is its
	 * country's; in German the object may stand before the verb at the
	 * end of the clause ("hatte ... die Hafenstadt Odessa angegriffen").
	 */
	if (in.n == 0 && obj.n == 0 && !passive &&
		(t->kind == EV_ASSAULT || t->kind == EV_COERCE))
	{
		PlaceAfter(r, t, -1, passive, recv, &in);
		if (in.n == 0 && r->caps_nouns)
			for (int p = FirstFrom(r->places, 0, r->nplaces, t->ts) - 1; p >= 0; p--)
			{
				Actor	   *pl = &r->places[p];

				if (pl->ts < t->lo || pl->ts < t->ts - WINDOW)
					break;
				if (Marker(r, pl, t->lo, passive, recv) == -1)
				{
					GroupAdd(&in, pl);
					break;
				}
			}
	}
	/* or before it: "the steel mill in Karachi, built with a Soviet loan" */
	if (in.n == 0)
		for (int p = FirstFrom(r->places, 0, r->nplaces, t->ts) - 1; p >= 0; p--)
		{
			Actor	   *pl = &r->places[p];

			if (pl->ts < t->lo || pl->ts < t->ts - WINDOW)
				break;
			if (Marker(r, pl, t->lo, passive, recv) == RC_IN)
			{
				GroupAdd(&in, pl);
				break;
			}
		}

	/*
	 * The owner of a noun is its subject: "sự hỗ trợ của Tokyo", "atak
	 * Rosji na Ukrainę", "вторгнення Росії".  It replaces an actor found
	 * before the noun, which belongs to another word ("thanked Warsaw for
	 * its support since Russia's invasion").
	 */
	if ((noun || r->vi) && first_right >= 0 && r->actors[first_right].te <= t->hi)
	{
		Actor	   *ow = &r->actors[first_right];
		int			mk = Marker(r, ow, t->te, passive, recv);

		/* a Vietnamese verb followed by "của" is used as a noun */
		bool		owner = mk == RC_OF && r->vi &&
			ow->ts - t->te <= 1;

		/* an adjective after the noun belongs to the next one
		 * ("покупка российских систем") */
		if (noun && r->genitive && mk < 0 && ow->ts == t->te &&
			r->out->x.m[ow->m].kind != ENT_NATIONALITY)
			owner = true;
		if (owner)
		{
			subj.n = 0;
			GroupAdd(&subj, ow);
			if (obj.n && obj.a[0] == ow)
			{
				for (int i = 1; i < obj.n; i++)
					obj.a[i - 1] = obj.a[i];
				obj.n--;
			}
			t->how = "owner";
		}
	}

	t->subj = subj.n && subj.a[0]->m >= 0 ? subj.a[0] : NULL;

	/*
	 * "rejected calls by Belarus": an agent without a passive verb belongs
	 * to a noun; its owner is what the verb acts on.
	 */
	by = agent;
	if (agent.n && !passive)
	{
		if (recv && from.n == 0)
			from = agent;
		else if (!recv && !noun && !arms &&
				 (obj.n == 0 || agent.a[0]->ts < obj.a[0]->ts) &&
				 agent.a[0]->ts - t->te <= 4 && !CommaBetween(r, t->te, agent.a[0]->ts))
			obj = agent;
		agent.n = 0;
	}

	if (ent_event_undirected(t->kind) && !arms)
	{
		Group	   *other = partner.n ? &partner : obj.n ? &obj : to.n ? &to :
			from.n ? &from : agent.n ? &agent : NULL;

		t->how = "undirected";

		/*
		 * "cooperation with Russia" after several actors: the subject is
		 * the article's other main country when the clause names it.
		 */
		if (subj.n == 1 && other && other->n == 1 && r->pair[0] && r->pair[1] &&
			strcmp(subj.a[0]->cc, other->a[0]->cc) != 0)
		{
			const char *want = strcmp(other->a[0]->cc, r->pair[0]) == 0 ? r->pair[1] :
				strcmp(other->a[0]->cc, r->pair[1]) == 0 ? r->pair[0] : NULL;

			if (want && strcmp(subj.a[0]->cc, want) != 0)
				for (int a = a0; a < a1; a++)
					if (r->actors[a].te <= t->ts && r->actors[a].ts >= t->lo &&
						strcmp(r->actors[a].cc, want) == 0)
					{
						subj.a[0] = &r->actors[a];
						t->how = "undirected-pair";
					}
		}
		/*
		 * "Turkey and Azerbaijan launched joint drills near the Armenian
		 * border", "the two sides agreed to cooperate on UN peacekeeping":
		 * several subjects are the parties; only a partner ("with",
		 * "between") joins them.
		 */
		if (Countries(&subj) >= 2 && other != &partner)
			other = NULL;
		/* "financing for projects in Morocco": cooperation where it goes */
		if (!other && subj.n == 1 && in.n && t->kind == EV_COOPERATE &&
			in.a[0]->m >= 0 && r->out->x.m[in.a[0]->m].kind != ENT_ORGANIZATION)
			other = &in;
		if (subj.n)
		{
			if (!EmitWithin(r, t, &subj))
				return false;
			if (other && !EmitAcross(r, t, &subj, other))
				return false;
			if (partner.n && obj.n && !EmitWithin(r, t, &partner))
				return false;
		}
		else if (other)
		{
			t->how = "undirected-between";
			t->confidence -= 0.1f;
			if (!EmitWithin(r, t, other))
				return false;
		}
		return true;
	}

	if (arms)
	{
		/* supplier -> recipient */
		Group	   *supplier,
				   *recipient;

		if (recv && !passive)
		{
			t->how = "arms-received";
			supplier = from.n ? &from : obj.n ? &obj : agent.n ? &agent :
				to.n ? &to : NULL;	/* "acheter à", "comprar a" */
			recipient = &subj;
		}
		else if (passive)
		{
			t->how = "arms-passive";
			supplier = agent.n ? &agent : from.n ? &from : NULL;
			recipient = to.n ? &to : &subj;
			if (recv && agent.n)
			{
				/* "were bought by Pakistan from Russia" */
				supplier = from.n ? &from : NULL;
				recipient = &agent;
			}
		}
		else
		{
			t->how = "arms-supplied";
			supplier = &subj;
			recipient = to.n ? &to : obj.n ? &obj : NULL;
		}
		/*
		 * "Moskva và Islamabad ký hợp đồng về 4 chiếc Mi-35M": both sides in
		 * one group; the equipment's maker is the supplier.
		 */
		if (t->equip_country)
		{
			Group	   *g = NULL;
			Actor	   *maker = NULL;

			if (supplier && supplier->n >= 2)
				g = supplier;
			else if (recipient && recipient->n >= 2)
				g = recipient;
			else if (subj.n >= 2 && (!supplier || !supplier->n || !recipient || !recipient->n))
				g = &subj;
			for (int i = 0; g && i < g->n; i++)
				if (strcmp(g->a[i]->cc, t->equip_country) == 0)
					maker = g->a[i];
			if (maker)
			{
				t->how = "arms-maker";
				for (int i = 0; i < g->n; i++)
					if (!Emit(r, t, maker, g->a[i]))
						return false;
				return true;
			}
		}
		if (supplier && recipient && supplier->n && recipient->n)
			return EmitAcross(r, t, supplier, recipient);
		if (noun || t->equip_m < 0)
			return true;		/* one side of a vague transfer: nothing */

		/*
		 * One side only, and named equipment: the other side is its maker
		 * ("New Delhi avait acheté 36 Rafale"), else the article's other
		 * main country.
		 */
		{
			Group	   *known = supplier && supplier->n ? supplier : recipient && recipient->n ? recipient : NULL;
			bool		known_is_supplier = known && known == supplier;
			Actor		other = {-1, 0, 0, NULL, NULL};

			if (!known || known->n != 1)
				return true;
			if (!known_is_supplier && t->equip_country &&
				strcmp(t->equip_country, known->a[0]->cc) != 0)
			{
				other.cc = other.id = t->equip_country;
				t->how = "arms-maker";
			}
			else if (r->pair[0] && r->pair[1])
			{
				if (strcmp(known->a[0]->cc, r->pair[0]) == 0)
					other.cc = other.id = r->pair[1];
				else if (strcmp(known->a[0]->cc, r->pair[1]) == 0)
					other.cc = other.id = r->pair[0];
				t->how = "arms-pair";
			}
			if (!other.cc)
				return true;
			t->confidence -= 0.25f;
			return known_is_supplier ? Emit(r, t, known->a[0], &other) :
				Emit(r, t, &other, known->a[0]);
		}
	}

	/* undirected kinds done: directed ones */
	if (passive && agent.n)
	{
		t->how = "passive";
		t->confidence -= 0.05f;
		return EmitAcross(r, t, &agent, subj.n ? &subj : obj.n ? &obj : &to);
	}
	if (passive)
		return true;			/* the doer is not named */
	if (subj.n)
	{
		Group	   *target;

		/*
		 * Giving goes to the recipient ("aid to Pakistan"), withdrawing
		 * leaves a place ("from Afghanistan"); asking, blaming, attacking
		 * take a direct object.
		 */
		if (t->kind == EV_AID || t->kind == EV_CONCEDE || t->kind == EV_SUPPORT ||
			t->stopped)
		{
			/* "respaldó el plan de Marruecos": "de" is "of" here */
			Group	   *order[] = {&to, &obj, &partner,
			t->kind == EV_SUPPORT && !noun ? &from : NULL};

			target = FirstOther(&subj, order, 4);

			/*
			 * "reconoció la soberanía de Rabat sobre la antigua colonia
			 * española": verbal support goes to the nearest one named.
			 */
			if (t->kind == EV_SUPPORT && !noun && target && from.n &&
				target != &from && from.a[0]->ts < target->a[0]->ts &&
				FirstOther(&subj, (Group *[]) {&from}, 1))
				target = &from;
		}
		else if (t->kind == EV_RETREAT)
		{
			Group	   *order[] = {&from, &obj, &to};

			target = FirstOther(&subj, order, 3);
		}
		else
		{
			Group	   *order[] = {&obj, &to, &partner, &from, passive ? NULL : &by};

			target = FirstOther(&subj, order, 5);
		}
		/*
		 * Riots, attacks, refusals, accusations, threats and aid where no
		 * one else is named are against or for the country where they
		 * happen ("rioted at a jail in northern Israel", "refused to
		 * deploy peacekeepers in Iraq", "a Soviet loan for the steel mill
		 * in Karachi", "the Russian embassy in Prague warned").
		 */
		if (!target && in.n &&
			(t->kind == EV_ASSAULT || t->kind == EV_PROTEST ||
			 t->kind == EV_COERCE || t->kind == EV_REJECT || t->kind == EV_AID ||
			 t->kind == EV_ACCUSE || t->kind == EV_THREATEN))
			target = &in;
		/*
		 * "Brüssel wirft Peking vor ...  Peking wies die Vorwürfe
		 * zurück": a rejection that names no one answers the latest
		 * accusation, demand or threat against the subject in the
		 * sentences just before; its author is the target.
		 */
		if (!target && t->kind == EV_REJECT && subj.n == 1)
		{
			int			sent = r->doc->tok[t->ts].sent;

			for (int k = r->out->n - 1; k >= 0 && !target; k--)
			{
				const EntRelation *p = &r->out->r[k];

				if (p->sentence < sent - 2)
					break;
				if ((p->kind == EV_ACCUSE || p->kind == EV_REQUEST ||
					 p->kind == EV_THREATEN || p->kind == EV_SANCTION) &&
					!p->negated && strcmp(p->target_country, subj.a[0]->cc) == 0 &&
					strcmp(p->source_country, subj.a[0]->cc) != 0)
				{
					answered_store.m = p->src;
					answered_store.ts = answered_store.te = 0;
					answered_store.cc = p->source_country;
					answered_store.id = p->source;
					GroupAdd(&obj, &answered_store);
					target = &obj;
					t->how = "answers";
				}
			}
		}
		/* "Palestinians and Israelis failed to reach agreement" */
		if (!target && t->kind == EV_REJECT && subj.n >= 2)
		{
			/* the group is nearest first: the first named is the source */
			Group		s = {{subj.a[subj.n - 1]}, 1},
						o = {{subj.a[subj.n - 2]}, 1};

			t->how = "refused";
			return EmitAcross(r, t, &s, &o);
		}
		t->how = "directed";
		if (recv && from.n)
		{
			t->how = "received";
			return EmitAcross(r, t, &from, &subj);
		}
		return target ? EmitAcross(r, t, &subj, target) : true;
	}
	if (noun && obj.n)
	{
		/* "sanctions of the US on Russia", "Russia's attack on Ukraine" */
		Group	   *target = to.n ? &to : partner.n ? &partner : NULL;

		t->how = "nominal";
		t->confidence -= 0.15f;
		if (target)
			return EmitAcross(r, t, &obj, target);
		if (obj.n >= 2)
		{
			Group		s = {{obj.a[0]}, 1},
						o = {{obj.a[1]}, 1};

			return EmitAcross(r, t, &s, &o);
		}
	}
	return true;
}

/*
 * Slavic deverbal nouns end alike: вторгнення, вторжение, wycofanie,
 * stažení, operacja.  A stem trigger ("вторгн*") matched by one is a noun.
 */
static const char *const nominal_endings[] = {
	"ние", "ния", "нию", "нием", "нии", "ция", "ции", "цию", "цией",
	"ння", "нню", "нням", "нні", "ція", "ції", "цію", "цією",
	"nie", "nia", "niu", "niem", "niach", "cja", "cji", "cje",
	"ni", "nim", "nich", NULL
};

static bool
TriggerIsNoun(const Rx *r, int i)
{
	const EntToken *t;
	const char *k;

	if (r->rl->e[r->trig[i].entry].flags & TRIG_NOUN)
		return true;
	if (!r->genitive)
		return false;
	t = &r->doc->tok[i + r->trig[i].ntok - 1];
	k = ent_tok_key(r->doc, i + r->trig[i].ntok - 1);
	for (int e = 0; nominal_endings[e]; e++)
	{
		size_t		n = strlen(nominal_endings[e]);

		if (t->key_len > n + 2 && memcmp(k + t->key_len - n, nominal_endings[e], n) == 0)
			return true;
	}
	return false;
}

/*
 * The entry of the trigger at token i, skipping those whose particle does
 * not follow in the sentence ("wies ... zurück" rejects, "wies ... aus"
 * expels); -1 if none.
 */
static int32_t
ChooseEntry(Rx *r, int i)
{
	const EntDoc *doc = r->doc;
	int			te = i + r->trig[i].ntok;
	uint8_t		acc = AccentBits(r, i, r->trig[i].ntok);

	for (int32_t e = r->trig[i].entry; e >= 0; e = r->rl->e[e].next)
	{
		const RelEntry *en = &r->rl->e[e];
		bool		found = en->particle == NULL;

		if (en->is_cue || !EntryOk(r, en, acc))
			continue;
		for (int k = te; !found && k < doc->ntok && k < te + 40 &&
			 doc->tok[k].sent == doc->tok[i].sent; k++)
			found = doc->tok[k].key_len == strlen(en->particle) &&
				memcmp(ent_tok_key(doc, k), en->particle, doc->tok[k].key_len) == 0;
		if (found)
			return e;
	}
	return -1;
}

/*
 * A trigger written with a capital inside a sentence is part of a name
 * ("chương trình Hỗ trợ an ninh chính thức", "Tratado de Amistad y
 * Cooperación"), unless the line capitalises its words (an English
 * headline) or the language capitalises nouns (German).
 */
static bool
InTitle(Rx *r, int i)
{
	const EntDoc *doc = r->doc;
	const EntToken *t = &doc->tok[i];
	int			li = t->line;

	if (!(t->flags & TK_CAP) || (t->flags & TK_ALLCAPS) || r->caps_nouns)
		return false;
	if (i == 0 || doc->tok[i - 1].sent != t->sent)
		return false;			/* the sentence's first word */
	if (r->title_line[li] == 0)
	{
		const EntLine *l = &doc->lines[li];
		int			words = 0,
					caps = 0;

		for (int k = l->first_tok; k < l->first_tok + l->ntok; k++)
			if (doc->tok[k].flags & TK_WORD)
			{
				words++;
				if (doc->tok[k].flags & (TK_CAP | TK_ALLCAPS))
					caps++;
			}
		r->title_line[li] = caps * 2 > words ? 1 : 2;
	}
	return r->title_line[li] == 2;
}

bool
ent_relate(Lexicon *lex, const char *text, size_t len, const char *lang,
		   EntDate published, EntRelations *out, EntError *err)
{
	Rx			r;
	EntDoc	   *doc;
	bool		ok = true;
	int			prev_te;
	EntEventKind prev_kind;
	bool		prev_noun = false;
	Actor	   *last_subj = NULL;	/* the last subject in the sentence */
	Actor	   *speaker = NULL;
	int			report_at = -1;
	int			prev_mode = -1;
	bool		prev_empty = false;	/* the previous trigger found no parties */
	EntEventKind inherit = EV_NKINDS;	/* a replaced noun's kind */
	int32_t		prev_first = 0;	/* the previous trigger's first relation */
	int32_t		sent_first;

	memset(out, 0, sizeof(*out));
	memset(&r, 0, sizeof(r));
	if (!ent_extract(lex, text, len, lang, published, 0, &out->x, err))
		return false;
	doc = &out->x.doc;
	r.lex = lex;
	r.rl = lex->rel;
	r.doc = doc;
	r.out = out;
	r.err = err;
	r.lang = lang;
	r.published = published;
	r.any_lang = true;
	r.verb_final = strcmp(lang, "de") == 0 || strcmp(lang, "nl") == 0;
	r.vi = strcmp(lang, "vi") == 0;
	r.impersonal = strcmp(lang, "ru") == 0 || strcmp(lang, "uk") == 0;
	r.caps_nouns = strcmp(lang, "de") == 0 || strcmp(lang, "lb") == 0;
	r.genitive = strcmp(lang, "pl") == 0 || strcmp(lang, "cs") == 0 ||
		strcmp(lang, "ru") == 0 || strcmp(lang, "uk") == 0 ||
		strcmp(lang, "sk") == 0 || strcmp(lang, "be") == 0;
	for (int i = 0; i < r.rl->nlangs; i++)
		if (strcmp(r.rl->langs[i], lang) == 0)
			r.any_lang = false;
	if (doc->ntok == 0)
		return true;

	r.trig = ent_alloc(doc->ntok * sizeof(Match));
	r.cue = ent_alloc(doc->ntok * sizeof(Match));
	r.roles = ent_alloc(doc->ntok * sizeof(uint32_t));
	r.mention_at = ent_alloc(doc->ntok * sizeof(int32_t));
	r.actors = ent_alloc((out->x.n + 1) * sizeof(Actor));
	r.places = ent_alloc((out->x.n + 1) * sizeof(Actor));
	r.title_line = ent_alloc(doc->nlines + 1);
	if (!r.trig || !r.cue || !r.roles || !r.mention_at || !r.actors || !r.places || !r.title_line)
	{
		ok = ent_fail(err, ENT_ERR_NOMEM, "out of memory");
		goto done;
	}
	memset(r.title_line, 0, doc->nlines + 1);
	for (int i = 0; i < doc->ntok; i++)
	{
		r.mention_at[i] = -1;
		r.trig[i].entry = r.cue[i].entry = -1;
		r.trig[i].ntok = r.cue[i].ntok = 0;
		r.trig[i].exact = r.cue[i].exact = false;
		r.roles[i] = 0;
	}
	for (int32_t m = 0; m < out->x.n; m++)
	{
		const EntMention *pm = &out->x.m[m];
		const char *cc;

		if (pm->dropped)
			continue;
		for (int i = pm->tok_start; i < pm->tok_end; i++)
			r.mention_at[i] = m;
		if ((cc = ActorCountry(&r, pm)) == NULL && pm->kind == ENT_PLACE &&
			pm->country[0])
		{
			Actor	   *a = &r.places[r.nplaces++];

			a->m = m;
			a->ts = pm->tok_start;
			a->te = pm->tok_end;
			a->cc = pm->country;
			a->id = pm->entity_id;
		}
		else if (cc)
		{
			Actor	   *a = &r.actors[r.nactors++];

			a->m = m;
			a->ts = pm->tok_start;
			a->te = pm->tok_end;
			a->cc = cc;
			a->id = pm->entity_id;
		}
	}
	FindPair(&r);

	/* triggers and cues, sentence by sentence */
	for (int s0 = 0, a0 = 0, m0 = 0; s0 < doc->ntok;)
	{
		int			s1 = s0;
		int			a1,
					m1;

		while (s1 < doc->ntok && doc->tok[s1].sent == doc->tok[s0].sent)
			s1++;
		while (a0 < r.nactors && r.actors[a0].ts < s0)
			a0++;
		a1 = a0;
		while (a1 < r.nactors && r.actors[a1].ts < s1)
			a1++;
		while (m0 < out->x.n && out->x.m[m0].tok_start < s0)
			m0++;
		m1 = m0;
		while (m1 < out->x.n && out->x.m[m1].tok_start < s1)
			m1++;
		for (int i = s0; i < s1; i++)
		{
			r.trig[i].entry = r.cue[i].entry = -1;
			r.trig[i].ntok = r.cue[i].ntok = 0;
			r.trig[i].exact = r.cue[i].exact = false;
			r.roles[i] = 0;
		}
		/*
		 * Left to right, the longest trigger or cue wins and its words are
		 * not matched again: "hàng không" (aviation) hides its "không"
		 * (not), "attack helicopters" (BLOCK) its "attack".
		 */
		for (int i = s0; i < s1;)
		{
			Match	   *tg = &r.trig[i],
					   *cu = &r.cue[i];
			int			n;

			if (doc->tok[i].flags & (TK_WORD | TK_PUNCT))
				Walk(&r, 0, i, s1, 0, true, 0, tg, cu);
			if (cu->ntok > tg->ntok)
				tg->entry = -1;
			else if (tg->ntok > cu->ntok)
				cu->entry = -1;
			r.roles[i] = cu->entry >= 0 ? NodeRoles(&r, i) : 0;
			if (cu->entry >= 0 && CueIs(&r, i, RC_BLOCK))
				tg->entry = -1;
			n = tg->ntok > cu->ntok ? tg->ntok : cu->ntok;
			i += n > 0 ? n : 1;
		}
		prev_te = -1;
		prev_kind = EV_NKINDS;
		prev_noun = false;
		prev_empty = false;
		last_subj = NULL;
		/* the speaker: the actor before the first report verb */
		report_at = -1;
		speaker = NULL;
		for (int i = s0; i < s1 && report_at < 0; i++)
			if (CueIs(&r, i, RC_REPORT))
				report_at = i;
		if (report_at >= 0)
		{
			int			a = FirstFrom(r.actors, a0, a1, report_at) - 1;

			if (a >= a0 && r.actors[a].te <= report_at)
				speaker = &r.actors[a];
		}
		sent_first = out->n;
		for (int i = s0; i < s1 && ok; i++)
		{
			TrigCtx		t;
			bool		in_name = false;

			if (r.trig[i].entry < 0)
				continue;
			for (int k = i; k < i + r.trig[i].ntok; k++)
				if (r.mention_at[k] >= 0)
					in_name = true;
			if (in_name || InTitle(&r, i) || (r.trig[i].entry = ChooseEntry(&r, i)) < 0)
				continue;
			/* "signed an agreement", "rejected the accusations": a noun
			 * right after a trigger is its object, not another event */
			if (prev_te >= 0 && i - prev_te <= 2)
			{
				bool		plain = true;

				/* "… krok a pohrozilo": "and" joins two events */
				for (int k = prev_te; k < i; k++)
					if (r.mention_at[k] >= 0 || !(doc->tok[k].flags & TK_LOWER) ||
						doc->tok[k].char_end - doc->tok[k].char_start > 4 ||
						CueIs(&r, k, RC_AND))
						plain = false;
				/*
				 * "hrozby odmítl", "the accusations rejected": a noun
				 * before the verb is its object; the verb's event replaces
				 * the noun's.
				 */
				if (plain && prev_noun && i == prev_te &&
					!TriggerIsNoun(&r, i))
				{
					out->n = prev_first;
					inherit = prev_kind;
				}
				else if (plain)
				{
					prev_te = i + r.trig[i].ntok;
					continue;
				}
			}
			/*
			 * "kêu gọi Hoa Kỳ hợp tác", "urged Russia to withdraw": what is
			 * asked for is the request's content, not another event.
			 */
			if (prev_kind == EV_REQUEST && prev_te >= 0 && i - prev_te <= 8 &&
				!CommaBetween(&r, prev_te, i))
			{
				bool		clause = false;

				for (int k = prev_te; k < i; k++)
					if (CueIs(&r, k, RC_CLAUSE) || CueIs(&r, k, RC_REPORT))
						clause = true;
				if (!clause)
				{
					prev_te = i + r.trig[i].ntok;
					continue;
				}
			}
			/* one event per sentence from nouns: "blamed Israel for the
			 * bombing", "offered talks after the invasion" */
			if (TriggerIsNoun(&r, i) &&
				out->n > sent_first)
			{
				bool		fresh = false;	/* an actor no relation used */

				for (int a = ActorFrom(&r, a0, a1, prev_te); a < a1 && !fresh; a++)
				{
					bool		used = false;

					if (r.actors[a].te > i)
						break;
					for (int32_t k = out->n - 1; k >= sent_first && k >= out->n - 64; k--)
						if (out->r[k].src == r.actors[a].m || out->r[k].tgt == r.actors[a].m)
							used = true;
					fresh = !used;
				}
				if (!fresh)
					continue;
			}
			memset(&t, 0, sizeof(t));
			t.ts = i;
			t.te = i + r.trig[i].ntok;
			t.s0 = s0;
			t.s1 = s1;
			t.m0 = m0;
			t.m1 = m1;
			t.entry = &r.rl->e[r.trig[i].entry];
			t.noun = TriggerIsNoun(&r, i);
			t.kind = (EntEventKind) t.entry->what;
			t.mode = t.entry->mode;
			t.confidence = r.trig[i].exact ? 0.9f : 0.85f;
			Context(&r, &t);
			if (t.entry->flags & TRIG_FUTURE)
				t.modality = MOD_PLANNED;
			/*
			 * "Sicherheitsabkommen unterzeichnet", "dárcům vojenské pomoci:
			 * … předalo Ukrajině": the mode of a noun of the same kind that
			 * named no parties
			 */
			if ((inherit == t.kind || (prev_kind == t.kind && prev_empty)) && t.mode < 0)
				t.mode = prev_mode;
			inherit = EV_NKINDS;

			/*
			 * "would boycott", "will strike": force or sanctions announced
			 * for the future are a threat (PLOVER THREATEN), made now.
			 */
			if (t.modality == MOD_PLANNED && !t.negated &&
				(t.kind == EV_SANCTION || t.kind == EV_ASSAULT || t.kind == EV_COERCE))
			{
				t.kind = EV_THREATEN;
				t.mode = -1;
				t.modality = t.reported ? MOD_REPORTED : MOD_ASSERTED;
			}
			if (t.modality == MOD_REPORTED)
				t.confidence -= 0.05f;
			prev_first = out->n;
			t.prev_subj = last_subj;
			t.speaker = report_at >= 0 && report_at < i ? speaker : NULL;
			t.prev_te = prev_te;
			ok = Arguments(&r, &t, a0, a1);
			if (t.subj)
				last_subj = t.subj;
			prev_te = t.te;
			prev_kind = t.kind;
			prev_mode = t.mode;
			prev_empty = out->n == prev_first;
			prev_noun = t.noun;
			i = t.te - 1;		/* a trigger's words are not triggers again */
		}
		s0 = s1;
		a0 = a1;
		m0 = m1;
	}

done:
	ent_free(r.trig);
	ent_free(r.cue);
	ent_free(r.roles);
	ent_free(r.mention_at);
	ent_free(r.actors);
	ent_free(r.places);
	ent_free(r.title_line);
	return ok;
}

void
ent_relations_free(EntRelations *r)
{
	ent_free(r->r);
	ent_extraction_free(&r->x);
	memset(r, 0, sizeof(*r));
}
