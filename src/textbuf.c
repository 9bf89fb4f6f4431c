/*-------------------------------------------------------------------------
 *
 * textbuf.c
 *	  Allocation hooks, growable buffers, errors and UTF-8 helpers
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/textbuf.c
 *
 *-------------------------------------------------------------------------
 */
#include "textbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utypes.h>

EntAllocator ent_allocator = {malloc, realloc, free};
void		(*ent_interrupt_hook) (void) = NULL;

/*
 * ent_fail records an error in err and returns false, so callers can write
 * "return ent_fail(err, ...)".
 */
bool
ent_fail(EntError *err, EntStatus status, const char *fmt,...)
{
	va_list		ap;

	err->status = status;
	err->icu_code = 0;
	err->detail[0] = '\0';
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return false;
}

/*
 * ent_fail_icu records an ICU failure: the message names what was being
 * done, the detail names ICU's error.
 */
bool
ent_fail_icu(EntError *err, int icu_code, const char *what)
{
	err->status = ENT_ERR_ICU;
	err->icu_code = icu_code;
	snprintf(err->message, sizeof(err->message), "%s failed", what);
	snprintf(err->detail, sizeof(err->detail), "ICU reported %s.",
			 u_errorName((UErrorCode) icu_code));
	return false;
}

/*
 * entbuf_init prepares an empty buffer with room for initial bytes.
 */
void
entbuf_init(EntBuf *buf, size_t initial)
{
	if (initial < 16)
		initial = 16;
	if (initial > ENT_MAX_ALLOC)
		initial = ENT_MAX_ALLOC;
	buf->data = ent_alloc(initial);
	buf->len = 0;
	buf->cap = initial;
}

/*
 * entbuf_reserve makes room for extra more bytes, growing geometrically.
 * Returns false (err set) if the buffer would pass ENT_MAX_ALLOC.
 */
bool
entbuf_reserve(EntBuf *buf, size_t extra, EntError *err)
{
	size_t		need;
	size_t		cap;

	if (extra > ENT_MAX_ALLOC || buf->len > ENT_MAX_ALLOC - extra)
		return ent_fail(err, ENT_ERR_TOO_LARGE, "result is too large");
	need = buf->len + extra;
	if (need <= buf->cap)
		return true;
	cap = buf->cap;
	while (cap < need)
		cap = (cap > ENT_MAX_ALLOC / 2) ? ENT_MAX_ALLOC : cap * 2;
	buf->data = ent_realloc(buf->data, cap);
	if (buf->data == NULL)
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	buf->cap = cap;
	return true;
}

/*
 * entbuf_append copies n bytes to the end of the buffer.
 */
bool
entbuf_append(EntBuf *buf, const char *s, size_t n, EntError *err)
{
	if (!entbuf_reserve(buf, n, err))
		return false;
	memcpy(buf->data + buf->len, s, n);
	buf->len += n;
	return true;
}

/*
 * ent_utf8_encode writes c as UTF-8 into out (4 bytes of room) and returns
 * the number of bytes written.
 */
int
ent_utf8_encode(int32_t c, char *out)
{
	unsigned char *o = (unsigned char *) out;

	if (c < 0x80)
	{
		o[0] = (unsigned char) c;
		return 1;
	}
	if (c < 0x800)
	{
		o[0] = 0xC0 | (c >> 6);
		o[1] = 0x80 | (c & 0x3F);
		return 2;
	}
	if (c < 0x10000)
	{
		o[0] = 0xE0 | (c >> 12);
		o[1] = 0x80 | ((c >> 6) & 0x3F);
		o[2] = 0x80 | (c & 0x3F);
		return 3;
	}
	o[0] = 0xF0 | (c >> 18);
	o[1] = 0x80 | ((c >> 12) & 0x3F);
	o[2] = 0x80 | ((c >> 6) & 0x3F);
	o[3] = 0x80 | (c & 0x3F);
	return 4;
}

/*
 * ent_utf8_count counts code points (lead bytes) in s[0..len).
 */
size_t
ent_utf8_count(const char *s, size_t len)
{
	size_t		n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((s[i] & 0xC0) != 0x80);
	return n;
}
