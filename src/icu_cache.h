/*-------------------------------------------------------------------------
 *
 * icu_cache.h
 *	  Per-process cache of ICU objects: normalizers, transliterators,
 *	  break iterators
 *
 * Every ICU object entente uses is opened here, once per (kind, id,
 * locale), kept in a small table and closed here.  Callers borrow objects
 * for the length of one call and must rebind their text each time.
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/icu_cache.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ENTENTE_ICU_CACHE_H
#define ENTENTE_ICU_CACHE_H

#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>

#include "textbuf.h"

typedef enum EntNormForm
{
	ENT_NFC = 0,
	ENT_NFD,
	ENT_NFKC,
	ENT_NFKD,
	ENT_NFKC_CF
} EntNormForm;

/* The ICU singleton for a form; never closed.  NULL with err set on failure. */
extern const UNormalizer2 *ent_normalizer(EntNormForm form, EntError *err);

/* A cached transliterator for an ICU transform id (e.g. "Any-Latin"). */
extern UTransliterator *ent_transliterator(const char *id, EntError *err);

/* A cached break iterator; locale may be "" for the root rules. */
extern UBreakIterator *ent_break_iterator(UBreakIteratorType type,
										  const char *locale, EntError *err);

/*
 * ent_check_lang validates a language code (ISO 639-1 or -2, optionally
 * followed by BCP 47 subtags such as "pt-BR"), writes its canonical lower-
 * case primary subtag into out (at least 8 bytes) and returns true.  An
 * unknown or malformed code returns false with err set.
 */
extern bool ent_check_lang(const char *lang, size_t len, char *out,
						   EntError *err);

/* Close every cached object (process exit, tests). */
extern void ent_icu_cache_reset(void);

#endif							/* ENTENTE_ICU_CACHE_H */
