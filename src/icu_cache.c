/*-------------------------------------------------------------------------
 *
 * icu_cache.c
 *	  Per-process cache of ICU objects
 *
 * Normalizer instances are ICU singletons and are never closed.  Opening a
 * transliterator costs milliseconds (it compiles rules), and a break
 * iterator tens of microseconds, so both are kept in small fixed tables,
 * evicting the least recently used entry.  Memory for cached objects comes
 * from ICU's own allocator (malloc), outside any PostgreSQL memory context,
 * so it lives as long as the backend.
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/icu_cache.c
 *
 *-------------------------------------------------------------------------
 */
#include "icu_cache.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uloc.h>
#include <unicode/ustring.h>

#define TRANS_SLOTS 8

/*
 * Enough break iterators for a table of articles in some twenty languages
 * read in any order, for both words and sentences: with fewer slots than
 * languages, interleaved rows evict each other and every row reopens one.
 */
#define BREAK_SLOTS 48
#define ID_MAX 256

typedef struct TransSlot
{
	char		id[ID_MAX];
	UTransliterator *trans;
	unsigned long used;
} TransSlot;

typedef struct BreakSlot
{
	UBreakIteratorType type;
	char		locale[64];
	UBreakIterator *bi;
	unsigned long used;
} BreakSlot;

static TransSlot trans_slots[TRANS_SLOTS];
static BreakSlot break_slots[BREAK_SLOTS];
static unsigned long use_clock = 0;

/*
 * ent_normalizer returns ICU's shared instance for form.
 */
const UNormalizer2 *
ent_normalizer(EntNormForm form, EntError *err)
{
	static const UNormalizer2 *cache[5];
	UErrorCode	status = U_ZERO_ERROR;

	if (cache[form])
		return cache[form];
	switch (form)
	{
		case ENT_NFC:
			cache[form] = unorm2_getNFCInstance(&status);
			break;
		case ENT_NFD:
			cache[form] = unorm2_getNFDInstance(&status);
			break;
		case ENT_NFKC:
			cache[form] = unorm2_getNFKCInstance(&status);
			break;
		case ENT_NFKD:
			cache[form] = unorm2_getNFKDInstance(&status);
			break;
		case ENT_NFKC_CF:
			cache[form] = unorm2_getNFKCCasefoldInstance(&status);
			break;
	}
	if (U_FAILURE(status))
	{
		cache[form] = NULL;
		ent_fail_icu(err, status, "opening a normalizer");
		return NULL;
	}
	return cache[form];
}

/*
 * ent_transliterator returns the cached transliterator for id, opening it
 * if needed.  An id ICU does not know is an argument error.
 */
UTransliterator *
ent_transliterator(const char *id, EntError *err)
{
	TransSlot  *victim = &trans_slots[0];
	UChar		uid[ID_MAX];
	int32_t		ulen;
	UErrorCode	status = U_ZERO_ERROR;
	UParseError perr;
	UTransliterator *t;

	if (strlen(id) >= ID_MAX)
	{
		ent_fail(err, ENT_ERR_ARGUMENT, "transform id is too long");
		return NULL;
	}
	for (int i = 0; i < TRANS_SLOTS; i++)
	{
		TransSlot  *s = &trans_slots[i];

		if (s->trans && strcmp(s->id, id) == 0)
		{
			s->used = ++use_clock;
			return s->trans;
		}
		if (s->trans == NULL || (victim->trans && s->used < victim->used))
			victim = s;
	}

	u_strFromUTF8(uid, ID_MAX, &ulen, id, -1, &status);
	if (U_FAILURE(status))
	{
		ent_fail(err, ENT_ERR_ARGUMENT, "invalid transform id \"%s\"", id);
		return NULL;
	}
	t = utrans_openU(uid, ulen, UTRANS_FORWARD, NULL, 0, &perr, &status);
	if (U_FAILURE(status) || t == NULL)
	{
		ent_fail(err, ENT_ERR_ARGUMENT, "unknown transform \"%s\"", id);
		snprintf(err->detail, sizeof(err->detail),
				 "ICU reported %s. Use ICU transform ids separated by \";\", such as \"Any-Latin; Latin-ASCII\".",
				 u_errorName(status));
		err->icu_code = status;
		return NULL;
	}
	if (victim->trans)
		utrans_close(victim->trans);
	strcpy(victim->id, id);
	victim->trans = t;
	victim->used = ++use_clock;
	return t;
}

/*
 * ent_break_iterator returns the cached iterator for (type, locale).
 */
UBreakIterator *
ent_break_iterator(UBreakIteratorType type, const char *locale, EntError *err)
{
	BreakSlot  *victim = &break_slots[0];
	UErrorCode	status = U_ZERO_ERROR;
	UBreakIterator *bi;

	if (strlen(locale) >= sizeof(victim->locale))
	{
		ent_fail(err, ENT_ERR_ARGUMENT, "locale is too long");
		return NULL;
	}
	for (int i = 0; i < BREAK_SLOTS; i++)
	{
		BreakSlot  *s = &break_slots[i];

		if (s->bi && s->type == type && strcmp(s->locale, locale) == 0)
		{
			s->used = ++use_clock;
			return s->bi;
		}
		if (s->bi == NULL || (victim->bi && s->used < victim->used))
			victim = s;
	}
	bi = ubrk_open(type, locale, NULL, 0, &status);
	if (U_FAILURE(status) || bi == NULL)
	{
		ent_fail_icu(err, status, "opening a break iterator");
		return NULL;
	}
	if (victim->bi)
		ubrk_close(victim->bi);
	victim->type = type;
	strcpy(victim->locale, locale);
	victim->bi = bi;
	victim->used = ++use_clock;
	return bi;
}

/*
 * LangCodeBit: the place of a code of two or three lower-case ASCII letters
 * among all such codes, two-letter ones at 26 * a + b and three-letter ones
 * at 26 * 26 + 676 * a + 26 * b + c; -1 for anything else.
 */
static int
LangCodeBit(const char *c)
{
	size_t		n = strlen(c);

	if (n != 2 && n != 3)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (c[i] < 'a' || c[i] > 'z')
			return -1;
	return n == 2 ? 26 * (c[0] - 'a') + (c[1] - 'a') :
		26 * 26 + 676 * (c[0] - 'a') + 26 * (c[1] - 'a') + (c[2] - 'a');
}

/*
 * IsKnownLanguage reports whether ICU lists code as an ISO 639 language.
 * Two-letter codes are looked up in uloc_getISOLanguages(); three-letter
 * ones must map back from a two-letter code or be listed themselves.
 */
static bool
IsKnownLanguage(const char *code)
{
	/*
	 * ICU's ISO 639 codes as bits (see LangCodeBit), made at the first call
	 * (it is asked at every call of a function with a language argument).
	 */
	static uint64_t known[(26 * 26 + 26 * 26 * 26 + 63) / 64];
	static bool ready = false;
	int			bit;

	if (!ready)
	{
		for (const char *const *langs = uloc_getISOLanguages(); *langs; langs++)
		{
			const char *codes[2] = {*langs, uloc_getISO3Language(*langs)};

			for (int k = 0; k < 2; k++)
				if (codes[k] && (bit = LangCodeBit(codes[k])) >= 0)
					known[bit / 64] |= (uint64_t) 1 << (bit % 64);
		}
		ready = true;
	}
	bit = LangCodeBit(code);
	return bit >= 0 && ((known[bit / 64] >> (bit % 64)) & 1);
}

/*
 * ent_check_lang: see icu_cache.h.
 */
bool
ent_check_lang(const char *lang, size_t len, char *out, EntError *err)
{
	size_t		primary = 0;
	char		code[4];

	while (primary < len && isalpha((unsigned char) lang[primary]))
		primary++;
	if (primary < 2 || primary > 3 ||
		(primary < len && lang[primary] != '-' && lang[primary] != '_'))
		goto bad;
	for (size_t i = primary; i < len; i++)
	{
		unsigned char c = (unsigned char) lang[i];

		if (!(isalnum(c) || c == '-' || c == '_'))
			goto bad;
	}
	for (size_t i = 0; i < primary; i++)
		code[i] = (char) tolower((unsigned char) lang[i]);
	code[primary] = '\0';
	if (!IsKnownLanguage(code))
	{
		ent_fail(err, ENT_ERR_ARGUMENT, "unknown language code \"%.*s\"",
				 (int) (len > 64 ? 64 : len), lang);
		snprintf(err->detail, sizeof(err->detail),
				 "Use an ISO 639-1 code such as \"en\", \"vi\" or \"pl\", or NULL.");
		return false;
	}
	strcpy(out, code);
	return true;

bad:
	ent_fail(err, ENT_ERR_ARGUMENT, "malformed language code \"%.*s\"",
			 (int) (len > 64 ? 64 : len), lang);
	snprintf(err->detail, sizeof(err->detail),
			 "Use an ISO 639-1 code such as \"en\", \"vi\" or \"pl\", or NULL.");
	return false;
}

/*
 * ent_icu_cache_reset closes every cached transliterator and iterator.
 */
void
ent_icu_cache_reset(void)
{
	for (int i = 0; i < TRANS_SLOTS; i++)
	{
		if (trans_slots[i].trans)
			utrans_close(trans_slots[i].trans);
		trans_slots[i].trans = NULL;
	}
	for (int i = 0; i < BREAK_SLOTS; i++)
	{
		if (break_slots[i].bi)
			ubrk_close(break_slots[i].bi);
		break_slots[i].bi = NULL;
	}
}
