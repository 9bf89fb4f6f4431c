/*-------------------------------------------------------------------------
 *
 * enttest.c
 *	  Unit tests of the entente engine, linked without the server
 *
 * Copyright (c) 2026, the entente authors
 *
 * tools/enttest.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "icu_cache.h"
#include "langid.h"
#include "normalize.h"
#include "scan.h"
#include "extract.h"
#include "segment.h"
#include "textbuf.h"

static int	failures = 0;
static int	checks = 0;

static void
Expect(const char *what, const char *got, size_t gotlen, const char *want)
{
	checks++;
	if (strlen(want) != gotlen || memcmp(got, want, gotlen) != 0)
	{
		failures++;
		printf("FAIL %s: got \"%.*s\", want \"%s\"\n", what, (int) gotlen, got, want);
	}
}

static void
CheckFold(const char *in, const char *want)
{
	EntBuf		b;
	EntError	err;

	entbuf_init(&b, 16);
	if (!ent_fold(in, strlen(in), &b, &err))
	{
		failures++;
		printf("FAIL fold(%s): %s\n", in, err.message);
		return;
	}
	Expect("fold", b.data, b.len, want);
	free(b.data);
	/* the word fold, where it answers, agrees (white space it leaves) */
	{
		char		w[256];
		int			n = ent_fold_word(in, strlen(in), w, sizeof(w));

		checks++;
		if (n >= 0 ? (strlen(want) != (size_t) n || memcmp(w, want, n) != 0) :
			(strchr(in, ' ') == NULL && strchr(in, '\t') == NULL && strlen(in) < 64 &&
			 strstr(in, "\xE1\x84") == NULL))
		{
			failures++;
			printf("FAIL fold_word(%s): %d\n", in, n);
		}
	}
}

static void
CheckNorm(const char *in, EntForm form, const char *want)
{
	EntBuf		b;
	EntError	err;
	bool		unchanged;

	entbuf_init(&b, 16);
	if (!ent_normalize(in, strlen(in), form, &b, &unchanged, &err))
	{
		failures++;
		printf("FAIL normalize(%s): %s\n", in, err.message);
		return;
	}
	if (unchanged)
		Expect("normalize", in, strlen(in), want);
	else
		Expect("normalize", b.data, b.len, want);
	free(b.data);
}

typedef struct Collect
{
	const char *s;
	char		out[1024];
} Collect;

static bool
CollectSpan(void *arg, const EntSpan *span, EntError *err)
{
	Collect    *c = arg;
	size_t		n = strlen(c->out);

	snprintf(c->out + n, sizeof(c->out) - n, "%s[%.*s]", n ? " " : "",
			 (int) (span->byte_end - span->byte_start), c->s + span->byte_start);
	return true;
}

static void
CheckSentences(const char *in, const char *lang, const char *want)
{
	Collect		c = {in, ""};
	EntError	err;

	if (!ent_sentences(in, strlen(in), lang, CollectSpan, &c, &err))
	{
		failures++;
		printf("FAIL sentences: %s\n", err.message);
		return;
	}
	Expect("sentences", c.out, strlen(c.out), want);
}

static void
CheckTokens(const char *in, const char *lang, const char *want)
{
	Collect		c = {in, ""};
	EntError	err;

	if (!ent_tokens(in, strlen(in), lang, CollectSpan, &c, &err))
	{
		failures++;
		printf("FAIL tokens: %s\n", err.message);
		return;
	}
	Expect("tokens", c.out, strlen(c.out), want);
}

/*
 * CheckScan: the extraction tokens of in, each as its fold and a letter per
 * flag: C capital, L lower case, A all capitals, I inner capital, D digit,
 * H hyphen, N non-Latin, P punctuation, S space before.
 */
static void
CheckScan(const char *in, const char *lang, const char *want)
{
	EntDoc		doc;
	EntError	err;
	char		out[2048] = "";
	static const struct
	{
		uint32_t	flag;
		char		c;
	}			names[] = {
		{TK_CAP, 'C'}, {TK_LOWER, 'L'}, {TK_ALLCAPS, 'A'}, {TK_INNER_CAP, 'I'},
		{TK_DIGIT, 'D'}, {TK_HYPHEN, 'H'}, {TK_NONLATIN, 'N'}, {TK_PUNCT, 'P'},
		{TK_SPACE_BEFORE, 'S'}
	};

	if (!ent_scan(in, strlen(in), lang, false, &doc, &err))
	{
		failures++;
		printf("FAIL scan: %s\n", err.message);
		return;
	}
	for (int i = 0; i < doc.ntok; i++)
	{
		size_t		n = strlen(out);

		n += snprintf(out + n, sizeof(out) - n, "%s%.*s:", i ? " " : "",
					  (int) doc.tok[i].fold_len, ent_tok_fold(&doc, i));
		for (size_t k = 0; k < sizeof(names) / sizeof(names[0]) && n + 1 < sizeof(out); k++)
			if (doc.tok[i].flags & names[k].flag)
				out[n++] = names[k].c, out[n] = '\0';
		if (doc.tok[i].byte_end - doc.tok[i].byte_start == 0 ||
			doc.tok[i].char_end - doc.tok[i].char_start > doc.tok[i].byte_end - doc.tok[i].byte_start)
			snprintf(out + n, sizeof(out) - n, "!offsets");
	}
	Expect("scan", out, strlen(out), want);
	ent_doc_free(&doc);
}

/*
 * CheckSentenceStarts: the sentences ent_scan gives the tokens of in (from
 * the stops it met) are those of ent_sentence_bytes over the whole text.
 */
typedef struct Ends
{
	size_t		end[4096];
	int			n;
} Ends;

static bool
CollectEnd(void *arg, const EntSpan *span, EntError *err)
{
	Ends	   *e = arg;

	if (e->n < 4096)
		e->end[e->n++] = span->byte_end;
	return true;
}

static bool
CheckSentenceStarts(const char *in, size_t len, const char *lang)
{
	static Ends e;
	EntDoc		doc;
	EntError	err;
	int			k = 0;
	bool		ok = true;

	checks++;
	e.n = 0;
	if (!ent_sentence_bytes(in, len, lang, CollectEnd, &e, &err) ||
		!ent_scan(in, len, lang, true, &doc, &err))
	{
		failures++;
		printf("FAIL sentence starts: %s\n", err.message);
		return false;
	}
	for (int i = 0; i < doc.ntok && ok; i++)
	{
		while (k < e.n && doc.tok[i].byte_start >= e.end[k])
			k++;
		ok = doc.tok[i].sent == k + 1;
	}
	if (!ok || doc.nsent != e.n)
	{
		failures++;
		printf("FAIL sentence starts (%s): \"%.*s\"\n", lang, (int) len, in);
	}
	ent_doc_free(&doc);
	return ok;
}

/*
 * FuzzSentenceStarts: CheckSentenceStarts over random texts made of pieces
 * that meet the sentence rules' cases: terminators of several scripts,
 * closers, abbreviations, initials, decimals, ordinals, line breaks of every
 * kind, marks after a full stop, format characters, U+FFFD and stray bytes.
 */
static void
FuzzSentenceStarts(void)
{
	static const char *const pieces[] = {
		"word", "Word", "said", "U.S.", "3.5", "3. ", "Mr. ", "gen. ", "J. ",
		"Kornet-E. ", ". ", ".", "!", "?", "?!", "...", "\u2026", " ", "  ",
		"\n", "\r\n", "\r", "\n\n", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9",
		"\v", "\f", "\t", "\xC2\xA0", "\"", ")", "(", "\xC2\xBB", "\xE2\x80\x9D",
		"\xE2\x80\x9E", "'", ",", ";", ":", "-", "\xCC\x81", "\xE2\x80\x8B",
		"\xC2\xAD", "\xEF\xBF\xBD", "\xFF", "\xE3\x80\x82", "\xEF\xBC\x81",
		"\xD8\x9F", "\xE0\xA5\xA4", "\xEF\xBC\x8E", "Rosja", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
		"\xCE\x95\xCE\xAF\xCF\x80\xCE\xB5", "etc. ", "a", "B", "7", "l'", "m.in", "x.\xE4\xB8\xAD", "Z.\xCE\xA9"
	};
	static const char *const langs[] = {"en", "de", "pl", "el", "zh", "vi", ""};
	uint64_t	seed = 42;
	char		buf[600];

	for (int round = 0; round < 3000; round++)
	{
		size_t		n = 0;
		int			npieces;

		seed = seed * 6364136223846793005ull + 1442695040888963407ull;
		npieces = 1 + (int) ((seed >> 33) % 40);
		for (int p = 0; p < npieces; p++)
		{
			const char *piece;
			size_t		pl;

			seed = seed * 6364136223846793005ull + 1442695040888963407ull;
			piece = pieces[(seed >> 33) % (sizeof(pieces) / sizeof(pieces[0]))];
			pl = strlen(piece);
			if (n + pl >= sizeof(buf))
				break;
			memcpy(buf + n, piece, pl);
			n += pl;
		}
		if (!CheckSentenceStarts(buf, n, langs[round % (sizeof(langs) / sizeof(langs[0]))]))
			break;
		checks--;				/* (one check for the whole fuzz) */
	}
	checks++;
}

/*
 * CheckStopClasses: every character that may end a sentence is white space
 * or a character the scanner makes a token of its own or a joiner (never
 * part of a word, never skipped as invisible), so the scanner meets them
 * all (see ent_sentence_bytes_at).
 */
static void
CheckStopClasses(void)
{
	EntError	err;

	checks++;
	for (int32_t cp = 0; cp <= 0x10FFFF; cp++)
	{
		const char *f;
		int			fl,
					cls;

		if ((cp >= 0xD800 && cp <= 0xDFFF) || !ent_sentence_stop(cp))
			continue;
		if (!ent_char_info(cp, &f, &fl, &cls, &err) ||
			(cls & (ENT_CH_LETTER | ENT_CH_MARK | ENT_CH_DIGIT)) ||
			(cls == 0 && fl == 0) ||
			((cls & ENT_CH_SPACE) && !(cls & ENT_CH_NEWLINE)))
		{
			failures++;
			printf("FAIL sentence stop U+%04X has class %d\n", (unsigned) cp, cls);
			return;
		}
	}
}

static void
CheckLang(const char *in, const char *want)
{
	EntLangScore l[ENT_LANG_MAX];
	EntError	err;
	int			n = ent_detect_languages(in, strlen(in), l, &err);

	Expect("language", n > 0 ? l[0].lang : "", n > 0 ? strlen(l[0].lang) : 0, want);
}

/* strmap_hash_padded agrees with strmap_hash for every length */
static void
CheckHashPadded(void)
{
	char		buf[48 + STRMAP_PAD];
	uint64_t	seed = 7;

	checks++;
	for (int round = 0; round < 4000; round++)
	{
		size_t		n = (size_t) round % 49;

		for (size_t k = 0; k < sizeof(buf); k++)
		{
			seed = seed * 6364136223846793005ull + 1442695040888963407ull;
			buf[k] = (char) (seed >> 56);
		}
		if (strmap_hash_padded(buf, n) != strmap_hash(buf, n))
		{
			failures++;
			printf("FAIL strmap_hash_padded, %zu bytes\n", n);
			return;
		}
	}
}

/* ent_space_or_quote agrees with ICU for every code point */
static void
CheckSpaceOrQuote(void)
{
	checks++;
	for (int32_t cp = 0; cp <= 0x10FFFF; cp++)
		if (ent_space_or_quote(cp) !=
			(u_isUWhiteSpace(cp) || u_hasBinaryProperty(cp, UCHAR_QUOTATION_MARK)))
		{
			failures++;
			printf("FAIL ent_space_or_quote U+%04X\n", (unsigned) cp);
			return;
		}
}

/*
 * the entity ids ent_extract finds in text, space-separated, in document
 * order (ENT_X_IDS_ONLY leaves mentions in the order found)
 */
static void
Ids(Lexicon *lex, const char *text, const char *lang, char *out, size_t cap)
{
	EntExtraction x;
	EntError	err;
	EntDate		none = {0, 0, 0};
	size_t		n = 0;

	out[0] = '\0';
	if (!ent_extract(lex, text, strlen(text), lang, none, ENT_X_IDS_ONLY, &x, &err))
	{
		snprintf(out, cap, "error: %s", err.message);
		return;
	}
	ent_mentions_sort(&x);
	for (int i = 0; i < x.n; i++)
		if (!x.m[i].dropped && n + strlen(x.m[i].entity_id) + 2 < cap)
			n += snprintf(out + n, cap - n, "%s%s", n ? " " : "", x.m[i].entity_id);
	ent_extraction_free(&x);
}

/* AddEntry adds a Polish name of PL to lex, a failed check if it cannot */
static bool
AddEntry(Lexicon *lex, EntKind kind, const char *id, const char *alias, uint16_t flags)
{
	EntError	err;

	if (ent_lexicon_add(lex, kind, id, NULL, "pl", alias, "PL", flags, "enttest", &err))
		return true;
	failures++;
	printf("FAIL lexicon add: %s\n", err.message);
	return false;
}

/*
 * CheckLexiconGrowth: names added to the lexicon after a language's index
 * was built are found (the index reads them on its next article), also when
 * there are so many that its tables of first tokens grow, and the names it
 * had before are still found.
 */
static void
CheckLexiconGrowth(const char *datadir)
{
	EntError	err;
	Lexicon    *lex = ent_lexicon_build(datadir, &err);
	char		got[512];
	char		alias[64],
				id[64];

	if (!lex)
	{
		failures++;
		printf("FAIL lexicon: %s\n", err.message);
		return;
	}
	Ids(lex, "Rosja i Pakistan podpisały umowę w Moskwie.", "pl", got, sizeof(got));
	Expect("ids before", got, strlen(got), "RU PK Moscow");
	/* an adjective added later is found in lower case, inflected too (the
	 * index's table of inflected forms reads it) */
	Ids(lex, "Delegacja zorbańskiego rządu.", "pl", got, sizeof(got));
	Expect("adjective before", got, strlen(got), "");
	AddEntry(lex, ENT_COUNTRY, "PL", "zorbański", AL_ADJ);
	Ids(lex, "Delegacja zorbańskiego rządu i zorbański minister.", "pl", got, sizeof(got));
	Expect("adjective after", got, strlen(got), "PL PL");
	/* so is a place, in another case (the table of the forms of names) */
	AddEntry(lex, ENT_PLACE, "Kwiatograd", "Kwiatogród", 0);
	Ids(lex, "Spotkanie w Kwiatogrodzie.", "pl", got, sizeof(got));
	Expect("inflected place after", got, strlen(got), "Kwiatograd");
	for (int k = 0; k < 3; k++)
	{
		/* a few entries, then enough to outgrow every table */
		int			from = k == 0 ? 0 : k == 1 ? 10 : 100;
		int			to = k == 0 ? 10 : k == 1 ? 100 : 40000;

		for (int n = from; n < to; n++)
		{
			snprintf(alias, sizeof(alias), "Zorbagród%d Wielki", n);
			snprintf(id, sizeof(id), "Zorbagrod%d", n);
			if (!AddEntry(lex, ENT_PLACE, id, alias, 0))
			{
				ent_lexicon_free(lex);
				return;
			}
		}
		snprintf(alias, sizeof(alias), "Rosja, Zorbagród%d Wielki i Zorbagród0 Wielki.", to - 1);
		Ids(lex, alias, "pl", got, sizeof(got));
		snprintf(id, sizeof(id), "RU Zorbagrod%d Zorbagrod0", to - 1);
		Expect("ids after adding", got, strlen(got), id);
	}
	Ids(lex, "Rosja i Pakistan podpisały umowę w Moskwie.", "pl", got, sizeof(got));
	Expect("ids after", got, strlen(got), "RU PK Moscow");
	ent_lexicon_free(lex);
}

int
main(int argc, char **argv)
{
	static const char abbrev[] = "*\tMr\n*\tgen\nvi\tTP\n";
	EntError	err;
	char		code[8];

	if (!ent_abbrev_load(abbrev, sizeof(abbrev) - 1, &err))
	{
		printf("FAIL abbrev load: %s\n", err.message);
		return 1;
	}

	CheckFold("Đà Nẵng", "da nang");
	CheckFold("Москве", "москве");
	CheckFold("Ławrowem", "lawrowem");
	CheckFold("Nẵng", "nang");
	/* conjoining jamo compose: the word fold leaves them to ent_fold */
	CheckFold("\xE1\x84\x80\xE1\x85\xA1", "\xEA\xB0\x80");
	CheckFold("Łódź", "lodz");
	CheckFold("l’Italia", "l'italia");
	CheckFold("  STRASSE\t\tStraße  ", "strasse strasse");
	CheckFold("„Rosja” — «Россия»", "\"rosja\" - \"россия\"");
	CheckFold("soft\xC2\xADhyphen zero\xE2\x80\x8Bwidth", "softhyphen zerowidth");
	CheckFold("Ørsted Æther Œuvre İstanbul", "orsted aether oeuvre istanbul");
	CheckFold("한국 ｶﾀｶﾅ ﾍﾞﾄﾅﾑ で", "한국 カタカナ ベトナム で");
	CheckFold("हिन्दी ไทย", "हिन्दी ไทย");
	CheckFold("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", "한");	/* conjoining jamo */
	CheckFold("", "");

	CheckNorm("e\xCC\x81", ENT_FORM_NFC, "é");
	CheckNorm("é", ENT_FORM_NFD, "e\xCC\x81");
	CheckNorm("ﬁ ²", ENT_FORM_NFKC, "fi 2");
	CheckNorm("ASCII only", ENT_FORM_NFC, "ASCII only");
	CheckNorm("Straße", ENT_FORM_NFKC_CF, "strasse");
	CheckNorm("hoà bình, thuỷ lợi, khoẻ", ENT_FORM_NFC_VI, "hòa bình, thủy lợi, khỏe");
	CheckNorm("hòa bình, thủy lợi, khỏe", ENT_FORM_NFC_VI_NEW, "hoà bình, thuỷ lợi, khoẻ");
	CheckNorm("Hoà Kỳ quý giá người", ENT_FORM_NFC_VI, "Hòa Kỳ quý giá người");
	CheckNorm("hoàn toàn", ENT_FORM_NFC_VI_NEW, "hoàn toàn");
	CheckNorm("où café", ENT_FORM_NFC_VI, "où café");

	CheckSentences("Mr. Smith met gen. Nowak. They talked.", "en",
				   "[Mr. Smith met gen. Nowak.] [They talked.]");
	CheckSentences("Headline without stop\nBody text. More.", "en",
				   "[Headline without stop] [Body text.] [More.]");
	CheckSentences("It costs 1.5 billion. The 9K129 Kornet-E. Was sold.", "en",
				   "[It costs 1.5 billion.] [The 9K129 Kornet-E. Was sold.]");
	CheckSentences("Am 3. März traf er ihn. Dann ging er.", "de",
				   "[Am 3. März traf er ihn.] [Dann ging er.]");
	/* the boundaries of ICU's sentence rules, found without ICU */
	CheckSentences("See p. 5 etc. and then stop. \"Quoted.\" Next one!? Yes.", "en",
				   "[See p. 5 etc. and then stop.] [\"Quoted.\"] [Next one!?] [Yes.]");
	CheckSentences("Hello.\r\n(Aside.) More text... and more. End", "en",
				   "[Hello.] [(Aside.)] [More text... and more.] [End]");
	/* Arabic with vowel marks (Extend characters), Chinese */
	CheckSentences("قالَ. ثمّ ذهبَ؟ نعم.", "ar",
				   "[قالَ.] [ثمّ ذهبَ؟] [نعم.]");
	CheckSentences("他说。我们走了！好", "zh",
				   "[他说。] [我们走了！] [好]");
	/* Greek: ICU's own rules, where the semicolon asks a question */
	CheckSentences("Είπε; Ναι.", "el",
				   "[Είπε;] [Ναι.]");
	CheckTokens("Mi-35M costs $1.5bn, l'Italia!", "",
				"[Mi] [-] [35M] [costs] [$] [1.5bn] [,] [l'Italia] [!]");

	/* runs of ASCII letters and digits longer and shorter than 16 bytes,
	 * ended by a non-ASCII letter, a joiner or punctuation */
	FuzzSentenceStarts();
	CheckStopClasses();
	CheckSentenceStarts("Mr. Smith met gen. Nowak. They talked.\nU.S. 3.5 billion! Done",
						strlen("Mr. Smith met gen. Nowak. They talked.\nU.S. 3.5 billion! Done"), "en");
	CheckScan("protivzdušn* obran*", "cs", "protivzdusn:LS *:P obran:LS *:P");
	CheckScan("NORTHATLANTICTREATYORG abcdefghijklmnopqrstuvwxyzÉ McDonaldsInternationalX 9K129 Kornet-E x",
			  "en", "northatlantictreatyorg:CAS abcdefghijklmnopqrstuvwxyze:LIS "
			  "mcdonaldsinternationalx:CIS 9k129:CDS kornet-e:CIHS x:LS");
	/* folds longer than a block entry holds (U+FDFA, U+3250) and short ones
	 * beside them in the same blocks */
	CheckScan("\uFDFA \uFDF2 \u3250 \u3251 \uFB03x", "",
			  "صلى الله عليه وسلم:NS الله:NS pte:PS 21:PS ffix:LNS");
	CheckScan("U.S.A. 3.5 l'Italia Stati-Uniti ABCDEFGHIJKLMNOP-Москва", "it",
			  "u.s.a:CAS .:P 3.5:DS l':LS italia:C stati-uniti:CIHS abcdefghijklmnop-москва:CIHNS");
	CheckLang("Tổng thống Nga Vladimir Putin đã có cuộc hội đàm với Thủ tướng Pakistan tại Moskva.", "vi");
	CheckLang("Minister spraw zagranicznych Polski spotkał się w Warszawie z ambasadorem.", "pl");
	CheckLang("Президент России провёл переговоры с премьер-министром Пакистана.", "ru");
	CheckLang("12345 !!! ...", "");

	checks++;
	if (!ent_check_lang("vi", 2, code, &err) || strcmp(code, "vi") != 0)
		failures++, printf("FAIL check_lang vi\n");
	checks++;
	if (ent_check_lang("xx", 2, code, &err) || ent_check_lang("e n", 3, code, &err))
		failures++, printf("FAIL check_lang accepts bad codes\n");

	CheckHashPadded();
	CheckSpaceOrQuote();
	/* with the data directory, the lexicon */
	if (argc > 1)
		CheckLexiconGrowth(argv[1]);

	ent_icu_cache_reset();
	printf("enttest: %d passed, %d failed\n", checks - failures, failures);
	return failures ? 1 : 0;
}
