/*-------------------------------------------------------------------------
 *
 * textbuf.h
 *	  Memory, growable buffers, errors and interrupts for the entente engine
 *
 * The engine (everything in src/ except entente.c) knows nothing of the
 * PostgreSQL function manager.  It allocates through the hooks declared
 * here, reports failures in an EntError, and calls ENT_CHECK_INTERRUPTS()
 * in every loop over its input.  The server wrapper points the hooks at
 * palloc and CHECK_FOR_INTERRUPTS; a stand-alone program keeps malloc.
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/textbuf.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ENTENTE_TEXTBUF_H
#define ENTENTE_TEXTBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Largest buffer the engine will build: PostgreSQL's text limit, less room. */
#define ENT_MAX_ALLOC ((size_t) 0x3fffff00)

typedef struct EntAllocator
{
	void	   *(*alloc) (size_t size);
	void	   *(*realloc) (void *ptr, size_t size);
	void		(*free) (void *ptr);
} EntAllocator;

/* Short-lived allocations (results, scratch).  Default: malloc. */
extern EntAllocator ent_allocator;

/* Called in loops; may not return (the server's hook can longjmp). */
extern void (*ent_interrupt_hook) (void);

#define ENT_CHECK_INTERRUPTS() \
	do { if (ent_interrupt_hook) ent_interrupt_hook(); } while (0)

static inline void *
ent_alloc(size_t size)
{
	return ent_allocator.alloc(size);
}

static inline void *
ent_realloc(void *ptr, size_t size)
{
	return ent_allocator.realloc(ptr, size);
}

static inline void
ent_free(void *ptr)
{
	if (ptr)
		ent_allocator.free(ptr);
}

/* What went wrong, for the wrapper to turn into an ereport. */
typedef enum EntStatus
{
	ENT_OK = 0,
	ENT_ERR_ARGUMENT,			/* bad form, transform id, language code */
	ENT_ERR_ICU,				/* ICU reported an error (icu_code) */
	ENT_ERR_TOO_LARGE,			/* result would exceed ENT_MAX_ALLOC */
	ENT_ERR_NOMEM,				/* an allocation failed */
	ENT_ERR_DATA				/* a data file is missing or malformed */
} EntStatus;

typedef struct EntError
{
	EntStatus	status;
	int			icu_code;		/* UErrorCode when status == ENT_ERR_ICU */
	char		message[256];	/* lower-case, no trailing period */
	char		detail[256];	/* full sentence, or empty */
} EntError;

extern bool ent_fail(EntError *err, EntStatus status, const char *fmt,...)
			__attribute__((format(printf, 3, 4)));
extern bool ent_fail_icu(EntError *err, int icu_code, const char *what);

/* A growable byte buffer; data is owned by ent_allocator. */
typedef struct EntBuf
{
	char	   *data;
	size_t		len;
	size_t		cap;
} EntBuf;

extern void entbuf_init(EntBuf *buf, size_t initial);
extern bool entbuf_reserve(EntBuf *buf, size_t extra, EntError *err);
extern bool entbuf_append(EntBuf *buf, const char *s, size_t n, EntError *err);

static inline void
entbuf_append_unchecked(EntBuf *buf, const char *s, size_t n)
{
	/* caller has reserved n bytes */
	for (size_t i = 0; i < n; i++)
		buf->data[buf->len + i] = s[i];
	buf->len += n;
}

/* for helpers called per character, which must not stay out of line */
#if defined(__GNUC__) || defined(__clang__)
#define ENT_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ENT_ALWAYS_INLINE inline
#endif

/* for the rare path of such a helper, kept out of its callers */
#if defined(__GNUC__) || defined(__clang__)
#define ENT_NOINLINE __attribute__((noinline))
#else
#define ENT_NOINLINE
#endif

/*
 * UTF-8 helpers.  Input text comes from a UTF-8 database and is valid; the
 * decoder still turns stray bytes into U+FFFD instead of reading past the end.
 *
 * ent_utf8_decode returns the code point at s (len > 0 bytes available) and
 * stores its length in *used.  Malformed input (a stray byte, a truncated,
 * overlong or surrogate sequence, a value past U+10FFFF) yields U+FFFD for
 * one byte.
 * It is inline: the scanners call it for every character.
 */
static inline int32_t
ent_utf8_decode(const unsigned char *s, size_t len, int *used)
{
	unsigned char c = s[0];
	int			n;
	int32_t		cp;

	if (c < 0x80)
	{
		*used = 1;
		return c;
	}
	if (c >= 0xC2 && c <= 0xDF)
	{
		n = 2;
		cp = c & 0x1F;
	}
	else if (c >= 0xE0 && c <= 0xEF)
	{
		n = 3;
		cp = c & 0x0F;
	}
	else if (c >= 0xF0 && c <= 0xF4)
	{
		n = 4;
		cp = c & 0x07;
	}
	else
	{
		*used = 1;
		return 0xFFFD;
	}
	if ((size_t) n > len)
	{
		*used = 1;
		return 0xFFFD;
	}
	for (int i = 1; i < n; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
		{
			*used = 1;
			return 0xFFFD;
		}
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	/* overlong forms, surrogates and values past U+10FFFF are malformed */
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		(cp >= 0xD800 && cp <= 0xDFFF))
	{
		*used = 1;
		return 0xFFFD;
	}
	*used = n;
	return cp;
}

extern int	ent_utf8_encode(int32_t c, char *out);

/* Number of characters (code points) in s[0..len). */
extern size_t ent_utf8_count(const char *s, size_t len);

/*
 * ent_utf8_suspect: a code point ent_utf8_decode gave that ICU would read
 * as ill-formed input (U+FFFD stands for a stray byte; a literal one is
 * treated alike), or that no well-formed sequence of used bytes makes.
 */
static inline bool
ent_utf8_suspect(int32_t cp, int used)
{
	return cp == 0xFFFD || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ||
		(used == 3 && cp < 0x800) || (used == 4 && cp < 0x10000);
}

#endif							/* ENTENTE_TEXTBUF_H */
