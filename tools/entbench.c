/*-------------------------------------------------------------------------
 *
 * entbench.c
 *	  Time the extraction engine over a corpus, outside the server
 *
 *	  entbench [-d DUMPFILE] [-p YYYY-MM-DD] [-m MODES] [-w] DATADIR CORPUS
 *
 * CORPUS has one document a line, "lang<TAB>body", the body in PostgreSQL
 * COPY text format.  The lexicon is loaded once; then every document is run
 * once through each mode: "e" full ent_extract, "i" ent_extract with
 * ENT_X_IDS_ONLY, "r" ent_relate, "s" the tokenizer alone (MODES, default
 * "eir").  -w runs a
 * warm-up pass first.  Seconds, MB/s and CPU seconds (steadier on a busy
 * machine) are printed per mode.  With -d every output (all fields of every
 * mention and relation) is written to DUMPFILE, for comparing the engine's
 * results before and after a change; the dump is written outside the timed
 * runs.
 *
 * Copyright (c) 2026, the entente authors
 *
 * tools/entbench.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "extract.h"
#include "relate.h"
#include "segment.h"

typedef struct Document
{
	char		lang[8];
	char	   *text;
	size_t		len;
} Document;

static double
Now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU time of the process: steadier than the clock on a shared machine */
static double
Cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * Unescape decodes COPY text format in place and returns the new length.
 */
static size_t
Unescape(char *s, size_t n)
{
	size_t		o = 0;

	for (size_t i = 0; i < n; i++)
	{
		if (s[i] != '\\' || i + 1 == n)
		{
			s[o++] = s[i];
			continue;
		}
		switch (s[++i])
		{
			case 'n':
				s[o++] = '\n';
				break;
			case 't':
				s[o++] = '\t';
				break;
			case 'r':
				s[o++] = '\r';
				break;
			case 'b':
				s[o++] = '\b';
				break;
			case 'f':
				s[o++] = '\f';
				break;
			case 'v':
				s[o++] = '\v';
				break;
			default:
				s[o++] = s[i];
				break;
		}
	}
	s[o] = '\0';
	return o;
}

static Document *
ReadCorpus(const char *path, int *ndocs, size_t *bytes)
{
	FILE	   *f = fopen(path, "rb");
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		n;
	Document   *d = NULL;
	int			nd = 0,
				capd = 0;

	if (!f)
	{
		perror(path);
		exit(1);
	}
	*bytes = 0;
	while ((n = getline(&line, &cap, f)) > 0)
	{
		char	   *tab;

		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if ((tab = strchr(line, '\t')) == NULL)
			continue;
		if (nd == capd)
			d = realloc(d, (capd = capd * 2 + 1024) * sizeof(Document));
		*tab = '\0';
		snprintf(d[nd].lang, sizeof(d[nd].lang), "%s", line);
		d[nd].text = strdup(tab + 1);
		d[nd].len = Unescape(d[nd].text, strlen(d[nd].text));
		*bytes += d[nd].len;
		nd++;
	}
	free(line);
	fclose(f);
	*ndocs = nd;
	return d;
}

static void
Fail(const char *what, const EntError *err)
{
	fprintf(stderr, "%s: %s %s\n", what, err->message, err->detail);
	exit(1);
}

static const char *
Str(const char *s)
{
	return s ? s : "(null)";
}

static void
DumpMentions(FILE *out, const EntExtraction *x)
{
	for (int i = 0; i < x->n; i++)
	{
		const EntMention *m = &x->m[i];

		fprintf(out, "M\t%s\t%s\t%s\t%s\t%s\t%d-%d\t%u-%u\t%u-%u\t%d\t%s\t%.6g\t%s%s\n",
				ent_kind_names[m->kind], Str(m->entity_id), Str(m->canonical),
				Str(m->country), Str(m->surface), m->tok_start, m->tok_end,
				m->byte_start, m->byte_end, m->char_start, m->char_end,
				m->sentence, m->boilerplate ? "boilerplate" : "body",
				m->confidence, Str(m->rule), m->dropped ? "\tdropped" : "");
	}
}

static void
DumpRelations(FILE *out, const EntRelations *rs)
{
	for (int i = 0; i < rs->n; i++)
	{
		const EntRelation *r = &rs->r[i];

		fprintf(out, "R\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%lld\t%s\t%d\t%u-%u\t%u-%u\t%s\t%.6g\t%s\n",
				r->src, r->tgt, Str(r->source), Str(r->target),
				Str(r->source_country), Str(r->target_country),
				ent_event_names[r->kind], Str(r->mode), r->event_date,
				(int) r->negated, ent_modality_names[r->modality],
				Str(r->equipment), (long long) r->quantity, Str(r->amount),
				r->sentence, r->char_start, r->char_end, r->ev_start,
				r->ev_end, r->boilerplate ? "boilerplate" : "body",
				r->confidence, Str(r->rule));
	}
}

/*
 * RunMode runs every document through mode once and returns the seconds
 * taken; with dump, writes the outputs (untimed).
 */
static double
RunMode(Lexicon *lex, Document *d, int nd, char mode, EntDate pub, FILE *dump,
		double *cpu)
{
	double		total = 0;
	EntError	err;

	*cpu = 0;
	for (int k = 0; k < nd; k++)
	{
		double		t0 = Now();
		double		c0 = Cpu();

		if (mode == 's')
		{
			EntDoc		doc;

			if (!ent_scan(d[k].text, d[k].len, d[k].lang, false, &doc, &err))
				Fail("scan", &err);
			total += Now() - t0;
			*cpu += Cpu() - c0;
			ent_doc_free(&doc);
		}
		else if (mode == 'r')
		{
			EntRelations rs;

			if (!ent_relate(lex, d[k].text, d[k].len, d[k].lang, pub, &rs, &err))
				Fail("relate", &err);
			total += Now() - t0;
			*cpu += Cpu() - c0;
			if (dump)
			{
				fprintf(dump, "D\t%d\t%c\n", k, mode);
				DumpMentions(dump, &rs.x);
				DumpRelations(dump, &rs);
			}
			ent_relations_free(&rs);
		}
		else
		{
			EntExtraction x;

			if (!ent_extract(lex, d[k].text, d[k].len, d[k].lang, pub,
							 mode == 'i' ? ENT_X_IDS_ONLY : 0, &x, &err))
				Fail("extract", &err);
			total += Now() - t0;
			*cpu += Cpu() - c0;
			if (dump)
			{
				/* (ids mode leaves them in the order found) */
				ent_mentions_sort(&x);
				fprintf(dump, "D\t%d\t%c\n", k, mode);
				DumpMentions(dump, &x);
			}
			ent_extraction_free(&x);
		}
	}
	return total;
}

int
main(int argc, char **argv)
{
	EntError	err;
	Lexicon    *lex;
	EntDate		pub = {0, 0, 0};
	const char *modes = "eir";
	const char *dumpfile = NULL;
	bool		warm = false;
	FILE	   *dump = NULL;
	char		path[1024];
	FILE	   *f;
	Document   *docs;
	int			ndocs;
	size_t		bytes;
	double		cpu;
	int			opt;

	while ((opt = getopt(argc, argv, "d:p:m:w")) != -1)
	{
		switch (opt)
		{
			case 'd':
				dumpfile = optarg;
				break;
			case 'p':
				sscanf(optarg, "%d-%d-%d", &pub.year, &pub.month, &pub.day);
				break;
			case 'm':
				modes = optarg;
				break;
			case 'w':
				warm = true;
				break;
			default:
				fprintf(stderr, "usage: entbench [-d DUMPFILE] [-p YYYY-MM-DD] [-m eir] [-w] DATADIR CORPUS\n");
				return 2;
		}
	}
	if (argc - optind != 2)
	{
		fprintf(stderr, "usage: entbench [-d DUMPFILE] [-p YYYY-MM-DD] [-m eir] [-w] DATADIR CORPUS\n");
		return 2;
	}
	snprintf(path, sizeof(path), "%s/abbreviations.tsv", argv[optind]);
	if ((f = fopen(path, "rb")) != NULL)
	{
		char		buf[1 << 16];
		size_t		n = fread(buf, 1, sizeof(buf), f);

		fclose(f);
		if (!ent_abbrev_load(buf, n, &err))
			Fail("abbreviations", &err);
	}
	lex = ent_lexicon_build(argv[optind], &err);
	if (!lex)
		Fail("lexicon", &err);
	docs = ReadCorpus(argv[optind + 1], &ndocs, &bytes);
	fprintf(stderr, "%d documents, %.1f MB\n", ndocs, bytes / 1e6);
	if (dumpfile && (dump = fopen(dumpfile, "w")) == NULL)
	{
		perror(dumpfile);
		return 1;
	}
	if (warm)
		for (const char *m = modes; *m; m++)
			RunMode(lex, docs, ndocs, *m, pub, NULL, &cpu);
	for (const char *m = modes; *m; m++)
	{
		double		s = RunMode(lex, docs, ndocs, *m, pub, dump, &cpu);

		printf("%-8s %7.3f s %7.2f MB/s %7.3f s CPU\n",
			   *m == 'e' ? "extract" : *m == 'i' ? "ids" : *m == 's' ? "scan" : "relate",
			   s, bytes / 1e6 / s, cpu);
	}
	if (dump)
		fclose(dump);
	for (int k = 0; k < ndocs; k++)
		free(docs[k].text);
	free(docs);
	ent_lexicon_free(lex);
	return 0;
}
