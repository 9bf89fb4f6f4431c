/*-------------------------------------------------------------------------
 *
 * langid.c
 *	  Language identification: sampling, code mapping, ranking
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/langid.c
 *
 *-------------------------------------------------------------------------
 */
#include "langid.h"

#include <string.h>

/* Texts longer than this are judged on SAMPLE_PARTS evenly spaced pieces. */
#define SAMPLE_LIMIT (256 * 1024)
#define SAMPLE_PARTS 4

/*
 * MapCode turns CLD2's code into ISO 639-1 (or the code CLD2 gives when
 * ISO 639-1 has none).  Returns NULL for "unknown".
 */
static const char *
MapCode(const char *code)
{
	static const struct
	{
		const char *cld2;
		const char *iso;
	}			map[] =
	{
		{"zh-Hant", "zh"},
		{"iw", "he"},
		{"jw", "jv"},
		{"in", "id"},
		{"mo", "ro"},
		{"sr-ME", "sr"},
		{"xx-Qaai", NULL},
		{"un", NULL},
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(map[i].cld2, code) == 0)
			return map[i].iso;
	if (strncmp(code, "xx-", 3) == 0)
		return NULL;
	return code;
}

/*
 * Sample copies SAMPLE_PARTS pieces of s, cut at character boundaries,
 * into buf (SAMPLE_LIMIT + 8 bytes) separated by newlines.
 */
static size_t
Sample(const char *s, size_t len, char *buf)
{
	size_t		part = SAMPLE_LIMIT / SAMPLE_PARTS - 1;
	size_t		n = 0;

	for (int i = 0; i < SAMPLE_PARTS; i++)
	{
		size_t		from = (len - part) / (SAMPLE_PARTS - 1) * i;
		size_t		to;

		while (from < len && ((unsigned char) s[from] & 0xC0) == 0x80)
			from++;
		to = from + part;
		if (to > len)
			to = len;
		while (to > from && ((unsigned char) s[to] & 0xC0) == 0x80)
			to--;
		memcpy(buf + n, s + from, to - from);
		n += to - from;
		buf[n++] = '\n';
	}
	return n;
}

/*
 * ent_detect_languages: see langid.h.
 */
int
ent_detect_languages(const char *s, size_t len, EntLangScore *out,
					 EntError *err)
{
	char		codes[3][8];
	int			percent[3];
	double		normalized[3];
	char	   *sample = NULL;
	int			n,
				k = 0;
	int			total = 0;

	if (len == 0)
		return 0;
	if (len > SAMPLE_LIMIT)
	{
		sample = ent_alloc(SAMPLE_LIMIT + 8);
		if (!sample)
		{
			ent_fail(err, ENT_ERR_NOMEM, "out of memory");
			return -1;
		}
		len = Sample(s, len, sample);
		s = sample;
	}
	ENT_CHECK_INTERRUPTS();
	n = ent_cld2_detect(s, (int) len, codes, percent, normalized);
	ent_free(sample);

	for (int i = 0; i < n; i++)
	{
		const char *iso = MapCode(codes[i]);
		int			j;

		if (iso == NULL)
			continue;
		/* CLD2 may report two variants of one language: merge them */
		for (j = 0; j < k; j++)
			if (strcmp(out[j].lang, iso) == 0)
				break;
		if (j == k)
		{
			strcpy(out[k].lang, iso);
			out[k].score = 0;
			k++;
		}
		out[j].score += percent[i];
		total += percent[i];
	}
	for (int i = 0; i < k; i++)
		out[i].score = total > 0 ? out[i].score / total : 0;
	/* keep most likely first */
	for (int i = 1; i < k; i++)
		for (int j = i; j > 0 && out[j].score > out[j - 1].score; j--)
		{
			EntLangScore t = out[j];

			out[j] = out[j - 1];
			out[j - 1] = t;
		}
	return k;
}
