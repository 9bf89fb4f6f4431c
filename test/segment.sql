-- Behaviour of tokens and sentences on the sample articles and hostile input.
\ir include/preamble.psql
BEGIN;
SELECT plan(32);

-- positions agree with substr() on every token and sentence of every article
SELECT is((SELECT count(*)::int FROM articles a, LATERAL entente.tokens(a.body, a.lang) t
            WHERE substr(a.body, t.start_pos, t.end_pos - t.start_pos + 1) <> t.token),
          0, 'token positions agree with substr()');
SELECT is((SELECT count(*)::int FROM articles a, LATERAL entente.sentences(a.body, a.lang) s
            WHERE substr(a.body, s.start_pos, s.end_pos - s.start_pos + 1) <> s.sentence),
          0, 'sentence positions agree with substr()');
SELECT is((SELECT count(*)::int FROM articles a, LATERAL entente.tokens(a.body, a.lang) t
            WHERE t.folded <> entente.fold(t.token)),
          0, 'folded is fold(token)');

-- sentences cover every letter of the article, in order, without overlap
SELECT is((SELECT count(*)::int FROM (
             SELECT a.id, s.start_pos, lag(s.end_pos) OVER (PARTITION BY a.id ORDER BY s.ord) AS prev_end
             FROM articles a, LATERAL entente.sentences(a.body, a.lang) s) x
            WHERE start_pos <= prev_end),
          0, 'sentences do not overlap');
SELECT is((SELECT sum(length(regexp_replace(body, '\s', '', 'g')))::int FROM articles),
          (SELECT sum(length(regexp_replace(s.sentence, '\s', '', 'g')))::int
             FROM articles a, LATERAL entente.sentences(a.body, a.lang) s),
          'sentences cover all non-space text');
-- every article starts with its headline, a line without final punctuation
SELECT is((SELECT count(*)::int FROM articles a
            WHERE (SELECT sentence FROM entente.sentences(a.body, a.lang) WHERE ord = 1) <> a.title),
          0, 'the headline is the first sentence of each article');

-- token kinds
SELECT is((SELECT array_agg(kind ORDER BY ord) FROM entente.tokens('Nga bán 4 Mi-35M, trị giá $1,5 tỷ!', 'vi')),
          ARRAY['word','word','number','word','punct','word','punct','word','word','symbol','number','word','punct'],
          'kinds: word, number, punct, symbol');
SELECT is((SELECT count(*)::int FROM entente.tokens(E'a \t\n b')), 2, 'white space is not a token');

-- abbreviations and initials do not end sentences, in several languages
SELECT is((SELECT count(*)::int FROM entente.sentences('Mr. Lavrov met Gen. Munir in St. Petersburg. Talks ended.', 'en')), 2, 'en titles');
SELECT is((SELECT count(*)::int FROM entente.sentences('Spotkali się gen. Kowalski i dr Nowak, m.in. w Warszawie. Rozmowy trwały.', 'pl')), 2, 'pl titles');
SELECT is((SELECT count(*)::int FROM entente.sentences('Il gen. Rossi e il Sig. Bianchi. Poi partono.', 'it')), 2, 'it titles');
SELECT is((SELECT count(*)::int FROM entente.sentences('В 2014 г. Россия продала их. Сделка состоялась.', 'ru')), 2, 'ru г.');
SELECT is((SELECT count(*)::int FROM entente.sentences('Am 3. März traf er z.B. Dr. Weber. Dann ging er.', 'de')), 2, 'de ordinals and z.B.');
SELECT is((SELECT count(*)::int FROM entente.sentences('Ông Nam đến TP. Hồ Chí Minh. Ông ở lại.', 'vi')), 2, 'vi TP.');
SELECT is((SELECT count(*)::int FROM entente.sentences('Er traf Weber. Dann ging er zu Müller. Sie sprachen.', 'de')), 3, 'de surnames end sentences');
SELECT is((SELECT count(*)::int FROM entente.sentences('They met Mr. Weber. Then they left.', 'en')), 2, 'en surnames end sentences');
SELECT is((SELECT count(*)::int FROM entente.sentences('George W. Bush met J. R. Smith. They spoke.', 'en')), 2, 'initials');
SELECT is((SELECT count(*)::int FROM entente.sentences('It is worth 1.1 billion. It grows 2.5 % a year.', 'en')), 2, 'decimal numbers');
SELECT is((SELECT count(*)::int FROM entente.sentences(E'Headline without a stop\nThe body starts here. It ends here.', 'en')), 3, 'headline ends at the line break');
SELECT is((SELECT count(*)::int FROM entente.sentences('中国和巴基斯坦签署了协议。双方同意加强合作！', 'zh')), 2, 'zh full-width stops');

-- bad arguments
SELECT throws_ok($$SELECT * FROM entente.tokens('x', 'zz')$$, '22023', 'unknown language code "zz"', 'unknown language');
SELECT throws_ok($$SELECT * FROM entente.sentences('x', 'en_US!')$$, '22023', NULL, 'malformed language code');
SELECT throws_ok($$SELECT * FROM entente.tokens('x', '')$$, '22023', NULL, 'empty language code');
SELECT lives_ok($$SELECT * FROM entente.tokens('x', 'VI')$$, 'language codes are case-insensitive');
SELECT lives_ok($$SELECT * FROM entente.sentences('x', 'pt-BR')$$, 'language codes may carry a region');

-- empty, NULL and hostile input
SELECT is((SELECT count(*)::int FROM entente.tokens(NULL, 'en')), 0, 'NULL input: no tokens');
SELECT is((SELECT count(*)::int FROM entente.sentences('')), 0, 'empty input: no sentences');
SELECT is((SELECT count(*)::int FROM entente.tokens(repeat('ba', 500000))), 1, '10^6 letters are one token');
SELECT is((SELECT count(*)::int FROM entente.sentences(repeat('Ha. ', 250000))), 250000, '250000 sentences');
SELECT is((SELECT max(end_pos) FROM entente.tokens(repeat('😀', 100000))), 100000, 'emoji positions count characters');

-- 100 MB: linear time, rows spill to disk rather than memory
CREATE TEMP TABLE big AS SELECT repeat('Nga và Pakistan ký thoả thuận. ', 3300000) AS s;
SELECT is((SELECT count(*)::int FROM big, LATERAL entente.sentences(s, 'vi')), 3300000, 'sentences of 100 MB');
SELECT is((SELECT count(*)::int FROM big, LATERAL entente.tokens(left(s, 31 * 322580), 'vi')), 7 * 322580, 'tokens of 10 MB');

SELECT * FROM finish();
ROLLBACK;
