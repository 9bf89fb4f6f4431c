/*-------------------------------------------------------------------------
 *
 * scan.h
 *	  Tokens of an article for extraction: folded, classified, placed in
 *	  sentences and lines
 *
 * Extraction works on its own tokens, not on entente.tokens(): they join
 * hyphenated names (Mi-35M, Kassym-Jomart), split Italian and French
 * elisions (l'Italia -> l' Italia), keep decimal numbers whole (1,5) and
 * carry their fold, so every lexicon lookup is a hash of bytes already
 * computed.  Lexicon aliases are tokenized the same way.
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/scan.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ENTENTE_SCAN_H
#define ENTENTE_SCAN_H

#include "strmap.h"
#include "textbuf.h"

/* token flags */
#define TK_WORD			0x0001	/* has a letter */
#define TK_NUM			0x0002	/* starts with a digit */
#define TK_PUNCT		0x0004	/* one punctuation or symbol character */
#define TK_CAP			0x0008	/* first letter upper case */
#define TK_ALLCAPS		0x0010	/* two or more letters, all upper case */
#define TK_LOWER		0x0020	/* first letter lower case */
#define TK_LINE_START	0x0040	/* first token of its line */
#define TK_SENT_START	0x0080	/* first token of its sentence */
#define TK_SPACE_BEFORE 0x0100	/* white space (or start) before it */
#define TK_DIGIT		0x0200	/* contains a digit */
#define TK_HYPHEN		0x0400	/* contains a hyphen */
#define TK_NONLATIN		0x0800	/* has a letter outside ASCII/Latin */
#define TK_QUOTE_BEFORE 0x1000	/* an opening quotation mark before it */
#define TK_INNER_CAP	0x2000	/* upper and lower case after the first
								 * letter: McDonald, МИДе, BiznesAlert */
#define TK_CAP_WORD		0x4000	/* a word that may be a name: capitalised,
								 * or in a script without case, not a
								 * number */

typedef struct EntToken
{
	uint32_t	byte_start;
	uint32_t	byte_end;
	uint32_t	char_start;		/* 0-based */
	uint32_t	char_end;		/* exclusive */
	uint32_t	fold_off;		/* into EntDoc.folded */
	uint32_t	fold_len;
	uint32_t	key_off;		/* lookup key: the fold, or in Vietnamese the
								 * lower-case spelling with its marks */
	uint32_t	key_len;
	bool		key_in_keys;	/* key is in EntDoc.keys, not folded */
	uint32_t	flags;
	int32_t		sent;			/* sentence ordinal, 1-based */
	int32_t		line;			/* line index, 0-based */
} EntToken;

typedef struct EntLine
{
	uint32_t	byte_start;
	uint32_t	byte_end;
	int32_t		first_tok;
	int32_t		ntok;
	bool		boilerplate;
} EntLine;

#define ENT_KEY_PAD STRMAP_PAD

typedef struct EntDoc
{
	const char *text;
	size_t		len;
	char		lang[8];
	EntToken   *tok;
	int32_t		ntok;
	int32_t		captok;
	/*
	 * folded and keys are each followed by ENT_KEY_PAD zero bytes, so that
	 * a key can be read a word at a time (strmap_hash_padded).
	 */
	char	   *folded;			/* folds of all tokens, back to back */
	size_t		folded_len;
	size_t		folded_cap;
	char	   *keys;			/* Vietnamese keys */
	size_t		keys_len;
	size_t		keys_cap;
	EntLine    *lines;
	int32_t		nlines;
	int32_t		nsent;
	/* while scanning: the characters that may end a sentence (see
	 * ent_sentence_bytes_at), and whether one was ill-formed */
	uint32_t   *stops;
	size_t		nstops;
	size_t		stops_cap;
	bool		suspect;
} EntDoc;

/*
 * ent_scan tokenizes text[0..len) into doc (all arrays allocated with
 * ent_alloc).  With want_sentences, tokens get sentence ordinals from
 * ent_sentences(); otherwise each line is one sentence.
 */
extern bool ent_scan(const char *text, size_t len, const char *lang,
					 bool want_sentences, EntDoc *doc, EntError *err);
extern void ent_doc_free(EntDoc *doc);

/* The fold of token i (not NUL-terminated). */
static inline const char *
ent_tok_fold(const EntDoc *doc, int i)
{
	return doc->folded + doc->tok[i].fold_off;
}

/*
 * The lookup key of token i: its fold, except in Vietnamese where folding
 * would merge words that differ only in tone marks (tháng, thẳng).
 */
static inline const char *
ent_tok_key(const EntDoc *doc, int i)
{
	return doc->tok[i].key_in_keys ? doc->keys + doc->tok[i].key_off :
		doc->folded + doc->tok[i].fold_off;
}

static inline uint32_t
ent_tok_key_len(const EntDoc *doc, int i)
{
	return doc->tok[i].key_len;
}

/*
 * ent_vikey writes the Vietnamese key of s[0..n): lower case, tone marks
 * placed the classic way, diacritics kept.
 */
extern bool ent_vikey(const char *s, size_t n, EntBuf *out, EntError *err);

#endif							/* ENTENTE_SCAN_H */
