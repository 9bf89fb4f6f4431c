--
-- bad input for tokens and sentences
--
\pset format unaligned
SET client_min_messages = warning;

-- unknown or malformed language codes
SELECT * FROM entente.tokens('x', 'zz');
SELECT * FROM entente.tokens('x', 'english');
SELECT * FROM entente.sentences('x', 'e1');
SELECT * FROM entente.sentences('x', '');

-- codes are case-insensitive and may carry a region
SELECT count(*) AS upper_code FROM entente.tokens('Olá mundo', 'PT');
SELECT count(*) AS region_code FROM entente.sentences('Olá mundo.', 'pt-BR');

-- NULL input: no rows; empty and blank input: no rows
SELECT count(*) AS null_tokens FROM entente.tokens(NULL);
SELECT count(*) AS null_sentences FROM entente.sentences(NULL, 'en');
SELECT count(*) AS empty_tokens FROM entente.tokens('');
SELECT count(*) AS blank_sentences FROM entente.sentences(E' \n\t \n');

-- only punctuation
SELECT kind, count(*) FROM entente.tokens('?!… — «» ...') GROUP BY kind ORDER BY kind;
SELECT count(*) AS punct_sentences FROM entente.sentences('?!… — «» ...');

-- 10^6 repeated characters and a combining-mark flood
SELECT count(*) AS one_token, max(end_pos) AS last FROM entente.tokens(repeat('a', 1000000));
SELECT count(*) AS many_tokens FROM entente.tokens(repeat('a ', 500000));
SELECT count(*) AS one_sentence, max(length(sentence)) AS len FROM entente.sentences(repeat('ba', 500000));
SELECT count(*) AS many_sentences FROM entente.sentences(repeat('Da. ', 100000));
SELECT count(*) AS flood_tokens FROM entente.tokens('a' || repeat(U&'\0301', 100000) || ' b');
