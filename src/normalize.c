/*-------------------------------------------------------------------------
 *
 * normalize.c
 *	  Unicode normalization, search folding and transliteration
 *
 * Normalization runs ICU on UTF-16 chunks cut at normalization boundaries,
 * so memory stays proportional to the chunk, not the text, and text that
 * is already normalized (the usual case) is recognised by a quick check and
 * never copied.
 *
 * Folding is a per-code-point mapping: once combining marks are removed,
 * NFKC_Casefold of a string equals the concatenation of the per-code-point
 * results except where a result can compose with its neighbours (Hangul
 * jamo, some spacing marks); those few are flagged and trigger one NFC pass
 * over the output.  The mapping is computed with ICU the first time a
 * 256-code-point block is met and cached for the life of the process.
 *
 * Copyright (c) 2026, the entente authors
 *
 * src/normalize.c
 *
 *-------------------------------------------------------------------------
 */
#include "normalize.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "icu_cache.h"

#define CHUNK_BYTES (64 * 1024)

/* ----------------------------------------------------------------
 * Form names
 * ----------------------------------------------------------------
 */
static const struct
{
	const char *name;
	EntForm		form;
}			form_names[] =
{
	{"NFC", ENT_FORM_NFC},
	{"NFD", ENT_FORM_NFD},
	{"NFKC", ENT_FORM_NFKC},
	{"NFKD", ENT_FORM_NFKD},
	{"NFKC_CASEFOLD", ENT_FORM_NFKC_CF},
	{"NFKC_CF", ENT_FORM_NFKC_CF},
	{"NFC_VI", ENT_FORM_NFC_VI},
	{"NFC_VI_NEW", ENT_FORM_NFC_VI_NEW},
};

/*
 * ent_parse_form: see normalize.h.
 */
bool
ent_parse_form(const char *name, size_t len, EntForm *form, EntError *err)
{
	for (size_t i = 0; i < sizeof(form_names) / sizeof(form_names[0]); i++)
	{
		if (strlen(form_names[i].name) == len &&
			strncasecmp(form_names[i].name, name, len) == 0)
		{
			*form = form_names[i].form;
			return true;
		}
	}
	ent_fail(err, ENT_ERR_ARGUMENT, "unknown normalization form \"%.*s\"",
			 (int) (len > 64 ? 64 : len), name);
	snprintf(err->detail, sizeof(err->detail),
			 "Valid forms are NFC, NFD, NFKC, NFKD, NFKC_Casefold, NFC_VI and NFC_VI_NEW.");
	return false;
}

/* ----------------------------------------------------------------
 * UTF-16 scratch buffers
 * ----------------------------------------------------------------
 */
typedef struct U16Buf
{
	UChar	   *data;
	int32_t		len;
	int32_t		cap;
} U16Buf;

static bool
U16Reserve(U16Buf *b, size_t cap, EntError *err)
{
	if (cap > (size_t) INT32_MAX / 2 || cap * sizeof(UChar) > ENT_MAX_ALLOC)
		return ent_fail(err, ENT_ERR_TOO_LARGE, "text is too large");
	if ((int32_t) cap <= b->cap)
		return true;
	ent_free(b->data);
	b->data = ent_alloc(cap * sizeof(UChar));
	if (b->data == NULL)
		return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
	b->cap = (int32_t) cap;
	return true;
}

/*
 * Utf8ToU16 converts s[0..len) into b (replacing its contents).
 */
static bool
Utf8ToU16(const char *s, size_t len, U16Buf *b, EntError *err)
{
	UErrorCode	status = U_ZERO_ERROR;

	if (!U16Reserve(b, len + 1, err))
		return false;
	u_strFromUTF8WithSub(b->data, b->cap, &b->len, s, (int32_t) len,
						 0xFFFD, NULL, &status);
	if (U_FAILURE(status))
		return ent_fail_icu(err, status, "converting text to UTF-16");
	return true;
}

/*
 * AppendU16AsUtf8 appends u[0..ulen) to out as UTF-8.
 */
static bool
AppendU16AsUtf8(const UChar *u, int32_t ulen, EntBuf *out, EntError *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	int32_t		written;
	size_t		room = (size_t) ulen * 3;

	if (!entbuf_reserve(out, room + 1, err))
		return false;
	u_strToUTF8WithSub(out->data + out->len, (int32_t) (out->cap - out->len),
					   &written, u, ulen, 0xFFFD, NULL, &status);
	if (U_FAILURE(status))
		return ent_fail_icu(err, status, "converting text to UTF-8");
	out->len += written;
	return true;
}

/*
 * NormalizeU16 normalizes src into dst with n2, growing dst as needed.
 */
static bool
NormalizeU16(const UNormalizer2 *n2, const U16Buf *src, U16Buf *dst,
			 EntError *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	int32_t		need;

	if (!U16Reserve(dst, (size_t) src->len * 2 + 16, err))
		return false;
	need = unorm2_normalize(n2, src->data, src->len, dst->data, dst->cap,
							&status);
	if (status == U_BUFFER_OVERFLOW_ERROR)
	{
		status = U_ZERO_ERROR;
		if (!U16Reserve(dst, (size_t) need + 1, err))
			return false;
		need = unorm2_normalize(n2, src->data, src->len, dst->data,
								dst->cap, &status);
	}
	if (U_FAILURE(status))
		return ent_fail_icu(err, status, "normalizing text");
	dst->len = need;
	return true;
}

static bool
IsAscii(const char *s, size_t len)
{
	size_t		i = 0;

	for (; i + 8 <= len; i += 8)
	{
		uint64_t	w;

		memcpy(&w, s + i, 8);
		if (w & UINT64_C(0x8080808080808080))
			return false;
	}
	for (; i < len; i++)
		if ((unsigned char) s[i] & 0x80)
			return false;
	return true;
}

/*
 * MakeStreamSafe rewrites src into Unicode's Stream-Safe Text Format (UAX
 * #15, section 13) if it has a run of more than 30 non-starters: a
 * COMBINING GRAPHEME JOINER (U+034F) goes before the 31st.  Real text never
 * has such runs; without this, canonical reordering of a flood of marks
 * takes quadratic time.  src is left alone when no run is that long.
 */
static bool
MakeStreamSafe(const UNormalizer2 *n2, U16Buf *src, U16Buf *tmp,
			   EntError *err)
{
	int			run = 0;
	bool		need = false;
	int32_t		o = 0;

	for (int32_t i = 0; i < src->len && !need;)
	{
		UChar32		c;

		U16_NEXT(src->data, i, src->len, c);
		run = unorm2_getCombiningClass(n2, c) ? run + 1 : 0;
		need = (run > 30);
	}
	if (!need)
		return true;
	if (!U16Reserve(tmp, (size_t) src->len + src->len / 30 + 2, err))
		return false;
	run = 0;
	for (int32_t i = 0; i < src->len;)
	{
		int32_t		start = i;
		UChar32		c;

		U16_NEXT(src->data, i, src->len, c);
		if (unorm2_getCombiningClass(n2, c))
		{
			if (++run > 30)
			{
				tmp->data[o++] = 0x034F;
				run = 1;
			}
		}
		else
			run = 0;
		while (start < i)
			tmp->data[o++] = src->data[start++];
	}
	tmp->len = o;
	{
		U16Buf		t = *src;

		*src = *tmp;
		*tmp = t;
	}
	return true;
}

/*
 * ChunkEnd returns where the chunk starting at pos should end: about
 * CHUNK_BYTES later, at a character that has a normalization boundary
 * before it (so chunks normalize independently), or at len.
 */
static size_t
ChunkEnd(const UNormalizer2 *n2, const char *s, size_t len, size_t pos)
{
	size_t		end;

	if (len - pos <= CHUNK_BYTES)
		return len;
	end = pos + CHUNK_BYTES;
	while (end < len && ((unsigned char) s[end] & 0xC0) == 0x80)
		end++;
	while (end < len)
	{
		int			used;
		int32_t		c;

		if ((unsigned char) s[end] < 0x80)
		{
			/* ASCII letters/digits etc. are starters with a boundary */
			if (unorm2_hasBoundaryBefore(n2, (unsigned char) s[end]))
				break;
			end++;
			continue;
		}
		c = ent_utf8_decode((const unsigned char *) s + end, len - end, &used);
		if (unorm2_hasBoundaryBefore(n2, c))
			break;
		end += used;
		if ((end & 0xFFF) == 0)
			ENT_CHECK_INTERRUPTS();
	}
	return end;
}

/*
 * NormalizeIcu normalizes s[0..len) with n2, chunk by chunk.  Output is only
 * produced from the first chunk that changes; if none does, *unchanged.
 */
static bool
NormalizeIcu(const UNormalizer2 *n2, const char *s, size_t len, EntBuf *out,
			 bool *unchanged, EntError *err)
{
	/* ASCII is invariant under every form but NFKC_Casefold */
	bool		ascii_invariant = (n2 != ent_normalizer(ENT_NFKC_CF, err));
	U16Buf		src = {0};
	U16Buf		dst = {0};
	size_t		pos = 0;
	bool		changed = false;
	bool		ok = true;

	while (pos < len && ok)
	{
		size_t		end;
		UErrorCode	status = U_ZERO_ERROR;
		int32_t		span;

		ENT_CHECK_INTERRUPTS();
		end = ChunkEnd(n2, s, len, pos);
		if (ascii_invariant && IsAscii(s + pos, end - pos))
		{
			if (changed)
				ok = entbuf_append(out, s + pos, end - pos, err);
			pos = end;
			continue;
		}
		if (!(ok = Utf8ToU16(s + pos, end - pos, &src, err)))
			break;
		span = unorm2_spanQuickCheckYes(n2, src.data, src.len, &status);
		if (U_FAILURE(status))
		{
			ok = ent_fail_icu(err, status, "checking normalization");
			break;
		}
		if (span == src.len)
		{
			if (changed)
				ok = entbuf_append(out, s + pos, end - pos, err);
		}
		else
		{
			if (!changed)
			{
				changed = true;
				if (!(ok = entbuf_append(out, s, pos, err)))
					break;
			}
			ok = MakeStreamSafe(n2, &src, &dst, err) &&
				NormalizeU16(n2, &src, &dst, err) &&
				AppendU16AsUtf8(dst.data, dst.len, out, err);
		}
		pos = end;
	}
	ent_free(src.data);
	ent_free(dst.data);
	*unchanged = ok && !changed;
	return ok;
}

/* ----------------------------------------------------------------
 * Vietnamese tone-mark placement
 * ----------------------------------------------------------------
 */
#define VI_MAX_LETTERS 12

typedef struct ViLetter
{
	UChar		base;			/* as written (case kept) */
	UChar		shape;			/* U+0306, U+0302, U+031B or 0 */
	UChar		tone;			/* U+0300/0301/0303/0309/0323 or 0 */
	char		code;			/* vowel code (see ViCode) or 0 */
} ViLetter;

static bool
IsViTone(UChar c)
{
	return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 ||
		c == 0x0323;
}

/*
 * ViCode encodes a vowel with its shape as one character: plain vowels as
 * themselves, ă A, â B, ê E, ô O, ơ P, ư U.  Returns 0 for consonants and
 * '?' for a shape mark on the wrong vowel.
 */
static char
ViCode(UChar base, UChar shape)
{
	char		b = (base < 0x80) ? (char) tolower(base) : 0;

	if (!b || !strchr("aeiouy", b))
		return 0;
	if (shape == 0)
		return b;
	if (shape == 0x0306 && b == 'a')
		return 'A';
	if (shape == 0x0302)
		return b == 'a' ? 'B' : b == 'e' ? 'E' : b == 'o' ? 'O' : '?';
	if (shape == 0x031B)
		return b == 'o' ? 'P' : b == 'u' ? 'U' : '?';
	return '?';
}

static const char *const vi_nuclei[] = {
	"a", "A", "B", "e", "E", "i", "o", "O", "P", "u", "U", "y",
	"ai", "ao", "au", "ay", "Bu", "By", "eo", "Eu", "ia", "iE", "iu", "oa",
	"oA", "oe", "oi", "Oi", "Pi", "oo", "ua", "uB", "uE", "ui", "uO", "uP",
	"uy", "Ua", "Ui", "UP", "Uu", "ya", "yE",
	"iEu", "oai", "oay", "oeo", "uBy", "uOi", "uya", "uyE", "uyu", "UPi",
	"UPu", "yEu", NULL
};

static const char *const vi_onsets[] = {
	"ngh", "ng", "gh", "gi", "qu", "ch", "kh", "nh", "ph", "th", "tr",
	"b", "c", "d", "\x01", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t",
	"v", "x", "", NULL
};

static const char *const vi_codas[] = {
	"", "c", "ch", "m", "n", "ng", "nh", "p", "t", NULL
};

static bool
InList(const char *const *list, const char *s, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && strncmp(*list, s, n) == 0)
			return true;
	return false;
}

/*
 * ViTarget returns the index of the letter that should carry the tone in a
 * Vietnamese syllable, or -1 if letters[] is not a Vietnamese syllable.
 */
static int
ViTarget(ViLetter *letters, int n, bool new_style)
{
	char		plain[VI_MAX_LETTERS + 1];
	int			onset = -1;
	int			nstart,
				nend;
	const char *nuc;
	int			nlen;

	for (int i = 0; i < n; i++)
	{
		if (letters[i].code == '?')
			return -1;
		if (letters[i].base == 0x0111 || letters[i].base == 0x0110)
			plain[i] = '\x01';	/* đ */
		else if (letters[i].base < 0x80)
			plain[i] = (char) tolower(letters[i].base);
		else
			return -1;
	}
	plain[n] = '\0';

	/* longest onset that leaves a vowel after it */
	for (const char *const *o = vi_onsets; *o; o++)
	{
		int			olen = (int) strlen(*o);

		if (olen > n || strncmp(plain, *o, olen) != 0)
			continue;
		if ((strcmp(*o, "gi") == 0 || strcmp(*o, "qu") == 0) &&
			(olen >= n || letters[olen].code == 0))
			continue;
		/* shaped vowels cannot belong to the onset */
		if (olen > 0 && letters[olen - 1].shape)
			continue;
		onset = olen;
		break;
	}
	if (onset < 0)
		return -1;
	for (int i = 0; i < onset; i++)
		if (plain[i] != 'i' && plain[i] != 'u' && letters[i].code)
			return -1;

	nstart = onset;
	nend = nstart;
	while (nend < n && letters[nend].code)
		nend++;
	nlen = nend - nstart;
	if (nlen == 0)
		return -1;
	if (!InList(vi_codas, plain + nend, n - nend))
		return -1;

	{
		char		code[VI_MAX_LETTERS + 1];

		for (int i = 0; i < nlen; i++)
			code[i] = letters[nstart + i].code;
		code[nlen] = '\0';
		if (!InList(vi_nuclei, code, nlen))
			return -1;
		nuc = strstr(code, "UP");
		if (nuc)
			return nstart + (int) (nuc - code) + 1;
		for (int i = nlen - 1; i >= 0; i--)
			if (strchr("ABEOPU", code[i]))
				return nstart + i;
		if (nend < n)
			return nend - 1;
		if (nlen == 1)
			return nstart;
		if (nlen == 3)
			return nstart + 1;
		if (strcmp(code, "oa") == 0 || strcmp(code, "oe") == 0 ||
			strcmp(code, "uy") == 0)
			return nstart + (new_style ? 1 : 0);
		return nstart;
	}
}

/*
 * ViPlaceTone rewrites one word (UTF-8 w[0..wlen)) with its tone mark
 * placed by the rules.  Appends the result to out and sets *changed if it
 * differs; appends the word unchanged if it is not a Vietnamese syllable.
 */
static bool
ViPlaceTone(const char *w, size_t wlen, bool new_style, EntBuf *out,
			bool *changed, EntError *err)
{
	const UNormalizer2 *nfd = ent_normalizer(ENT_NFD, err);
	const UNormalizer2 *nfc = ent_normalizer(ENT_NFC, err);
	UChar		u[64],
				d[96],
				r[96];
	int32_t		ulen,
				dlen,
				rlen = 0;
	UErrorCode	status = U_ZERO_ERROR;
	ViLetter	letters[VI_MAX_LETTERS];
	int			n = 0;
	int			tones = 0;
	UChar		tone = 0;
	int			target;

	if (!nfd || !nfc)
		return false;
	if (wlen > 40)
		goto keep;
	u_strFromUTF8(u, 64, &ulen, w, (int32_t) wlen, &status);
	if (U_FAILURE(status))
		goto keep;
	dlen = unorm2_normalize(nfd, u, ulen, d, 96, &status);
	if (U_FAILURE(status))
		goto keep;
	for (int i = 0; i < dlen; i++)
	{
		UChar		c = d[i];

		if (c >= 0x0300 && c <= 0x036F)
		{
			if (n == 0)
				goto keep;
			if (IsViTone(c))
			{
				if (letters[n - 1].tone)
					goto keep;
				letters[n - 1].tone = c;
				tone = c;
				tones++;
			}
			else if (c == 0x0306 || c == 0x0302 || c == 0x031B)
			{
				if (letters[n - 1].shape)
					goto keep;
				letters[n - 1].shape = c;
			}
			else
				goto keep;
			continue;
		}
		if (n == VI_MAX_LETTERS)
			goto keep;
		letters[n].base = c;
		letters[n].shape = 0;
		letters[n].tone = 0;
		n++;
	}
	if (tones != 1)
		goto keep;
	for (int i = 0; i < n; i++)
		letters[i].code = ViCode(letters[i].base, letters[i].shape);
	target = ViTarget(letters, n, new_style);
	if (target < 0 || letters[target].tone)
		goto keep;

	for (int i = 0; i < n; i++)
	{
		UChar		tmp[4];
		int			k = 0;

		tmp[k++] = letters[i].base;
		if (letters[i].shape)
			tmp[k++] = letters[i].shape;
		if (i == target)
			tmp[k++] = tone;
		for (int j = 0; j < k; j++)
			d[rlen++] = tmp[j];
	}
	rlen = unorm2_normalize(nfc, d, rlen, r, 96, &status);
	if (U_FAILURE(status))
		goto keep;
	*changed = true;
	return AppendU16AsUtf8(r, rlen, out, err);

keep:
	return entbuf_append(out, w, wlen, err);
}

static bool
IsWordByte(const unsigned char *s, size_t len, size_t i, int *used)
{
	int32_t		c = ent_utf8_decode(s + i, len - i, used);

	return u_isalpha(c) || (c >= 0x0300 && c <= 0x036F);
}

/*
 * NormalizeVietnamese rewrites NFC text in[0..len) word by word into out.
 */
static bool
NormalizeVietnamese(const char *in, size_t len, bool new_style, EntBuf *out,
					bool *changed, EntError *err)
{
	const unsigned char *s = (const unsigned char *) in;
	size_t		i = 0;

	if (!entbuf_reserve(out, len + 16, err))
		return false;
	while (i < len)
	{
		size_t		start = i;
		bool		nonascii = false;
		int			used;

		if ((i & 0xFFF) == 0)
			ENT_CHECK_INTERRUPTS();
		if (!IsWordByte(s, len, i, &used))
		{
			if (!entbuf_append(out, in + i, used, err))
				return false;
			i += used;
			continue;
		}
		while (i < len && IsWordByte(s, len, i, &used))
		{
			nonascii |= (s[i] >= 0x80);
			i += used;
		}
		if (!nonascii)
		{
			if (!entbuf_append(out, in + start, i - start, err))
				return false;
		}
		else if (!ViPlaceTone(in + start, i - start, new_style, out, changed,
							  err))
			return false;
	}
	return true;
}

/*
 * ent_normalize: see normalize.h.
 */
bool
ent_normalize(const char *s, size_t len, EntForm form, EntBuf *out,
			  bool *unchanged, EntError *err)
{
	const UNormalizer2 *n2;
	bool		vi = (form == ENT_FORM_NFC_VI || form == ENT_FORM_NFC_VI_NEW);
	EntBuf		nfc;
	bool		nfc_unchanged;
	bool		changed = false;
	bool		ok;
	size_t		start_len = out->len;

	*unchanged = false;
	n2 = ent_normalizer(vi ? ENT_NFC : (EntNormForm) form, err);
	if (n2 == NULL)
		return false;

	if (form == ENT_FORM_NFKC_CF && IsAscii(s, len))
	{
		bool		upper = false;

		for (size_t i = 0; i < len && !upper; i++)
			upper = (s[i] >= 'A' && s[i] <= 'Z');
		if (!upper)
		{
			*unchanged = true;
			return true;
		}
		if (!entbuf_reserve(out, len, err))
			return false;
		for (size_t i = 0; i < len; i++)
			out->data[out->len++] = (char) tolower((unsigned char) s[i]);
		return true;
	}
	if (!vi)
		return NormalizeIcu(n2, s, len, out, unchanged, err);

	/* Vietnamese: NFC first, then tone placement */
	if (IsAscii(s, len))
	{
		*unchanged = true;
		return true;
	}
	entbuf_init(&nfc, 0);
	if (!NormalizeIcu(n2, s, len, &nfc, &nfc_unchanged, err))
	{
		ent_free(nfc.data);
		return false;
	}
	if (nfc_unchanged)
		ok = NormalizeVietnamese(s, len, form == ENT_FORM_NFC_VI_NEW, out,
								 &changed, err);
	else
	{
		ok = NormalizeVietnamese(nfc.data, nfc.len,
								 form == ENT_FORM_NFC_VI_NEW, out, &changed,
								 err);
		changed = true;
	}
	ent_free(nfc.data);
	if (ok && !changed)
	{
		out->len = start_len;
		*unchanged = true;
	}
	return ok;
}

/* ----------------------------------------------------------------
 * Folding
 * ----------------------------------------------------------------
 */
#define FOLD_INLINE 13
#define FOLD_SPACE	0x01		/* white space: collapses to one ' ' */
#define FOLD_NFC_BEFORE 0x02	/* may compose with the character before */
#define FOLD_NFC_AFTER	0x04	/* may compose with the character after */

typedef struct FoldEntry
{
	const char *ext;			/* result if longer than FOLD_INLINE */
	uint8_t		len;
	uint8_t		flags;
	uint8_t		cls;			/* ENT_CH_* of the original character */
	char		bytes[FOLD_INLINE];
} FoldEntry;

#define FOLD_BLOCKS (0x110000 >> 8)
static FoldEntry *fold_blocks[FOLD_BLOCKS];

/*
 * FoldSpecial maps letters that have no decomposition, and punctuation
 * variants, after case folding.  Returns the replacement (ASCII), or NULL to
 * keep the character.
 */
static const char *
FoldSpecial(UChar32 c)
{
	switch (c)
	{
		case 0x0142:			/* ł */
			return "l";
		case 0x0111:			/* đ */
		case 0x00F0:			/* ð */
			return "d";
		case 0x00F8:			/* ø */
			return "o";
		case 0x00E6:			/* æ */
			return "ae";
		case 0x0153:			/* œ */
			return "oe";
		case 0x0131:			/* ı */
			return "i";
		case 0x0127:			/* ħ */
			return "h";
		case 0x0167:			/* ŧ */
			return "t";
		case 0x00FE:			/* þ */
			return "th";
		case 0x0180:			/* ƀ */
			return "b";
		case 0x0268:			/* ɨ */
			return "i";
		case 0x2019:			/* right single quotation mark */
		case 0x2018:			/* left single quotation mark */
		case 0x201A:			/* single low-9 quotation mark */
		case 0x201B:			/* single high-reversed-9 */
		case 0x02BC:			/* modifier letter apostrophe */
		case 0x02BB:			/* modifier letter turned comma */
		case 0x02B9:			/* modifier letter prime */
		case 0x0060:			/* grave accent */
		case 0x00B4:			/* acute accent */
		case 0x2032:			/* prime */
		case 0x2035:			/* reversed prime */
		case 0xFF07:			/* fullwidth apostrophe */
			return "'";
		case 0x201C:			/* left double quotation mark */
		case 0x201D:			/* right double quotation mark */
		case 0x201E:			/* double low-9 quotation mark */
		case 0x201F:			/* double high-reversed-9 */
		case 0x00AB:			/* « */
		case 0x00BB:			/* » */
		case 0x2039:			/* ‹ */
		case 0x203A:			/* › */
		case 0x2033:			/* double prime */
		case 0x2036:			/* reversed double prime */
		case 0x301D:
		case 0x301E:
		case 0x301F:
		case 0xFF02:
		case 0x02BA:			/* modifier letter double prime */
			return "\"";
		case 0x2212:			/* minus sign */
		case 0x2043:			/* hyphen bullet */
		case 0xFE63:
		case 0xFF0D:
			return "-";
	}
	if (u_charType(c) == U_DASH_PUNCTUATION)
		return "-";
	return NULL;
}

/*
 * IsDiacritic reports whether mark x is an accent that folding removes: the
 * generic combining diacritics and those of Cyrillic, Hebrew and Arabic
 * (points, harakat).  Marks that are part of spelling elsewhere (kana
 * voicing marks, Indic and Thai vowel signs) are kept.
 */
static bool
IsDiacritic(UChar32 x)
{
	return (x >= 0x0300 && x <= 0x036F) ||
		(x >= 0x0483 && x <= 0x0489) ||
		(x >= 0x0591 && x <= 0x05C7) ||
		(x >= 0x0610 && x <= 0x061A) ||
		(x >= 0x064B && x <= 0x065F) ||
		x == 0x0670 ||
		(x >= 0x06D6 && x <= 0x06ED) ||
		(x >= 0x1AB0 && x <= 0x1AFF) ||
		(x >= 0x1DC0 && x <= 0x1DFF) ||
		(x >= 0x20D0 && x <= 0x20FF) ||
		(x >= 0xFE20 && x <= 0xFE2F);
}

/*
 * CharClass returns the ENT_CH_* bits of code point c.
 */
static uint8_t
CharClass(UChar32 c)
{
	int8_t		t = u_charType(c);
	uint8_t		cls = 0;

	if (u_isUWhiteSpace(c))
	{
		cls |= ENT_CH_SPACE;
		if (c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x85 ||
			c == 0x2028 || c == 0x2029)
			cls |= ENT_CH_NEWLINE;
		return cls;
	}
	switch (t)
	{
		case U_UPPERCASE_LETTER:
		case U_TITLECASE_LETTER:
			return ENT_CH_LETTER | ENT_CH_UPPER;
		case U_LOWERCASE_LETTER:
			return ENT_CH_LETTER | ENT_CH_LOWER;
		case U_MODIFIER_LETTER:
		case U_OTHER_LETTER:
			return ENT_CH_LETTER;
		case U_NON_SPACING_MARK:
		case U_ENCLOSING_MARK:
		case U_COMBINING_SPACING_MARK:
			return ENT_CH_MARK;
		case U_DECIMAL_DIGIT_NUMBER:
			return ENT_CH_DIGIT;
		case U_FORMAT_CHAR:
			return ENT_CH_IGNORE;
		default:
			if (u_ispunct(c))
				return ENT_CH_PUNCT;
			return 0;
	}
}

/*
 * ComputeFold fills e with the fold of code point c.
 */
static bool
ComputeFold(UChar32 c, FoldEntry *e, EntError *err)
{
	const UNormalizer2 *cf = ent_normalizer(ENT_NFKC_CF, err);
	const UNormalizer2 *nfd = ent_normalizer(ENT_NFD, err);
	const UNormalizer2 *nfc = ent_normalizer(ENT_NFC, err);
	UChar		in[2],
				a[64],
				d[128],
				f[128],
				r[128];
	int32_t		inlen = 0,
				alen,
				dlen,
				flen = 0,
				rlen;
	UErrorCode	status = U_ZERO_ERROR;
	char		utf8[512];
	int32_t		u8len;
	bool		all_space = true;

	if (!cf || !nfd || !nfc)
		return false;
	memset(e, 0, sizeof(*e));
	if (U_IS_SURROGATE(c))
		c = 0xFFFD;
	e->cls = CharClass(c);
	if (u_isUWhiteSpace(c))
	{
		e->flags = FOLD_SPACE;
		return true;
	}
	U16_APPEND_UNSAFE(in, inlen, c);
	alen = unorm2_normalize(cf, in, inlen, a, 64, &status);
	dlen = unorm2_normalize(nfd, a, alen, d, 128, &status);
	if (U_FAILURE(status))
		return ent_fail_icu(err, status, "folding text");
	for (int32_t i = 0; i < dlen;)
	{
		UChar32		x;
		int8_t		type;
		const char *sp;

		U16_NEXT(d, i, dlen, x);
		type = u_charType(x);
		if ((type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK) &&
			IsDiacritic(x))
			continue;
		if ((sp = FoldSpecial(x)) != NULL)
		{
			for (; *sp; sp++)
				f[flen++] = (UChar) *sp;
			all_space = false;
			continue;
		}
		if (!u_isUWhiteSpace(x))
			all_space = false;
		U16_APPEND_UNSAFE(f, flen, x);
	}
	if (flen == 0)
		return true;			/* removed entirely */
	if (all_space)
	{
		e->flags = FOLD_SPACE;
		return true;
	}
	rlen = unorm2_normalize(nfc, f, flen, r, 128, &status);
	if (U_FAILURE(status))
		return ent_fail_icu(err, status, "folding text");
	{
		UChar32		first,
					last;
		int32_t		i = 0,
					j = rlen;

		U16_NEXT(r, i, rlen, first);
		U16_PREV(r, 0, j, last);
		if (!unorm2_hasBoundaryBefore(nfc, first))
			e->flags |= FOLD_NFC_BEFORE;
		if (!unorm2_hasBoundaryAfter(nfc, last))
			e->flags |= FOLD_NFC_AFTER;
	}
	u_strToUTF8(utf8, sizeof(utf8), &u8len, r, rlen, &status);
	if (U_FAILURE(status))
		return ent_fail_icu(err, status, "folding text");
	e->len = (uint8_t) u8len;
	if (u8len <= FOLD_INLINE)
		memcpy(e->bytes, utf8, u8len);
	else
	{
		char	   *ext = malloc(u8len);

		if (!ext)
			return ent_fail(err, ENT_ERR_NOMEM, "out of memory");
		memcpy(ext, utf8, u8len);
		e->ext = ext;
	}
	return true;
}

/*
 * FoldBlock returns the cached table for the block holding code point c,
 * computing it on first use.  The table lives for the process.
 */
static const FoldEntry *
FoldBlock(UChar32 c, EntError *err)
{
	int			blk = c >> 8;
	FoldEntry  *t;

	if (fold_blocks[blk])
		return fold_blocks[blk];
	t = calloc(256, sizeof(FoldEntry));
	if (!t)
	{
		ent_fail(err, ENT_ERR_NOMEM, "out of memory");
		return NULL;
	}
	for (int i = 0; i < 256; i++)
	{
		if (!ComputeFold((blk << 8) | i, &t[i], err))
		{
			for (int j = 0; j < i; j++)
				free((void *) t[j].ext);
			free(t);
			return NULL;
		}
	}
	fold_blocks[blk] = t;
	return t;
}

/*
 * ent_char_info: see normalize.h.
 */
bool
ent_char_info(int32_t c, const char **fold, int *foldlen, int *cls,
			  EntError *err)
{
	const FoldEntry *blk = FoldBlock(c, err);
	const FoldEntry *e;

	if (!blk)
		return false;
	e = &blk[c & 0xFF];
	*fold = e->ext ? e->ext : e->bytes;
	*foldlen = (e->flags & FOLD_SPACE) ? 0 : e->len;
	*cls = e->cls;
	return true;
}

/*
 * FoldEntryAt returns the fold entry of the character at s[*i] and steps
 * *i past it (NULL if its block cannot be built).
 */
static inline const FoldEntry *
FoldEntryAt(const unsigned char *s, size_t len, size_t *i, EntError *err)
{
	int			used = 1;
	int32_t		c = s[*i] < 0x80 ? s[*i] : ent_utf8_decode(s + *i, len - *i, &used);
	const FoldEntry *blk = fold_blocks[c >> 8];

	if (!blk && !(blk = FoldBlock(c, err)))
		return NULL;
	*i += used;
	return &blk[c & 0xFF];
}

/*
 * ent_fold_word: see normalize.h.
 */
int
ent_fold_word(const char *in, size_t len, char *out, size_t cap)
{
	const unsigned char *s = (const unsigned char *) in;
	EntError	err;
	size_t		n = 0;
	size_t		i = 0;
	bool		nfc_after = false;

	while (i < len)
	{
		const FoldEntry *e = FoldEntryAt(s, len, &i, &err);

		if (!e || (e->flags & FOLD_SPACE) || (nfc_after && (e->flags & FOLD_NFC_BEFORE)) ||
			n + e->len > cap)
			return -1;
		memcpy(out + n, e->ext ? e->ext : e->bytes, e->len);
		n += e->len;
		if (e->len)
			nfc_after = (e->flags & FOLD_NFC_AFTER) != 0;
	}
	return (int) n;
}

/*
 * ent_fold: see normalize.h.
 */
bool
ent_fold(const char *in, size_t len, EntBuf *out, EntError *err)
{
	const unsigned char *s = (const unsigned char *) in;
	const FoldEntry *ascii = FoldBlock(0, err);
	bool		pending_space = false;
	bool		need_nfc = false;
	bool		nfc_after = false;	/* the last fold written may compose */
	size_t		start_len = out->len;
	size_t		i = 0;
	unsigned	countdown = 4096;

	if (!ascii)
		return false;
	if (!entbuf_reserve(out, len + 32, err))
		return false;
	while (i < len)
	{
		const FoldEntry *e;
		const char *bytes;

		if (--countdown == 0)
		{
			ENT_CHECK_INTERRUPTS();
			countdown = 4096;
		}
		if (s[i] < 0x80)
			e = &ascii[s[i++]];
		else if (!(e = FoldEntryAt(s, len, &i, err)))
			return false;
		if (e->flags & FOLD_SPACE)
		{
			pending_space = (out->len > start_len);
			continue;
		}
		if (e->len == 0)
			continue;
		if (out->cap - out->len < (size_t) e->len + 1 &&
			!entbuf_reserve(out, (size_t) e->len + 1 + (len - i), err))
			return false;
		if (pending_space)
		{
			out->data[out->len++] = ' ';
			pending_space = false;
			nfc_after = false;
		}
		/* mostly one to three bytes: a loop, not a call */
		bytes = e->ext ? e->ext : e->bytes;
		for (int k = 0; k < e->len; k++)
			out->data[out->len + k] = bytes[k];
		out->len += e->len;

		/*
		 * Each fold is in NFC already; two side by side need composing
		 * only where neither has a boundary at the join (a letter and a
		 * combining mark left by the fold: most words never do).
		 */
		need_nfc |= nfc_after && (e->flags & FOLD_NFC_BEFORE);
		nfc_after = (e->flags & FOLD_NFC_AFTER) != 0;
	}

	if (need_nfc)
	{
		EntBuf		tmp;
		bool		unchanged;
		const UNormalizer2 *nfc = ent_normalizer(ENT_NFC, err);

		if (!nfc)
			return false;
		entbuf_init(&tmp, out->len - start_len + 16);
		if (!NormalizeIcu(nfc, out->data + start_len, out->len - start_len,
						  &tmp, &unchanged, err))
		{
			ent_free(tmp.data);
			return false;
		}
		if (!unchanged)
		{
			out->len = start_len;
			if (!entbuf_append(out, tmp.data, tmp.len, err))
			{
				ent_free(tmp.data);
				return false;
			}
		}
		ent_free(tmp.data);
	}
	return true;
}

/* ----------------------------------------------------------------
 * Transliteration
 * ----------------------------------------------------------------
 */

/*
 * TranslitChunkEnd ends a chunk after white space about CHUNK_BYTES on, so
 * that rules needing context rarely see a cut; text without spaces is cut
 * at a character boundary further on.
 */
static size_t
TranslitChunkEnd(const char *s, size_t len, size_t pos)
{
	size_t		end;
	size_t		hard;

	if (len - pos <= CHUNK_BYTES)
		return len;
	end = pos + CHUNK_BYTES;
	hard = (len - pos <= 4 * CHUNK_BYTES) ? len : pos + 4 * CHUNK_BYTES;
	while (end < hard && !(s[end] == ' ' || s[end] == '\n'))
		end++;
	while (end < len && ((unsigned char) s[end] & 0xC0) == 0x80)
		end++;
	return end;
}

/*
 * ent_translit: see normalize.h.
 */
bool
ent_translit(const char *s, size_t len, const char *id, EntBuf *out,
			 EntError *err)
{
	UTransliterator *t = ent_transliterator(id, err);
	U16Buf		buf = {0};
	U16Buf		src = {0};
	size_t		pos = 0;
	bool		ok = true;

	if (!t)
		return false;
	while (pos < len && ok)
	{
		size_t		end = TranslitChunkEnd(s, len, pos);
		size_t		cap;

		ENT_CHECK_INTERRUPTS();
		if (!(ok = Utf8ToU16(s + pos, end - pos, &src, err)))
			break;
		cap = (size_t) src.len * 2 + 64;
		for (;;)
		{
			UErrorCode	status = U_ZERO_ERROR;
			int32_t		textlen = src.len;
			int32_t		limit = src.len;

			if (!(ok = U16Reserve(&buf, cap, err)))
				break;
			memcpy(buf.data, src.data, src.len * sizeof(UChar));
			utrans_transUChars(t, buf.data, &textlen, buf.cap, 0, &limit,
							   &status);
			if (status == U_BUFFER_OVERFLOW_ERROR)
			{
				cap = (size_t) textlen + 64 > cap * 2 ? (size_t) textlen + 64 : cap * 2;
				continue;
			}
			if (U_FAILURE(status))
				ok = ent_fail_icu(err, status, "transliterating text");
			else
				ok = AppendU16AsUtf8(buf.data, textlen, out, err);
			break;
		}
		pos = end;
	}
	ent_free(buf.data);
	ent_free(src.data);
	return ok;
}
