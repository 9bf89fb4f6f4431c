--
-- clean(): an article without its page furniture (navigation, cookie and
-- sharing lines, teasers, repeated lines, credits), its own lines as written
--
\pset format unaligned
\set body `cat data/articles/fr-02.txt`
SELECT entente.clean(:'body', 'fr');
-- the same with the language detected
SELECT entente.clean(:'body') = entente.clean(:'body', 'fr') AS detected_same;
-- what was removed
SELECT l AS removed_line
FROM regexp_split_to_table(:'body', E'\n') WITH ORDINALITY AS t(l, n)
WHERE btrim(l) <> '' AND position(l IN entente.clean(:'body', 'fr')) = 0
ORDER BY n;
-- the article's own text is kept whole
SELECT length(:'body') AS chars, length(entente.clean(:'body', 'fr')) AS kept;

-- other languages
SELECT entente.clean(E'Trang chủ > Thế giới > Châu Á\n\nNga và Pakistan ký thỏa thuận hợp tác quốc phòng tại Moskva ngày 7/8.\nHai bên nhất trí tăng cường tập trận chung.\n\n\nChia sẻ: Facebook | Twitter | Zalo\n© 2024 Báo Mẫu', 'vi');
SELECT entente.clean(E'Strona główna > Świat > Europa\nRosja i Pakistan podpisały porozumienie o współpracy wojskowej.\nUdostępnij: Facebook | X\nCzytaj także: Nowe sankcje wobec Iranu...', 'pl');
SELECT entente.clean(E'Home | World | Asia\nRussia and Pakistan signed a defence agreement on Tuesday.\nThe deal covers joint exercises.\nRead more: India tests a new missile...\nWe use cookies to improve your experience. Accept', 'en');
-- an article without furniture comes back unchanged
SELECT entente.clean(E'Rosja i Pakistan podpisały porozumienie.\n\nRozmowy potrwają do piątku.', 'pl')
     = E'Rosja i Pakistan podpisały porozumienie.\n\nRozmowy potrwają do piątku.' AS unchanged;

-- bad input
SELECT entente.clean(NULL) IS NULL AS null_in_null_out;
SELECT entente.clean('') = '' AS empty;
SELECT entente.clean('12345 !!! 67,8') AS no_letters;
SELECT entente.clean(E'\n\n\n') = '' AS only_breaks;
SELECT length(entente.clean(repeat(E'Rosja i Pakistan podpisały porozumienie.\n', 100000))) AS repeated_lines;
SELECT length(entente.clean(repeat('Rosja i Pakistan podpisały porozumienie. ', 250000))) AS ten_mb_one_line;
SELECT entente.clean(E'Nga và Pakistan ký thỏa thuận.\u200B\u0301\uFEFF', 'vi') IS NOT NULL AS odd_unicode;
SELECT entente.clean('Rosja i Pakistan.', 'zz-bogus');
SELECT entente.clean('Rosja i Pakistan.', '');
