-- Behaviour of normalize, fold and translit: equalities users rely on,
-- SQLSTATEs of bad arguments, and huge or hostile input.
\ir include/preamble.psql
BEGIN;
SELECT plan(42);

-- fold makes equal things equal, in many languages and scripts
SELECT is(entente.fold('Đà Nẵng'), entente.fold('da nang'), 'vi: Đà Nẵng = da nang');
SELECT is(entente.fold('Łódź'), 'lodz', 'pl: Łódź folds to lodz');
SELECT is(entente.fold('l’Italia'), entente.fold('l''italia'), 'it: typographic and straight apostrophes');
SELECT is(entente.fold('STRASSE'), entente.fold('Straße'), 'de: ß folds to ss');
SELECT is(entente.fold('Ñandú'), 'nandu', 'es: tilde and acute removed');
SELECT is(entente.fold('Français'), 'francais', 'fr: cedilla removed');
SELECT is(entente.fold('МОСКВА'), entente.fold('москва'), 'ru: Cyrillic case folded');
SELECT is(entente.fold('Ёлка'), entente.fold('елка'), 'ru: ё folds to е');
SELECT is(entente.fold('ΑΘΗΝΑ'), entente.fold('Αθήνα'), 'el: Greek case and tonos');
SELECT is(entente.fold('مُحَمَّد'), 'محمد', 'ar: harakat removed');
SELECT is(entente.fold('ＴＯＫＹＯ　２０２０'), 'tokyo 2020', 'fullwidth forms and ideographic space');
SELECT is(entente.fold('İstanbul'), entente.fold('istanbul'), 'tr: dotted capital I');
SELECT is(entente.fold('Ørsted Æbeltoft Œuvre'), 'orsted aebeltoft oeuvre', 'ø æ œ');
SELECT is(entente.fold('«Nga» — “Mỹ” – „Rosja”'), '"nga" - "my" - "rosja"', 'quotes and dashes unified');
SELECT is(entente.fold(U&'Wa\00ADshing\200Bton'), 'washington', 'soft hyphen and zero-width space removed');
SELECT is(entente.fold(E'  Hà\t\tNội \n '), 'ha noi', 'white space collapsed and trimmed');
SELECT is(entente.fold(U&'\30D8\3099\30C8\30CA\30E0'), 'ベトナム', 'ja: kana voicing marks are kept and composed');

-- fold is idempotent and agrees with normalize on every sample article
SELECT is((SELECT count(*)::int FROM articles WHERE entente.fold(entente.fold(body)) <> entente.fold(body)),
          0, 'fold(fold(x)) = fold(x) on the sample articles');
SELECT is((SELECT count(*)::int FROM articles
            WHERE entente.normalize(entente.normalize(body, 'NFD'), 'NFC') <> entente.normalize(body, 'NFC')),
          0, 'NFC(NFD(x)) = NFC(x) on the sample articles');
SELECT is((SELECT count(*)::int FROM articles WHERE entente.normalize(body, 'NFC') <> normalize(body, NFC)),
          0, 'NFC agrees with the built-in on the sample articles');
SELECT ok((SELECT count(DISTINCT lang) >= 8 FROM articles), 'sample articles in at least eight languages');

-- Vietnamese tone placement
SELECT is(entente.normalize('hoà thuỷ khoẻ', 'NFC_VI'), 'hòa thủy khỏe', 'NFC_VI: classic placement');
SELECT is(entente.normalize('hòa thủy khỏe', 'NFC_VI_NEW'), 'hoà thuỷ khoẻ', 'NFC_VI_NEW: new placement');
SELECT is(entente.normalize('Thành phố Hồ Chí Minh', 'NFC_VI'), 'Thành phố Hồ Chí Minh', 'NFC_VI leaves regular words alone');
SELECT is(entente.normalize('Ça où Müller', 'NFC_VI'), 'Ça où Müller', 'NFC_VI leaves non-Vietnamese words alone');

-- transliteration
SELECT is(entente.translit('Москва'), 'Moskva', 'ru: Москва → Moskva');
SELECT is(entente.translit('Αθήνα'), 'Athina', 'el: Αθήνα → Athina');
SELECT is(entente.translit('北京'), 'bei jing', 'zh: 北京 → bei jing');
SELECT is(entente.translit('Київ', 'Ukrainian-Latin/BGN'), 'Kyyiv', 'an explicit transform id');

-- bad arguments are clear errors with SQLSTATEs
SELECT throws_ok($$SELECT entente.normalize('x', 'NFX')$$, '22023', 'unknown normalization form "NFX"', 'unknown form');
SELECT throws_ok($$SELECT entente.translit('x', 'No-Such-Transform')$$, '22023', NULL, 'unknown transform');
SELECT throws_ok($$SELECT entente.translit('x', repeat('Latin-', 100))$$, '22023', NULL, 'transform id too long');

-- NULL in, NULL out
SELECT is(entente.fold(NULL), NULL, 'fold(NULL) is NULL');
SELECT is(entente.normalize('x', NULL), NULL, 'normalize(x, NULL) is NULL');

-- huge input: 100 MB in linear time, memory released after the call
CREATE TEMP TABLE big AS SELECT repeat('Hà Nội và Moskva ký thoả thuận. ', 3000000) AS s;
SELECT cmp_ok((SELECT octet_length(s) FROM big), '>=', 100000000, 'input of over 100 MB');
SELECT is((SELECT length(entente.fold(s)) FROM big),
          3000000 * length(entente.fold('Hà Nội và Moskva ký thoả thuận.')) + 2999999,
          'fold of 100 MB: every unit folded, spaces between them');
SELECT is((SELECT entente.normalize(s, 'NFC') = s FROM big), true, 'NFC of 100 MB NFC text returns it unchanged');
SELECT is((SELECT length(entente.normalize(s, 'NFD')) FROM big),
          3000000 * length(normalize('Hà Nội và Moskva ký thoả thuận. ', NFD)), 'NFD of 100 MB');
SELECT is((SELECT length(entente.normalize(s, 'NFC_VI')) FROM big), 96000000, 'NFC_VI of 100 MB');
SELECT is((SELECT entente.translit(left(s, 3300000)) = entente.translit(left(s, 3300000)) FROM big), true, 'translit of 3 MB');

-- hostile input
SELECT is(length(entente.normalize('a' || repeat(U&'\0301\0323', 500000), 'NFC')), 1033333,
          'a million combining marks: stream-safe, not quadratic');
SELECT is(entente.fold(repeat(U&'\200B', 100000)), '', 'only invisible characters fold to empty');

SELECT * FROM finish();
ROLLBACK;
