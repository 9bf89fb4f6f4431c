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

#include "icu_cache.h"
#include "langid.h"
#include "normalize.h"
#include "scan.h"
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

static void
CheckLang(const char *in, const char *want)
{
	EntLangScore l[ENT_LANG_MAX];
	EntError	err;
	int			n = ent_detect_languages(in, strlen(in), l, &err);

	Expect("language", n > 0 ? l[0].lang : "", n > 0 ? strlen(l[0].lang) : 0, want);
}

int
main(void)
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
	CheckScan("protivzdušn* obran*", "cs", "protivzdusn:LS *:P obran:LS *:P");
	CheckScan("NORTHATLANTICTREATYORG abcdefghijklmnopqrstuvwxyzÉ McDonaldsInternationalX 9K129 Kornet-E x",
			  "en", "northatlantictreatyorg:CAS abcdefghijklmnopqrstuvwxyze:LIS "
			  "mcdonaldsinternationalx:CIS 9k129:CDS kornet-e:CIHS x:LS");
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

	ent_icu_cache_reset();
	printf("enttest: %d passed, %d failed\n", checks - failures, failures);
	return failures ? 1 : 0;
}
