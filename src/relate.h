/*-------------------------------------------------------------------------
 *
 * relate.h
 *	  Who did what to whom: PLOVER events between the actors of an article
 *
 * A relation is a trigger word (a verb or its nominalisation, from
 * data/relations/triggers-<lang>.tsv) with two actors around it in the same
 * sentence: countries, nationality adjectives, people and state bodies
 * acting for a country, capitals and government buildings standing for it,
 * and intergovernmental bodies.  Small words from
 * data/relations/cues-<lang>.tsv decide direction (passive agents, "from",
 * "to", "with", "between", coordination), negation, modality and mode.
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/relate.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ENTENTE_RELATE_H
#define ENTENTE_RELATE_H

#include "extract.h"

typedef enum EntEventKind
{
	EV_AGREE = 0,
	EV_CONSULT,
	EV_SUPPORT,
	EV_CONCEDE,
	EV_COOPERATE,
	EV_AID,
	EV_RETREAT,
	EV_REQUEST,
	EV_ACCUSE,
	EV_REJECT,
	EV_THREATEN,
	EV_PROTEST,
	EV_SANCTION,
	EV_MOBILIZE,
	EV_COERCE,
	EV_ASSAULT,
	EV_NKINDS
} EntEventKind;

extern const char *const ent_event_names[];

/* PLOVER quad class of a kind: 1 verbal cooperation .. 4 material conflict */
extern int	ent_event_quad(EntEventKind k);

/* true for kinds whose two actors play the same role */
extern bool ent_event_undirected(EntEventKind k);

typedef enum EntModality
{
	MOD_ASSERTED = 0,
	MOD_PLANNED,
	MOD_REPORTED
} EntModality;

extern const char *const ent_modality_names[];

typedef struct EntRelation
{
	int32_t		src;			/* mention index of the source actor, or -1
								 * when it is the article's pair ("the two
								 * countries") */
	int32_t		tgt;
	const char *source;			/* entity ids of the actors as found */
	const char *target;
	const char *source_country; /* ISO 3166-1 alpha-2, or the id of an
								 * intergovernmental body */
	const char *target_country;
	EntEventKind kind;
	const char *mode;			/* NULL if none */
	char		event_date[48];	/* ISO 8601, "" if unknown */
	bool		negated;
	EntModality modality;
	const char *equipment;		/* NULL if none */
	int64_t		quantity;		/* -1 if none */
	const char *amount;			/* "<number> <ISO 4217>", NULL if none */
	int32_t		sentence;
	uint32_t	char_start;		/* 0-based, of the span from the first actor
								 * or trigger to the last */
	uint32_t	char_end;
	uint32_t	ev_start;		/* bytes of the evidence sentence */
	uint32_t	ev_end;
	bool		boilerplate;
	float		confidence;
	const char *rule;
} EntRelation;

typedef struct EntRelations
{
	EntExtraction x;			/* the entities the relations are built on */
	EntRelation *r;
	int32_t		n;
	int32_t		cap;
} EntRelations;

/*
 * ent_relate finds the relations of text[0..len) in language lang (ISO
 * 639-1, "" if unknown); published (year 0 if unknown) anchors relative
 * dates and dates the events of sentences that name none.  Relations are
 * in document order.  Release with ent_relations_free.
 */
extern bool ent_relate(Lexicon *lex, const char *text, size_t len,
					   const char *lang, EntDate published,
					   EntRelations *out, EntError *err);
extern void ent_relations_free(EntRelations *r);

#endif							/* ENTENTE_RELATE_H */
