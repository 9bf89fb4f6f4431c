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
