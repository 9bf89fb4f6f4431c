/*-------------------------------------------------------------------------
 *
 * extract.h
 *	  Entity mentions of an article: countries, places, people,
 *	  organizations, equipment, dates and money, linked to one identity
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/extract.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ENTENTE_EXTRACT_H
#define ENTENTE_EXTRACT_H

#include "lexicon.h"
#include "scan.h"

typedef struct EntMention
{
	EntKind		kind;
	const char *entity_id;
	const char *canonical;
	const char *country;		/* "" if none */
	const char *surface;		/* as written */
	int32_t		tok_start;
	int32_t		tok_end;		/* exclusive */
	uint32_t	byte_start;
	uint32_t	byte_end;
	uint32_t	char_start;		/* 0-based */
	uint32_t	char_end;		/* exclusive */
	int32_t		sentence;
	bool		boilerplate;
	float		confidence;
	const char *rule;
	bool		dropped;		/* removed during resolution */
	bool		inflected;		/* a lexicon name found through an
								 * inflected form of it */
} EntMention;

typedef struct EntDate
{
	int			year;			/* 0: unknown */
	int			month;
	int			day;
} EntDate;

typedef struct EntExtraction
{
	EntDoc		doc;
	EntMention *m;
	int32_t		n;
	int32_t		cap;
	char	  **strings;		/* blocks of generated strings, freed with
								 * the result */
	int32_t		nstrings;
	int32_t		capstrings;
	char	   *block;			/* the block strings are added to */
	size_t		block_free;		/* bytes left in it */
	uint32_t   *key_hash;		/* per token: strmap_hash of its key */
} EntExtraction;

/*
 * ent_extract finds the mentions of text[0..len) in language lang (an ISO
 * 639-1 code; "" for none), resolving relative dates against published (year
 * 0 if unknown).  Mentions are in document order.  With ENT_X_IDS_ONLY
 * sentences are not numbered, dates and money are not looked for, surfaces
 * are empty, people's canonical names are as written (not transliterated)
 * and the mentions are in the order they were found, not sorted.
 * Memory comes from ent_alloc; release it with ent_extraction_free.
 */
#define ENT_X_IDS_ONLY 0x01	/* only what entity_ids needs: no sentences,
								 * dates, money or surfaces */

extern bool ent_extract(Lexicon *lex, const char *text, size_t len,
						const char *lang, EntDate published, unsigned flags,
						EntExtraction *out, EntError *err);
extern void ent_extraction_free(EntExtraction *x);

/*
 * ent_mentions_sort puts x's mentions in document order (by start, the
 * longer first, then by kind), as ent_extract leaves them without
 * ENT_X_IDS_ONLY.
 */
extern void ent_mentions_sort(EntExtraction *x);

/* a copy of s[0..n) that lives as long as the extraction; NULL if no memory */
extern const char *ent_extraction_keep(EntExtraction *x, const char *s,
									   size_t n);

#endif							/* ENTENTE_EXTRACT_H */
