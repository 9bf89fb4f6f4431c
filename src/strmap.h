/*-------------------------------------------------------------------------
 *
 * strmap.h
 *	  A hash map from byte strings to 32-bit values, with its own arena
 *
 * Memory comes from malloc: lexicon maps live for the backend, per-article
 * maps are freed by strmap_free.
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/strmap.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ENTENTE_STRMAP_H
#define ENTENTE_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct StrMapSlot
{
	uint32_t	hash;			/* 0: empty slot */
	uint32_t	klen;
	uint32_t	koff;			/* key bytes in the arena; a key of up to
								 * four bytes is kept here instead */
	int32_t		value;
} StrMapSlot;

typedef struct StrMap
{
	StrMapSlot *slots;
	size_t		size;			/* power of two */
	size_t		count;
	char	   *arena;
	size_t		arena_len;
	size_t		arena_cap;
} StrMap;

extern uint32_t strmap_hash(const char *s, size_t n);

/* the steps of strmap_hash: a start by length, a word of up to eight bytes
 * (little-endian order) mixed in, the end */
static inline uint64_t
strmap_hash_start(size_t n)
{
	return 0x9E3779B97F4A7C15ull ^ (n * 0xff51afd7ed558ccdull);
}

static inline uint64_t
strmap_hash_word(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0x9E3779B97F4A7C15ull;
	return h ^ (h >> 29);
}

static inline uint32_t
strmap_hash_end(uint64_t h)
{
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 32;
	return (uint32_t) h ? (uint32_t) h : 1;
}

/*
 * STRMAP_PAD: the bytes strmap_hash_padded may read past the end of a key
 * (a document's keys, buffers declared that much larger).
 */
#define STRMAP_PAD 16

/*
 * strmap_hash_padded is strmap_hash for a key that may be read up to
 * STRMAP_PAD bytes past its end.  It reads whole words and masks the bytes
 * past the key, and hashes a key of up to sixteen bytes (most words)
 * without a branch on its length.
 */
static inline uint32_t
strmap_hash_padded(const char *s, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t	h = strmap_hash_start(n),
				w,
				w2,
				h1;
	size_t		i = 0;

	if (n == 0)
		return strmap_hash_end(h);
	/* the words before the last two of a long key */
	for (; i + 16 < n; i += 8)
	{
		memcpy(&w, s + i, 8);
		h = strmap_hash_word(h, w);
	}
	/* one or two words are left (n - i is 1 to 16): both are read and the
	 * second used only if there is one */
	memcpy(&w, s + i, 8);
	memcpy(&w2, s + i + 8, 8);
	n -= i;
	w &= ~(uint64_t) 0 >> (64 - 8 * (n < 8 ? n : 8));
	w2 &= n > 8 ? ~(uint64_t) 0 >> (64 - 8 * (n - 8)) : 0;
	h1 = strmap_hash_word(h, w);
	h = n > 8 ? strmap_hash_word(h1, w2) : h1;
	return strmap_hash_end(h);
#else
	return strmap_hash(s, n);
#endif
}

/* Returns false on out of memory. */
extern bool strmap_init(StrMap *m, size_t expected);
extern void strmap_free(StrMap *m);

/*
 * strmap_put sets key to value (replacing any value); returns false on out
 * of memory.
 */
extern bool strmap_put(StrMap *m, const char *key, size_t n, int32_t value);

/* strmap_get returns the value of key, or -1 if absent. */
extern int32_t strmap_get(const StrMap *m, const char *key, size_t n);

/* the same with the key's strmap_hash already computed */
extern int32_t strmap_get_hashed(const StrMap *m, const char *key, size_t n,
								 uint32_t hash);

#endif							/* ENTENTE_STRMAP_H */
