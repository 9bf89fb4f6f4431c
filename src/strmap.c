/*-------------------------------------------------------------------------
 *
 * strmap.c
 *	  A hash map from byte strings to 32-bit values (open addressing)
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/strmap.c
 *
 *-------------------------------------------------------------------------
 */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

/*
 * strmap_hash: eight bytes at a time with multiply-xor mixing; good enough
 * for short keys and cheap.
 */
uint32_t
strmap_hash(const char *s, size_t n)
{
	uint64_t	h = strmap_hash_start(n);
	size_t		i = 0;

	/* eight bytes at a time, then the tail */
	for (; i + 8 <= n; i += 8)
	{
		uint64_t	w;

		memcpy(&w, s + i, 8);
		h = strmap_hash_word(h, w);
	}
	if (i < n)
	{
		const unsigned char *p = (const unsigned char *) s + i;
		size_t		r = n - i;
		uint64_t	w = 0;

		/*
		 * The last one to seven bytes, in the order a copy into w would put
		 * them on a little-endian machine (keys are mostly this short).  A
		 * copy of a variable length is a call: on a little-endian machine two
		 * overlapping fixed-size loads give the same word (a byte read twice
		 * lands in the same place), elsewhere it is built byte by byte.
		 */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		if (r >= 4)
		{
			uint32_t	lo,
						hi;

			memcpy(&lo, p, 4);
			memcpy(&hi, p + r - 4, 4);
			w = (uint64_t) lo | ((uint64_t) hi << (8 * (r - 4)));
		}
		else if (r >= 2)
		{
			uint16_t	lo,
						hi;

			memcpy(&lo, p, 2);
			memcpy(&hi, p + r - 2, 2);
			w = (uint64_t) lo | ((uint64_t) hi << (8 * (r - 2)));
		}
		else
			w = p[0];
#else
		for (size_t k = 0; k < r; k++)
			w |= (uint64_t) p[k] << (8 * k);
#endif
		h = strmap_hash_word(h, w);
	}
	return strmap_hash_end(h);
}

bool
strmap_init(StrMap *m, size_t expected)
{
	size_t		size = 64;

	memset(m, 0, sizeof(*m));
	while (size < expected * 2)
		size *= 2;
	m->slots = calloc(size, sizeof(StrMapSlot));
	m->arena_cap = expected * 16 + 256;
	m->arena = malloc(m->arena_cap);
	if (!m->slots || !m->arena)
	{
		strmap_free(m);
		return false;
	}
	m->size = size;
	return true;
}

void
strmap_free(StrMap *m)
{
	free(m->slots);
	free(m->arena);
	memset(m, 0, sizeof(*m));
}

static bool
Grow(StrMap *m)
{
	StrMap		bigger = *m;
	StrMapSlot *old = m->slots;
	size_t		oldsize = m->size;

	bigger.size = m->size * 2;
	bigger.slots = calloc(bigger.size, sizeof(StrMapSlot));
	if (!bigger.slots)
		return false;
	for (size_t i = 0; i < oldsize; i++)
	{
		size_t		j;

		if (!old[i].hash)
			continue;
		j = old[i].hash & (bigger.size - 1);
		while (bigger.slots[j].hash)
			j = (j + 1) & (bigger.size - 1);
		bigger.slots[j] = old[i];
	}
	free(old);
	*m = bigger;
	return true;
}

/*
 * Short keys (most words are) live in the slot itself: the probe that
 * finds them needs no second memory access, into the arena.
 */
#define INLINE_KEY 4

static inline uint32_t
PackKey(const char *key, size_t n)
{
	uint32_t	w = 0;

	for (size_t k = 0; k < n; k++)
		w |= (uint32_t) (unsigned char) key[k] << (8 * k);
	return w;
}

static StrMapSlot *
Find(const StrMap *m, const char *key, size_t n, uint32_t h)
{
	size_t		i = h & (m->size - 1);
	uint32_t	packed = n <= INLINE_KEY ? PackKey(key, n) : 0;

	while (m->slots[i].hash)
	{
		StrMapSlot *s = &m->slots[i];

		if (s->hash == h && s->klen == n &&
			(n <= INLINE_KEY ? s->koff == packed :
			 memcmp(m->arena + s->koff, key, n) == 0))
			return s;
		i = (i + 1) & (m->size - 1);
	}
	return &m->slots[i];
}

bool
strmap_put(StrMap *m, const char *key, size_t n, int32_t value)
{
	uint32_t	h = strmap_hash(key, n);
	StrMapSlot *s;

	if ((m->count + 1) * 2 > m->size && !Grow(m))
		return false;
	s = Find(m, key, n, h);
	if (s->hash)
	{
		s->value = value;
		return true;
	}
	if (n <= INLINE_KEY)
	{
		s->hash = h;
		s->klen = (uint32_t) n;
		s->koff = PackKey(key, n);
		s->value = value;
		m->count++;
		return true;
	}
	if (m->arena_len + n > UINT32_MAX)
		return false;
	if (m->arena_len + n > m->arena_cap)
	{
		size_t		cap = m->arena_cap * 2 + n;
		char	   *a = realloc(m->arena, cap);

		if (!a)
			return false;
		m->arena = a;
		m->arena_cap = cap;
	}
	memcpy(m->arena + m->arena_len, key, n);
	s->hash = h;
	s->klen = (uint32_t) n;
	s->koff = (uint32_t) m->arena_len;
	s->value = value;
	m->arena_len += n;
	m->count++;
	return true;
}

int32_t
strmap_get(const StrMap *m, const char *key, size_t n)
{
	StrMapSlot *s;

	if (!m->slots)
		return -1;
	s = Find(m, key, n, strmap_hash(key, n));
	return s->hash ? s->value : -1;
}

int32_t
strmap_get_hashed(const StrMap *m, const char *key, size_t n, uint32_t hash)
{
	StrMapSlot *s;

	if (!m->slots)
		return -1;
	s = Find(m, key, n, hash);
	return s->hash ? s->value : -1;
}
