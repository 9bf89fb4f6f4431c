/*-------------------------------------------------------------------------
 *
 * entx.c
 *	  Run entity extraction outside the server: entx DATADIR LANG [YYYY-MM-DD] < text
 *
 * Prints one line per mention (kind, id, canonical, country, zone, surface,
 * rule), or with ENTX_REL=1 one line per relation.  Used to debug, fuzz and
 * time the engine without PostgreSQL.
 *
 * Copyright (c) 2026, the entente authors
 *
 * tools/entx.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "relate.h"
#include "segment.h"

int
main(int argc, char **argv)
{
	EntError	err;
	Lexicon    *lex;
	EntExtraction x;
	EntDate		pub = {0, 0, 0};
	char	   *text = NULL;
	size_t		len = 0,
				cap = 0;
	char		path[1024];
	FILE	   *f;
	int			repeat = getenv("ENTX_REPEAT") ? atoi(getenv("ENTX_REPEAT")) : 1;

	if (argc < 3)
	{
		fprintf(stderr, "usage: entx DATADIR LANG [YYYY-MM-DD] < text\n");
		return 2;
	}
	if (argc > 3)
		sscanf(argv[3], "%d-%d-%d", &pub.year, &pub.month, &pub.day);
	snprintf(path, sizeof(path), "%s/abbreviations.tsv", argv[1]);
	if ((f = fopen(path, "rb")) != NULL)
	{
		char		buf[1 << 16];
		size_t		n = fread(buf, 1, sizeof(buf), f);

		fclose(f);
		if (!ent_abbrev_load(buf, n, &err))
			fprintf(stderr, "abbreviations: %s\n", err.message);
	}
	lex = ent_lexicon_build(argv[1], &err);
	if (!lex)
	{
		fprintf(stderr, "lexicon: %s %s\n", err.message, err.detail);
		return 1;
	}
	fprintf(stderr, "lexicon: %d entities, %d aliases, %zu ms\n",
			lex->nentities, lex->naliases, lex->build_ms);
	for (;;)
	{
		size_t		n;

		if (len + 65536 > cap)
			text = realloc(text, cap = cap * 2 + 65536);
		n = fread(text + len, 1, cap - len, stdin);

		if (n == 0)
			break;
		len += n;
	}
	if (getenv("ENTX_REL"))
	{
		EntRelations rs;

		for (int r = 0; r < repeat; r++)
		{
			if (!ent_relate(lex, text, len, strcmp(argv[2], "-") ? argv[2] : "", pub,
							&rs, &err))
			{
				fprintf(stderr, "relate: %s %s\n", err.message, err.detail);
				return 1;
			}
			if (r + 1 < repeat)
				ent_relations_free(&rs);
		}
		for (int i = 0; i < rs.n; i++)
		{
			const EntRelation *r = &rs.r[i];

			printf("%s\t%s\t%s\t%s\t%s\t%s%s%s\t[%s|%s] %.*s\n", r->source_country,
				   ent_event_names[r->kind], r->target_country,
				   r->mode ? r->mode : "-", r->event_date,
				   r->negated ? "NEG " : "", ent_modality_names[r->modality],
				   r->boilerplate ? " boilerplate" : "", r->rule,
				   r->equipment ? r->equipment : "",
				   (int) (r->ev_end - r->ev_start), text + r->ev_start);
		}
		ent_relations_free(&rs);
		ent_lexicon_free(lex);
		free(text);
		return 0;
	}
	for (int r = 0; r < repeat; r++)
	{
		if (!ent_extract(lex, text, len, strcmp(argv[2], "-") ? argv[2] : "", pub,
						 getenv("ENTX_IDS") ? ENT_X_IDS_ONLY : 0, &x, &err))
		{
			fprintf(stderr, "extract: %s %s\n", err.message, err.detail);
			return 1;
		}
		if (r + 1 < repeat)
			ent_extraction_free(&x);
	}
	for (int i = 0; i < x.n; i++)
	{
		const EntMention *m = &x.m[i];

		if (m->dropped)
			continue;
		printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", ent_kind_names[m->kind], m->entity_id,
			   m->canonical, m->country, m->boilerplate ? "boilerplate" : "body",
			   m->surface, m->rule);
	}
	ent_extraction_free(&x);
	ent_lexicon_free(lex);
	free(text);
	return 0;
}
