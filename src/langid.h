/*-------------------------------------------------------------------------
 *
 * langid.h
 *	  Language identification
 *
 * The statistics come from Debian's libcld2 (Compact Language Detector 2,
 * quadgram and word models for 83 languages), reached through a C++ shim
 * (langid_cld2.cpp).  This module samples very long texts, maps CLD2's
 * codes to ISO 639-1 and ranks the results.
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/langid.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ENTENTE_LANGID_H
#define ENTENTE_LANGID_H

#include "textbuf.h"

#ifdef __cplusplus
extern "C"
{
#endif

typedef struct EntLangScore
{
	char		lang[8];		/* ISO 639-1 where one exists */
	double		score;			/* share of the text, 0..1 */
} EntLangScore;

#define ENT_LANG_MAX 3

/*
 * ent_detect_languages writes up to ENT_LANG_MAX languages of s[0..len),
 * most likely first, and returns how many.  Text without letters yields 0.
 */
extern int	ent_detect_languages(const char *s, size_t len,
								 EntLangScore *out, EntError *err);

/* The shim: CLD2 on valid UTF-8; returns the number of results. */
extern int	ent_cld2_detect(const char *s, int len, char codes[][8],
							int *percent, double *normalized);
extern const char *ent_cld2_version(void);

#ifdef __cplusplus
}
#endif

#endif							/* ENTENTE_LANGID_H */
