/*-------------------------------------------------------------------------
 *
 * normalize.h
 *	  Unicode normalization, search folding and transliteration
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/normalize.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ENTENTE_NORMALIZE_H
#define ENTENTE_NORMALIZE_H

#include "textbuf.h"

/* Forms accepted by ent_normalize, in the order of EntNormForm first. */
typedef enum EntForm
{
	ENT_FORM_NFC = 0,
	ENT_FORM_NFD,
	ENT_FORM_NFKC,
	ENT_FORM_NFKD,
	ENT_FORM_NFKC_CF,			/* NFKC_Casefold */
	ENT_FORM_NFC_VI,			/* NFC, Vietnamese tone marks placed the
								 * classic way: hòa, thủy, khỏe */
	ENT_FORM_NFC_VI_NEW			/* NFC, tone marks placed the new way: hoà,
								 * thuỷ, khoẻ */
} EntForm;

/*
 * ent_parse_form maps a form name (case-insensitive; "NFKC_Casefold" and
 * "NFKC_CF" are the same form) to *form.  Unknown names fail with err set.
 */
extern bool ent_parse_form(const char *name, size_t len, EntForm *form,
						   EntError *err);

/*
 * ent_normalize normalizes s[0..len) to form.  If the text is already in
 * that form, *unchanged is set and out is left empty: the caller can reuse
 * its input.  Otherwise the result is appended to out (initialised by the
 * caller).  Returns false with err set on failure.
 */
extern bool ent_normalize(const char *s, size_t len, EntForm form,
						  EntBuf *out, bool *unchanged, EntError *err);

/*
 * ent_fold appends the search key of s[0..len) to out: NFKC, full case
 * folding, accents removed (Latin, Greek, Cyrillic, Hebrew and Arabic
 * diacritics; kana voicing marks and Indic vowel signs are kept), letters
 * without a decomposition mapped to ASCII (ł→l, đ→d, ø→o, ß→ss, æ→ae, œ→oe, ı→i ...), apostrophes, quotes,
 * dashes and spaces unified, invisible characters removed, white space
 * collapsed and trimmed.
 */
extern bool ent_fold(const char *s, size_t len, EntBuf *out, EntError *err);

/*
 * ent_fold_word writes ent_fold of a short word s[0..len) to out[0..cap)
 * without allocating, and returns its length; -1 when the word has white
 * space, needs composing, does not fit, or cannot be folded (ask ent_fold).
 */
extern int	ent_fold_word(const char *s, size_t len, char *out, size_t cap);

/* Character classes reported by ent_char_info. */
#define ENT_CH_LETTER	0x01
#define ENT_CH_UPPER	0x02
#define ENT_CH_LOWER	0x04
#define ENT_CH_DIGIT	0x08
#define ENT_CH_MARK		0x10
#define ENT_CH_PUNCT	0x20
#define ENT_CH_SPACE	0x40
#define ENT_CH_NEWLINE	0x80
#define ENT_CH_IGNORE	0x00	/* format characters: no class bits */

/*
 * ent_char_info looks up code point c in the fold table: its fold (not
 * NUL-terminated, *foldlen bytes, owned by the table) and its class bits.
 */
extern bool ent_char_info(int32_t c, const char **fold, int *foldlen,
						  int *cls, EntError *err);

/*
 * ent_translit appends ICU transform id applied to s[0..len) to out.
 */
extern bool ent_translit(const char *s, size_t len, const char *id,
						 EntBuf *out, EntError *err);

#endif							/* ENTENTE_NORMALIZE_H */
