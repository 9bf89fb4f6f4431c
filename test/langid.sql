-- Language identification: accuracy per language on the project's own
-- samples (data/langid, loaded by ./check into langid_samples), the sample
-- articles, and documented results for text without language.
\ir include/preamble.psql
BEGIN;
SELECT plan(51);

-- every one of the 20 languages, paragraphs >= 99 %, sentences >= 90 %
SELECT cmp_ok(
    (SELECT avg((entente.detect_language(txt) = lang)::int)::numeric FROM langid_samples s
      WHERE s.lang = l.lang AND kind = 'paragraph'),
    '>=', 0.99, l.lang || ': paragraphs (250+ characters; 120+ in zh, ja, ko)')
FROM unnest(ARRAY['vi','pl','it','en','ru','uk','fr','de','es','pt',
                  'nl','cs','ro','tr','id','ar','fa','zh','ja','ko']) l(lang);
SELECT cmp_ok(
    (SELECT avg((entente.detect_language(txt) = lang)::int)::numeric FROM langid_samples s
      WHERE s.lang = l.lang AND kind = 'sentence'),
    '>=', 0.90, l.lang || ': single sentences')
FROM unnest(ARRAY['vi','pl','it','en','ru','uk','fr','de','es','pt',
                  'nl','cs','ro','tr','id','ar','fa','zh','ja','ko']) l(lang);

-- the sample articles
SELECT is((SELECT count(*)::int FROM articles WHERE entente.detect_language(body) IS DISTINCT FROM lang),
          0, 'every sample article is identified');

-- text without language: NULL, and no rows from languages()
SELECT is(entente.detect_language(''), NULL, 'empty text: NULL');
SELECT is(entente.detect_language('12 345 678 !!! ...'), NULL, 'digits and punctuation: NULL');
SELECT is(entente.detect_language(E' \n\t '), NULL, 'white space: NULL');
SELECT is((SELECT count(*)::int FROM entente.languages('12 345')), 0, 'languages() of no letters: no rows');

-- languages(): ranked shares of a mixed document
SELECT is((SELECT round(sum(score)::numeric, 6) FROM entente.languages(
            (SELECT string_agg(txt, ' ') FROM langid_samples WHERE lang IN ('pl', 'vi') AND kind = 'paragraph'))),
          1.000000, 'scores sum to 1');
SELECT is((SELECT array_agg(lang ORDER BY lang) FROM entente.languages(
            (SELECT string_agg(txt, ' ') FROM langid_samples WHERE lang IN ('pl', 'vi') AND kind = 'paragraph'))),
          ARRAY['pl', 'vi'], 'a Polish and Vietnamese document has both');
SELECT ok((SELECT bool_and(score >= next_score) FROM (
             SELECT score, lead(score, 1, 0) OVER (ORDER BY ordinality) AS next_score
             FROM entente.languages((SELECT string_agg(txt, ' ') FROM langid_samples
                                     WHERE lang IN ('ru', 'de', 'fr') AND kind = 'paragraph'))
                  WITH ORDINALITY) x), 'most likely first');

-- huge input is sampled, not scanned whole
SELECT is(entente.detect_language(repeat((SELECT string_agg(txt, ' ') FROM langid_samples WHERE lang = 'uk'), 5000)),
          'uk', 'tens of MB');
SELECT is(entente.detect_language(repeat('a', 1000000)), NULL, 'a million repeated letters: no language');
SELECT is(entente.detect_language(repeat('Moskwa ', 100000)), NULL, 'one word repeated: no language');

SELECT * FROM finish();
ROLLBACK;
