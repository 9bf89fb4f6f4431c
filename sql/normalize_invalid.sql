--
-- bad input for normalize, fold and translit
--
\pset format unaligned
SET client_min_messages = warning;

-- unknown forms and transforms are clear errors
SELECT entente.normalize('x', 'NFX');
SELECT entente.normalize('x', '');
SELECT entente.translit('x', 'Bogus-Transform');
SELECT entente.translit('x', '');

-- NULL in, NULL out (STRICT)
SELECT entente.normalize(NULL) IS NULL AS n1, entente.normalize('x', NULL) IS NULL AS n2,
       entente.fold(NULL) IS NULL AS n3, entente.translit(NULL) IS NULL AS n4,
       entente.translit('x', NULL) IS NULL AS n5;

-- empty, only spaces, only punctuation, no letters
SELECT '[' || entente.normalize('') || ']' AS empty_norm,
       '[' || entente.fold('') || ']' AS empty_fold,
       '[' || entente.translit('') || ']' AS empty_translit,
       '[' || entente.fold(E'   \t\n  ') || ']' AS spaces,
       '[' || entente.fold('?!…—–-«»') || ']' AS punct,
       '[' || entente.fold('12 345,67 %') || ']' AS digits;

-- a flood of combining marks, invisible characters, unpaired bidi controls;
-- runs of more than 30 marks are made stream-safe (UAX #15): a U+034F goes
-- before every 31st mark, so 100000 marks gain 3333
SELECT length(entente.normalize('a' || repeat(U&'\0301\0323', 50000), 'NFC')) AS flood_nfc,
       length(entente.normalize('a' || repeat(U&'\0301\0323', 50000), 'NFD')) AS flood_nfd,
       entente.fold('a' || repeat(U&'\0301\0323', 50000)) AS flood_fold,
       '[' || entente.fold(repeat(U&'\200B\200D\FEFF\00AD', 1000)) || ']' AS invisible,
       entente.fold(U&'\202Eabc\202C') AS bidi;

-- 10^6 repeated characters
SELECT length(entente.normalize(repeat('ą', 1000000), 'NFD')) AS nfd_len,
       length(entente.fold(repeat('Ą', 1000000))) AS fold_len,
       length(entente.translit(repeat('ж', 1000000))) AS translit_len,
       length(entente.normalize(repeat('hoà ', 250000), 'NFC_VI')) AS vi_len;

-- noncharacters and private use pass through
SELECT encode(convert_to(entente.fold(U&'\FFFF\E000\+10FFFF'), 'UTF8'), 'hex') AS nonchars;
