/*-------------------------------------------------------------------------
 *
 * segment.h
 *	  Words and sentences: ICU break iterators plus entente's rules for
 *	  abbreviations, initials and ordinals
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/segment.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ENTENTE_SEGMENT_H
#define ENTENTE_SEGMENT_H

#include "textbuf.h"

typedef enum EntTokenKind
{
	ENT_TOK_WORD = 0,			/* letters, kana, ideographs */
	ENT_TOK_NUMBER,				/* 42, 1.5, 1,5, 2024 */
	ENT_TOK_PUNCT,				/* . , " « — ( */
	ENT_TOK_SYMBOL				/* $ % + emoji and the rest */
} EntTokenKind;

extern const char *const ent_token_kind_names[];

/*
 * A span of the input: byte offsets for slicing, 0-based character offsets
 * (end exclusive) for the caller's positions.
 */
typedef struct EntSpan
{
	size_t		byte_start;
	size_t		byte_end;
	size_t		char_start;
	size_t		char_end;
	EntTokenKind kind;			/* tokens only */
} EntSpan;

/* Called for each span in order; return false (err set) to stop. */
typedef bool (*EntSpanFn) (void *arg, const EntSpan *span, EntError *err);

/*
 * ent_tokens reports the words, numbers, punctuation and symbols of
 * s[0..len) (white space is skipped), using ICU's word rules for lang ("" for
 * the language-neutral rules).
 */
extern bool ent_tokens(const char *s, size_t len, const char *lang,
					   EntSpanFn fn, void *arg, EntError *err);

/*
 * ent_sentences reports the sentences of s[0..len), trimmed of surrounding
 * white space.  A line break always ends a sentence; a full stop after a
 * known abbreviation of lang (see ent_abbrev_load), an initial, or an
 * ordinal number in languages that write ordinals with a full stop does not.
 */
extern bool ent_sentences(const char *s, size_t len, const char *lang,
						  EntSpanFn fn, void *arg, EntError *err);

/* the same with byte offsets only (char_start and char_end are 0) */
extern bool ent_sentence_bytes(const char *s, size_t len, const char *lang,
							   EntSpanFn fn, void *arg, EntError *err);

/*
 * ent_sentence_bytes_at does ent_sentence_bytes for a caller that has read
 * every character of s already: stops[0..nstops), ascending, are the byte
 * offsets of every character that may end a sentence (at least those of
 * Sentence_Break ATerm, STerm, CR, LF and Sep; see ent_sentence_stop), and
 * s is well-formed UTF-8 (no ent_utf8_suspect character).  Only the text
 * around them is read again; the sentences are those ent_sentence_bytes
 * finds.
 */
extern bool ent_sentence_bytes_at(const char *s, size_t len, const char *lang,
								  const uint32_t *stops, size_t nstops,
								  EntSpanFn fn, void *arg, EntError *err);

/*
 * ent_sentence_stop: character cp may end a sentence (Sentence_Break ATerm,
 * STerm, CR, LF or Sep).  Apart from CR, LF, U+0085, U+2028 and U+2029,
 * which are white space, all of them are punctuation in Unicode 15.
 */
extern bool ent_sentence_stop(int32_t cp);

/* ent_space_or_quote: cp is white space or a quotation mark (ICU's
 * White_Space and Quotation_Mark), most letters answered without ICU */
extern bool ent_space_or_quote(int32_t cp);

/*
 * ent_abbrev_load reads the abbreviation list (data/abbreviations.tsv:
 * "lang<TAB>abbreviation" lines, '#' comments, lang "*" for every language)
 * from buf.  It replaces any list loaded before.
 */
extern bool ent_abbrev_load(const char *buf, size_t len, EntError *err);
extern bool ent_abbrev_loaded(void);

/* Whether word (without its final full stop) is an abbreviation in lang. */
extern bool ent_abbrev_has(const char *lang, const char *word, size_t len);

#endif							/* ENTENTE_SEGMENT_H */
