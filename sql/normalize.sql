--
-- normalize, fold, translit on text in many languages and scripts
--
\pset format unaligned
SET client_min_messages = warning;

-- the four Unicode forms: composed and decomposed Latin, Vietnamese, Cyrillic
SELECT form,
       entente.normalize(s, form) = s AS same,
       length(entente.normalize(s, form)) AS len,
       encode(convert_to(entente.normalize(s, form), 'UTF8'), 'hex') AS hex
FROM (VALUES ('NFC'), ('NFD'), ('NFKC'), ('NFKD')) f(form),
     (VALUES (U&'Vie\0323\0302t Nam'), ('Việt Nam'), (U&'\FB01\00B2'), (U&'\0439')) t(s)
ORDER BY form, s;

-- form names are case-insensitive; NFKC_Casefold has a short name
SELECT entente.normalize('Straße ＡＢＣ', 'nfkc_casefold') AS cf,
       entente.normalize('Straße ＡＢＣ', 'NFKC_CF') AS cf2,
       entente.normalize('ǅemal') AS nfc_default;

-- Vietnamese tone placement: classic (NFC_VI) and new (NFC_VI_NEW)
SELECT s,
       entente.normalize(s, 'NFC_VI') AS classic,
       entente.normalize(s, 'NFC_VI_NEW') AS new
FROM (VALUES ('hòa bình'), ('hoà bình'), ('thủy điện'), ('thuỷ điện'),
             ('khỏe mạnh'), ('khoẻ mạnh'), ('Hòa Kỳ'), ('HOÀ BÌNH'),
             ('hoàn toàn'), ('quý giá'), ('giữa người'), ('thuở xưa'),
             ('ngoài khơi'), ('khuya'), ('tùy ý'), ('tuỳ ý'),
             (U&'ho\0061\0300'), ('où est le café'), ('Mùa thu Hà Nội')) t(s);

SELECT entente.normalize('hòa', 'NFC_VI') = entente.normalize('hoà', 'NFC_VI') AS classic_equal,
       entente.normalize('thủy', 'NFC_VI_NEW') = entente.normalize('thuỷ', 'NFC_VI_NEW') AS new_equal;

-- fold: the search key
SELECT s, entente.fold(s) AS folded
FROM (VALUES ('Đà Nẵng'), ('da nang'), ('Łódź'), ('l’Italia'), ('l''Italia'),
             ('STRASSE Straße'), ('Ørsted, Æsir, Œuvre'), ('İstanbul ıslak'),
             ('„Rosja” – «Россия» — “Nga”'), ('Москва́ ёлка'), ('Αθήνα ΟΔΟΣ'),
             (U&'soft\00ADhyphen zero\200Bwidth\2060joiner'),
             (E'  many \t spaces\n\nand lines  '), ('ﬁnancial ①②'),
             ('한국어 ｶﾀｶﾅ'), ('القاهرة'), ('北京'), ('Þórshöfn'), ('Hồ Chí Minh')) t(s);

SELECT entente.fold('Đà Nẵng') = entente.fold('da nang') AS danang,
       entente.fold('Łódź') = 'lodz' AS lodz,
       entente.fold('l’Italia') = entente.fold('l''italia') AS italia,
       entente.fold('Moskwie') = 'moskwie' AS moskwie;

-- transliteration
SELECT s, entente.translit(s) AS latin
FROM (VALUES ('Москва'), ('Αθήνα'), ('北京'), ('Київ'), ('서울'), ('東京'),
             ('القاهرة'), ('Łódź'), ('Đà Nẵng'), ('Ελλάδα')) t(s);

SELECT entente.translit('Москва', 'Cyrillic-Latin') AS iso9,
       entente.translit('Hà Nội', 'Latin-ASCII') AS ascii,
       entente.translit('straße', 'Any-Upper') AS upper;

-- versions are reported
SELECT entente.icu_version() ~ '^[0-9]+\.' AS icu, entente.unicode_version() ~ '^[0-9]+\.' AS unicode;
